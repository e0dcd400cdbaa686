package org.attune.agreement;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Krippendorff's α for nominal, ordinal, interval and ratio data, any number of raters, missing
 * values allowed (Krippendorff 2011, "Computing Krippendorff's alpha-reliability"): from the
 * coincidence matrix of pairable values, α = 1 − D_o / D_e. Units with fewer than two values
 * are not pairable and are left out.
 */
public final class KrippendorffAlpha {

    /** Level of measurement, which fixes the difference function δ². */
    public enum Level {
        NOMINAL, ORDINAL, INTERVAL, RATIO;

        public static Optional<Level> parse(String s) {
            try {
                return Optional.of(valueOf(s.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    private KrippendorffAlpha() {
    }

    /**
     * @param categories the ordered value set (for ordinal data its order is the order of ranks);
     *                   interval and ratio data must be numeric
     */
    public static Coefficient compute(RatingData data, List<String> categories, Level level) {
        int k = categories.size();
        double[] numeric = new double[k];
        if (level == Level.INTERVAL || level == Level.RATIO) {
            for (int i = 0; i < k; i++) {
                Optional<Double> v = RatingData.parse(categories.get(i));
                if (v.isEmpty()) return Coefficient.undefined("value \"" + categories.get(i) + "\" is not a number, but " + level.name().toLowerCase(Locale.ROOT) + " α needs numbers");
                numeric[i] = v.get();
            }
        }
        double[][] o = new double[k][k];
        for (String unit : data.units()) {
            List<String> values = data.valuesOf(unit);
            int m = values.size();
            if (m < 2) continue;
            int[] idx = new int[m];
            for (int a = 0; a < m; a++) {
                idx[a] = categories.indexOf(values.get(a));
                if (idx[a] < 0) throw new IllegalArgumentException("value \"" + values.get(a) + "\" of unit " + unit + " is not in the category set " + categories);
            }
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) {
                    if (a != b) o[idx[a]][idx[b]] += 1.0 / (m - 1);
                }
            }
        }
        return fromCoincidences(o, level, numeric);
    }

    /** α from a coincidence matrix o[c][k] (Krippendorff 2011): 1 − D_o/D_e with the level's δ². */
    static Coefficient fromCoincidences(double[][] o, Level level, double[] numeric) {
        int k = o.length;
        double[] nc = new double[k];
        double n = 0;
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < k; j++) nc[c] += o[c][j];
            n += nc[c];
        }
        if (n < 2) return Coefficient.undefined("no unit has values from two or more raters");
        double observed = 0;
        double expected = 0;
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < k; j++) {
                double d = delta2(c, j, level, nc, numeric);
                observed += o[c][j] * d;
                expected += nc[c] * nc[j] * d;
            }
        }
        observed /= n;
        expected /= n * (n - 1);
        if (expected == 0) return Coefficient.undefined("all pairable values are the same, so there is no expected disagreement and α is not defined");
        return Coefficient.of(1 - observed / expected);
    }

    static double delta2(int c, int k, Level level, double[] nc, double[] numeric) {
        if (c == k) return 0;
        switch (level) {
            case NOMINAL:
                return 1;
            case ORDINAL: {
                int lo = Math.min(c, k);
                int hi = Math.max(c, k);
                double s = 0;
                for (int g = lo; g <= hi; g++) s += nc[g];
                s -= (nc[c] + nc[k]) / 2;
                return s * s;
            }
            case INTERVAL:
                return Math.pow(numeric[c] - numeric[k], 2);
            case RATIO:
                double sum = numeric[c] + numeric[k];
                return sum == 0 ? 0 : Math.pow((numeric[c] - numeric[k]) / sum, 2);
            default:
                throw new IllegalStateException();
        }
    }
}
