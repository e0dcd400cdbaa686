package org.attune.ui.coding;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.attune.coding.CodedEvent;
import org.attune.coding.Coder;
import org.attune.coding.CodingPass;
import org.attune.coding.EventDraft;
import org.attune.coding.EventEdit;
import org.attune.coding.KeyCoding;
import org.attune.coding.KeyMap;
import org.attune.coding.MediaFile;
import org.attune.coding.PassIndex;
import org.attune.coding.PassStatus;
import org.attune.coding.Session;
import org.attune.coding.TimeFormat;
import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.KeyboardLayout;
import org.attune.store.Study;
import org.attune.store.StudyException;
import org.attune.ui.DialogService;
import org.attune.ui.OpenStudy;
import org.attune.ui.SplitMemory;
import org.attune.ui.Tasks;
import org.attune.ui.UserSettings;
import org.attune.ui.VideoJump;
import org.attune.ui.player.SessionPlayer;

/**
 * The coding workspace: one pass (session × coder) of the open study, coded from the keyboard while
 * the video plays. Every key press is decided by {@link KeyCoding} against the pass's {@link PassIndex}
 * and committed to the study file before the table and the timeline show it; the status line says so.
 * Around it: the {@link SessionPlayer} (one to four cameras) with its {@link TransportBar}, the
 * {@link CodingTimeline}, the {@link EventTable} (edits arrive through its host and are checked by
 * {@link EventEdit}), the {@link CodePalette} with running states lit, the {@link RatingsPanel}, and the
 * coder's {@link KeyMap} ({@link KeysDialog}). Keys are listed in the README's "Coding" section.
 */
public final class CodingWorkspace extends BorderPane {

    /** A pass as offered in the chooser. */
    public record PassChoice(CodingPass pass, Session session, Coder coder) {
        @Override
        public String toString() {
            return session.label() + " · " + coder.initials() + " (" + pass.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
        }
    }

