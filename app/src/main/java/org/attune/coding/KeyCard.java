package org.attune.coding;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.Family;
import org.attune.scheme.KeyboardLayout;
import org.attune.scheme.PhysicalKey;

/**
 * A coder's keys on one printable page (Help ▸ Keyboard shortcuts): every code's key as this coder
 * has it (their own keys, not only the scheme's), the player's keys, and the workspace's fixed keys,
 * with the labels of the coder's keyboard. Conflicts are marked, as in Keys….
 */
public final class KeyCard {

    /** The workspace's own keys, the same for every scheme and coder (README, "Coding"). */
    static final List<String[]> FIXED = List.of(
            new String[] {"Space", "Play or pause"},
            new String[] {"← / →", "One frame back / forward"},
            new String[] {"Ctrl+← / →", "1 s back / forward"},
            new String[] {"Shift+← / →", "5 s back / forward"},
            new String[] {"Ctrl+Shift+← / →", "30 s back / forward"},
            new String[] {"Ctrl+G", "Go to a time"},
            new String[] {"Ctrl+Z / Ctrl+Shift+Z", "Undo / redo the last change of the pass"},
            new String[] {"1–9, 0, Enter, Esc", "In the modifier chooser: a value, none, confirm a multiple choice, cancel"},
            new String[] {"F2 or Enter (event table)", "Edit the cell; Esc gives the keys back to coding"},
            new String[] {"Delete (event table)", "Delete the selected events (undoable)"});

    private KeyCard() {
    }

    /** The card as one HTML page, styled for print (A4/Letter, one column per section). */
    public static String html(KeyMap keys, KeyboardLayout layout, String coderOrStudy) {
        CodingScheme scheme = keys.scheme();
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Keys — ").append(esc(scheme.name())).append("</title>\n")
                .append("<style>body{font:11pt system-ui,sans-serif;margin:1.5cm;color:#111}h1{font-size:16pt;margin:0}"
                        + "p.sub{color:#555;margin:.2em 0 1em}h2{font-size:12pt;border-bottom:2px solid #ccc;margin:1.2em 0 .3em}"
                        + "table{border-collapse:collapse;width:100%}td{padding:2px 6px;border-bottom:1px solid #eee;vertical-align:top}"
                        + "td.k{width:9em;font-weight:600}kbd{border:1px solid #999;border-radius:3px;padding:0 4px;font:inherit;background:#f6f6f6}"
                        + ".kind{color:#666;width:4em}.warn{color:#b42318}@media print{body{margin:0}}</style></head><body>\n");
        b.append("<h1>Keys: ").append(esc(scheme.name())).append("</h1>\n<p class=\"sub\">").append(esc(coderOrStudy)).append(" · scheme ")
                .append(esc(scheme.id())).append(' ').append(esc(scheme.version())).append(" · labels of a ").append(esc(layout.displayName()))
                .append(" keyboard · keys are positions: the same hand positions on every layout</p>\n");
        Map<String, List<String>> conflicts = new java.util.HashMap<>();
        for (KeyMap.Conflict c : keys.conflicts()) conflicts.put(c.key(), c.boundTo());
        for (Family f : scheme.families()) {
            List<Code> codes = scheme.codesIn(f).stream().filter(c -> !c.isRating()).toList();
            if (codes.isEmpty()) continue;
            b.append("<h2>").append(esc(f.label())).append("</h2>\n<table>\n");
            for (Code c : codes) {
                Optional<String> key = keys.keyOf(c);
                b.append("<tr><td class=\"k\">").append(key.map(k -> cap(k, layout)).orElse("—")).append("</td><td>").append(esc(c.label()))
                        .append(key.filter(conflicts::containsKey).map(k -> " <span class=\"warn\">(key shared: " + esc(String.join(", ", conflicts.get(k))) + ")</span>").orElse(""))
                        .append("</td><td class=\"kind\">").append(c.isState() ? "state" : "point").append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        b.append("<h2>Player</h2>\n<table>\n");
        for (KeyMap.Transport t : KeyMap.Transport.values()) {
            Optional<String> key = keys.keyOf(t);
            if (key.isEmpty()) continue;
            b.append("<tr><td class=\"k\">").append(cap(key.get(), layout)).append("</td><td>").append(esc(t.label())).append("</td></tr>\n");
        }
        for (String[] f : FIXED) b.append("<tr><td class=\"k\"><kbd>").append(esc(f[0])).append("</kbd></td><td>").append(esc(f[1])).append("</td></tr>\n");
        b.append("</table>\n<p class=\"sub\">A state's key starts the bout at the frame on screen and ends it when pressed again; "
                + "starting a state of an exclusive group ends the running one.</p>\n</body></html>\n");
        return b.toString();
    }

    private static String cap(String physicalKey, KeyboardLayout layout) {
        return "<kbd>" + esc(PhysicalKey.of(physicalKey).map(layout::label).orElse(physicalKey)) + "</kbd>";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
