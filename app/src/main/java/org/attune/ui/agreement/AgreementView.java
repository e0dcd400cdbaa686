package org.attune.ui.agreement;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;
import org.attune.agreement.Coefficient;
import org.attune.agreement.Disagreement;
import org.attune.agreement.EventAgreement;
import org.attune.agreement.Icc;
import org.attune.agreement.QualityBand;
import org.attune.analysis.MeasureReliability;
import org.attune.coding.TimeFormat;
import org.attune.agreement.AgreementInput;
import org.attune.store.SessionCodings;
import org.attune.ui.CsvExport;
import org.attune.ui.DialogService;
import org.attune.ui.TextColumn;
import org.attune.ui.VideoJump;

/**
 * The agreement view, for the consensus meeting: choose two coders, a method and its parameters;
 * see κ per session and pooled with its quality band, the confusion matrix, the two coders'
 * timelines side by side with the disagreements shaded, the list of disagreements, and a methods
 * paragraph ready to paste. Loading and computing run off the FX thread.
 */
public final class AgreementView extends BorderPane {

    private final AgreementViewModel model;
    private final DialogService dialogs;
    private final Executor background;
    private final TableView<EventAgreement.Row> table = new TableView<>();
    private final ConfusionMatrix matrix = new ConfusionMatrix();
    private final CoderTimelines timelines = new CoderTimelines();
    private final ListView<Disagreement> disagreementList = new ListView<>();
    private final Button exportButton = new Button("Export results…");
    private final ProgressBar progress = new ProgressBar();
    private final Label status = new Label();
    private final Label jump = new Label();
    private Runnable afterCompute = () -> { };
    private java.util.function.Consumer<VideoJump> onJump = j -> { };
    private Path study;

    private CheckComboBox<String> sessionsBox;
    private Runnable pending;