    private final OpenStudy openStudy;
    private final UserSettings settings;
    /** Where the dividers start on a first run: video half the height, timeline to 78 %, then the table; the palette in the last fifth. */
    static final double[] ROWS_DEFAULT = {0.5, 0.78};
    static final double[] COLUMNS_DEFAULT = {0.8};
    /** Where the user's settings keep the dividers. */
    private static final String ROWS_KEY = "layout.coding.rows";
    private static final String COLUMNS_KEY = "layout.coding.columns";
    private SplitPane rows;
    private SplitPane columns;
    private final KeySettings keySettings;
    private KeyMap keys;
    private final DialogService dialogs;
    private KeyboardLayout layout;
    private final ObservableList<PassChoice> passes = FXCollections.observableArrayList();
    private final ObservableList<CodedEvent> events = FXCollections.observableArrayList();
    private final ChoiceBox<PassChoice> passChooser = new ChoiceBox<>(passes);
    private final StackPane videoArea = new StackPane();
    private final TransportBar transport = new TransportBar(() -> this.player, this::goToTime);
    private final Label status = new Label("Open a study to start coding.");
    private final CodePalette palette = new CodePalette();
    private final ModifierChooser chooser = new ModifierChooser();
    private final EventTable table = new EventTable(events, e -> scheme().code(e.code()).map(Code::label).orElse(""), new TableHost());
    /** The open pass as the coder changes it (the view model); null while no pass is shown. */
    private PassEditor editor;
    private static final PassIndex NO_PASS = new PassIndex();
    private long sessionMs = 60_000;
    private final CodingTimeline timeline = new CodingTimeline();
    private final RatingsPanel ratings = new RatingsPanel();
    private Study study;
    private PassChoice current;
    private SessionPlayer player;
    private long pendingSeekMs = -1;
    private long lastStampMs;
    private boolean choosing;
    private final javafx.scene.control.CheckBox pauseForModifiers = new javafx.scene.control.CheckBox("Pause to choose modifiers");
    private BorderPane timelinePane;
    private Label hint;
    private static final String CHOOSE_A_PASS = "Choose a pass to code above, or in the Study tab\n(double-click a coder's cell of a session).";
    private final Tasks tasks;
    private KeysDialog.Editor keyEditor = KeysDialog::show;
    /** A pass is being read: edits wait until it is shown. */
    private boolean loading;
    private final AnimationTimer clock = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (player != null) {
                player.tick();
                transport.showTime(player);
            }
            timeline.tick();
        }
    };

    /** A workspace with a study of its own (tests, benchmarks). */
    public CodingWorkspace(DialogService dialogs, KeyboardLayout layout) {
        this(new OpenStudy(), dialogs, layout, UserSettings.memory());
    }

    /** A workspace coding in the app's open study, shared with the study browser; key remapping comes from the user's settings. */
    public CodingWorkspace(OpenStudy openStudy, DialogService dialogs, KeyboardLayout layout, UserSettings settings) {
        this(openStudy, dialogs, layout, settings, Tasks.immediate());
    }

    /** @param tasks how a pass's events are read (in the app: in the background, the window not waiting) */
    public CodingWorkspace(OpenStudy openStudy, DialogService dialogs, KeyboardLayout layout, UserSettings settings, Tasks tasks) {
        this.tasks = tasks;
        this.openStudy = openStudy;
        this.settings = settings;
        this.dialogs = dialogs;
        this.keySettings = new KeySettings(settings);
        this.layout = keySettings.layout(layout);
        getStyleClass().add("coding-workspace");
        setTop(toolbar());
        // the video/timeline/table column and the palette, each divider where the coder last put it
        transport.setId("transport");
        columns = new SplitPane(centre(), paletteBox());
        SplitPane.setResizableWithParent(columns.getItems().get(1), false); // a wider window widens the video, not the palette
        columns.setId("codingColumns");
        SplitMemory.remember(columns, settings, COLUMNS_KEY, COLUMNS_DEFAULT);
        setCenter(columns);
        status.getStyleClass().add("status-bar");
        status.setMaxWidth(Double.MAX_VALUE);
        status.setId("saveStatus");
        setBottom(status);
        passChooser.valueProperty().addListener((o, a, p) -> {
            if (p != null && !choosing && p != current) openPass(p);
        });
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        openStudy.studyProperty().addListener((o, a, s) -> studyChanged(s));
        openStudy.revisionProperty().addListener((o, a, b) -> reloadPasses());
        setFocusTraversable(true);
        clock.start();
    }

    private HBox toolbar() {
        passChooser.setId("pass");
        passChooser.setPrefWidth(240);
        Button closePass = new Button("Close pass");
        closePass.setId("closePass");
        closePass.setFocusTraversable(false);
        closePass.setOnAction(e -> {
            closePass();
            choosing = true;
            passChooser.setValue(null);
            choosing = false;
            if (study != null) status.setText(study.name() + ": choose a pass to code.");
        });
        closePass.disableProperty().bind(passChooser.valueProperty().isNull());
        Button keysButton = new Button("Keys…");
        keysButton.setId("keys");
        keysButton.setFocusTraversable(false);
        keysButton.setTooltip(new javafx.scene.control.Tooltip("Your keys for codes and the player; conflicts are flagged"));
        keysButton.setOnAction(e -> editKeys());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        pauseForModifiers.setSelected(settings.getBoolean("coding.pauseForModifiers", true));
        pauseForModifiers.setFocusTraversable(false);
        pauseForModifiers.setId("pauseForModifiers");
        pauseForModifiers.setTooltip(new javafx.scene.control.Tooltip("Pause the video while the modifier chooser is open (the event keeps the time of the key press either way)"));
        pauseForModifiers.selectedProperty().addListener((o, a, on) -> settings.put("coding.pauseForModifiers", Boolean.toString(on)));
        HBox bar = new HBox(10, new Label("Pass"), passChooser, closePass, gap, pauseForModifiers, keysButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        bar.getStyleClass().add("agreement-controls");
        return bar;
    }

    private SplitPane centre() {
        videoArea.getStyleClass().add("video-area");
        hint = new Label(CHOOSE_A_PASS);
        hint.getStyleClass().add("video-hint");
        videoArea.getChildren().add(hint);
        videoArea.setMinHeight(120);
        Button zoomIn = new Button("+");
        zoomIn.setId("zoomIn");
        zoomIn.setTooltip(new javafx.scene.control.Tooltip("Timeline: show less time (Ctrl+wheel on the timeline zooms around the mouse)"));
        zoomIn.setOnAction(e -> timeline.zoom(1 / 2.0));
        Button zoomOut = new Button("−");
        zoomOut.setTooltip(new javafx.scene.control.Tooltip("Timeline: show more time"));
        zoomOut.setOnAction(e -> timeline.zoom(2.0));
        Button whole = new Button("Whole");
        whole.setTooltip(new javafx.scene.control.Tooltip("Timeline: the whole session"));
        whole.setOnAction(e -> timeline.showWhole());
        for (Button b : List.of(zoomIn, zoomOut, whole)) b.setFocusTraversable(false);
        Label zoomLabel = new Label("TIMELINE");
        zoomLabel.getStyleClass().add("section-header");
        Label timelineHint = new Label("click: show the moment · drag an edge: move it · drag: pan · Ctrl+wheel: zoom");
        timelineHint.getStyleClass().add("placeholder");
        javafx.scene.control.CheckBox onlyCoded = new javafx.scene.control.CheckBox("Coded lanes only");
        onlyCoded.setFocusTraversable(false);
        onlyCoded.setId("onlyCoded");
        onlyCoded.selectedProperty().addListener((o, a, on) -> timeline.setOnlyCoded(on));
        for (javafx.scene.control.Control c : List.of(zoomLabel, zoomOut, zoomIn, whole, onlyCoded)) c.setMinWidth(Region.USE_PREF_SIZE);
        timelineHint.setTooltip(new javafx.scene.control.Tooltip(timelineHint.getText())); // the one text that may shorten in a narrow window
        HBox timelineBar = new HBox(6, zoomLabel, zoomOut, zoomIn, whole, onlyCoded, timelineHint);
        timelineBar.setAlignment(Pos.CENTER_LEFT);
        timelineBar.setPadding(new Insets(2, 8, 2, 8));
        timelinePane = new BorderPane(timeline);
        // the transport heads the timeline's pane, not the foot of the video's: a pane's top always gets its
        // full height (both rows when the bar wraps in a narrow window), where the video's foot could slide
        // under a divider; the timeline is what gives way
        timelinePane.setTop(new VBox(transport, timelineBar));
        StackPane top = new StackPane(videoArea, chooser);

        timeline.setId("timeline");
        timeline.setSources(() -> player == null ? lastStampMs : player.stampMs(), ms -> player == null ? ms : player.snap(ms),
                ms -> {
                    if (player != null) player.seekStored(ms);
                }, this::moveEdge);
        SplitPane split = new SplitPane(top, timelinePane, table);
        rows = split;
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setId("codingRows");
        SplitMemory.remember(split, settings, ROWS_KEY, ROWS_DEFAULT);
        return split;
    }

    private ScrollPane paletteBox() {
        ratings.setOnRate(this::rate);
        ScrollPane sp = new ScrollPane(new VBox(palette, ratings));
        sp.setId("paletteScroll");
        sp.setPrefWidth(260);
        sp.setMinWidth(180); // names wrap rather than vanish when the coder narrows the palette
        sp.setFitToWidth(true);
        sp.setFocusTraversable(false);
        return sp;
    }

    /** Opens a study for coding (read-write: coding writes to it). */
    public void open(Path file) {
        try {
            Study opened = openStudy.open(file);
            org.attune.ui.ReadOnlyNotice.showIfReadOnly(dialogs, opened, "code in it");
        } catch (StudyException e) {
            dialogs.showError("This study cannot be opened", e.getMessage());
        }
    }

    private void studyChanged(Study s) {
        closePass();
        study = s;
        passes.clear();
        if (s == null) {
            palette.clear();
            status.setText("Open a study to start coding.");
            return;
        }
        keys = keySettings.load(s.scheme());
        palette.show(s.scheme(), keys, layout);
        timeline.setScheme(s.scheme());
        ratings.setScheme(s.scheme());
        reloadPasses();
        status.setText(s.isReadOnly() ? s.name() + " is read-only here: you can look but not code." : s.name() + ": choose a pass to code.");
    }

    /** Reads the study's passes again (a session, coder or pass was added in the study browser). */
    private void reloadPasses() {
        if (study == null) return;
        try {
            List<PassChoice> all = new ArrayList<>();
            Map<Long, Session> sessions = new LinkedHashMap<>();
            for (Session x : study.sessions()) sessions.put(x.id(), x);
            Map<Long, Coder> coders = new LinkedHashMap<>();
            for (Coder c : study.coders()) coders.put(c.id(), c);
            for (CodingPass p : study.passes()) all.add(new PassChoice(p, sessions.get(p.sessionId()), coders.get(p.coderId())));
            PassChoice keep = current;
            passes.setAll(all);
            if (keep != null) {
                // the same pass, with its status as now stored; the chooser shows it without reopening it
                current = all.stream().filter(p -> p.pass().id() == keep.pass().id()).findFirst().orElse(null);
                if (current != null) {
                    choosing = true;
                    passChooser.setValue(current);
                    choosing = false;
                    openStudy.activePassProperty().set(current.pass());
                    if (editor != null) editor.passStatusIs(current.pass().status());
                    // marked done from the study browser, which may have ended running states: show them ended
                    if (current.pass().status() == PassStatus.DONE && keep.pass().status() != PassStatus.DONE) refresh();
                }
            }
        } catch (StudyException e) {
            dialogs.showError("The study cannot be read", e.getMessage());
        }
    }

    /** Opens the pass of a session and coder (from the study browser). */
    public void openPass(long passId) {
        reloadPasses();
        passes.stream().filter(p -> p.pass().id() == passId).findFirst().ifPresent(p -> passChooser.setValue(p));
    }

    /** Shows a moment of a session's video in a coder's pass, opening the study and the pass as needed. */
    public void show(VideoJump jump) {
        if (study == null || !study.path().toAbsolutePath().normalize().equals(jump.study().toAbsolutePath().normalize())) open(jump.study());
        if (study == null) return;
        Optional<PassChoice> pass = passes.stream().filter(p -> p.session().label().equals(jump.session()) && p.coder().initials().equals(jump.coder())).findFirst();
        if (pass.isEmpty()) {
            dialogs.showError("There is no such pass", jump.coder() + " has no pass of session " + jump.session() + " in this study.");
            return;
        }
        pendingSeekMs = jump.atMs();
        if (pass.get().equals(current) && player != null) {
            player.seekStored(pendingSeekMs);
            pendingSeekMs = -1;
        } else {
            passChooser.setValue(pass.get()); // opens the pass; the seek follows when the video is ready
        }
    }

    /** What opening a pass reads from the study (in the background: 100,000 events take a third of a second). */
    private record PassData(List<MediaFile> media, List<CodedEvent> events, Map<String, Integer> ratings) {
    }

    /**
     * Where the coder last was in a pass, kept in the user's settings (per user, per study file, per
     * pass; never in the study): a pass reopens there instead of at frame 0.
     */
    private String lastPlaceKey(PassChoice p) {
        return "coding.lastPlace." + Integer.toHexString(study.path().toAbsolutePath().normalize().toString().hashCode()) + "." + p.pass().id();
    }

    /** How Keys… asks for keys (tests answer with a script instead of the dialog). */
    void setKeyEditor(KeysDialog.Editor editor) {
        this.keyEditor = editor;
    }

    /** Opens a pass: its events (read in the background, the window not waiting), then its session's first video. */
    public void openPass(PassChoice p) {
        closePass();
        current = p;
        openStudy.activePassProperty().set(p.pass());
        loading = true;
        Study s = study;
        status.setText("Opening " + p + "…");
        tasks.run(() -> new PassData(s.media(p.session().id()), s.events().list(p.pass().id()), s.events().ratings(p.pass().id())), data -> {
            if (current != p || study != s) return; // another pass or study was opened meanwhile
            loading = false;
            showPass(p, data);
        }, failure -> {
            if (current != p) return;
            loading = false;
            if (failure instanceof StudyException e) dialogs.showError("The pass cannot be opened", e.getMessage());
            else dialogs.showFailure("The pass cannot be opened", failure);
        });
    }

    private void showPass(PassChoice p, PassData data) {
        editor = new PassEditor(study, p, events, dialogs, timeline::eventChanged, () -> Platform.runLater(openStudy::changed),
                openStudy::noteEdit, status::setText);
        ratings.setEnabled(true);
        List<MediaFile> media = data.media();
        sessionMs = media.stream().map(MediaFile::durationMs).filter(java.util.Objects::nonNull).mapToLong(Long::longValue).max().orElse(60_000);
        show(data.events(), data.ratings(), true);
        status.setText("Coding " + p + ". All changes saved.");
        if (media.isEmpty()) {
            status.setText(p.session().label() + " has no video attached; you can still edit events in the table.");
            hint.setText(p.session().label() + " has no video attached.\nAttach one in the Study tab (select the session, then \"Attach video…\").");
            return;
        }
        List<SessionPlayer.Camera> cameras = media.stream().limit(4)
                .map(m -> new SessionPlayer.Camera(study.resolveMedia(m), m.offsetMs(), m.fps())).toList();
        SessionPlayer.open(cameras, vp -> {
            if (current == null || current.pass().id() != p.pass().id()) { // another pass was opened meanwhile
                vp.close();
                return;
            }
            player = vp;
            videoArea.getChildren().setAll(vp.view());
            if (vp.durationMs() > 0 && vp.durationMs() != sessionMs) {
                sessionMs = vp.durationMs();
                timeline.setEvents(events, index().running(), sessionMs, true);
            }
            transport.applyTo(vp);
            if (pendingSeekMs < 0) pendingSeekMs = settings.get(lastPlaceKey(p)).filter(v -> v.matches("\\d{1,15}")).map(Long::parseLong).orElse(-1L); // where this coder left it
            if (pendingSeekMs >= 0) vp.seekStored(pendingSeekMs);
            else vp.showFrame(0);
            pendingSeekMs = -1;
            status.setText("Coding " + p + (vp.cameras() > 1 ? " (" + vp.cameras() + " cameras, kept in step with camera 1)" : "") + ". All changes saved.");
            requestFocus();
        }, message -> dialogs.showError("The video cannot be played", message));
    }

    CodingScheme scheme() {
        return study.scheme();
    }

    private void onKey(KeyEvent e) {
        if (study == null || current == null) {
            // the keys of the player are the workspace's even with no pass open: they must not reach the tab strip
            if (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.RIGHT || e.getCode() == KeyCode.SPACE) {
                status.setText(study == null ? "Open a study to start coding." : "Choose a pass to code first (above, or in the Study tab).");
                e.consume();
            }
            return;
        }
        if (e.getTarget() instanceof javafx.scene.control.TextInputControl) return; // typing in a field (an edited cell)
        if (chooser.isOpen()) {
            chooseModifier(e);
            e.consume();
            return;
        }
        if (e.isShortcutDown() && e.getCode() == KeyCode.Z) {
            undoRedo(e.isShiftDown());
            e.consume();
            return;
        }
        if (table.hasFocus() && table.onKey(e)) return;
        if (e.isShortcutDown() && e.getCode() == KeyCode.G) {
            goToTime();
            e.consume();
            return;
        }
        if (player == null) return;
        switch (e.getCode()) {
            case SPACE -> transport.togglePlay();
            case LEFT, RIGHT -> {
                int sign = e.getCode() == KeyCode.LEFT ? -1 : 1;
                if (e.isShortcutDown() && e.isShiftDown()) player.jump(sign * 30_000L);
                else if (e.isShiftDown()) player.jump(sign * 5_000L);
                else if (e.isShortcutDown()) player.jump(sign * 1_000L);
                else player.step(sign);
            }
            default -> {
                if (e.isShortcutDown() || e.isAltDown()) return;
                Optional<String> physical = FxKeys.physicalCode(e, layout);
                if (physical.isEmpty()) return;
                if (!press(physical.get())) return;
            }
        }
        e.consume();
    }

    /** A key from the coder's key map: a code, a transport action, or a conflict to report. False if the key is not bound. */
    private boolean press(String physicalKey) {
        KeyMap.Binding b = keys.binding(physicalKey);
        if (b instanceof KeyMap.TransportKey t) {
            transport(t.action());
            return true;
        }
        if (b instanceof KeyMap.Conflict c) {
            status.setText("Nothing coded: " + c.describe() + ". Choose another key for one of them (Keys…).");
            return true;
        }
        if (b instanceof KeyMap.CodeKey key) {
            code(key.code(), player.stampMs());
            return true;
        }
        return false;
    }

    private void transport(KeyMap.Transport action) {
        switch (action) {
            case PLAY -> player.play();
            case STOP -> player.pause();
            case PLAY_PAUSE -> transport.togglePlay();
            case STEP_BACK -> player.step(-1);
            case STEP_FORWARD -> player.step(1);
            case SLOWER -> transport.slower();
            case FASTER -> transport.faster();
            case BACK_1S -> player.jump(-1000);
            case FORWARD_1S -> player.jump(1000);
            case BACK_5S -> player.jump(-5000);
            case FORWARD_5S -> player.jump(5000);
            case BACK_30S -> player.jump(-30_000);
            case FORWARD_30S -> player.jump(30_000);
            default -> { }
        }
    }

    /** Saves a key map as the coder's own and shows it in the palette. */
    void saveKeys(KeyMap map) {
        keys = keySettings.save(map);
        palette.show(map.scheme(), keys, layout);
        refreshPalette();
    }

    /** Applies one code key press at a stamped time (public for tests and the benchmark). */
    public void code(String physicalKey, long stampMs) {
        lastStampMs = stampMs; // without a video, the timeline's playhead stays where the last press was stamped
        if (keys.binding(physicalKey) instanceof KeyMap.CodeKey key) code(key.code(), stampMs);
    }

    private void code(Code code, long stampMs) {
        if (!mayEdit()) return;
        try {
            table.clearSelection();
            Optional<KeyCoding.ChooseModifiers> ask = editor.code(code, stampMs);
            if (ask.isPresent()) {
                showChooser(ask.get());
                return;
            }
            markCoded(editor.lastCoded());
        } catch (StudyException ex) {
            dialogs.showError("The event was not saved", ex.getMessage());
        }
    }

    /** After a key press: the palette's running states, the row just coded marked. */
    private void markCoded(Optional<PassEditor.Coded> c) {
        refreshPalette();
        c.ifPresent(x -> table.markLastCoded(x.event().id(), x.row()));
    }

    /**
     * Whether the open pass may be changed now: it is shown (not still being read), and the pass
     * editor agrees (not read-only; a pass marked done only once the coder reopens it).
     */
    private boolean mayEdit() {
        if (loading || editor == null) {
            status.setText("The pass is still opening: nothing was changed.");
            return false;
        }
        return editor.mayEdit();
    }

    /** What the event table asks for, done on the study. */
    private final class TableHost implements EventTable.Host {
        @Override
        public void edit(CodedEvent e, EventEdit.Field field, String text) {
            editField(e, field, text);
        }

        @Override
        public void setTimeToFrameOnScreen(CodedEvent e, EventEdit.Field which) {
            if (player == null || !mayEdit()) return;
            commitEdit(e, EventEdit.setTime(scheme(), e, which, player.stampMs(), index()), which.name().toLowerCase(Locale.ROOT));
        }

        @Override
        public void delete(List<CodedEvent> events) {
            deleteEvents(events);
        }

        @Override
        public void show(CodedEvent e) {
            if (player != null) player.seekStored(e.onsetMs());
        }

        @Override
        public void backToCoding() {
            requestFocus();
        }

        @Override
        public void say(String message) {
            status.setText(message);
        }
    }

    /** Commits an edit typed in a cell, or says in the status line what is wrong with it (the table keeps the old value). */
    void editField(CodedEvent e, EventEdit.Field field, String text) {
        if (!mayEdit()) {
            table.refresh();
            return;
        }
        EventEdit.Result r = EventEdit.apply(scheme(), e, field, text == null ? "" : text, ms -> player == null ? ms : player.snap(ms), index());
        commitEdit(e, r, field.name().toLowerCase(Locale.ROOT));
    }

    private void commitEdit(CodedEvent e, EventEdit.Result r, String what) {
        try {
            OptionalInt row = editor.change(e, r, what);
            if (row.isEmpty()) {
                table.refresh();
                return;
            }
            refreshPalette();
            table.select(row.getAsInt());
        } catch (StudyException ex) {
            dialogs.showError("The event was not changed", ex.getMessage());
        }
    }

    /** Deletes events (each one undo step). */
    private void deleteEvents(List<CodedEvent> doomed) {
        if (doomed.isEmpty() || !mayEdit()) return;
        try {
            editor.delete(doomed);
            table.clearSelection();
            refreshPalette();
        } catch (StudyException ex) {
            dialogs.showError("The event was not deleted", ex.getMessage());
        }
    }

    /** A session rating set (or cleared) in the ratings panel: one undoable step, like an event. */
    private void rate(String code, Integer value) {
        if (current == null || editor == null) return;
        if (!mayEdit()) {
            refresh();
            return;
        }
        try {
            editor.rate(code, value);
        } catch (StudyException ex) {
            dialogs.showError("The rating was not saved", ex.getMessage());
        }
    }

    /** Asks for a time and shows the frame there. */
    private void goToTime() {
        if (player == null) return;
        dialogs.askText("Go to time", "Go to a time in the session (00:01:23.456, 1:23.456 or 83.456 seconds).",
                TimeFormat.clock(player.stampMs())).ifPresent(text -> {
            Optional<Long> t = TimeFormat.parseClock(text);
            if (t.isEmpty()) status.setText("\"" + text + "\" is not a time: write 00:01:23.456, 1:23.456 or 83.456 (seconds).");
            else player.seekStored(t.get());
        });
        requestFocus();
    }

    /** A state bar's edge dragged on the timeline: the event's new onset or offset, committed as one undoable change. */
    private void moveEdge(CodedEvent e, long onsetMs, Long offsetMs) {
        if (current == null || !mayEdit()) return;
        try {
            int row = editor.moveEdge(e, onsetMs, offsetMs);
            table.markLastCoded(e.id(), row);
            refreshPalette();
        } catch (StudyException ex) {
            dialogs.showError("The event was not changed", ex.getMessage());
        }
    }

    private void showChooser(KeyCoding.ChooseModifiers ask) {
        chooser.open(ask);
        if (player != null && pauseForModifiers.isSelected()) player.pause();
    }

    private void chooseModifier(KeyEvent e) {
        ModifierChooser.Outcome o = chooser.key(e);
        if (o instanceof ModifierChooser.Cancelled c) {
            status.setText("Cancelled: no " + c.ask().code().label() + " was coded.");
        } else if (o instanceof ModifierChooser.Chosen c) {
            try {
                table.clearSelection();
                markCoded(editor.apply(KeyCoding.withModifiers(scheme(), c.ask().code(), c.ask().atMs(), c.modifiers(), index())));
            } catch (StudyException ex) {
                dialogs.showError("The event was not saved", ex.getMessage());
            }
        }
    }

    private void undoRedo(boolean redo) {
        if (!mayEdit()) return;
        try {
            Map<String, Integer> now = editor.undoRedo(redo);
            shown(now, false);
        } catch (StudyException ex) {
            dialogs.showError(redo ? "Redo failed" : "Undo failed", ex.getMessage());
        }
    }

    /** Reads the pass's events again (marked done elsewhere, which may have ended running states). */
    private void refresh() {
        if (editor == null) return;
        try {
            shown(editor.reload(), false);
        } catch (StudyException ex) {
            dialogs.showError("The events cannot be read", ex.getMessage());
        }
    }

    /** Shows a pass's events and ratings as the editor now holds them: timeline, palette, ratings. */
    private void show(List<CodedEvent> list, Map<String, Integer> passRatings, boolean newPass) {
        editor.show(list);
        shown(passRatings, newPass);
    }

    private void shown(Map<String, Integer> passRatings, boolean newPass) {
        if (newPass && !events.isEmpty()) sessionMs = Math.max(sessionMs, events.get(events.size() - 1).onsetMs() + 1000);
        timeline.setEvents(events, index().running(), sessionMs, newPass);
        refreshPalette();
        ratings.show(passRatings);
    }

    /** The open pass's running states and state bouts (none while no pass is shown). */
    private PassIndex index() {
        return editor == null ? NO_PASS : editor.index();
    }

    private void refreshPalette() {
        palette.showRunning(index().running().keySet());
    }

    /** Closes the pass: its video, its events. */
    /** Keys… : the coder's keys for codes and the player, conflicts flagged; saved in the user's settings. */
    public void editKeys() {
        if (keys != null) keyEditor.edit(getScene().getWindow(), keys, layout).ifPresent(choice -> {
            layout = choice.layout();
            keySettings.saveLayout(layout);
            saveKeys(choice.keys());
        });
        requestFocus();
    }

    /** View ▸ Reset the layout: the dividers where they start on a first run. */
    public void resetLayout() {
        SplitMemory.reset(rows, settings, ROWS_KEY, ROWS_DEFAULT);
        SplitMemory.reset(columns, settings, COLUMNS_KEY, COLUMNS_DEFAULT);
    }

    public void closePass() {
        loading = false;
        if (player != null && current != null && study != null) settings.put(lastPlaceKey(current), Long.toString(player.stampMs()));
        if (player != null) player.close();
        player = null;
        current = null;
        chooser.close();
        events.clear();
        ratings.show(Map.of());
        ratings.setEnabled(false);
        editor = null;
        timeline.setEvents(events, index().running(), sessionMs, true);
        hint.setText(CHOOSE_A_PASS);
        videoArea.getChildren().setAll(hint);
        refreshPalette();
        if (openStudy.activePass() != null) openStudy.activePassProperty().set(null);
    }

    /** Closes the pass and the study. */
    public void close() {
        openStudy.close();
    }

    /** Repaints the timeline now, as the next animation pulse would (the benchmark times it). */
    public void repaintTimeline() {
        timeline.tick();
    }

    /** Draws the whole timeline again, as a zoom or a scroll does (public for the benchmark). */
    public void redrawTimeline() {
        timeline.redrawWhole();
    }

    // for tests
    ObservableList<CodedEvent> events() {
        return events;
    }

    /** The passes of the open study, as offered in the chooser. */
    public List<PassChoice> passChoices() {
        return List.copyOf(passes);
    }

    SessionPlayer player() {
        return player;
    }

    /** The key cap the palette shows for a code (tests). */
    String keyCapInPalette(String codeId) {
        return palette.keyCap(codeId);
    }

    List<String> runningInPalette() {
        return palette.lit();
    }
}
