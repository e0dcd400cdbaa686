package org.attune.ui.coding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.attune.coding.KeyMap;
import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.KeyboardLayout;
import org.attune.scheme.PhysicalKey;

/**
 * Every timed code of the scheme with its key cap (as printed on the coder's keyboard) and colour, under
 * its family's name; running states lit. A key bound twice shows red, with the conflict as its tooltip.
 * The palette only shows: keys are read by the workspace.
 */
final class CodePalette extends VBox {

    private static final String RUNNING = "palette-running";

    /** Each code's row, by code id, in the scheme's order. */
    private final Map<String, Label> rows = new LinkedHashMap<>();

    CodePalette() {
        super(2);
        setPadding(new Insets(8));
        setId("palette");
    }

    /** Shows a scheme's codes with the coder's keys, as the keyboard layout labels them. */
    void show(CodingScheme scheme, KeyMap keys, KeyboardLayout layout) {
        clear();
        String family = null;
        for (Code c : scheme.codes()) {
            if (c.isRating()) continue; // rated once a session, in the ratings panel below
            if (!c.family().equals(family)) {
                family = c.family();
                String name = scheme.families().stream().filter(f -> f.id().equals(c.family())).map(f -> f.label()).findFirst().orElse(c.family());
                Label h = new Label(name.toUpperCase(Locale.ROOT));
                h.getStyleClass().add("section-header");
                getChildren().add(h);
            }
            Optional<String> mine = keys.keyOf(c);
            Label key = new Label(mine.flatMap(PhysicalKey::of).map(k -> k.label(layout)).orElse(" "));
            key.getStyleClass().add("key-badge");
            if (mine.isPresent() && keys.binding(mine.get()) instanceof KeyMap.Conflict conflict) {
                key.getStyleClass().add("key-conflict");
                key.setTooltip(new Tooltip(conflict.describe()));
            }
            key.setMinWidth(Region.USE_PREF_SIZE);
            Label row = new Label(c.label(), key);
            row.getStyleClass().add("palette-row");
            row.setMaxWidth(Double.MAX_VALUE);
            row.setWrapText(true); // a long name ("Coordinated joint engagement") takes a second line, never "…"
            row.setMinHeight(Region.USE_PREF_SIZE);
            row.setTooltip(new Tooltip(c.label() + " (" + c.id() + ", " + (c.isState() ? "state: press to start, again to stop" : "point event") + ")"));
            row.setStyle("-fx-border-color: transparent transparent transparent " + CodeColours.hex(scheme, c) + "; -fx-border-width: 0 0 0 4;");
            rows.put(c.id(), row);
            getChildren().add(row);
        }
    }

    /** Empties the palette (no study open). */
    void clear() {
        getChildren().clear();
        rows.clear();
    }

    /** Lights the rows of the running states and dims the others (only rows whose state changed are touched). */
    void showRunning(Set<String> runningCodes) {
        rows.forEach((id, row) -> {
            boolean on = runningCodes.contains(id);
            if (on != row.getStyleClass().contains(RUNNING)) {
                if (on) row.getStyleClass().add(RUNNING);
                else row.getStyleClass().remove(RUNNING);
            }
        });
    }

    /** The key cap shown for a code (tests). */
    String keyCap(String codeId) {
        return ((Label) rows.get(codeId).getGraphic()).getText();
    }

    /** The codes shown lit (tests). */
    List<String> lit() {
        return rows.entrySet().stream().filter(e -> e.getValue().getStyleClass().contains(RUNNING)).map(Map.Entry::getKey).toList();
    }
}