    public AgreementView(AgreementViewModel model, DialogService dialogs, Executor background) {
        this.model = model;
        this.dialogs = dialogs;
        this.background = background;
        getStyleClass().add("agreement-view");
        setLeft(controls());
        setCenter(results());
        status.textProperty().bind(model.summaryProperty());
        status.getStyleClass().add("status-bar");
        status.setMaxWidth(Double.MAX_VALUE);
        setBottom(status);
        model.selectedProperty().addListener((obs, old, row) -> {
            if (row != null && table.getSelectionModel().getSelectedItem() != row) table.getSelectionModel().select(row);
            showSelected(null);
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) model.selectedProperty().set(row);
        });
        disagreementList.getSelectionModel().selectedItemProperty().addListener((obs, old, d) -> {
            showSelected(d);
            EventAgreement.Row row = model.selectedProperty().get();
            jump.setText(d == null || row == null ? "" : "▶ " + row.session() + " at " + TimeFormat.clock(d.startMs())
                    + " — double-click to see it in " + model.firstCoderProperty().get() + "'s pass");
        });
    }

    /** Runs after each computation is applied (tests wait on it). */
    public void setAfterCompute(Runnable r) {
        afterCompute = r;
    }

    private VBox controls() {
        Button open = new Button("Open study…");
        open.setId("openStudy");
        open.setMaxWidth(Double.MAX_VALUE);
        open.setOnAction(e -> chooseStudy());
        Label study = new Label();
        study.textProperty().bind(model.studyNameProperty());
        study.getStyleClass().add("agreement-study");
        study.setWrapText(true);

        ChoiceBox<String> first = new ChoiceBox<>(model.coders());
        first.valueProperty().bindBidirectional(model.firstCoderProperty());
        first.setId("firstCoder");
        ChoiceBox<String> second = new ChoiceBox<>(model.coders());
        second.valueProperty().bindBidirectional(model.secondCoderProperty());
        second.setId("secondCoder");

        CheckComboBox<String> sessions = new CheckComboBox<>(model.sessions());
        sessionsBox = sessions;
        CheckBox training = new CheckBox("Training sessions too");
        training.setId("includeTraining");
        training.selectedProperty().bindBidirectional(model.includeTrainingProperty());
        training.setOnAction(e -> {
            if (this.study != null) open(this.study);
        });
        sessions.setTitle("All double-coded");
        sessions.setId("sessions");
        sessions.setMaxWidth(Double.MAX_VALUE);
        sessions.getCheckModel().getCheckedItems().addListener((javafx.collections.ListChangeListener<String>) c -> {
            model.chosenSessions().setAll(sessions.getCheckModel().getCheckedItems());
            sessions.setTitle(model.chosenSessions().isEmpty() ? "All double-coded" : null);
        });
        model.sessions().addListener((javafx.collections.ListChangeListener<String>) c -> sessions.getCheckModel().clearChecks());

        ChoiceBox<EventAgreement.Method> method = new ChoiceBox<>();
        method.getItems().setAll(EventAgreement.Method.values());
        method.setConverter(AgreementViewModel.METHOD_NAMES);
        method.valueProperty().bindBidirectional(model.methodProperty());
        method.setId("method");

        Spinner<Double> unit = spinner(0.04, 60, model.unitSecondsProperty().get(), 0.1);
        unit.valueProperty().addListener((o, a, v) -> model.unitSecondsProperty().set(v));
        Spinner<Double> tolerance = spinner(0, 30, model.toleranceSecondsProperty().get(), 0.5);
        tolerance.valueProperty().addListener((o, a, v) -> model.toleranceSecondsProperty().set(v));
        Spinner<Double> overlap = spinner(51, 100, model.overlapPercentProperty().get(), 5);
        overlap.valueProperty().addListener((o, a, v) -> model.overlapPercentProperty().set(v));
        CheckBox none = new CheckBox("Uncoded time is a category");
        none.setWrapText(true);
        none.setMinHeight(Region.USE_PREF_SIZE);
        none.setTooltip(new Tooltip("Time-unit κ: a unit both coders left uncoded counts as agreement on \"(none)\"; "
                + "unticked, such units are left out (the command line's --no-none)."));
        none.selectedProperty().bindBidirectional(model.includeNoneProperty());

        Button compute = new Button("Compute agreement");
        compute.setId("compute");
        compute.setDefaultButton(true);
        compute.setMaxWidth(Double.MAX_VALUE);
        compute.disableProperty().bind(model.inputProperty().isNull());
        compute.setOnAction(e -> compute());
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setVisible(false);
        exportButton.setId("exportAgreement");
        exportButton.setMaxWidth(Double.MAX_VALUE);
        exportButton.setDisable(true);
        exportButton.setTooltip(new Tooltip("Save the κ table as tidy CSV: one row per session × target × statistic, the method's parameters in columns "
                + "(docs/agreement.md), as the command line's --csv"));
        exportButton.setOnAction(e -> export());

        VBox box = new VBox(8, open, study, caption("Coders"), first, second, caption("Sessions"), sessions, training, caption("Method"), method,
                caption("Time unit (s)"), unit, caption("Tolerance ± (s)"), tolerance, caption("Overlap criterion (%)"), overlap, none,
                new Region(), compute, progress, exportButton);
        box.setPadding(new Insets(14));
        box.setPrefWidth(230);
        box.getStyleClass().add("agreement-controls");
        return box;
    }

    private SplitPane results() {
        TableColumn<EventAgreement.Row, String> session = TextColumn.of("Session", r -> r.session(), 90);
        TableColumn<EventAgreement.Row, String> target = TextColumn.of("Target", model::targetName, 250);
        TableColumn<EventAgreement.Row, String> kappa = TextColumn.of("κ", r -> format(main(r)), 70);
        TableColumn<EventAgreement.Row, String> band = TextColumn.of("Landis & Koch", r -> QualityBand.LANDIS_KOCH.label(main(r)), 110);
        TableColumn<EventAgreement.Row, String> fleiss = TextColumn.of("Fleiss", r -> QualityBand.FLEISS.label(main(r)), 80);
        TableColumn<EventAgreement.Row, String> other = TextColumn.lines("Also", this::secondary, 260);
        TableColumn<EventAgreement.Row, String> n = TextColumn.of("n", r -> r.counts().entrySet().stream().findFirst()
                .map(e -> String.format(Locale.ROOT, "%.0f %s", e.getValue(), e.getKey())).orElse(""), 130);
        table.getColumns().setAll(List.of(session, target, kappa, band, fleiss, other, n));
        table.setItems(model.results());
        table.setPlaceholder(new Label("Results appear here."));
        table.setId("results");

        disagreementList.setItems(model.disagreements());
        disagreementList.setPlaceholder(new Label("No disagreements for this result."));
        disagreementList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Disagreement d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? null : TimeFormat.clock(d.startMs()).substring(0, 8) + "–" + TimeFormat.clock(d.endMs()).substring(3, 8)
                        + "   " + model.codeName(d.first()) + "  vs  " + model.codeName(d.second()) + (d.kind().equals("units differ") ? "" : "   (" + d.kind() + ")"));
            }
        });
        disagreementList.setId("disagreements");
        disagreementList.setPrefWidth(360);
        Label listTitle = caption("Disagreements");
        disagreementList.setOnMouseClicked(m -> {
            if (m.getClickCount() == 2) jumpToSelected();
        });
        disagreementList.setOnKeyPressed(k -> {
            if (k.getCode() == javafx.scene.input.KeyCode.ENTER) jumpToSelected();
        });
        jump.getStyleClass().add("jump-hint");
        jump.setWrapText(true);
        jump.setMinHeight(Region.USE_PREF_SIZE); // the list shrinks, the hint keeps its lines
        VBox list = new VBox(6, listTitle, disagreementList, jump);
        VBox.setVgrow(disagreementList, Priority.ALWAYS);
        list.setPadding(new Insets(8));

        ScrollPane matrixPane = new ScrollPane(matrix);
        matrixPane.setFitToWidth(true);
        VBox matrixBox = new VBox(6, caption("Confusion matrix"), matrixPane);
        matrixBox.setPadding(new Insets(8));
        matrixBox.setMinWidth(240);
        Button whole = new Button("Whole session");
        whole.setOnAction(e -> disagreementList.getSelectionModel().clearSelection());
        HBox timelineHeader = new HBox(10, caption("The two coders side by side"), new Region(), whole);
        HBox.setHgrow(timelineHeader.getChildren().get(1), Priority.ALWAYS);
        timelineHeader.setAlignment(Pos.CENTER_LEFT);
        ScrollPane timelineScroll = new ScrollPane(timelines);
        timelineScroll.setFitToWidth(true);
        VBox timelineBox = new VBox(6, timelineHeader, timelineScroll);
        VBox.setVgrow(timelineScroll, Priority.ALWAYS);
        timelineBox.setPadding(new Insets(8));

        TextArea paragraph = new TextArea();
        paragraph.textProperty().bind(model.paragraphProperty());
        paragraph.setEditable(false);
        paragraph.setWrapText(true);
        paragraph.setPrefRowCount(4);
        paragraph.setId("paragraph");
        Button copy = new Button("Copy");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(model.paragraphProperty().get());
            Clipboard.getSystemClipboard().setContent(c);
        });
        HBox paragraphBox = new HBox(8, paragraph, copy);
        HBox.setHgrow(paragraph, Priority.ALWAYS);
        VBox methods = new VBox(6, caption("Methods paragraph"), paragraphBox);
        methods.setPadding(new Insets(8));

        SplitPane detail = new SplitPane(matrixBox, timelineBox, list);
        detail.setDividerPositions(0.28, 0.70);
        Tab events = new Tab("Events (κ)", table);
        Tab measures = new Tab("Derived measures (ICC)", measureIccTable());
        Tab ratings = new Tab("Session ratings", ratingsTable());
        TabPane tables = new TabPane(events, measures, ratings);
        tables.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tables.setId("resultTabs");
        SplitPane all = new SplitPane(tables, detail, methods);
        all.setOrientation(Orientation.VERTICAL);
        all.setDividerPositions(0.36, 0.79);
        // the confusion matrix, timelines, disagreements and methods paragraph belong to the events' κ:
        // with the measures' or the ratings' table they would describe something not on screen
        tables.getSelectionModel().selectedItemProperty().addListener((o, was, tab) -> {
            boolean eventsShown = tab == events;
            if (eventsShown && !all.getItems().contains(detail)) {
                all.getItems().setAll(tables, detail, methods);
                all.setDividerPositions(0.36, 0.79);
            } else if (!eventsShown && all.getItems().contains(detail)) {
                all.getItems().setAll(tables);
            }
        });
        return all;
    }

    /** The ICC of each derived measure between the two coders: how reliable the numbers a paper reports are. */
    private TableView<MeasureReliability.Row> measureIccTable() {
        TableView<MeasureReliability.Row> icc = new TableView<>(model.measureIcc());
        icc.getColumns().setAll(List.of(
                TextColumn.of("Family", r -> r.family(), 100),
                TextColumn.of("Measure", r -> r.measure() + (r.target().isEmpty() ? "" : " · " + r.target()), 290),
                TextColumn.of("Sessions", r -> Integer.toString(r.sessions()), 70),
                TextColumn.of("ICC(2,1)", r -> format(r.icc().get(Icc.Form.ICC2)), 80),
                TextColumn.of("95% CI", r -> interval(r.icc().get(Icc.Form.ICC2)), 120),
                TextColumn.of("Koo & Li", r -> QualityBand.KOO_LI.label(r.icc().get(Icc.Form.ICC2)), 90),
                TextColumn.of("ICC(3,1)", r -> format(r.icc().get(Icc.Form.ICC3)), 80),
                TextColumn.of("Note", r -> note(r.icc().get(Icc.Form.ICC2), r.icc().incompleteUnits()), 300)));
        icc.setPlaceholder(new Label("The ICC of each derived measure (docs/measures.md, default windows W = 3 s, turn window 5 s) between the two coders appears here after Compute."));
        icc.setId("measureIcc");
        return icc;
    }

    /** The two coders' agreement on each session rating (e.g. sensitivity 1–7) over the sessions both rated. */
    private TableView<org.attune.agreement.RatingAgreement.Row> ratingsTable() {
        TableView<org.attune.agreement.RatingAgreement.Row> t = new TableView<>(model.ratingAgreement());
        t.getColumns().setAll(List.of(
                TextColumn.of("Rating", r -> r.label() + " · " + r.code(), 320),
                TextColumn.of("Sessions", r -> Integer.toString(r.sessions()), 70),
                TextColumn.of("Exact", r -> format(r.report().allAgree()), 70),
                TextColumn.of("κ quadratic", r -> format(r.report().weightedKappaQuadratic()), 95),
                TextColumn.of("α ordinal", r -> format(r.report().krippendorffAlpha()), 85),
                TextColumn.of("ICC(2,1)", r -> r.report().icc() == null ? "" : format(r.report().icc().get(Icc.Form.ICC2)), 75),
                TextColumn.of("Randolph's κ", r -> format(r.report().randolphKappa()), 110),
                TextColumn.of("Note", r -> r.sessions() < 2 ? "fewer than two sessions rated by both coders"
                        : note(r.report().icc() == null ? null : r.report().icc().get(Icc.Form.ICC2), 0), 300)));
        tip(t.getColumns().get(2), "Share of sessions both coders gave the same value");
        tip(t.getColumns().get(3), "Cohen's weighted κ with quadratic weights over the rating's whole scale");
        tip(t.getColumns().get(4), "Krippendorff's α for ordinal data");
        tip(t.getColumns().get(5), "Two-way random effects, absolute agreement, single rater (McGraw & Wong's ICC(A,1))");
        tip(t.getColumns().get(6), "Randolph's free-marginal κ: chance is 1 / the number of scale points");
        t.setPlaceholder(new Label("Agreement on the session ratings between the two coders (each rating's whole scale; Krippendorff's α "
                + "as ordinal) appears here after Compute."));
        t.setId("ratingAgreement");
        return t;
    }

    /** A column header that explains itself on hover. */
    private static void tip(TableColumn<?, ?> column, String text) {
        Label header = new Label(column.getText());
        header.setTooltip(new javafx.scene.control.Tooltip(text));
        column.setText(null);
        column.setGraphic(header);
    }

    private static String interval(Coefficient c) {
        return c == null || c.ciLower() == null ? "" : String.format(Locale.ROOT, "[%.2f, %.2f]", c.ciLower(), c.ciUpper());
    }

    private static String note(Coefficient c, int incomplete) {
        String reason = c == null || c.isDefined() ? "" : c.undefinedReason();
        String left = incomplete == 0 ? "" : incomplete + " session(s) left out: undefined for one coder";
        return reason.isEmpty() ? left : left.isEmpty() ? reason : reason + "; " + left;
    }

    private void showSelected(Disagreement d) {
        EventAgreement.Row row = model.selectedProperty().get();
        AgreementInput in = model.inputProperty().get();
        if (row == null || in == null) {
            matrix.show(null, null, "", "");
            return;
        }
        matrix.show(row.categories(), row.table(), model.firstCoderProperty().get(), model.secondCoderProperty().get());
        long end = model.selectedSessionEnd();
        long from = d == null ? 0 : Math.max(0, d.startMs() - 10_000);
        long to = d == null ? end : Math.min(Math.max(end, d.endMs()), d.endMs() + 10_000);
        timelines.show(in.scheme(), AgreementViewModel.codesOf(in.scheme(), row), List.of(model.firstCoderProperty().get(), model.secondCoderProperty().get()),
                model.selectedMarks(), List.copyOf(model.disagreements()), d, from, to);
    }

    /** Where a double-clicked disagreement is shown (the app connects it to the coding workspace). */
    public void setOnJump(java.util.function.Consumer<VideoJump> handler) {
        onJump = handler;
    }

    private void jumpToSelected() {
        Disagreement d = disagreementList.getSelectionModel().getSelectedItem();
        EventAgreement.Row row = model.selectedProperty().get();
        if (d == null || row == null || study == null || row.session().equals(EventAgreement.POOLED)) return;
        onJump.accept(new VideoJump(study, row.session(), model.firstCoderProperty().get(), d.startMs()));
    }

    /** A trainee's training session against its gold standard: training sessions in, the two coders and the session chosen, computed. */
    public void showTraining(Path file, String session, String gold, String trainee) {
        model.includeTrainingProperty().set(true);
        pending = () -> {
            model.firstCoderProperty().set(gold);
            model.secondCoderProperty().set(trainee);
            sessionsBox.getCheckModel().check(session);
            compute();
        };
        open(file);
    }

    /** Opens a study (read-only) in the background, then shows it. */
    public void open(Path file) {
        study = file;
        Task<AgreementViewModel.Loaded> task = new Task<>() {
            @Override
            protected AgreementViewModel.Loaded call() throws Exception {
                return AgreementViewModel.load(file, model.includeTrainingProperty().get());
            }
        };
        task.setOnSucceeded(e -> {
            model.show(task.getValue(), file.getFileName().toString());
            Runnable then = pending;
            pending = null;
            if (then != null) then.run();
        });
        task.setOnFailed(e -> dialogs.showFailure("This study cannot be opened", task.getException()));
        background.execute(task);
    }

    /** Computes with the current choices in the background; the progress bar shows meanwhile. */
    public void compute() {
        AgreementInput in = model.inputProperty().get();
        SessionCodings codings = model.codings();
        java.util.List<org.attune.agreement.RatingAgreement.Rated> ratings = model.ratings();
        AgreementViewModel.Parameters p = model.parameters();
        if (in == null) return;
        if (p.first() == null || p.second() == null || p.first().equals(p.second())) {
            dialogs.showError("Choose two different coders", "Agreement compares two coders; pick a different coder in the second box.");
            return;
        }
        Task<AgreementViewModel.Computed> task = new Task<>() {
            @Override
            protected AgreementViewModel.Computed call() {
                return AgreementViewModel.compute(in, codings, ratings, p, (done, total) -> updateProgress(done, total));
            }
        };
        progress.setVisible(true);
        progress.progressProperty().bind(task.progressProperty());
        task.setOnSucceeded(e -> {
            progress.setVisible(false);
            model.apply(task.getValue(), p);
            exportButton.setDisable(!model.hasResults());
            afterCompute.run();
        });
        task.setOnFailed(e -> {
            progress.setVisible(false);
            dialogs.showFailure("Agreement could not be computed", task.getException());
        });
        background.execute(task);
    }

    /** Whether agreement was computed and has results to export. */
    public boolean hasResults() {
        return model.computedWith() != null && model.hasResults();
    }

    /** The methods paragraph of the last computation ("" before one). */
    public String methodsParagraph() {
        return model.paragraphProperty().get();
    }

    /** Saves the results the table shows as CSV, in the background; says how many rows went where. */
    public void export() {
        AgreementViewModel.Parameters p = model.computedWith();
        if (p == null || study == null) return;
        List<EventAgreement.Row> rows = model.resultsToExport();
        CsvExport.run(dialogs, background, exportButton, "Export agreement results", "agreement-" + p.method().method().cliName() + ".csv", study,
                tmp -> AgreementViewModel.writeCsv(tmp, rows, p), model.summaryProperty()::set, () -> afterExport.run());
    }

    private Runnable afterExport = () -> {
    };

    /** Runs after an export ends, written or refused (tests wait on it). */
    public void setAfterExport(Runnable r) {
        afterExport = r;
    }

    private void chooseStudy() {
        dialogs.chooseFileToOpen("Open study", "Attune study", List.of("*.attune")).ifPresent(this::open);
    }

    private Coefficient main(EventAgreement.Row r) {
        String name = switch (model.methodProperty().get()) {
            case OVERLAP -> "kappa_ipf";
            default -> "kappa";
        };
        return r.statistics().get(name);
    }

    private String secondary(EventAgreement.Row r) {
        StringBuilder b = new StringBuilder();
        r.statistics().forEach((name, c) -> {
            if (name.equals("kappa") || name.equals("kappa_ipf") || name.endsWith("_sd") || name.startsWith("kappa_max")) return;
            if (!name.startsWith("kappa") && !name.startsWith("proportion")) return;
            if (b.length() > 0) b.append('\n'); // one statistic a line: the row grows rather than cutting them
            b.append(model.statisticName(name)).append(' ').append(format(c));
        });
        return b.toString();
    }

    private static String format(Coefficient c) {
        return c == null ? "" : c.isDefined() ? String.format(Locale.ROOT, "%.3f", c.get()) : "—";
    }

    private static Spinner<Double> spinner(double min, double max, double value, double step) {
        Spinner<Double> s = new Spinner<>(min, max, value, step);
        s.setEditable(true);
        s.setMaxWidth(Double.MAX_VALUE);
        return s;
    }

    private static Label caption(String text) {
        Label l = new Label(text.toUpperCase(Locale.ROOT));
        l.getStyleClass().add("section-header");
        return l;
    }
}
