package org.attune.ui.coding;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.attune.coding.CodedEvent;
import org.attune.coding.CodingPass;
import org.attune.coding.Coder;
import org.attune.coding.KeyCoding;
import org.attune.coding.MediaFile;
import org.attune.coding.Modifiers;
import org.attune.coding.Session;
import org.attune.coding.TimeFormat;
import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.KeyboardLayout;
import org.attune.scheme.ModifierSet;
import org.attune.store.Study;
import org.attune.store.StudyException;
import org.attune.ui.DialogService;
import org.attune.ui.TextColumn;
import org.attune.ui.VideoJump;
import org.attune.ui.player.VideoPlayer;

/**
 * The coding workspace (first increment of issue 4): open a study, pick a pass (session × coder),
 * and code it from the keyboard while the video plays. Every key press is applied through
 * {@link KeyCoding} and committed to the study file before the table shows it; the status line
 * says so. Keys: a code's key codes; Space play/pause; ←/→ one frame; Shift+←/→ 5 s; Ctrl+Z undo,
 * Ctrl+Shift+Z redo; in the modifier chooser 1–9 choose and Esc cancels.
 */
public final class CodingWorkspace extends BorderPane {

    /** A pass as offered in the chooser. */
    public record PassChoice(CodingPass pass, Session session, Coder coder) {
        @Override
        public String toString() {
            return session.label() + " · " + coder.initials() + " (" + pass.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
        }
    }

