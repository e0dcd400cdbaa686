package org.attune.scheme.manual;

import java.util.List;
import org.attune.scheme.HexColor;

/** Renders the manual as one self-contained HTML page (inline CSS, no scripts, no external assets), laid out for print. */
final class HtmlManual implements ManualRenderer {
    private static final String CSS = """
            body { font-family: "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif; color: #1d2330;
                   max-width: 68rem; margin: 2rem auto; padding: 0 1.5rem; line-height: 1.45; font-size: 15px; }
            h1 { font-size: 1.9rem; margin-bottom: .2rem; }
            .subtitle { color: #5a6372; margin-top: 0; }
            h2 { margin-top: 2.4rem; padding-bottom: .25rem; border-bottom: 3px solid #d8dce3; }
            h3 { margin: 0 0 .4rem 0; font-size: 1.15rem; }
            .code { border-left: 6px solid #999; padding: .6rem 1rem .4rem 1rem; margin: 1.1rem 0; background: #fafbfc;
                    page-break-inside: avoid; break-inside: avoid; }
            .field { margin: .35rem 0; }
            .field b { color: #39404d; }
            table { border-collapse: collapse; margin: .6rem 0 1rem 0; width: 100%; }
            th, td { border: 1px solid #d8dce3; padding: .3rem .5rem; text-align: left; vertical-align: top; }
            th { background: #eef1f5; }
            blockquote { margin: .5rem 0; padding: .3rem .8rem; border-left: 3px solid #c9ced8; color: #444c5a; font-style: italic; }
            blockquote .by { font-style: normal; font-size: .85em; color: #6b7383; }
            .keyboard { margin: .8rem 0 1.5rem 0; }
            .krow { display: flex; gap: 4px; margin-bottom: 4px; }
            .key { width: 5rem; height: 3.1rem; border: 1px solid #b9bfca; border-radius: 5px; padding: 2px 4px;
                   box-sizing: border-box; font-size: .72rem; background: #fff; overflow: hidden; }
            .key .cap { font-weight: bold; font-size: .9rem; }
            .key .cid { display: block; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; font-size: .64rem; letter-spacing: -0.2px; }
            .swatch { display: inline-block; width: .9em; height: .9em; border-radius: 2px; vertical-align: -1px; margin-right: .3em; }
            kbd { border: 1px solid #b9bfca; border-bottom-width: 2px; border-radius: 4px; padding: 0 .35em; background: #fff;
                  font-family: "DejaVu Sans Mono", monospace; font-size: .9em; }
            @media print { body { margin: 0; max-width: none; } h2 { page-break-before: auto; } }
            """;

    private final StringBuilder out = new StringBuilder();
    private String title = "Coding manual";

    @Override
    public void title(String title, String subtitle) {
        this.title = title;
        out.append("<h1>").append(esc(title)).append("</h1>\n");
        if (!subtitle.isEmpty()) out.append("<p class=\"subtitle\">").append(esc(subtitle)).append("</p>\n");
    }

    @Override
    public void heading(int level, String text, String anchor, HexColor accent) {
        int h = Math.min(level + 1, 6);
        out.append("<h").append(h);
        if (anchor != null) out.append(" id=\"").append(esc(anchor)).append('"');
        if (accent != null && level == 1) out.append(" style=\"border-bottom-color:").append(accent.hex()).append('"');
        out.append('>');
        if (accent != null) out.append(swatch(accent));
        out.append(esc(text)).append("</h").append(h).append(">\n");
    }

    @Override
    public void paragraph(String text) {
        out.append("<p>").append(esc(text)).append("</p>\n");
    }

    @Override
    public void field(String label, String text) {
        out.append("<p class=\"field\"><b>").append(esc(label)).append(".</b> ").append(esc(text)).append("</p>\n");
    }

    @Override
    public void bullets(String label, List<String> items) {
        out.append("<div class=\"field\"><b>").append(esc(label)).append(".</b><ul>\n");
        for (String item : items) out.append("<li>").append(esc(item)).append("</li>\n");
        out.append("</ul></div>\n");
    }

    @Override
    public void table(List<String> headers, List<List<String>> rows) {
        out.append("<table>\n<tr>");
        for (String h : headers) out.append("<th>").append(esc(h)).append("</th>");
        out.append("</tr>\n");
        for (List<String> row : rows) {
            out.append("<tr>");
            for (String cell : row) out.append("<td>").append(esc(cell)).append("</td>");
            out.append("</tr>\n");
        }
        out.append("</table>\n");
    }

    @Override
    public void keyboard(List<List<KeyCap>> rows) {
        out.append("<div class=\"keyboard\">\n");
        for (int r = 0; r < rows.size(); r++) {
            out.append("<div class=\"krow\" style=\"margin-left:").append(r * 1.4).append("rem\">");
            for (KeyCap cap : rows.get(r)) {
                if (cap.codeId() == null) {
                    out.append("<div class=\"key\"><span class=\"cap\">").append(esc(cap.label())).append("</span></div>");
                } else {
                    out.append("<div class=\"key\" style=\"background:").append(cap.color().hex())
                            .append(";color:").append(cap.color().readableText().hex()).append("\">")
                            .append("<span class=\"cap\">").append(esc(cap.label())).append("</span>")
                            .append("<span class=\"cid\">").append(esc(cap.codeId())).append("</span></div>");
                }
            }
            out.append("</div>\n");
        }
        out.append("</div>\n");
    }

    @Override
    public void quote(String text, String attribution) {
        out.append("<blockquote>“").append(esc(text)).append("”");
        if (!attribution.isEmpty()) out.append(" <span class=\"by\">— ").append(esc(attribution)).append("</span>");
        out.append("</blockquote>\n");
    }

    @Override
    public void beginCode(HexColor color) {
        out.append("<section class=\"code\" style=\"border-left-color:").append(color.hex()).append("\">\n");
    }

    @Override
    public void endCode() {
        out.append("</section>\n");
    }

    @Override
    public String finish() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + esc(title)
                + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n" + out + "</body>\n</html>\n";
    }

    private static String swatch(HexColor c) {
        return "<span class=\"swatch\" style=\"background:" + c.hex() + "\"></span>";
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
