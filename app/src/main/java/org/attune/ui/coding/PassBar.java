package org.attune.ui.coding;

import java.util.function.Consumer;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.attune.ui.UserSettings;

/**
 * The coding workspace's top bar: the pass chooser, Close pass, whether the video pauses while
 * modifiers are chosen (a setting of the user's), and Keys…. A pass chosen by the coder is handed to
 * {@code onChosen}; {@link #show} changes what the chooser shows without that.
 */
final class PassBar extends HBox {

    private final ChoiceBox<CodingWorkspace.PassChoice> chooser;
    private final CheckBox pauseForModifiers = new CheckBox("Pause to choose modifiers");
    private boolean showing;

    PassBar(ObservableList<CodingWorkspace.PassChoice> passes, UserSettings settings, Consumer<CodingWorkspace.PassChoice> onChosen,
            Runnable onClose, Runnable onKeys) {
        super(10);
        chooser = new ChoiceBox<>(passes);
        chooser.setId("pass");
        chooser.setPrefWidth(240);
        chooser.valueProperty().addListener((o, a, p) -> {
            if (p != null && !showing) onChosen.accept(p);
        });
        Button closePass = new Button("Close pass");
        closePass.setId("closePass");
        closePass.setFocusTraversable(false);
        closePass.setOnAction(e -> onClose.run());
        closePass.disableProperty().bind(chooser.valueProperty().isNull());
        Button keysButton = new Button("Keys…");
        keysButton.setId("keys");
        keysButton.setFocusTraversable(false);
        keysButton.setTooltip(new Tooltip("Your keys for codes and the player; conflicts are flagged"));
        keysButton.setOnAction(e -> onKeys.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        pauseForModifiers.setSelected(settings.getBoolean("coding.pauseForModifiers", true));
        pauseForModifiers.setFocusTraversable(false);
        pauseForModifiers.setId("pauseForModifiers");
        pauseForModifiers.setTooltip(new Tooltip("Pause the video while the modifier chooser is open (the event keeps the time of the key press either way)"));
        pauseForModifiers.selectedProperty().addListener((o, a, on) -> settings.put("coding.pauseForModifiers", Boolean.toString(on)));
        getChildren().setAll(new Label("Pass"), chooser, closePass, gap, pauseForModifiers, keysButton);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(8, 12, 8, 12));
        getStyleClass().add("agreement-controls");
    }

    /** Chooses a pass as the coder would (it opens). */
    void choose(CodingWorkspace.PassChoice p) {
        chooser.setValue(p);
    }

    /** Shows a pass as chosen without opening it (null: none). */
    void show(CodingWorkspace.PassChoice p) {
        showing = true;
        chooser.setValue(p);
        showing = false;
    }

    boolean pausesForModifiers() {
        return pauseForModifiers.isSelected();
    }
}
