package org.attune.ui.reliability;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.attune.agreement.EventAgreement;
import org.attune.reliability.Criterion;

/** The reliability forms as dialogs over the app's window. */
public final class FxReliabilityForms implements ReliabilityViewModel.Forms {

    private final Window owner;

    public FxReliabilityForms(Window owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Criterion> criterion(Criterion now) {
        ChoiceBox<String> method = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList("time-unit", "alignment"));
        method.setValue(now.method().cliName());
        TextField unit = number(now.unitMs() / 1000.0);
        TextField tolerance = number(now.toleranceMs() / 1000.0);
        TextField threshold = number(now.threshold());
        ChoiceBox<String> applies = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList("each-group", "each-code", "overall"));
        applies.setValue(now.scope().cliName());
        TextField minEvents = number(now.minEvents());
        TextField consecutive = number(now.consecutive());
        Label problem = new Label();
        problem.getStyleClass().add("form-problem");
        GridPane g = grid();
        int r = 0;
        g.addRow(r++, new Label("Agreement"), method);
        g.addRow(r++, new Label("Time unit (s)"), unit);
        g.addRow(r++, new Label("Tolerance (s)"), tolerance);
        g.addRow(r++, new Label("κ to reach"), threshold);
        g.addRow(r++, new Label("Applies to"), applies);
        g.addRow(r++, new Label("Events a code needs"), minEvents);
        g.addRow(r++, new Label("Consecutive sessions"), consecutive);
        g.add(problem, 0, r, 2, 1);
        Dialog<ButtonType> d = dialog("The lab's criterion", "Trainees reach it against the gold standard; re-checks are judged by it.", g);
        while (true) {
            Optional<ButtonType> b = d.showAndWait();
            if (b.isEmpty() || b.get() != ButtonType.OK) return Optional.empty();
            try {
                return Optional.of(new Criterion(EventAgreement.Method.parse(method.getValue()).orElseThrow(), Math.round(parse(unit, "the time unit") * 1000),
                        Math.round(parse(tolerance, "the tolerance") * 1000), parse(threshold, "the κ to reach"), Criterion.Scope.parse(applies.getValue()).orElseThrow(),
                        (int) parse(minEvents, "the events a code needs"), (int) parse(consecutive, "the consecutive sessions")));
            } catch (IllegalArgumentException e) {
                problem.setText(e.getMessage() + ".");
            }
        }
    }

    @Override
    public Optional<ReliabilityViewModel.SampleRequest> sample(List<String> coders, List<String> keys) {
        TextField percent = number(20);
        List<String> strata = new ArrayList<>();
        strata.add("(not stratified)");
        strata.addAll(keys);
        ChoiceBox<String> by = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList(strata));
        by.setValue(strata.get(0));
        TextField seed = new TextField(LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE)); // a seed to write down; any number will do
        FlowPane who = new FlowPane(10, 6);
        List<CheckBox> boxes = new ArrayList<>();
        for (String c : coders) {
            CheckBox box = new CheckBox(c);
            boxes.add(box);
            who.getChildren().add(box);
        }
        Label problem = new Label();
        problem.getStyleClass().add("form-problem");
        GridPane g = grid();
        g.addRow(0, new Label("Share of sessions (%)"), percent);
        g.addRow(1, new Label("Stratified by"), by);
        g.addRow(2, new Label("Seed"), seed);
        g.addRow(3, new Label("Second coders"), who);
        g.add(problem, 0, 4, 2, 1);
        Dialog<ButtonType> d = dialog("Draw a reliability sample", "Sessions chosen at random (not training sessions), reproducible from the seed.", g);
        while (true) {
            Optional<ButtonType> b = d.showAndWait();
            if (b.isEmpty() || b.get() != ButtonType.OK) return Optional.empty();
            try {
                double p = parse(percent, "the share");
                if (!(p > 0 && p <= 100)) throw new IllegalArgumentException("The share must be above 0 and at most 100 %");
                long s = Long.parseLong(seed.getText().trim());
                List<String> chosen = boxes.stream().filter(CheckBox::isSelected).map(CheckBox::getText).toList();
                if (chosen.isEmpty()) throw new IllegalArgumentException("Tick at least one second coder");
                return Optional.of(new ReliabilityViewModel.SampleRequest(p, by.getValue().equals(strata.get(0)) ? "" : by.getValue(), s, chosen));
            } catch (NumberFormatException e) {
                problem.setText("The seed must be a whole number.");
            } catch (IllegalArgumentException e) {
                problem.setText(e.getMessage() + ".");
            }
        }
    }

    @Override
    public Optional<ReliabilityViewModel.ConsensusRequest> consensus(String session, List<String> coders, long toleranceMs) {
        ChoiceBox<String> first = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList(coders));
        ChoiceBox<String> second = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList(coders));
        first.setValue(coders.get(0));
        second.setValue(coders.get(1));
        String byOverlap = "overlap (states: the overlap share of the longer, or both ends within the tolerance; points: onsets)";
        String byOnsets = "onsets within the tolerance (alignment)";
        ChoiceBox<String> matching = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList(byOverlap, byOnsets));
        matching.setValue(byOverlap);
        TextField tolerance = number(toleranceMs / 1000.0);
        TextField overlap = number(60);
        Label problem = new Label();
        problem.getStyleClass().add("form-problem");
        GridPane g = grid();
        g.addRow(0, new Label("First coder (1)"), first);
        g.addRow(1, new Label("Second coder (2)"), second);
        g.addRow(2, new Label("Agreement by"), matching);
        g.addRow(3, new Label("Tolerance (s)"), tolerance);
        g.addRow(4, new Label("Overlap (%)"), overlap);
        g.add(problem, 0, 5, 2, 1);
        Dialog<ButtonType> d = dialog("Build a consensus pass", session + ": what the two coders agree on is taken over; the rest you decide.", g);
        while (true) {
            Optional<ButtonType> b = d.showAndWait();
            if (b.isEmpty() || b.get() != ButtonType.OK) return Optional.empty();
            try {
                if (first.getValue().equals(second.getValue())) throw new IllegalArgumentException("Choose two different coders");
                double tol = parse(tolerance, "the tolerance");
                double share = parse(overlap, "the overlap");
                if (tol < 0) throw new IllegalArgumentException("The tolerance must not be negative");
                if (!(share > 0 && share <= 100)) throw new IllegalArgumentException("The overlap must be above 0 and at most 100 %");
                return Optional.of(new ReliabilityViewModel.ConsensusRequest(first.getValue(), second.getValue(),
                        matching.getValue().equals(byOnsets) ? org.attune.reliability.ConsensusPlan.Matching.ONSETS : org.attune.reliability.ConsensusPlan.Matching.OVERLAP,
                        Math.round(tol * 1000), share / 100));
            } catch (IllegalArgumentException e) {
                problem.setText(e.getMessage() + ".");
            }
        }
    }

    private Dialog<ButtonType> dialog(String title, String header, GridPane content) {
        Dialog<ButtonType> d = new Dialog<>();
        if (owner != null) d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(header);
        d.getDialogPane().setContent(content);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        return d;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        return g;
    }

    private static TextField number(double v) {
        TextField f = new TextField(v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v));
        f.setPrefColumnCount(8);
        return f;
    }

    private static double parse(TextField f, String what) {
        try {
            return Double.parseDouble(f.getText().trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what.substring(0, 1).toUpperCase(Locale.ROOT) + what.substring(1) + " must be a number, not \"" + f.getText() + "\"");
        }
    }
}
