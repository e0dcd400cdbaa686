package org.attune.ui.measures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Side;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.attune.analysis.MeasureParameters;
import org.attune.analysis.MeasureValue;
import org.attune.analysis.SessionMeasures;
import org.attune.coding.TimeFormat;
import org.attune.exchange.MeasuresCsv;
import org.attune.store.SessionCodings;
import org.attune.ui.CsvExport;
import org.attune.ui.DialogService;
import org.attune.ui.TextColumn;
import org.attune.ui.VideoJump;

/**
 * The measures view: key measures per session × coder, one measure charted across sessions, and for
 * the selected session the derived episodes with each child bid marked answered, unanswered or
 * censored. The full set of measures is the CLI's {@code attune measures} export.
 */
public final class MeasuresView extends BorderPane {

    private final MeasuresViewModel model;
    private final DialogService dialogs;
    private final Executor background;
    private final Button exportButton = new Button("Export measures…");
    private MeasureParameters computedWith;
    private final Spinner<Double> window = new Spinner<>(0.5, 30, 3, 0.5);
    private final Spinner<Double> turnWindow = new Spinner<>(0.5, 30, 5, 0.5);
    private final javafx.scene.control.CheckBox training = new javafx.scene.control.CheckBox("Training sessions too");
    private final ProgressBar progress = new ProgressBar();
    private final BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final EpisodeTimeline timeline = new EpisodeTimeline();
    private final ListView<SessionMeasures.BidOutcome> unanswered = new ListView<>();
    private final Label jump = new Label();
    private final Label episodesCaption = caption("Derived episodes of the selected session");
    private Path lastStudy;
    private Runnable afterCompute = () -> { };
    private java.util.function.Consumer<VideoJump> onJump = j -> { };

