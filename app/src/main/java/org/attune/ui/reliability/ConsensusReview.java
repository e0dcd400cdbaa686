package org.attune.ui.reliability;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.attune.coding.TimeFormat;
import org.attune.reliability.ConsensusPlan;

/**
 * The consensus review (issue 19): the disagreement in hand with both coders' versions, decided from the keyboard
 * — 1 the first coder's, 2 the second's, E edit, X neither, ←/→ previous/next, Ctrl+Z undo — with the progress
 * and every disagreement listed with its decision.
 */
public final class ConsensusReview extends VBox {

    private final ListView<ConsensusPlan.Item> items = new ListView<>();

    public ConsensusReview(ConsensusViewModel model) {
        getStyleClass().add("consensus-review");
        setSpacing(10);
        setPadding(new Insets(14));
        Label title = new Label(model.state().session().label() + ": consensus of " + model.state().first() + " and " + model.state().second());
        title.getStyleClass().add("section-title");
        Label progress = new Label();
        progress.setId("consensusProgress");
        progress.textProperty().bind(model.progressProperty());
        Label heading = new Label();
        heading.setId("consensusHeading");
        heading.textProperty().bind(model.headingProperty());
        Label first = side(model.firstProperty(), "consensusFirst");
        Label second = side(model.secondProperty(), "consensusSecond");
        HBox both = new HBox(12, first, second);
        HBox.setHgrow(first, Priority.ALWAYS);
        HBox.setHgrow(second, Priority.ALWAYS);
        Label decided = new Label();
        decided.setId("consensusDecided");
        decided.textProperty().bind(model.decidedProperty());
        Label keys = new Label("1 = " + model.state().first() + "'s   ·   2 = " + model.state().second() + "'s   ·   E = edit   ·   X = neither   ·   ← → previous / next"
                + "   ·   Ctrl+Z = undo the last decision");
        keys.getStyleClass().add("hint");
        items.setId("consensusItems");
        items.setFocusTraversable(false);
        items.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ConsensusPlan.Item i, boolean empty) {
                super.updateItem(i, empty);
                if (empty || i == null) {
                    setText(null);
                    return;
                }
                String d = model.state().decisions().get(i.key());
                setText(TimeFormat.clock(i.atMs()) + "   " + i.first().map(ConsensusViewModel::describe).orElse("—") + "   |   "
                        + i.second().map(ConsensusViewModel::describe).orElse("—") + "   →   " + (d == null ? "undecided" : d));
            }
        });
        VBox.setVgrow(items, Priority.ALWAYS);
        getChildren().addAll(title, progress, heading, both, decided, keys, items);
        Runnable redraw = () -> {
            items.getItems().setAll(model.state().disagreements());
            if (!items.getItems().isEmpty()) {
                items.getSelectionModel().select(model.index());
                items.scrollTo(Math.max(0, model.index() - 3));
            }
        };
        model.onChanged(redraw);
        redraw.run();
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.Z) model.undo();
            else if (e.isShortcutDown() || e.isAltDown()) return;
            else if (e.getCode() == KeyCode.DIGIT1 || e.getCode() == KeyCode.NUMPAD1) model.takeFirst();
            else if (e.getCode() == KeyCode.DIGIT2 || e.getCode() == KeyCode.NUMPAD2) model.takeSecond();
            else if (e.getCode() == KeyCode.E) model.edit();
            else if (e.getCode() == KeyCode.X) model.neither();
            else if (e.getCode() == KeyCode.RIGHT) model.next();
            else if (e.getCode() == KeyCode.LEFT) model.previous();
            else return;
            e.consume();
        });
        setFocusTraversable(true);
    }

    private static Label side(javafx.beans.value.ObservableValue<String> text, String id) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        l.getStyleClass().add("consensus-side");
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }
}
