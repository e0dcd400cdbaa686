package org.attune.scheme.manual;

import java.util.List;
import org.attune.scheme.HexColor;

/** Renders the manual as GitHub-flavoured Markdown. */
final class MarkdownManual implements ManualRenderer {
    private final StringBuilder out = new StringBuilder();

    @Override
    public void title(String title, String subtitle) {
        out.append("# ").append(title).append("\n\n");
        if (!subtitle.isEmpty()) out.append("_").append(subtitle).append("_\n\n");
    }

    @Override
    public void heading(int level, String text, String anchor, HexColor accent) {
        out.append("#".repeat(level + 1)).append(' ').append(text).append("\n\n");
    }

    @Override
    public void paragraph(String text) {
        out.append(text).append("\n\n");
    }

    @Override
    public void field(String label, String text) {
        out.append("**").append(label).append(".** ").append(text).append("\n\n");
    }

    @Override
    public void bullets(String label, List<String> items) {
        out.append("**").append(label).append(".**\n\n");
        for (String item : items) out.append("- ").append(item).append('\n');
        out.append('\n');
    }

    @Override
    public void table(List<String> headers, List<List<String>> rows) {
        out.append("| ").append(String.join(" | ", headers.stream().map(MarkdownManual::cell).toList())).append(" |\n");
        out.append("|").append("---|".repeat(headers.size())).append('\n');
        for (List<String> row : rows) {
            out.append("| ").append(String.join(" | ", row.stream().map(MarkdownManual::cell).toList())).append(" |\n");
        }
        out.append('\n');
    }

    @Override
    public void keyboard(List<List<KeyCap>> rows) {
        out.append("```\n");
        for (int r = 0; r < rows.size(); r++) {
            out.append(" ".repeat(r * 2));
            for (KeyCap cap : rows.get(r)) {
                String id = cap.codeId() == null ? "" : cap.codeId();
                out.append(String.format("[%-2s %-11s]", cap.label(), id));
            }
            out.append('\n');
        }
        out.append("```\n\n");
    }

    @Override
    public void quote(String text, String attribution) {
        out.append("> “").append(text).append("”");
        if (!attribution.isEmpty()) out.append(" — ").append(attribution);
        out.append("\n\n");
    }

    @Override
    public void beginCode(HexColor color) {
    }

    @Override
    public void endCode() {
        out.append("---\n\n");
    }

    @Override
    public String finish() {
        return out.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