    public MeasuresView(MeasuresViewModel model, DialogService dialogs, Executor background) {
        this.model = model;
        this.dialogs = dialogs;
        this.background = background;
        setLeft(controls());
        setCenter(content());
        Label status = new Label();
        status.textProperty().bind(model.summaryProperty());
        status.getStyleClass().add("status-bar");
        status.setMaxWidth(Double.MAX_VALUE);
        setBottom(status);
        model.selectedProperty().addListener((o, a, r) -> showSelected(-1));
        model.chartMeasureProperty().addListener((o, a, m) -> drawChart());
        model.coderFilterProperty().addListener((o, a, c) -> drawChart());
        unanswered.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            showSelected(b == null ? -1 : b.atMs());
            MeasuresViewModel.Row r = model.selectedProperty().get();
            jump.setText(b == null || r == null ? "" : "▶ " + r.session() + " at " + TimeFormat.clock(b.atMs()) + " — double-click to see it in the video");
        });
    }

    public void setAfterCompute(Runnable r) {
        afterCompute = r;
    }

    private VBox controls() {
        Button open = new Button("Open study…");
        open.setMaxWidth(Double.MAX_VALUE);
        open.setOnAction(e -> dialogs.chooseFileToOpen("Open study", "Attune study", List.of("*.attune")).ifPresent(this::open));
        Label study = new Label();
        study.textProperty().bind(model.studyNameProperty());
        study.getStyleClass().add("agreement-study");
        window.setEditable(true);
        turnWindow.setEditable(true);
        Button compute = new Button("Recompute");
        compute.setMaxWidth(Double.MAX_VALUE);
        compute.setOnAction(e -> {
            if (lastStudy != null) open(lastStudy);
        });
        ChoiceBox<String[]> measure = new ChoiceBox<>();
        measure.getItems().setAll(MeasuresViewModel.KEY_MEASURES);
        measure.setConverter(new StringConverter<>() {
            @Override
            public String toString(String[] m) {
                return m == null ? "" : m[3];
            }

            @Override
            public String[] fromString(String s) {
                return null;
            }
        });
        measure.valueProperty().bindBidirectional(model.chartMeasureProperty());
        measure.setMaxWidth(Double.MAX_VALUE);
        progress.setVisible(false);
        progress.setMaxWidth(Double.MAX_VALUE);
        ChoiceBox<String> coder = new ChoiceBox<>(model.coders());
        coder.valueProperty().bindBidirectional(model.coderFilterProperty());
        coder.setId("coderFilter");
        coder.setMaxWidth(Double.MAX_VALUE);
        exportButton.setId("exportMeasures");
        exportButton.setMaxWidth(Double.MAX_VALUE);
        exportButton.setDisable(true);
        exportButton.setTooltip(new javafx.scene.control.Tooltip("Save the measures of the sessions and coders shown as tidy CSV, the windows in columns "
                + "(docs/measures.md), as the command line's measures --csv"));
        exportButton.setOnAction(e -> export());
        training.setId("includeTraining");
        training.setOnAction(e -> {
            if (lastStudy != null) open(lastStudy);
        });
        VBox box = new VBox(8, open, study, caption("Coder"), coder, caption("Response window W (s)"), window, caption("Turn window (s)"), turnWindow, training, compute, progress,
                exportButton, new Region(), caption("Chart"), measure);
        box.setPadding(new Insets(14));
        box.setPrefWidth(230);
        box.getStyleClass().add("agreement-controls");
        return box;
    }

    private SplitPane content() {
        TableView<MeasuresViewModel.Row> table = new TableView<>(model.shownRows());
        table.getColumns().add(TextColumn.of("Session", MeasuresViewModel.Row::session, 80));
        table.getColumns().add(TextColumn.of("Coder", MeasuresViewModel.Row::coder, 80));
        for (String[] m : MeasuresViewModel.KEY_MEASURES) {
            table.getColumns().add(TextColumn.of(m[3], r -> {
                MeasureValue v = r.value(m[0], m[1], m[2]);
                return v == null || v.value() == null ? "—" : String.format(Locale.ROOT, "%.2f", v.value());
            }, Math.max(90, m[3].length() * 7.5 + 26)));
        }
        table.setId("measures");
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) model.selectedProperty().set(r);
        });
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setLegendSide(Side.RIGHT);
        chart.setMinHeight(200);
        unanswered.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(SessionMeasures.BidOutcome b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty || b == null ? null : TimeFormat.clock(b.atMs()) + "   no response within W");
            }
        });
        unanswered.setPrefWidth(330);
        unanswered.setId("unanswered");
        unanswered.setOnMouseClicked(m -> {
            if (m.getClickCount() == 2) jumpToSelected();
        });
        unanswered.setOnKeyPressed(k -> {
            if (k.getCode() == javafx.scene.input.KeyCode.ENTER) jumpToSelected();
        });
        jump.getStyleClass().add("jump-hint");
        jump.setWrapText(true);
        VBox list = new VBox(6, caption("Unanswered bids"), unanswered, jump);
        VBox.setVgrow(unanswered, Priority.ALWAYS);
        list.setPadding(new Insets(8));
        VBox episodes = new VBox(6, episodesCaption, timeline);
        VBox.setVgrow(timeline, Priority.ALWAYS);
        episodes.setPadding(new Insets(8));
        SplitPane bottom = new SplitPane(episodes, list);
        bottom.setDividerPositions(0.72);
        VBox chartBox = new VBox(6, caption("Across sessions"), chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        chartBox.setPadding(new Insets(8));
        SplitPane all = new SplitPane(table, chartBox, bottom);
        all.setOrientation(Orientation.VERTICAL);
        all.setDividerPositions(0.3, 0.62);
        return all;
    }

    /** Where a double-clicked unanswered bid is shown (the app connects it to the coding workspace). */
    public void setOnJump(java.util.function.Consumer<VideoJump> handler) {
        onJump = handler;
    }

    private void jumpToSelected() {
        SessionMeasures.BidOutcome b = unanswered.getSelectionModel().getSelectedItem();
        MeasuresViewModel.Row r = model.selectedProperty().get();
        if (b != null && r != null && lastStudy != null) onJump.accept(new VideoJump(lastStudy, r.session(), r.coder(), b.atMs()));
    }

    /** Loads a study and computes its measures in the background. */
    public void open(Path file) {
        lastStudy = file;
        MeasureParameters p = MeasureParameters.DEFAULTS.withWindows(Math.round(window.getValue() * 1000), Math.round(turnWindow.getValue() * 1000), 1000);
        boolean includeTraining = training.isSelected(); // issue 19: left out unless asked
        Task<Object[]> task = new Task<>() {
            @Override
            protected Object[] call() throws Exception {
                SessionCodings c = MeasuresViewModel.load(file, includeTraining);
                return new Object[] {c, MeasuresViewModel.compute(c, p, (done, total) -> updateProgress(done, total))};
            }
        };
        progress.setVisible(true);
        progress.progressProperty().bind(task.progressProperty());
        computing = true;
        task.setOnSucceeded(e -> {
            computing = false;
            progress.setVisible(false);
            @SuppressWarnings("unchecked")
            List<MeasuresViewModel.Row> rows = (List<MeasuresViewModel.Row>) task.getValue()[1];
            model.show((SessionCodings) task.getValue()[0], file.getFileName().toString(), rows);
            computedWith = p;
            exportButton.setDisable(rows.isEmpty());
            drawChart();
            showSelected(-1);
            afterCompute.run();
            if (exportWhenDone) {
                exportWhenDone = false;
                export();
            }
        });
        task.setOnFailed(e -> {
            computing = false;
            exportWhenDone = false;
            progress.setVisible(false);
            dialogs.showFailure("The measures could not be computed", task.getException());
        });
        background.execute(task);
    }

    /** Measures are being computed (a study was opened or recomputed). */
    private boolean computing;
    /** File ▸ Export ▸ Measures came while they were being computed: export when they are. */
    private boolean exportWhenDone;

    /** File ▸ Export ▸ Measures: exports what this tab shows, once it is computed (at once if it is). */
    public void exportWhenComputed() {
        if (computing || computedWith == null) exportWhenDone = true;
        else export();
    }

    /** Saves the measures of the rows shown (the coder filter applies) as tidy CSV, in the background; says how many rows went where. */
    public void export() {
        MeasureParameters p = computedWith;
        Path from = lastStudy;
        if (p == null || from == null) return;
        List<MeasuresCsv.Row> rows = new ArrayList<>();
        for (MeasuresViewModel.Row r : model.shownRows()) for (MeasureValue v : r.values()) rows.add(new MeasuresCsv.Row(r.session(), r.coder(), v));
        CsvExport.run(dialogs, background, exportButton, "Export measures", "measures.csv", from, tmp -> MeasuresCsv.write(tmp, rows, p),
                model.summaryProperty()::set, () -> {
                });
    }

    private void drawChart() {
        chart.getData().clear();
        String[] m = model.chartMeasureProperty().get();
        chart.setTitle(m[3]);
        for (Map.Entry<String, Map<String, Double>> s : model.chartSeries().entrySet()) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(s.getKey());
            s.getValue().forEach((session, v) -> series.getData().add(new XYChart.Data<>(session, v)));
            chart.getData().add(series);
        }
    }

    private void showSelected(long highlight) {
        SessionMeasures.Episodes e = model.selectedEpisodes(MeasureParameters.DEFAULTS
                .withWindows(Math.round(window.getValue() * 1000), Math.round(turnWindow.getValue() * 1000), 1000));
        if (e == null) return;
        timeline.show(e, model.selectedSessionEnd(), highlight);
        MeasuresViewModel.Row r = model.selectedProperty().get();
        episodesCaption.setText(("Derived episodes — session " + r.session() + ", coder " + r.coder()).toUpperCase(Locale.ROOT));
        if (highlight < 0) {
            unanswered.getItems().setAll(e.childBids().stream().filter(b -> b.outcome().equals(SessionMeasures.BidOutcome.UNANSWERED)).toList());
        }
    }

    private static Label caption(String text) {
        Label l = new Label(text.toUpperCase(Locale.ROOT));
        l.getStyleClass().add("section-header");
        return l;
    }

    /** For tests: the chart's series names. */
    List<String> seriesNames() {
        return chart.getData().stream().map(XYChart.Series::getName).toList();
    }

}
