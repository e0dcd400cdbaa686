package org.attune.ui.coding;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.attune.coding.CodedEvent;
import org.attune.coding.Coder;
import org.attune.coding.CodingPass;
import org.attune.coding.EventEdit;
import org.attune.coding.KeyCoding;
import org.attune.coding.KeyMap;
import org.attune.coding.PassIndex;
import org.attune.coding.PassStatus;
import org.attune.coding.Session;
import org.attune.coding.TimeFormat;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.KeyboardLayout;
import org.attune.ui.DialogService;
import org.attune.ui.OpenStudy;
import org.attune.ui.SplitMemory;
import org.attune.ui.Tasks;
import org.attune.ui.UserSettings;
import org.attune.ui.VideoJump;
import org.attune.ui.player.SessionPlayer;

/**
 * The coding workspace: one pass (session × coder) of the open study, coded from the keyboard while
 * the video plays. This view puts the parts together and follows the pass's life (chosen in the
 * {@link PassBar}, read in the background, closed); the study is reached only through its view model
 * ({@link CodingViewModel}) and the pass's {@link PassEditor}. Every key press is decided by
 * {@link KeyCoding} against the pass's {@link PassIndex} and committed to the study file before the
 * table and the timeline show it ({@link PassActions}, which also takes the {@link EventTable}'s edits,
 * checked by {@link EventEdit}); the status line says so. Around it: the {@link SessionPlayer} (one to
 * four cameras) with its {@link TransportBar}, the {@link TimelinePane}, the {@link CodePalette} with
 * running states lit, the {@link RatingsPanel}, and the coder's {@link KeyMap} ({@link KeysDialog}).
 * Keys are listed in the README's "Coding" section.
 */
public final class CodingWorkspace extends BorderPane {

    /** A pass as offered in the chooser. */
    public record PassChoice(CodingPass pass, Session session, Coder coder) {
        @Override
        public String toString() {
            return session.label() + " · " + coder.initials() + " (" + pass.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
        }
    }

