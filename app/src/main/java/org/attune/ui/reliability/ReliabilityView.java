package org.attune.ui.reliability;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.attune.reliability.Drift;
import org.attune.reliability.MethodsText;
import org.attune.reliability.TrainingProgress;
import org.attune.ui.TextColumn;

/**
 * The Reliability tab (issue 19): the lab's criterion; each trainee's training sessions against the gold standard
 * with the criterion line and the day it was reached; agreement over coding time per coder pair with the criterion
 * line and the weeks a re-check fell below it; the methods section's sentences to copy.
 */
public final class ReliabilityView extends ScrollPane {

    /** One row of the training table. */
    record TrainingRow(String coder, TrainingProgress.Step step, boolean reached) {
    }

    private final ReliabilityViewModel model;
    private final Label criterion = new Label();
    private final Label trainingSummary = new Label();
    private final TableView<TrainingRow> training = new TableView<>();
    private final LineChart<String, Number> trainingChart = chart("Training session, in the order finished");
    private final Label driftSummary = new Label();
    private final TableView<Drift.Check> drift = new TableView<>();
    private final LineChart<String, Number> driftChart = chart("Coding week (the later pass finished)");
    private final TextArea methods = new TextArea();

    public ReliabilityView(ReliabilityViewModel model) {
        this.model = model;
        getStyleClass().add("reliability-view");
        setFitToWidth(true);
        criterion.setId("reliabilityCriterion");
        criterion.setWrapText(true);
        criterion.getStyleClass().add("section-title");
        Button setCriterion = new Button("Criterion…");
        setCriterion.setOnAction(e -> {
            model.editCriterion();
            refresh();
        });
        Button sample = new Button("Draw a reliability sample…");
        sample.setOnAction(e -> {
            model.drawSample();
            refresh();
        });
        Button records = new Button("Training records (HTML)…");
        records.setOnAction(e -> model.exportTrainingRecords());
        Button refresh = new Button("Read again");
        refresh.setOnAction(e -> refresh());
        HBox head = new HBox(10, criterion, new Region(), setCriterion, sample, records, refresh);
        HBox.setHgrow(head.getChildren().get(1), Priority.ALWAYS);

        training.setId("trainingTable");
        training.getColumns().setAll(List.of(
                TextColumn.of("Trainee", TrainingRow::coder, 70),
                TextColumn.of("Session", r -> r.step().session(), 80),
                TextColumn.of("Finished", r -> day(r.step().finishedAt()), 100),
                TextColumn.of("κ", r -> kappa(r.step().judgement().value()), 60),
                TextColumn.of("Criterion", r -> r.step().judgement().meets() ? "meets" : "below", 80),
                TextColumn.of("In a row", r -> Integer.toString(r.step().run()), 70),
                TextColumn.of("", r -> r.reached() ? "criterion reached" : "", 140)));
        training.setPrefHeight(180);
        training.setPlaceholder(new Label("No finished training pass yet: mark training sessions and their gold standards (Reliability menu), then trainees code them."));
        drift.setId("driftTable");
        List<TableColumn<Drift.Check, ?>> cols = new ArrayList<>(List.of(
                TextColumn.of("Coder", Drift.Check::first, 60),
                TextColumn.of("With", Drift.Check::second, 60),
                TextColumn.of("Session", Drift.Check::session, 80),
                TextColumn.of("Week", Drift.Check::week, 80),
                TextColumn.of("Finished", c -> day(c.finishedAt()), 100),
                TextColumn.of("κ", c -> kappa(c.judgement().value()), 60),
                TextColumn.of("Criterion", c -> c.judgement().meets() ? "meets" : "BELOW", 80)));
        drift.getColumns().setAll(cols);
        drift.setPrefHeight(200);
        drift.setPlaceholder(new Label("No session has two finished passes yet."));
        methods.setId("reliabilityMethods");
        methods.setEditable(false);
        methods.setWrapText(true);
        methods.setPrefRowCount(4);
        Button copy = new Button("Copy");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(methods.getText());
            Clipboard.getSystemClipboard().setContent(c);
        });
        VBox box = new VBox(10, head,
                title("Training to criterion"), trainingSummary, new HBox(12, training, trainingChart),
                title("Agreement over coding time (drift)"), driftSummary, new HBox(12, drift, driftChart),
                title("For the methods section"), new HBox(8, methods, copy));
        HBox.setHgrow(training, Priority.ALWAYS);
        HBox.setHgrow(drift, Priority.ALWAYS);
        HBox.setHgrow(methods, Priority.ALWAYS);
        box.setPadding(new Insets(12, 14, 12, 14));
        setContent(box);
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static LineChart<String, Number> chart(String xLabel) {
        CategoryAxis x = new CategoryAxis();
        x.setLabel(xLabel);
        NumberAxis y = new NumberAxis(0, 1.04, 0.2); // a little above 1: a κ of 1 shows whole
        y.setLabel("κ");
        LineChart<String, Number> c = new LineChart<>(x, y);
        c.setAnimated(false);
        c.setPrefSize(460, 220);
        c.setMinWidth(380);
        return c;
    }

    static String kappa(double v) {
        return Double.isNaN(v) ? "–" : MethodsText.apa(v);
    }

    private static String day(String iso) {
        return iso == null ? "" : iso.substring(0, Math.min(10, iso.length()));
    }

    /** Reads the open study again and shows it. */
    public void refresh() {
        model.read(this::show);
    }

    void show(ReliabilityViewModel.Shown s) {
        criterion.setText("Criterion: " + s.criterion().describe());
        List<TrainingRow> rows = new ArrayList<>();
        List<XYChart.Series<String, Number>> trainingSeries = new ArrayList<>();
        int longest = 0;
        List<String> summary = new ArrayList<>();
        for (TrainingProgress.Progress p : s.training()) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(p.coder());
            int n = 0;
            for (TrainingProgress.Step st : p.steps()) {
                rows.add(new TrainingRow(p.coder(), st, p.reached().map(r -> r == st).orElse(false)));
                n++;
                if (!Double.isNaN(st.judgement().value())) series.getData().add(new XYChart.Data<>(Integer.toString(n), st.judgement().value()));
            }
            longest = Math.max(longest, n);
            trainingSeries.add(series);
            summary.add(p.coder() + ": " + p.reached().map(r -> "reached on " + day(r.finishedAt()) + " with " + r.session())
                    .orElse(p.stillNeeded(s.criterion().consecutive()) + " more in a row needed"));
        }
        training.getItems().setAll(rows);
        trainingChart.getData().setAll(trainingSeries);
        if (longest > 0) addLine(trainingChart, line(s.criterion().threshold(), categories(longest)));
        trainingSummary.setText(summary.isEmpty() ? "" : String.join("   ·   ", summary));

        List<Drift.Check> checks = new ArrayList<>();
        List<XYChart.Series<String, Number>> driftSeries = new ArrayList<>();
        for (Drift.Pair p : s.drift().pairs()) {
            checks.addAll(p.checks());
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(p.first() + " – " + p.second());
            for (Drift.Check c : p.checks()) if (!Double.isNaN(c.judgement().value())) series.getData().add(new XYChart.Data<>(c.week(), c.judgement().value()));
            driftSeries.add(series);
        }
        drift.getItems().setAll(checks);
        driftChart.getXAxis().setAutoRanging(true);
        ((CategoryAxis) driftChart.getXAxis()).getCategories().setAll(s.drift().weeks());
        driftChart.getData().setAll(driftSeries);
        if (!s.drift().weeks().isEmpty()) addLine(driftChart, line(s.criterion().threshold(), s.drift().weeks()));
        List<Drift.Check> warnings = s.drift().warnings();
        driftSummary.setText(warnings.isEmpty() ? (checks.isEmpty() ? "" : "No re-check fell below the criterion.")
                : "Below the criterion: " + String.join("; ", warnings.stream().map(w -> w.first() + (w.second().equals("gold") ? " vs gold" : "–" + w.second())
                        + " on " + w.session() + " (week " + w.week() + ", κ = " + kappa(w.judgement().value()) + ")").toList()));
        driftSummary.getStyleClass().remove("warning-text");
        if (!warnings.isEmpty()) driftSummary.getStyleClass().add("warning-text");
        methods.setText(s.methods());
    }

    private static List<String> categories(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) out.add(Integer.toString(i));
        return out;
    }

    /** The criterion as a dashed grey line without points, apart from the coders' series. */
    private static void addLine(LineChart<String, Number> chart, XYChart.Series<String, Number> line) {
        chart.getData().add(line);
        if (line.getNode() != null) line.getNode().setStyle("-fx-stroke: #8a8a8a; -fx-stroke-width: 1.5px; -fx-stroke-dash-array: 6 5;");
        for (XYChart.Data<String, Number> d : line.getData()) if (d.getNode() != null) d.getNode().setVisible(false);
    }

    private static XYChart.Series<String, Number> line(double threshold, List<String> across) {
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        s.setName("criterion " + MethodsText.apa(threshold));
        for (String x : across) s.getData().add(new XYChart.Data<>(x, threshold));
        return s;
    }
}
