package org.attune.ui.coding;

import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.attune.coding.KeyCoding;
import org.attune.coding.ModifierChoice;
import org.attune.coding.Modifiers;
import org.attune.coding.TimeFormat;
import org.attune.scheme.ModifierSet;

/**
 * The modifier chooser over the video: after a key of a code with modifier sets, it asks each set in
 * turn — values by number, ticks and Enter for a multiple choice, 0 for none, Esc to cancel. The
 * choosing itself is {@link ModifierChoice}'s; this shows it and takes the keys.
 */
final class ModifierChooser extends VBox {

    /** How a key ended the choice: still choosing, cancelled, or done with the modifiers chosen. */
    sealed interface Outcome permits Choosing, Cancelled, Chosen {
    }

    record Choosing() implements Outcome {
    }

    record Cancelled(KeyCoding.ChooseModifiers ask) implements Outcome {
    }

    record Chosen(KeyCoding.ChooseModifiers ask, Modifiers modifiers) implements Outcome {
    }

    private KeyCoding.ChooseModifiers pending;
    private ModifierChoice choice;

    ModifierChooser() {
        super(4);
        getStyleClass().add("modifier-chooser");
        setVisible(false);
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        setId("modifierChooser");
    }

    /** Whether a choice is open (keys go to it). */
    boolean isOpen() {
        return pending != null;
    }

    void open(KeyCoding.ChooseModifiers ask) {
        pending = ask;
        choice = new ModifierChoice(ask.code());
        render();
        setVisible(true);
    }

    void close() {
        pending = null;
        setVisible(false);
    }

    /** A key while the chooser is open; what it did (unknown keys leave it choosing). */
    Outcome key(KeyEvent e) {
        KeyCoding.ChooseModifiers ask = pending;
        ModifierChoice.Step step;
        if (e.getCode() == KeyCode.ESCAPE) step = choice.escape();
        else if (e.getCode() == KeyCode.ENTER) step = choice.enter();
        else if (e.getCode().isDigitKey()) step = choice.digit(Integer.parseInt(e.getCode().getName().replaceAll("\\D", "")));
        else return new Choosing();
        return switch (step) {
            case CHANGED, NEXT_SET -> {
                render();
                yield new Choosing();
            }
            case CANCELLED -> {
                close();
                yield new Cancelled(ask);
            }
            case DONE -> {
                Modifiers chosen = choice.result();
                close();
                yield new Chosen(ask, chosen);
            }
            default -> new Choosing();
        };
    }

    /** The current modifier set: its values by number, ticks for a multiple choice. */
    private void render() {
        ModifierSet set = choice.set();
        getChildren().clear();
        Label title = new Label(pending.code().label() + " at " + TimeFormat.clock(pending.atMs()));
        title.getStyleClass().add("detail-id");
        getChildren().add(title);
        String progress = choice.progress();
        getChildren().add(new Label(set.label() + (progress.isEmpty() ? "" : "  (" + progress + ")")
                + (set.choice() == ModifierSet.Choice.MULTIPLE ? " — any number:" : ":")));
        for (int i = 0; i < set.values().size() && i < 9; i++) {
            ModifierSet.Value v = set.values().get(i);
            String tick = set.choice() == ModifierSet.Choice.MULTIPLE ? (choice.ticked().contains(v.id()) ? "☑ " : "☐ ") : "";
            getChildren().add(new Label((i + 1) + "   " + tick + v.label()));
        }
        getChildren().add(new Label(set.choice() == ModifierSet.Choice.MULTIPLE
                ? "1–9 tick    Enter done    0 none    Esc cancel" : "0   none    Esc   cancel"));
    }

    /** The open question, if any (tests). */
    Optional<KeyCoding.ChooseModifiers> pending() {
        return Optional.ofNullable(pending);
    }
}
