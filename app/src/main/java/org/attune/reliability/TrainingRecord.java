package org.attune.reliability;

import java.util.Locale;

/**
 * A trainee's training record on one printable page (HTML, for the lab's records; issue 19): the study, the
 * criterion, each training session against the gold standard with κ and whether it met the criterion, and the day
 * the criterion was reached — or how many more sessions in a row are needed.
 */
public final class TrainingRecord {

    private TrainingRecord() {
    }

    public static String html(String study, String coderName, TrainingProgress.Progress p, Criterion c, String printedOn) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Training record: ").append(esc(p.coder())).append("</title>\n<style>")
                .append("@page { size: A4; margin: 18mm; } body { font-family: sans-serif; font-size: 11pt; color: #111; }")
                .append(" h1 { font-size: 16pt; margin: 0 0 4pt; } table { border-collapse: collapse; width: 100%; margin: 10pt 0; }")
                .append(" th, td { border-bottom: 1px solid #bbb; padding: 4pt 6pt; text-align: left; } td.num { text-align: right; }")
                .append(" .reached { font-weight: bold; } .sign { margin-top: 36pt; display: flex; gap: 40pt; } .sign div { border-top: 1px solid #111; padding-top: 2pt; width: 45%; }")
                .append("</style></head><body>\n");
        b.append("<h1>Training record: ").append(esc(coderName)).append(" (").append(esc(p.coder())).append(")</h1>\n");
        b.append("<p>Study: ").append(esc(study)).append("<br>Criterion: ").append(esc(c.describe())).append("</p>\n");
        b.append("<p class=\"reached\">").append(p.reached().map(r -> "Criterion reached on " + day(r.finishedAt()) + " with session " + esc(r.session()) + ".")
                .orElse("Criterion not yet reached: " + p.stillNeeded(c.consecutive()) + " more consecutive session" + (p.stillNeeded(c.consecutive()) == 1 ? "" : "s")
                        + " meeting it needed.")).append("</p>\n");
        b.append("<table><thead><tr><th>#</th><th>Training session</th><th>Finished</th><th>κ against the gold standard</th><th>Criterion</th><th>In a row</th></tr></thead><tbody>\n");
        int n = 0;
        for (TrainingProgress.Step s : p.steps()) {
            n++;
            double v = s.judgement().value();
            b.append("<tr").append(p.reached().map(r -> r == s).orElse(false) ? " class=\"reached\"" : "").append("><td class=\"num\">").append(n)
                    .append("</td><td>").append(esc(s.session())).append("</td><td>").append(day(s.finishedAt())).append("</td><td class=\"num\">")
                    .append(Double.isNaN(v) ? "–" : MethodsText.apa(v)).append("</td><td>").append(s.judgement().meets() ? "met" : "not met")
                    .append("</td><td class=\"num\">").append(s.run()).append("</td></tr>\n");
        }
        if (n == 0) b.append("<tr><td colspan=\"6\">No finished training session yet.</td></tr>\n");
        b.append("</tbody></table>\n<p>κ: ").append(c.scope() == Criterion.Scope.OVERALL ? "the mean" : "the lowest")
                .append(" of the κs the criterion applies to, in the session. Printed ").append(esc(printedOn)).append(" by Attune.</p>\n");
        b.append("<div class=\"sign\"><div>Trainee</div><div>Master coder / lab manager</div></div>\n</body></html>\n");
        return b.toString();
    }

    private static String day(String iso) {
        return iso == null ? "" : esc(iso.substring(0, Math.min(10, iso.length())));
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A file name for a coder's record. */
    public static String fileName(String coder) {
        return "training-record-" + coder.replaceAll("[^A-Za-z0-9_-]", "_").toLowerCase(Locale.ROOT) + ".html";
    }
}
