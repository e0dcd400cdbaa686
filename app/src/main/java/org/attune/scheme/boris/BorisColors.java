package org.attune.scheme.boris;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.attune.scheme.HexColor;

/** BORIS stores colours as hex or as matplotlib colour names; this maps the names BORIS offers that labs actually use. */
final class BorisColors {
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("tab:blue", "#1F77B4"), Map.entry("tab:orange", "#FF7F0E"), Map.entry("tab:green", "#2CA02C"),
            Map.entry("tab:red", "#D62728"), Map.entry("tab:purple", "#9467BD"), Map.entry("tab:brown", "#8C564B"),
            Map.entry("tab:pink", "#E377C2"), Map.entry("tab:gray", "#7F7F7F"), Map.entry("tab:olive", "#BCBD22"),
            Map.entry("tab:cyan", "#17BECF"),
            Map.entry("blue", "#0000FF"), Map.entry("green", "#008000"), Map.entry("red", "#FF0000"),
            Map.entry("cyan", "#00FFFF"), Map.entry("magenta", "#FF00FF"), Map.entry("yellow", "#FFFF00"),
            Map.entry("lime", "#00FF00"), Map.entry("darksalmon", "#E9967A"), Map.entry("purple", "#800080"),
            Map.entry("orange", "#FFA500"), Map.entry("maroon", "#800000"), Map.entry("silver", "#C0C0C0"),
            Map.entry("slateblue", "#6A5ACD"), Map.entry("hotpink", "#FF69B4"), Map.entry("steelblue", "#4682B4"),
            Map.entry("darkgoldenrod", "#B8860B"), Map.entry("aqua", "#00FFFF"), Map.entry("aquamarine", "#7FFFD4"),
            Map.entry("black", "#000000"), Map.entry("brown", "#A52A2A"), Map.entry("coral", "#FF7F50"),
            Map.entry("crimson", "#DC143C"), Map.entry("darkblue", "#00008B"), Map.entry("darkgreen", "#006400"),
            Map.entry("darkorange", "#FF8C00"), Map.entry("darkred", "#8B0000"), Map.entry("deeppink", "#FF1493"),
            Map.entry("dodgerblue", "#1E90FF"), Map.entry("firebrick", "#B22222"), Map.entry("forestgreen", "#228B22"),
            Map.entry("fuchsia", "#FF00FF"), Map.entry("gold", "#FFD700"), Map.entry("gray", "#808080"),
            Map.entry("grey", "#808080"), Map.entry("indigo", "#4B0082"), Map.entry("khaki", "#F0E68C"),
            Map.entry("lightblue", "#ADD8E6"), Map.entry("navy", "#000080"), Map.entry("olive", "#808000"),
            Map.entry("pink", "#FFC0CB"), Map.entry("salmon", "#FA8072"), Map.entry("teal", "#008080"),
            Map.entry("tomato", "#FF6347"), Map.entry("turquoise", "#40E0D0"), Map.entry("violet", "#EE82EE"),
            Map.entry("white", "#FFFFFF"));

    private BorisColors() {
    }

    static Optional<HexColor> parse(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        String t = text.trim();
        if (HexColor.isValid(t)) return Optional.of(new HexColor(t));
        return Optional.ofNullable(NAMED.get(t.toLowerCase(Locale.ROOT))).map(HexColor::new);
    }
}
