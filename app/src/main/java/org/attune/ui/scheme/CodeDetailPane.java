package org.attune.ui.scheme;

import java.util.List;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.attune.scheme.Code;
import org.attune.scheme.CodeRole;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.Definition;
import org.attune.scheme.ModifierSet;
import org.attune.scheme.RatingScale;

/** The coding-manual entry of one code: definition, rules, examples, modifiers, source. */
final class CodeDetailPane extends ScrollPane {

    private final VBox content = new VBox(10);

    CodeDetailPane() {
        content.getStyleClass().add("code-detail");
        content.setPadding(new Insets(18, 24, 24, 24));
        setContent(content);
        setFitToWidth(true);
        getStyleClass().add("code-detail-scroll");
    }

    void show(CodingScheme scheme, Code code, String keyLabel) {
        content.getChildren().clear();
        if (code == null) {
            content.getChildren().add(text("Select a code to see its definition.", "placeholder"));
            return;
        }
        String color = scheme.colorOf(code).hex();
        content.setStyle("-fx-border-color: " + color + "; -fx-border-width: 0 0 0 6;");

        Label title = new Label(code.label());
        title.getStyleClass().add("detail-title");
        Label id = new Label(code.id());
        id.getStyleClass().add("detail-id");
        HBox heading = new HBox(12, title, id);
        heading.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);

        FlowPane chips = new FlowPane(6, 6);
        if (!keyLabel.isEmpty()) chips.getChildren().add(KeyBadge.of(keyLabel));
        chips.getChildren().add(chip(code.kind().jsonName()));
        chips.getChildren().add(chip(code.subject().label()));
        scheme.family(code.family()).ifPresent(f -> chips.getChildren().add(chip(f.label())));
        code.groupId().flatMap(scheme::group).ifPresent(g -> chips.getChildren().add(chip("group: " + g.label())));
        List<Code> ends = scheme.statesEndedBy(code);
        if (!ends.isEmpty()) chips.getChildren().add(chip("ends " + ends.stream().map(Code::id).collect(Collectors.joining(", "))));
        content.getChildren().addAll(heading, chips);

        Definition d = code.definition();
        section("Definition", d.summary());
        section(code.isRating() ? "How to rate" : "What counts", d.counts());
        section("What does not count", d.doesNotCount());
        section(code.isPoint() ? "When to press" : "Onset", d.onset());
        section("Offset", d.offset());
        list(d.examples().size() == 1 ? "Example" : "Examples", d.examples());
        list("Boundary cases", d.boundaryCases());
        for (ModifierSet m : code.modifiers()) {
            List<String> values = new java.util.ArrayList<>();
            for (int i = 0; i < m.values().size(); i++) values.add((i + 1) + "  " + m.values().get(i).label());
            list("Modifier: " + m.label() + (m.choice() == ModifierSet.Choice.MULTIPLE ? " (choose any)" : " (choose one)"), values);
        }
        code.ratingScale().ifPresent(this::scale);
        if (!code.roles().isEmpty()) section("Used in measures as", code.roles().stream().map(CodeRole::description).collect(Collectors.joining("; ")));
        code.sourceNote().ifPresent(s -> {
            Label q = text("“" + s.quote() + "”", "source-quote");
            Label by = text("— " + s.ref() + scheme.reference(s.ref()).map(r -> ": " + r.citation()).orElse(""), "source-by");
            VBox box = new VBox(4, header("Source"), q, by);
            content.getChildren().add(box);
        });
        section("Related instruments", code.lineage());
        List<String> cite = scheme.instrumentsOf(code.id()).stream().map(i -> i.citation()).toList();
        list("Cite (codes adapted from)", cite);
    }

    private void scale(RatingScale scale) {
        VBox rows = new VBox(3);
        for (int v = scale.min(); v <= scale.max(); v++) {
            int value = v;
            Label n = text(Integer.toString(v), "scale-value");
            n.setMinWidth(22);
            Label l = text(scale.anchor(value).map(RatingScale.Anchor::label).orElse(""), "body");
            rows.getChildren().add(new HBox(8, n, l));
        }
        content.getChildren().add(new VBox(4, header("Scale " + scale.min() + "–" + scale.max()), rows));
    }

    private void section(String heading, String body) {
        if (body == null || body.isBlank()) return;
        content.getChildren().add(new VBox(3, header(heading), text(body, "body")));
    }

    private void list(String heading, List<String> items) {
        if (items.isEmpty()) return;
        VBox box = new VBox(3, header(heading));
        for (String item : items) box.getChildren().add(text("•  " + item, "body"));
        content.getChildren().add(box);
    }

    private static Label header(String s) {
        return text(s.toUpperCase(java.util.Locale.ROOT), "section-header");
    }

    private static Label chip(String s) {
        return text(s, "chip");
    }

    private static Label text(String s, String styleClass) {
        Label l = new Label(s);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.getStyleClass().add(styleClass);
        return l;
    }
}
