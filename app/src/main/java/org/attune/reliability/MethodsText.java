package org.attune.reliability;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The methods section's sentences on the reliability sample and on drift (the command line's and the app's). */
public final class MethodsText {

    /** The latest sample drawn: its share, strata, seed, how many sessions it was drawn from and how many it chose. */
    public record Sample(double percent, String stratifiedBy, long seed, int eligible, int chosen) {
    }

    private MethodsText() {
    }

    public static String of(Criterion c, Drift.Report r, Optional<Sample> sample) {
        StringBuilder b = new StringBuilder();
        sample.ifPresent(s -> b.append("A randomly selected ").append(percent(s.percent())).append(" % of the ").append(s.eligible())
                .append(" sessions (n = ").append(s.chosen()).append(")").append(s.stratifiedBy().isEmpty() ? "" : ", stratified by " + s.stratifiedBy() + ",")
                .append(" were independently double-coded by a second coder blind to the first coder's codes (random seed ").append(s.seed()).append("). "));
        long checks = r.pairs().stream().mapToLong(p -> p.checks().size()).sum();
        if (checks == 0) return b.append("No session has been double-coded yet.").toString().trim();
        b.append("Agreement was checked on ").append(checks).append(" double-coded session").append(checks == 1 ? "" : "s");
        List<String> weeks = r.weeks();
        if (!weeks.isEmpty()) {
            b.append(" spread over ").append(weeks.size()).append(" coding week").append(weeks.size() == 1 ? "" : "s");
            if (weeks.size() > 1) b.append(" (").append(weeks.get(0)).append(" to ").append(weeks.get(weeks.size() - 1)).append(")");
        }
        double[] values = r.pairs().stream().flatMap(p -> p.checks().stream()).mapToDouble(ch -> ch.judgement().value()).filter(v -> !Double.isNaN(v)).toArray();
        if (values.length > 0) {
            b.append("; against the criterion (").append(c.describe().replaceFirst(", on \\d+ consecutive training sessions?$", "")).append("), κ averaged ")
                    .append(apa(Arrays.stream(values).average().orElse(Double.NaN))).append(" (range ").append(apa(Arrays.stream(values).min().orElse(Double.NaN)))
                    .append("–").append(apa(Arrays.stream(values).max().orElse(Double.NaN))).append(")");
        }
        List<Drift.Check> warnings = r.warnings();
        b.append(warnings.isEmpty() ? ", and no re-check fell below it." : "; " + warnings.size() + " re-check" + (warnings.size() == 1 ? "" : "s")
                + " fell below it (" + String.join("; ", warnings.stream().map(w -> w.session() + ", week " + w.week()).toList()) + ").");
        return b.toString();
    }

    /** A coefficient as APA style gives it: no leading zero, two decimals. */
    public static String apa(double v) {
        return String.format(Locale.ROOT, "%.2f", v).replaceFirst("^(-?)0\\.", "$1.");
    }

    public static String percent(double p) {
        return String.format(Locale.ROOT, "%g", p).replaceFirst("\\.?0+$", "");
    }
}
