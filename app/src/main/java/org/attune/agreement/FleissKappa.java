package org.attune.agreement;

import java.util.ArrayList;
import java.util.List;

/**
 * Fleiss' κ for any number of raters (Fleiss 1971), overall and per category. Units rated by fewer
 * than two raters are left out; when the number of raters differs between units, each unit's
 * agreement is taken over its own pairs (the usual generalisation), and the per-category values,
 * which Fleiss defines for a constant number of raters, are reported as undefined.
 */
public final class FleissKappa {

    /** Overall κ and one κ per category, in category order. */
    public record Result(Coefficient overall, List<Coefficient> perCategory) {
    }

    private FleissKappa() {
    }

    public static Result compute(RatingData data, List<String> categories) {
        List<double[]> counts = new ArrayList<>();
        for (String unit : data.units()) {
            List<String> values = data.valuesOf(unit);
            if (values.size() < 2) continue;
            double[] c = new double[categories.size()];
            for (String v : values) {
                int i = categories.indexOf(v);
                if (i < 0) throw new IllegalArgumentException("value \"" + v + "\" of unit " + unit + " is not in the category set " + categories);
                c[i]++;
            }
            counts.add(c);
        }
        return compute(counts, categories.size());
    }

    /** From a units × categories table of how many raters chose each category. */
    public static Result compute(List<double[]> counts, int k) {
        List<Coefficient> none = new ArrayList<>();
        if (counts.isEmpty()) {
            for (int j = 0; j < k; j++) none.add(Coefficient.undefined("no unit was rated by two or more raters"));
            return new Result(Coefficient.undefined("no unit was rated by two or more raters"), none);
        }
        double[] p = new double[k];
        double totalRatings = 0;
        double sumPi = 0;
        boolean constant = true;
        double firstN = -1;
        for (double[] c : counts) {
            double ni = 0;
            for (double v : c) ni += v;
            if (firstN < 0) firstN = ni;
            constant &= ni == firstN;
            double agree = 0;
            for (int j = 0; j < k; j++) {
                agree += c[j] * (c[j] - 1);
                p[j] += c[j];
            }
            sumPi += agree / (ni * (ni - 1));
            totalRatings += ni;
        }
        double pe = 0;
        for (int j = 0; j < k; j++) {
            p[j] /= totalRatings;
            pe += p[j] * p[j];
        }
        double pBar = sumPi / counts.size();
        Coefficient overall = pe >= 1 - 1e-12
                ? Coefficient.undefined("all raters used one and the same category, so κ is not defined")
                : Coefficient.of((pBar - pe) / (1 - pe));
        List<Coefficient> per = new ArrayList<>();
        double n = firstN;
        for (int j = 0; j < k; j++) {
            if (!constant) {
                per.add(Coefficient.undefined("per-category κ needs the same number of raters for every unit"));
            } else if (p[j] == 0 || p[j] == 1) {
                per.add(Coefficient.undefined("category " + (j + 1) + (p[j] == 0 ? " was never used" : " was the only one used")));
            } else {
                double s = 0;
                for (double[] c : counts) s += c[j] * (n - c[j]);
                per.add(Coefficient.of(1 - s / (counts.size() * n * (n - 1) * p[j] * (1 - p[j]))));
            }
        }
        return new Result(overall, per);
    }
}
