package org.attune.ui.coding;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.RatingScale;

/**
 * The scheme's session-level ratings for the open pass (e.g. parental sensitivity 1–5): one row of
 * buttons per rating, the anchors as tooltips. Clicking the chosen value again clears it. Buttons never
 * take the keyboard focus, so code keys keep coding while the panel is used.
 */
final class RatingsPanel extends VBox {

    private final Map<String, ToggleGroup> groups = new LinkedHashMap<>();
    private BiConsumer<String, Integer> onRate = (c, v) -> { };
    private boolean showing;

    RatingsPanel() {
        super(4);
        setPadding(new Insets(4, 8, 8, 8));
        setId("ratings");
    }

    void setScheme(CodingScheme scheme) {
        getChildren().clear();
        groups.clear();
        if (scheme.ratingCodes().isEmpty()) return;
        Label h = new Label("SESSION RATINGS");
        h.getStyleClass().add("section-header");
        getChildren().add(h);
        for (Code c : scheme.ratingCodes()) {
            RatingScale scale = c.scale();
            Label name = new Label(c.label());
            name.setWrapText(true);
            name.setTooltip(new Tooltip(c.definition().summary()));
            ToggleGroup group = new ToggleGroup();
            HBox buttons = new HBox(2);
            for (int v = scale.min(); v <= scale.max(); v++) {
                ToggleButton b = new ToggleButton(Integer.toString(v));
                b.setUserData(v);
                b.setToggleGroup(group);
                b.setFocusTraversable(false);
                b.getStyleClass().add("rating-value");
                b.setId("rating-" + c.id() + "-" + v);
                int value = v;
                scale.anchor(v).ifPresent(a -> b.setTooltip(new Tooltip(value + " = " + a.label())));
                buttons.getChildren().add(b);
            }
            group.selectedToggleProperty().addListener((o, before, now) -> {
                if (!showing) onRate.accept(c.id(), now == null ? null : (Integer) now.getUserData());
            });
            groups.put(c.id(), group);
            getChildren().addAll(name, buttons);
        }
    }

    void setOnRate(BiConsumer<String, Integer> action) {
        this.onRate = action;
    }

    /** Shows a pass's ratings (without reporting them as changes). */
    void show(Map<String, Integer> ratings) {
        showing = true;
        try {
            groups.forEach((code, group) -> {
                Integer v = ratings.get(code);
                Toggle match = v == null ? null : group.getToggles().stream().filter(t -> v.equals(t.getUserData())).findFirst().orElse(null);
                group.selectToggle(match);
            });
        } finally {
            showing = false;
        }
    }

    void setEnabled(boolean enabled) {
        groups.values().forEach(g -> g.getToggles().forEach(t -> ((ToggleButton) t).setDisable(!enabled)));
    }

    static String describe(Code c, Integer v) {
        return v == null ? c.label() + " cleared" : c.label() + " rated " + v + c.scale().anchor(v).map(a -> " (" + a.label().toLowerCase(Locale.ROOT) + ")").orElse("");
    }
}