    private final CodingViewModel model;
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
    private final PassBar passBar;
    private final StackPane videoArea = new StackPane();
    private final TransportBar transport = new TransportBar(() -> this.player, this::goToTime);
    private final Label status = new Label("Open a study to start coding.");
    private final CodePalette palette = new CodePalette();
    private final ModifierChooser chooser = new ModifierChooser();
    /** What the coder does to the open pass, shown in the table, timeline, palette and ratings. */
    private final PassActions actions;
    private final CodingTimeline timeline = new CodingTimeline();
    private final RatingsPanel ratings = new RatingsPanel();
    private PassChoice current;
    private SessionPlayer player;
    private long pendingSeekMs = -1;
    private long lastStampMs;
    private Label hint;
    private static final String CHOOSE_A_PASS = "Choose a pass to code above, or in the Study tab\n(double-click a coder's cell of a session).";
    private final Tasks tasks;
    private KeysDialog.Editor keyEditor = KeysDialog::show;
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
        this.model = new CodingViewModel(openStudy, dialogs, settings);
        this.settings = settings;
        this.dialogs = dialogs;
        this.keySettings = new KeySettings(settings);
        this.layout = keySettings.layout(layout);
        getStyleClass().add("coding-workspace");
        passBar = new PassBar(passes, settings, p -> {
            if (p != current) openPass(p);
        }, this::closePassAndSay, this::editKeys);
        setTop(new VBox(passBar, ServerBanner.of(model.serverOutage())));
        actions = new PassActions(events, timeline, palette, ratings, chooser, () -> player, this.passBar::pausesForModifiers, status::setText, this::requestFocus);
        // the video/timeline/table column and the palette, each divider where the coder last put it
        transport.setId("transport");
        columns = new SplitPane(centre(), paletteBox());
        SplitPane.setResizableWithParent(columns.getItems().get(1), false); // a wider window widens the video, not the palette
        columns.setId("codingColumns");
        SplitMemory.remember(columns, settings, COLUMNS_KEY, COLUMNS_DEFAULT);
        setCenter(columns);
        StatusLine.style(status);
        setBottom(status);
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        model.onStudyChanged(this::studyChanged);
        model.onChangedElsewhere(this::reloadPasses);
        setFocusTraversable(true);
        clock.start();
    }

    private SplitPane centre() {
        videoArea.getStyleClass().add("video-area");
        hint = new Label(CHOOSE_A_PASS);
        hint.getStyleClass().add("video-hint");
        videoArea.getChildren().add(hint);
        videoArea.setMinHeight(120);
        StackPane top = new StackPane(videoArea, chooser);

        timeline.setId("timeline");
        timeline.setSources(() -> player == null ? lastStampMs : player.stampMs(), ms -> player == null ? ms : player.snap(ms),
                ms -> {
                    if (player != null) player.seekStored(ms);
                }, actions::moveEdge);
        SplitPane split = new SplitPane(top, new TimelinePane(timeline, transport), actions.table());
        rows = split;
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setId("codingRows");
        SplitMemory.remember(split, settings, ROWS_KEY, ROWS_DEFAULT);
        return split;
    }

    private ScrollPane paletteBox() {
        ScrollPane sp = new ScrollPane(new VBox(palette, ratings));
        sp.setId("paletteScroll");
        sp.setPrefWidth(260);
        sp.setMinWidth(180); // names wrap rather than vanish when the coder narrows the palette
        sp.setFitToWidth(true);
        sp.setFocusTraversable(false);
        return sp;
    }

    /** Close pass: the video and events go; the study stays open. */
    private void closePassAndSay() {
        closePass();
        passBar.show(null);
        if (model.hasStudy()) status.setText(model.studyName() + ": choose a pass to code.");
    }

    /** Opens a study for coding (read-write: coding writes to it). */
    public void open(Path file) {
        model.open(file);
    }

    private void studyChanged() {
        closePass();
        passes.clear();
        if (!model.hasStudy()) {
            palette.clear();
            status.setText("Open a study to start coding.");
            return;
        }
        CodingScheme scheme = model.scheme();
        keys = keySettings.load(scheme);
        palette.show(scheme, keys, layout);
        timeline.setScheme(scheme);
        ratings.setScheme(scheme);
        reloadPasses();
        String name = model.studyName();
        status.setText(model.isReadOnly() ? name + " is read-only here: you can look but not code." : name + ": choose a pass to code.");
    }

    /** Reads the study's passes again (a session, coder or pass was added in the study browser). */
    private void reloadPasses() {
        if (!model.hasStudy()) return;
        model.readPasses().ifPresent(all -> {
            PassChoice keep = current;
            passes.setAll(all);
            if (keep != null) {
                // the same pass, with its status as now stored; the chooser shows it without reopening it
                current = all.stream().filter(p -> p.pass().id() == keep.pass().id()).findFirst().orElse(null);
                if (current != null) {
                    passBar.show(current);
                    model.setActivePass(current.pass());
                    if (actions.editor() != null) actions.editor().passStatusIs(current.pass().status());
                    // marked done from the study browser, which may have ended running states: show them ended
                    if (current.pass().status() == PassStatus.DONE && keep.pass().status() != PassStatus.DONE) actions.refresh();
                }
            }
        });
    }

    /** Opens the pass of a session and coder (from the study browser). */
    public void openPass(long passId) {
        reloadPasses();
        passes.stream().filter(p -> p.pass().id() == passId).findFirst().ifPresent(passBar::choose);
    }

    /** Reads the open pass's events again (changed outside the workspace: a consensus decision). */
    public void refreshPass() {
        actions.refresh();
    }

    /** Shows a moment of a session's video in a coder's pass, opening the study and the pass as needed. */
    public void show(VideoJump jump) {
        if (!model.isOpen(jump.study())) open(jump.study());
        if (!model.hasStudy()) return;
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
            passBar.choose(pass.get()); // opens the pass; the seek follows when the video is ready
        }
    }

    /** How Keys… asks for keys (tests answer with a script instead of the dialog). */
    void setKeyEditor(KeysDialog.Editor editor) {
        this.keyEditor = editor;
    }

    /** Opens a pass: its events (read in the background, the window not waiting), then its session's first video. */
    public void openPass(PassChoice p) {
        closePass();
        current = p;
        model.setActivePass(p.pass());
        actions.setLoading(true);
        status.setText("Opening " + p + "…");
        // in the background: 100,000 events take a third of a second
        tasks.run(model.passReader(p), data -> {
            if (current != p || !model.isCurrent(data)) return; // another pass or study was opened meanwhile
            actions.setLoading(false);
            if (model.videosChecked(data)) showPass(p, data);
            else closePassAndSay();
        }, failure -> {
            if (current != p) return;
            actions.setLoading(false);
            model.passNotRead(failure);
        });
    }

    private void showPass(PassChoice p, CodingViewModel.PassData data) {
        PassEditor editor = model.editor(p, data, events, timeline::eventChanged, () -> Platform.runLater(model::changed), status::setText);
        actions.showPass(editor, data.events(), data.ratings(), data.longestVideoMs() > 0 ? data.longestVideoMs() : 60_000);
        Optional<String> heldBy = data.heldBy().map(h -> p + " is being coded by " + h + ": open here to look at only."); // a lab study's
        status.setText(heldBy.orElse("Coding " + p + ". All changes saved."));
        List<SessionPlayer.Camera> cameras = data.cameras();
        if (cameras.isEmpty()) {
            status.setText(heldBy.orElse(p.session().label() + " has no video attached; you can still edit events in the table."));
            hint.setText(p.session().label() + " has no video attached.\nAttach one in the Study tab (select the session, then \"Attach video…\").");
            return;
        }
        SessionPlayer.open(cameras, vp -> {
            if (current == null || current.pass().id() != p.pass().id()) { // another pass was opened meanwhile
                vp.close();
                return;
            }
            player = vp;
            videoArea.getChildren().setAll(vp.view());
            actions.setSessionMs(vp.durationMs());
            transport.applyTo(vp);
            if (pendingSeekMs < 0) pendingSeekMs = settings.get(model.lastPlaceKey(p)).filter(v -> v.matches("\\d{1,15}")).map(Long::parseLong).orElse(-1L); // where this coder left it
            if (pendingSeekMs >= 0) vp.seekStored(pendingSeekMs);
            else vp.showFrame(0);
            pendingSeekMs = -1;
            StatusLine.say(status, heldBy.orElse("Coding " + p + (vp.cameras() > 1 ? " (" + vp.cameras() + " cameras, kept in step with camera 1)" : "")
                    + ". All changes saved."), vp.notices());
            requestFocus();
        }, message -> dialogs.showError("The video cannot be played", message));
    }

    CodingScheme scheme() {
        return model.scheme();
    }

    private void onKey(KeyEvent e) {
        if (!model.hasStudy() || current == null) {
            // the keys of the player are the workspace's even with no pass open: they must not reach the tab strip
            if (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.RIGHT || e.getCode() == KeyCode.SPACE) {
                status.setText(!model.hasStudy() ? "Open a study to start coding." : "Choose a pass to code first (above, or in the Study tab).");
                e.consume();
            }
            return;
        }
        if (e.getTarget() instanceof javafx.scene.control.TextInputControl) return; // typing in a field (an edited cell)
        if (chooser.isOpen()) {
            actions.chooseModifier(e);
            e.consume();
            return;
        }
        if (e.isShortcutDown() && e.getCode() == KeyCode.Z) {
            actions.undoRedo(e.isShiftDown());
            e.consume();
            return;
        }
        if (actions.table().hasFocus() && actions.table().onKey(e)) return;
        if (e.isShortcutDown() && e.getCode() == KeyCode.G) {
            goToTime();
            e.consume();
            return;
        }
        if (player == null) return;
        if (transport.fixedKey(e)) {
            e.consume();
            return;
        }
        if (e.isShortcutDown() || e.isAltDown()) return;
        Optional<String> physical = FxKeys.physicalCode(e, layout);
        if (physical.isPresent() && press(physical.get())) e.consume();
    }

    /** A key from the coder's key map: a code, a transport action, or a conflict to report. False if the key is not bound. */
    private boolean press(String physicalKey) {
        KeyMap.Binding b = keys.binding(physicalKey);
        if (b instanceof KeyMap.TransportKey t) {
            transport.perform(t.action());
            return true;
        }
        if (b instanceof KeyMap.Conflict c) {
            status.setText("Nothing coded: " + c.describe() + ". Choose another key for one of them (Keys…).");
            return true;
        }
        if (b instanceof KeyMap.CodeKey key) {
            actions.code(key.code(), player.stampMs());
            return true;
        }
        return false;
    }

    /** Saves a key map as the coder's own and shows it in the palette. */
    void saveKeys(KeyMap map) {
        keys = keySettings.save(map);
        palette.show(map.scheme(), keys, layout);
        actions.refreshPalette();
    }

    /** Applies one code key press at a stamped time (public for tests and the benchmark). */
    public void code(String physicalKey, long stampMs) {
        lastStampMs = stampMs; // without a video, the timeline's playhead stays where the last press was stamped
        if (keys.binding(physicalKey) instanceof KeyMap.CodeKey key) actions.code(key.code(), stampMs);
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

    /** Keys… : the coder's keys for codes and the player, conflicts flagged; saved in the user's settings. */
    public void editKeys() {
        if (keys != null) keyEditor.edit(getScene().getWindow(), keys, layout).ifPresent(choice -> {
            layout = choice.layout();
            keySettings.saveLayout(layout);
            saveKeys(choice.keys());
        });
        requestFocus();
    }

    /** What Edit ▸ Undo (redo: Redo) would do in the pass being coded, in words; empty when there is no pass or nothing to do. */
    public Optional<String> undoable(boolean redo) {
        PassEditor e = actions.editor();
        return e == null ? Optional.empty() : e.next(redo);
    }

    /** Edit ▸ Undo / Redo: as Ctrl+Z / Ctrl+Shift+Z in the workspace. */
    public void undoRedo(boolean redo) {
        actions.undoRedo(redo);
        requestFocus();
    }

    /** Whether a pass's events are shown and may be edited (it was read; false while it opens in the background). */
    public boolean passShown() {
        return actions.editor() != null;
    }

    /** The pass being coded, if one is open (Coding ▸ Mark done acts on it). */
    public Optional<PassChoice> currentPass() {
        return Optional.ofNullable(current);
    }

    /** The coder's keys for the open study's scheme (null while no study is open) and their keyboard, for Help ▸ Keyboard shortcuts. */
    public KeyMap keyMap() {
        return keys;
    }

    public KeyboardLayout keyboardLayout() {
        return layout;
    }

    /** View ▸ Timeline: zoom by {@code factor} (½ shows half the time), or show the whole session. */
    public void zoomTimeline(double factor) {
        timeline.zoom(factor);
    }

    public void wholeTimeline() {
        timeline.showWhole();
    }

    /** View ▸ Reset the layout: the dividers where they start on a first run. */
    public void resetLayout() {
        SplitMemory.reset(rows, settings, ROWS_KEY, ROWS_DEFAULT);
        SplitMemory.reset(columns, settings, COLUMNS_KEY, COLUMNS_DEFAULT);
    }

    /** Closes the pass: its video, its events. */
    public void closePass() {
        if (player != null && current != null && model.hasStudy()) settings.put(model.lastPlaceKey(current), Long.toString(player.stampMs()));
        if (player != null) player.close();
        player = null;
        current = null;
        actions.clear();
        hint.setText(CHOOSE_A_PASS);
        videoArea.getChildren().setAll(hint);
        model.setActivePass(null);
    }

    /** Closes the pass and the study. */
    public void close() {
        model.close();
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
