package org.attune.ui.study;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.attune.coding.Coder;
import org.attune.coding.CodingPass;
import org.attune.coding.PassStatus;
import org.attune.coding.Session;
import org.attune.coding.TimeFormat;
import org.attune.ui.DialogService;
import org.attune.ui.OpenStudy;
import org.attune.ui.Tasks;
import org.attune.ui.UserSettings;

/**
 * The app's home: the open study as a grid of sessions × coders, each cell a coding pass with its
 * status and number of events. From here a lab manager adds sessions (with their videos) and coders,
 * gives a coder a session, marks passes done, and relinks videos that moved; a coder opens a pass
 * (double-click or Enter) to code it.
 */
public final class StudyBrowser extends BorderPane {

    private final OpenStudy open;
    private final UserSettings settings;
    private final DialogService dialogs;
    private final StudyForms forms;
    private final ObservableList<StudyOverview.Row> rows = FXCollections.observableArrayList();
    /** True once the open study has been read and is on screen (the start-up probe waits for it). */
    private final javafx.beans.property.ReadOnlyBooleanWrapper showingStudy = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final TableView<StudyOverview.Row> grid = new TableView<>(rows);
    private final StudyHeader header;
    private final SessionDetailsPane details = new SessionDetailsPane(new SessionDetailsPane.Host() {
        @Override
        public void edit(Session s) {
            editSession(s);
        }

        @Override
        public void askOffset(StudyOverview.Video v) {
            StudyBrowser.this.askOffset(v);
        }

        @Override
        public void remove(StudyOverview.Video v) {
            removeVideo(v);
        }

        @Override
        public void locate(StudyOverview.Video v) {
            relink(v);
        }

        @Override
        public void attach(StudyOverview.Row row) {
            forms.videoToAttach(getScene().getWindow()).ifPresent(p -> attachVideo(row, p));
        }

        @Override
        public void makeCodingCopy(StudyOverview.Video v) {
            model.makeCodingCopy(v.file(), v.resolved());
        }
    });
    private final Button codeButton = new Button("Code this pass");
    private final Button doneButton = new Button("Mark done");
    private final StudyBrowserViewModel model;
    private Runnable afterRefresh = () -> { };
    private final Button reopenButton = new Button("Reopen");
    private final CheckBox blindBox = new CheckBox("Blind");
    private final Button relinkButton = new Button("Relink missing videos…");
    private final Button addSession = new Button("Add session…");
    private final Button addCoder = new Button("Add coder…");
    private final Button changeScheme = new Button("Change scheme…");
    private final Label status = new Label();
    /** Says what is read or opened in the background when it takes a while. */
    private final org.attune.ui.BusyNotice busyNotice;
    private final ReadOnlyObjectWrapper<StudyOverview.Cell> selected = new ReadOnlyObjectWrapper<>();
    private StudyOverview overview = new StudyOverview(List.of(), List.of());
    private Consumer<StudyOverview.Cell> onOpenPass = c -> { };
    private boolean updatingBlind;

    public StudyBrowser(OpenStudy open, UserSettings settings, DialogService dialogs, StudyForms forms) {
        this(open, settings, dialogs, forms, Tasks.immediate());
    }