    private final DialogService dialogs;
    private final KeyboardLayout layout;
    private final ObservableList<PassChoice> passes = FXCollections.observableArrayList();
    private final ObservableList<CodedEvent> events = FXCollections.observableArrayList();
    private final ChoiceBox<PassChoice> passChooser = new ChoiceBox<>(passes);
    private final StackPane videoArea = new StackPane();
    private final Label readout = new Label("--:--:--.---   frame —");
    private final Label status = new Label("Open a study to start coding.");
    private final VBox palette = new VBox(2);
    private final Map<String, Label> paletteRows = new LinkedHashMap<>();
    private final VBox chooser = new VBox(4);
    private final TableView<CodedEvent> table = new TableView<>(events);
    private Study study;
    private PassChoice current;
    private VideoPlayer player;
    private KeyCoding.ChooseModifiers pending;
    private static final javafx.css.PseudoClass LAST_CODED = javafx.css.PseudoClass.getPseudoClass("last-coded");
    private long lastCoded = -1;
    private long pendingSeekMs = -1;
    private final AnimationTimer clock = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (player != null) readout.setText(TimeFormat.clock(player.stampMs()) + "   frame " + player.currentFrame());
        }
    };

    public CodingWorkspace(DialogService dialogs, KeyboardLayout layout) {
        this.dialogs = dialogs;
        this.layout = layout;
        getStyleClass().add("coding-workspace");
        setTop(toolbar());
        setCenter(centre());
        setRight(paletteBox());
        status.getStyleClass().add("status-bar");
        status.setMaxWidth(Double.MAX_VALUE);
        status.setId("saveStatus");
        setBottom(status);
        passChooser.valueProperty().addListener((o, a, p) -> {
            if (p != null) openPass(p);
        });
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        setFocusTraversable(true);
        clock.start();
    }

    private HBox toolbar() {
        Button open = new Button("Open study…");
        open.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Attune study (*.attune)", "*.attune"));
            File f = fc.showOpenDialog(getScene().getWindow());
            if (f != null) open(f.toPath());
        });
        passChooser.setId("pass");
        passChooser.setPrefWidth(220);
        HBox bar = new HBox(10, open, new Label("Pass"), passChooser);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        bar.getStyleClass().add("agreement-controls");
        return bar;
    }

    private SplitPane centre() {
        videoArea.getStyleClass().add("video-area");
        Label hint = new Label("Open a study, then choose a pass to code.\nTo try Attune, open sample-sessions/sample-study.attune (a copy is best: coding writes to it).");
        hint.getStyleClass().add("video-hint");
        videoArea.getChildren().add(hint);
        videoArea.setMinHeight(200);
        chooser.getStyleClass().add("modifier-chooser");
        chooser.setVisible(false);
        chooser.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        chooser.setId("modifierChooser");
        Button back5 = transport("−5 s", () -> player.jump(-5000));
        Button stepBack = transport("◀| frame", () -> player.step(-1));
        Button play = transport("▶ / ❚❚", this::togglePlay);
        Button stepForward = transport("frame |▶", () -> player.step(1));
        Button forward5 = transport("+5 s", () -> player.jump(5000));
        ChoiceBox<Double> rate = new ChoiceBox<>(FXCollections.observableArrayList(0.125, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0));
        rate.setValue(1.0);
        rate.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double r) {
                return r == null ? "" : r < 1 ? "1/" + Math.round(1 / r) + "×" : Math.round(r) + "×";
            }

            @Override
            public Double fromString(String s) {
                return null;
            }
        });
        rate.valueProperty().addListener((o, a, r) -> {
            if (player != null) player.setRate(r);
        });
        rate.setFocusTraversable(false);
        readout.getStyleClass().add("time-readout");
        readout.setId("readout");
        HBox transport = new HBox(6, back5, stepBack, play, stepForward, forward5, rate, new Region(), readout);
        HBox.setHgrow(transport.getChildren().get(6), Priority.ALWAYS);
        transport.setAlignment(Pos.CENTER_LEFT);
        transport.setPadding(new Insets(6, 10, 6, 10));
        VBox top = new VBox(new StackPane(videoArea, chooser), transport);
        VBox.setVgrow(top.getChildren().get(0), Priority.ALWAYS);

        TableColumn<CodedEvent, String> onset = TextColumn.of("Onset", e -> TimeFormat.clock(e.onsetMs()), 110);
        TableColumn<CodedEvent, String> offset = TextColumn.of("Offset", e -> e.offsetMs() == null ? "running" : e.offsetMs() == e.onsetMs() ? "" : TimeFormat.clock(e.offsetMs()), 110);
        TableColumn<CodedEvent, String> code = TextColumn.of("Code", CodedEvent::code, 110);
        TableColumn<CodedEvent, String> label = TextColumn.of("Behaviour", e -> scheme().code(e.code()).map(Code::label).orElse(""), 260);
        TableColumn<CodedEvent, String> mods = TextColumn.of("Modifiers", e -> e.modifiers().encode(), 160);
        table.getColumns().setAll(List.of(onset, offset, code, label, mods));
        table.setPlaceholder(new Label("Press a code's key while the video runs; events appear here."));
        table.setId("events");
        table.setFocusTraversable(false);
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<CodedEvent> row = new javafx.scene.control.TableRow<>() {
                @Override
                protected void updateItem(CodedEvent item, boolean empty) {
                    super.updateItem(item, empty);
                    pseudoClassStateChanged(LAST_CODED, !empty && item != null && item.id() == lastCoded);
                }
            };
            row.setOnMouseClicked(m -> {
                if (m.getClickCount() == 2 && !row.isEmpty() && player != null) player.seekStored(row.getItem().onsetMs());
            });
            return row;
        });
        SplitPane split = new SplitPane(top, table);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.66);
        return split;
    }

    private ScrollPane paletteBox() {
        palette.setPadding(new Insets(8));
        palette.setId("palette");
        ScrollPane sp = new ScrollPane(palette);
        sp.setPrefWidth(260);
        sp.setFitToWidth(true);
        sp.setFocusTraversable(false);
        return sp;
    }

    private Button transport(String text, Runnable action) {
        Button b = new Button(text);
        b.setFocusTraversable(false);
        b.setOnAction(e -> {
            if (player != null) action.run();
        });
        return b;
    }

    /** Opens a study for coding (read-write: coding writes to it). */
    public void open(Path file) {
        close();
        try {
            study = Study.open(file);
            if (study.isReadOnly()) {
                dialogs.showError("This study is open elsewhere", study.readOnlyReason().orElse("") + " Close it there to code here.");
                close();
                return;
            }
            List<PassChoice> all = new ArrayList<>();
            Map<Long, Session> sessions = new LinkedHashMap<>();
            for (Session s : study.sessions()) sessions.put(s.id(), s);
            Map<Long, Coder> coders = new LinkedHashMap<>();
            for (Coder c : study.coders()) coders.put(c.id(), c);
            for (CodingPass p : study.passes()) all.add(new PassChoice(p, sessions.get(p.sessionId()), coders.get(p.coderId())));
            buildPalette(study.scheme());
            passes.setAll(all);
            status.setText(study.name() + ": choose a pass to code.");
        } catch (StudyException e) {
            dialogs.showError("This study cannot be opened", e.getMessage());
            close();
        }
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

    /** Opens a pass: its events, its session's first video. */
    public void openPass(PassChoice p) {
        current = p;
        if (player != null) player.close();
        player = null;
        videoArea.getChildren().clear();
        refresh();
        try {
            List<MediaFile> media = study.media(p.session().id());
            if (media.isEmpty()) {
                status.setText(p.session().label() + " has no video attached; you can still edit events in the table.");
                return;
            }
            MediaFile m = media.get(0);
            VideoPlayer.open(study.resolveMedia(m), m.fps(), vp -> {
                player = vp;
                vp.view().fitWidthProperty().bind(videoArea.widthProperty());
                vp.view().fitHeightProperty().bind(videoArea.heightProperty());
                videoArea.getChildren().setAll(vp.view());
                if (pendingSeekMs >= 0) vp.seekStored(pendingSeekMs);
                else vp.showFrame(0);
                pendingSeekMs = -1;
                status.setText("Coding " + p + ". All changes saved.");
                requestFocus();
            }, message -> dialogs.showError("The video cannot be played", message));
        } catch (StudyException e) {
            dialogs.showError("The pass cannot be opened", e.getMessage());
        }
    }

    private void buildPalette(CodingScheme scheme) {
        palette.getChildren().clear();
        paletteRows.clear();
        String family = null;
        for (Code c : scheme.codes()) {
            if (c.isRating()) continue;
            if (!c.family().equals(family)) {
                family = c.family();
                String name = scheme.families().stream().filter(f -> f.id().equals(c.family())).map(f -> f.label()).findFirst().orElse(c.family());
                Label h = new Label(name.toUpperCase(Locale.ROOT));
                h.getStyleClass().add("section-header");
                palette.getChildren().add(h);
            }
            Label key = new Label(c.physicalKey().map(k -> k.label(layout)).orElse(" "));
            key.getStyleClass().add("key-badge");
            key.setMinWidth(Region.USE_PREF_SIZE);
            Label row = new Label(c.label(), key);
            row.getStyleClass().add("palette-row");
            row.setMaxWidth(Double.MAX_VALUE);
            String colour = c.color() != null ? c.color().hex()
                    : scheme.families().stream().filter(f -> f.id().equals(c.family()) && f.color() != null).map(f -> f.color().hex()).findFirst().orElse("#9AA3AF");
            row.setStyle("-fx-border-color: transparent transparent transparent " + colour + "; -fx-border-width: 0 0 0 4;");
            paletteRows.put(c.id(), row);
            palette.getChildren().add(row);
        }
    }

    private CodingScheme scheme() {
        return study.scheme();
    }

    private void onKey(KeyEvent e) {
        if (study == null || current == null) return;
        if (pending != null) {
            chooseModifier(e);
            e.consume();
            return;
        }
        if (e.isShortcutDown() && e.getCode() == KeyCode.Z) {
            undoRedo(e.isShiftDown());
            e.consume();
            return;
        }
        if (player == null) return;
        switch (e.getCode()) {
            case SPACE -> togglePlay();
            case LEFT -> {
                if (e.isShiftDown()) player.jump(-5000);
                else player.step(-1);
            }
            case RIGHT -> {
                if (e.isShiftDown()) player.jump(5000);
                else player.step(1);
            }
            default -> {
                if (e.isShortcutDown() || e.isAltDown()) return;
                Optional<String> physical = FxKeys.physicalCode(e, layout);
                if (physical.isEmpty()) return;
                code(physical.get(), player.stampMs());
            }
        }
        e.consume();
    }

    /** Applies one code key press at a stamped time (public for tests and the benchmark). */
    public void code(String physicalKey, long stampMs) {
        try {
            KeyCoding.Action a = KeyCoding.onKey(scheme(), physicalKey, stampMs, events); // the in-memory mirror of the pass
            if (a instanceof KeyCoding.ChooseModifiers ask) {
                showChooser(ask);
                return;
            }
            if (a instanceof KeyCoding.Refused r) {
                status.setText(r.why());
                return;
            }
            if (a instanceof KeyCoding.NotACodeKey) return;
            apply(a);
        } catch (StudyException ex) {
            dialogs.showError("The event was not saved", ex.getMessage());
        }
    }

    /**
     * Commits one action, then updates the table in place: only the events it touched are read back,
     * so a press costs the same in a pass of 100 events or 100,000 (docs/benchmarks.md).
     */
    private void apply(KeyCoding.Action a) throws StudyException {
        Optional<CodedEvent> e = study.events().apply(current.pass().id(), a);
        if (a instanceof KeyCoding.StartState start) {
            for (CodedEvent ended : start.ends()) study.events().get(ended.id()).ifPresent(x -> upsert(x, false));
        }
        boolean added = !(a instanceof KeyCoding.StopState);
        int row = e.map(x -> upsert(x, added)).orElse(-1);
        refreshPalette();
        e.ifPresent(ev -> {
            // marked by a row style, not selected: with a selection, every insert makes the table shift
            // selected indices over all rows (10 ms at 100,000 events, CodingBenchmark)
            lastCoded = ev.id();
            revealRow(row);
            status.setText((a instanceof KeyCoding.StopState ? "Ended " : "Coded ") + ev.code() + " at "
                    + TimeFormat.clock(a instanceof KeyCoding.StopState s ? s.offsetMs() : ev.onsetMs()) + ". All changes saved.");
        });
    }

    /** Scrolls the table to a row only if it is not on screen (scrolling a 100,000-row table costs ~5 ms). */
    private void revealRow(int row) {
        if (table.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow
                && flow.getFirstVisibleCell() != null && flow.getLastVisibleCell() != null
                && row > flow.getFirstVisibleCell().getIndex() && row < flow.getLastVisibleCell().getIndex()) {
            return; // the insert re-fills the visible rows below it, restyling the last-coded mark
        }
        table.scrollTo(Math.max(0, row - 3));
    }

    private void showChooser(KeyCoding.ChooseModifiers ask) {
        pending = ask;
        chooser.getChildren().clear();
        Label title = new Label(ask.code().label() + " at " + TimeFormat.clock(ask.atMs()));
        title.getStyleClass().add("detail-id");
        chooser.getChildren().add(title);
        ModifierSet set = ask.code().modifiers().get(0);
        chooser.getChildren().add(new Label(set.label() + ":"));
        for (int i = 0; i < set.values().size() && i < 9; i++) {
            chooser.getChildren().add(new Label((i + 1) + "   " + set.values().get(i).label()));
        }
        chooser.getChildren().add(new Label("0   none    Esc   cancel"));
        chooser.setVisible(true);
        if (player != null) player.pause();
    }

    private void chooseModifier(KeyEvent e) {
        KeyCoding.ChooseModifiers ask = pending;
        ModifierSet set = ask.code().modifiers().get(0);
        Modifiers chosen = null;
        if (e.getCode() == KeyCode.ESCAPE) {
            status.setText("Cancelled: no " + ask.code().id() + " was coded.");
        } else if (e.getCode().isDigitKey()) {
            int n = Integer.parseInt(e.getCode().getName().replaceAll("\\D", ""));
            if (n == 0) chosen = Modifiers.NONE;
            else if (n <= set.values().size()) chosen = Modifiers.single(set.id(), set.values().get(n - 1).id());
            else return;
        } else {
            return;
        }
        pending = null;
        chooser.setVisible(false);
        if (chosen == null) return;
        try {
            apply(KeyCoding.withModifiers(scheme(), ask.code(), ask.atMs(), chosen, events));
        } catch (StudyException ex) {
            dialogs.showError("The event was not saved", ex.getMessage());
        }
    }

    private void undoRedo(boolean redo) {
        try {
            long pass = current.pass().id();
            Optional<String> what = redo ? study.events().redo(pass) : study.events().undo(pass);
            refresh();
            status.setText(what.map(w -> (redo ? "Redone: " : "Undone: ") + w + ". All changes saved.").orElse(redo ? "Nothing to redo." : "Nothing to undo."));
        } catch (StudyException ex) {
            dialogs.showError(redo ? "Redo failed" : "Undo failed", ex.getMessage());
        }
    }

    private void togglePlay() {
        if (player.isPlaying()) player.pause();
        else player.play();
    }

    private void refresh() {
        try {
            events.setAll(study.events().list(current.pass().id()));
            refreshPalette();
        } catch (StudyException ex) {
            dialogs.showError("The events cannot be read", ex.getMessage());
        }
    }

    /** Puts a new or changed event at its place in the table (ordered by onset, then id, as the study lists them); returns its row. */
    private int upsert(CodedEvent e, boolean isNew) {
        for (int i = events.size() - 1; i >= 0 && !isNew; i--) {
            if (events.get(i).id() == e.id()) {
                events.remove(i);
                break;
            }
        }
        int lo = 0;
        int hi = events.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            CodedEvent m = events.get(mid);
            if (m.onsetMs() < e.onsetMs() || m.onsetMs() == e.onsetMs() && m.id() < e.id()) lo = mid + 1;
            else hi = mid;
        }
        events.add(lo, e);
        return lo;
    }

    private void refreshPalette() {
        java.util.Set<String> running = new java.util.HashSet<>();
        for (CodedEvent e : events) if (e.offsetMs() == null) running.add(e.code());
        paletteRows.forEach((id, row) -> {
            boolean on = running.contains(id);
            if (on != row.getStyleClass().contains("palette-running")) {
                if (on) row.getStyleClass().add("palette-running");
                else row.getStyleClass().remove("palette-running");
            }
        });
    }

    /** Closes the video and the study. */
    public void close() {
        if (player != null) player.close();
        player = null;
        current = null;
        passes.clear();
        events.clear();
        if (study != null) study.close();
        study = null;
    }

    // for tests
    ObservableList<CodedEvent> events() {
        return events;
    }

    /** The passes of the open study, as offered in the chooser. */
    public List<PassChoice> passChoices() {
        return List.copyOf(passes);
    }

    VideoPlayer player() {
        return player;
    }

    List<String> runningInPalette() {
        return paletteRows.entrySet().stream().filter(e -> e.getValue().getStyleClass().contains("palette-running")).map(Map.Entry::getKey).toList();
    }
}