    /** @param tasks how the study is read (in the app: in the background, the window never waiting for it) */
    public StudyBrowser(OpenStudy open, UserSettings settings, DialogService dialogs, StudyForms forms, Tasks tasks) {
        this.model = new StudyBrowserViewModel(open, dialogs, text -> status.setText(text), tasks);
        this.open = open;
        this.settings = settings;
        this.dialogs = dialogs;
        this.forms = forms;
        getStyleClass().add("study-browser");
        header = new StudyHeader(this::createStudy, this::chooseAndOpen, settings::recentStudies, this::openStudy, this::openSample);
        busyNotice = new org.attune.ui.BusyNotice(status, header.busy);
        setTop(new VBox(header, actions()));
        SplitPane centre = new SplitPane(gridPane(), detailsPane());
        centre.setDividerPositions(0.73);
        setCenter(centre);
        status.getStyleClass().add("status-bar");
        status.setMaxWidth(Double.MAX_VALUE);
        status.setId("browserStatus");
        setBottom(status);
        open.studyProperty().addListener((o, a, s) -> refresh());
        open.revisionProperty().addListener((o, a, b) -> refresh());
        open.activePassProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    /** Runs after each refresh is shown (tests and benchmarks wait on it). */
    public void setAfterRefresh(Runnable r) {
        afterRefresh = r;
    }

    /** What to do when the user opens a pass for coding (the app switches to the coding workspace). */
    public void setOnOpenPass(Consumer<StudyOverview.Cell> action) {
        this.onOpenPass = action;
    }

    private HBox actions() {
        addSession.setId("addSession");
        addSession.setOnAction(e -> addSession());
        addCoder.setId("addCoder");
        addCoder.setOnAction(e -> addCoder());
        changeScheme.setId("changeScheme");
        changeScheme.setOnAction(e -> changeScheme());
        changeScheme.setTooltip(new javafx.scene.control.Tooltip("Move the study to a new version of its coding scheme: codes added, removed "
                + "and renamed are reported first, and a copy of the study is kept."));
        codeButton.setId("codePass");
        codeButton.setDefaultButton(false);
        codeButton.setOnAction(e -> openSelectedPass());
        doneButton.setId("markDone");
        doneButton.setOnAction(e -> setStatus(PassStatus.DONE));
        reopenButton.setId("reopen");
        reopenButton.setOnAction(e -> setStatus(PassStatus.IN_PROGRESS));
        blindBox.setId("blind");
        blindBox.setTooltip(new javafx.scene.control.Tooltip(
                "A coder in a blind pass never sees other coders' events: while it is open, the Agreement and Measures views are closed "
                        + "and other coders' counts for the session are hidden."));
        blindBox.selectedProperty().addListener((o, a, b) -> setBlind(b));
        relinkButton.setId("relink");
        relinkButton.setOnAction(e -> relinkMissing());
        relinkButton.getStyleClass().add("warn-button");
        HBox bar = new HBox(8, addSession, addCoder, changeScheme, new Region(), relinkButton, codeButton, doneButton, reopenButton, blindBox);
        HBox.setHgrow(bar.getChildren().get(3), Priority.ALWAYS);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 14, 8, 14));
        bar.getStyleClass().add("agreement-controls");
        return bar;
    }

    private BorderPane gridPane() {
        grid.setId("studyGrid");
        grid.getSelectionModel().setCellSelectionEnabled(true);
        grid.setPlaceholder(new Label("No sessions yet. Add a session (with its videos), then add coders."));
        grid.getSelectionModel().getSelectedCells().addListener((javafx.collections.ListChangeListener<TablePosition>) c -> updateSelection());
        grid.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelectedPass();
                e.consume();
            }
        });
        grid.setRowFactory(t -> {
            javafx.scene.control.TableRow<StudyOverview.Row> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(m -> {
                if (m.getClickCount() == 2 && !row.isEmpty()) openSelectedPass();
            });
            return row;
        });
        BorderPane p = new BorderPane(grid);
        p.setPadding(new Insets(8, 0, 8, 8));
        return p;
    }

    private ScrollPane detailsPane() {
        ScrollPane sp = new ScrollPane(details);
        sp.setFitToWidth(true);
        sp.getStyleClass().add("code-detail-scroll");
        return sp;
    }

    private void buildColumns() {
        grid.getColumns().setAll(StudyGridColumns.of(overview, this::hiddenFromBlindCoder));
    }

    /** True when another coder's blind pass of the same session is open for coding. */
    private boolean hiddenFromBlindCoder(StudyOverview.Cell cell) {
        CodingPass active = open.activePass();
        return open.blindCodingActive() && active.sessionId() == cell.session().id() && active.coderId() != cell.coder().id();
    }

    // ------------------------------------------------------------------ study

    /** Opens a study (read-write when no one else has it open) and remembers it. */
    public void openStudy(Path file) {
        if (open.isOpen(file)) {
            model.studyFile().ifPresent(settings::rememberStudy);
            return;
        }
        if (org.attune.service.SealedPassPackages.isSealed(file)) {
            model.openSealed(file, busyNotice::start, settings::rememberStudy);
            return;
        }
        model.open(file, busyNotice.start("Opening " + file.getFileName() + " (checking it first)…"), settings::rememberStudy);
    }

    /** Open study… : the user chooses a study file, which opens here. */
    public void chooseAndOpen() {
        forms.studyToOpen(getScene().getWindow()).ifPresent(this::openStudy);
    }

    /** Open lab study… : a study on the lab's PostgreSQL server (the address and videos folder last used offered again). */
    public void openLabStudy() {
        dialogs.askLabStudy(settings.get("lab.address").orElse(""), Path.of(settings.get("lab.videos").orElse(System.getProperty("user.home"))),
                StudyBrowserViewModel::testLab).ifPresent(a -> model.openLab(a, busyNotice.start("Connecting to " + a.address() + "…"), url -> {
                    settings.put("lab.address", url);
                    settings.put("lab.videos", a.videos().toString());
                    settings.put(UserSettings.LAB_STUDY_LAST, url); // offered again at the next start
                }));
    }

    /** Opens the bundled sample study, copying it to ~/Attune/Sample study first if needed. */
    public void openSample() {
        try {
            openStudy(org.attune.ui.SampleStudy.install(org.attune.ui.SampleStudy.defaultFolder()));
        } catch (java.io.IOException e) {
            dialogs.showError("The sample study cannot be set up", "It is copied to " + org.attune.ui.SampleStudy.defaultFolder()
                    + " and that failed: " + e.getMessage() + ". Check that the folder can be written to.");
        }
    }

    public void createStudy() {
        forms.newStudy(getScene().getWindow()).flatMap(n -> model.create(n.file(), n.scheme(), n.name())).ifPresent(settings::rememberStudy);
    }

    /** Reads the open study again (after any change, here or in another view). */
    public void refresh() {
        boolean writable = model.isWritable();
        addSession.setDisable(!writable);
        addCoder.setDisable(!writable);
        changeScheme.setDisable(!writable);
        if (!model.hasStudy()) {
            header.showNone();
            showingStudy.set(false);
            overview = new StudyOverview(List.of(), List.of());
            buildColumns();
            rows.clear();
            updateSelection();
            relinkButton.setVisible(false);
            relinkButton.setManaged(false);
            status.setText("");
            return;
        }
        model.read(busyNotice.start("Reading " + model.studyFile().map(Path::getFileName).orElseThrow() + "…"), this::show);
    }

    /** Shows what was read of the open study. */
    private void show(StudyBrowserViewModel.Shown read) {
        boolean writable = !read.readOnly();
        StudyOverview.Cell keep = selected.get();
        overview = read.overview();
        long passes = overview.rows().stream().flatMap(r -> r.cells().values().stream()).filter(c -> c.pass().isPresent()).count();
        long done = overview.rows().stream().flatMap(r -> r.cells().values().stream())
                .filter(c -> c.pass().map(p -> p.status() == PassStatus.DONE).orElse(false)).count();
        header.show(read.name(), read.scheme() + "   ·   " + plural(overview.rows().size(), "session")
                + ", " + plural(overview.coders().size(), "coder") + ", " + done + " of " + passes + " passes done"
                + (read.readOnly() ? "   ·   read-only here" : ""), read.where(), read.readOnlyText());
        buildColumns();
        rows.setAll(overview.rows());
        showingStudy.set(true);
        if (status.getText().isEmpty()) status.setText("Each coder's cell: pass status and number of events. Double-click a cell (or Enter) to code it.");
        int missing = overview.missingVideos().size();
        relinkButton.setVisible(missing > 0 && writable);
        relinkButton.setManaged(missing > 0 && writable);
        relinkButton.setText(missing == 1 ? "Relink 1 missing video…" : "Relink " + missing + " missing videos…");
        if (keep != null) select(keep.session().id(), keep.coder().id());
        updateSelection();
        afterRefresh.run();
    }

    private static String plural(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** Selects the cell of a session and coder. */
    public void select(long sessionId, long coderId) {
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).session().id() != sessionId) continue;
            for (TableColumn<StudyOverview.Row, ?> col : coderColumns()) {
                if (((Coder) col.getUserData()).id() == coderId) {
                    grid.getSelectionModel().clearAndSelect(r, col);
                    return;
                }
            }
        }
    }

    private List<TableColumn<StudyOverview.Row, ?>> coderColumns() {
        return grid.getColumns().stream().filter(c -> c.getText().equals("Coders")).flatMap(c -> c.getColumns().stream()).collect(Collectors.toList());
    }

    private void updateSelection() {
        StudyOverview.Cell cell = null;
        StudyOverview.Row row = null;
        if (!grid.getSelectionModel().getSelectedCells().isEmpty()) {
            TablePosition<?, ?> pos = grid.getSelectionModel().getSelectedCells().get(0);
            if (pos.getRow() >= 0 && pos.getRow() < rows.size()) {
                row = rows.get(pos.getRow());
                if (pos.getTableColumn() != null && pos.getTableColumn().getUserData() instanceof Coder c) cell = row.cell(c);
            }
        }
        selected.set(cell);
        boolean writable = model.isWritable();
        Optional<CodingPass> pass = cell == null ? Optional.empty() : cell.pass();
        codeButton.setDisable(cell == null);
        codeButton.setText(cell != null && pass.isEmpty() ? "Give " + cell.coder().initials() + " this session" : "Code this pass");
        doneButton.setDisable(!writable || pass.isEmpty() || pass.get().status() == PassStatus.DONE);
        reopenButton.setDisable(!writable || pass.isEmpty() || pass.get().status() != PassStatus.DONE);
        updatingBlind = true;
        blindBox.setDisable(!writable || pass.isEmpty());
        blindBox.setSelected(pass.map(CodingPass::blind).orElse(false));
        updatingBlind = false;
        showDetails(row, cell);
    }

    /** The selected pass cell, if a coder's cell is selected. */
    public Optional<StudyOverview.Cell> selectedCell() {
        return Optional.ofNullable(selected.get());
    }

    /** The session of the selected row (any of its cells). */
    public Optional<Session> selectedSession() {
        if (grid.getSelectionModel().getSelectedCells().isEmpty()) return Optional.empty();
        int row = grid.getSelectionModel().getSelectedCells().get(0).getRow();
        return row >= 0 && row < rows.size() ? Optional.of(rows.get(row).session()) : Optional.empty();
    }

    private void showDetails(StudyOverview.Row row, StudyOverview.Cell cell) {
        details.show(row, cell, model.isWritable(), rows.isEmpty(), cell != null && hiddenFromBlindCoder(cell), codeButton.getText(),
                row != null && overview.isTraining(row.session()), cell != null && cell.pass().map(overview::isGold).orElse(false));
    }

    // ------------------------------------------------------------------ actions

    private void addSession() {
        Set<String> labels = overview.rows().stream().map(r -> r.session().label()).collect(Collectors.toSet());
        forms.newSession(getScene().getWindow(), labels).ifPresent(this::addSession);
    }

    /** Adds a checked session form's session and videos in one transaction. */
    public void addSession(SessionForm.Result form) {
        model.addSession(form);
    }

    private void addCoder() {
        Set<String> initials = overview.coders().stream().map(Coder::initials).collect(Collectors.toSet());
        forms.newCoder(getScene().getWindow(), initials).ifPresent(c -> model.addCoder(c.name(), c.initials()));
    }

    /** Opens the selected pass for coding, creating it first when the coder has not been given the session. */
    public void openSelectedPass() {
        StudyOverview.Cell selectedCell = selected.get();
        if (selectedCell == null) return;
        Optional<StudyOverview.Cell> cell = model.passOf(selectedCell);
        if (cell.isEmpty()) return;
        StudyOverview.Row row = rows.stream().filter(r -> r.session().id() == selectedCell.session().id()).findFirst().orElse(null);
        if (row != null && row.missingVideos() > 0) relinkAll(row.videos());
        onOpenPass.accept(cell.get());
    }

    /** Attaches a video to a session as its next camera (offset 0; set it with Offset…). */
    public void attachVideo(StudyOverview.Row row, Path file) {
        model.attachVideo(row, file);
    }

    private void editSession(Session s) {
        Set<String> others = overview.rows().stream().map(r -> r.session().label()).filter(l -> !l.equals(s.label())).collect(Collectors.toSet());
        forms.editSession(getScene().getWindow(), s, others).ifPresent(this::saveSession);
    }

    /** Saves a session's changed details. */
    public void saveSession(Session changed) {
        model.saveSession(changed);
    }

    /** Detaches a video from its session after asking; the file stays where it is. */
    public void removeVideo(StudyOverview.Video v) {
        model.removeVideo(v);
    }

    private void askOffset(StudyOverview.Video v) {
        forms.offset(getScene().getWindow(), Path.of(v.file().path()).getFileName().toString(), TimeFormat.seconds(v.file().offsetMs()))
                .ifPresent(text -> setOffset(v, text));
    }

    /** Sets a camera's offset from seconds as typed; a wrong entry is refused with what to type. */
    public void setOffset(StudyOverview.Video v, String seconds) {
        model.setOffset(v, seconds);
    }

    /** Coding ▸ Mark done: the pass being coded, with the same questions as the Mark done button. */
    public void markDone(Session session, Coder coder, CodingPass pass) {
        model.setStatus(new StudyOverview.Cell(session, coder, Optional.of(pass), 0), PassStatus.DONE);
    }

    /** Runs after a pass was marked done in the browser or from the menu (a trainee's result is shown then). */
    public void setOnPassDone(java.util.function.Consumer<CodingPass> then) {
        model.setOnPassDone(then);
    }

    /** Says a line in the browser's status bar (what a menu action did). */
    public void say(String line) {
        status.setText(line);
    }

    private void setStatus(PassStatus to) {
        StudyOverview.Cell cell = selected.get();
        if (cell != null) model.setStatus(cell, to);
    }

    private void setBlind(boolean blind) {
        StudyOverview.Cell cell = selected.get();
        if (!updatingBlind && cell != null) model.setBlind(cell, blind);
    }

    /** Moves the study to a new scheme version (the questions in {@link SchemeChangeFlow}), then opens it again under the new scheme. */
    public void changeScheme() {
        model.changeScheme().ifPresent(this::openStudy); // every view takes the new scheme from the study opened again
    }

    private void relinkMissing() {
        relinkAll(overview.missingVideos());
    }

    /** Asks for each video in turn, skipping those an earlier answer found (same folder); stops when the user cancels. */
    private void relinkAll(List<StudyOverview.Video> videos) {
        for (StudyOverview.Video v : videos) {
            // the study, not the overview: it is read again in the background, after an answer found more videos
            if (model.stillMissing(v) && !relink(v)) break;
        }
    }

    /**
     * Asks where a missing video is now and links it there; other missing videos found under the same
     * names in that folder are relinked too. Returns false if the user cancelled.
     */
    boolean relink(StudyOverview.Video v) {
        Optional<Path> where = forms.relink(getScene() == null ? null : getScene().getWindow(), v.file().path(), v.resolved());
        if (where.isEmpty()) return false;
        return relinkTo(v, where.get());
    }

    /** Links a missing video to {@code file}, then looks for the study's other missing videos in the same folder. */
    public boolean relinkTo(StudyOverview.Video v, Path file) {
        return model.relinkTo(v, file);
    }

    /** True once the open study has been read in the background and is shown. */
    public javafx.beans.property.ReadOnlyBooleanProperty showingStudyProperty() {
        return showingStudy.getReadOnlyProperty();
    }

    /** How many sessions the grid shows (tests wait for a study read in the background). */
    public int overviewRows() {
        return rows.size();
    }

    // for tests
    TableView<StudyOverview.Row> grid() {
        return grid;
    }

    StudyOverview overview() {
        return overview;
    }
}
