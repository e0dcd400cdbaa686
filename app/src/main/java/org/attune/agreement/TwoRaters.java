package org.attune.agreement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Agreement of two raters over a declared category set, from their k×k contingency table
 * (rows: first rater, columns: second rater; units either rater left out are not counted).
 */
public final class TwoRaters {

    private static final double Z95 = 1.959963984540054;

    private TwoRaters() {
    }

    /** Counts of (first rater's category, second rater's category) over units both rated. */
    public static double[][] table(RatingData data, String first, String second, List<String> categories) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < categories.size(); i++) index.put(categories.get(i), i);
        double[][] t = new double[categories.size()][categories.size()];
        for (String unit : data.units()) {
            String a = data.value(unit, first);
            String b = data.value(unit, second);
            if (a == null || b == null) continue;
            Integer i = index.get(a);
            Integer j = index.get(b);
            if (i == null || j == null) {
                throw new IllegalArgumentException("value \"" + (i == null ? a : b) + "\" of unit " + unit + " is not in the category set " + categories);
            }
            t[i][j]++;
        }
        return t;
    }

    static double total(double[][] t) {
        double n = 0;
        for (double[] row : t) for (double v : row) n += v;
        return n;
    }

    public static Coefficient percentAgreement(double[][] t) {
        double n = total(t);
        if (n == 0) return Coefficient.undefined("no unit was rated by both raters");
        double agree = 0;
        for (int i = 0; i < t.length; i++) agree += t[i][i];
        return Coefficient.of(agree / n);
    }

    /** Cohen's κ (identity weights) or weighted κ, with its large-sample standard error and 95% CI (Fleiss, Cohen & Everitt 1969). */
    public static Coefficient kappa(double[][] t, double[][] w) {
        int k = t.length;
        double n = total(t);
        if (n == 0) return Coefficient.undefined("no unit was rated by both raters");
        double[] row = new double[k];
        double[] col = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                row[i] += t[i][j] / n;
                col[j] += t[i][j] / n;
            }
        }
        double po = 0;
        double pe = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                po += w[i][j] * t[i][j] / n;
                pe += w[i][j] * row[i] * col[j];
            }
        }
        if (pe >= 1 - 1e-12) return Coefficient.undefined("chance agreement is 1 (both raters used one and the same category only), so κ is not defined");
        double kappa = (po - pe) / (1 - pe);
        double[] wRow = new double[k];
        double[] wCol = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                wRow[i] += col[j] * w[i][j];
                wCol[j] += row[i] * w[i][j];
            }
        }
        double sum = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double d = w[i][j] - (wRow[i] + wCol[j]) * (1 - kappa);
                sum += t[i][j] / n * d * d;
            }
        }
        double variance = (sum - Math.pow(kappa - pe * (1 - kappa), 2)) / (n * Math.pow(1 - pe, 2));
        double se = Math.sqrt(Math.max(0, variance));
        return Coefficient.of(kappa, se, kappa - Z95 * se, kappa + Z95 * se);
    }

    /** Standard error of κ under the null hypothesis κ = 0 (for the z test). */
    public static double standardErrorUnderNull(double[][] t, double[][] w) {
        int k = t.length;
        double n = total(t);
        double[] row = new double[k];
        double[] col = new double[k];
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) {
            row[i] += t[i][j] / n;
            col[j] += t[i][j] / n;
        }
        double pe = 0;
        double[] wRow = new double[k];
        double[] wCol = new double[k];
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) {
            pe += w[i][j] * row[i] * col[j];
            wRow[i] += col[j] * w[i][j];
            wCol[j] += row[i] * w[i][j];
        }
        double sum = 0;
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) sum += row[i] * col[j] * Math.pow(w[i][j] - (wRow[i] + wCol[j]), 2);
        return Math.sqrt(Math.max(0, sum - pe * pe)) / ((1 - pe) * Math.sqrt(n));
    }

    /** Scott's π: chance agreement from the two raters' pooled category proportions (Scott 1955). */
    public static Coefficient scottPi(double[][] t) {
        int k = t.length;
        double n = total(t);
        if (n == 0) return Coefficient.undefined("no unit was rated by both raters");
        double po = 0;
        double pe = 0;
        for (int i = 0; i < k; i++) {
            po += t[i][i] / n;
            double pooled = 0;
            for (int j = 0; j < k; j++) pooled += (t[i][j] + t[j][i]) / (2 * n);
            pe += pooled * pooled;
        }
        if (pe >= 1 - 1e-12) return Coefficient.undefined("both raters used one and the same category only, so π is not defined");
        return Coefficient.of((po - pe) / (1 - pe));
    }

    /** The largest κ the two raters' marginal distributions allow (Cohen 1960). */
    public static Coefficient kappaMax(double[][] t) {
        int k = t.length;
        double n = total(t);
        if (n == 0) return Coefficient.undefined("no unit was rated by both raters");
        double pe = 0;
        double poMax = 0;
        for (int i = 0; i < k; i++) {
            double r = 0;
            double c = 0;
            for (int j = 0; j < k; j++) {
                r += t[i][j] / n;
                c += t[j][i] / n;
            }
            pe += r * c;
            poMax += Math.min(r, c);
        }
        if (pe >= 1 - 1e-12) return Coefficient.undefined("chance agreement is 1, so κ_max is not defined");
        return Coefficient.of((poMax - pe) / (1 - pe));
    }

    /** Prevalence- and bias-adjusted κ, (k·p_o − 1)/(k − 1) over the k declared categories (Byrt, Bishop & Carlin 1993). */
    public static Coefficient pabak(double[][] t) {
        int k = t.length;
        if (k < 2) return Coefficient.undefined("PABAK needs at least two declared categories");
        Coefficient po = percentAgreement(t);
        return po.isDefined() ? Coefficient.of((k * po.get() - 1) / (k - 1)) : po;
    }

    /** Prevalence index |a − d| / n of a 2×2 table (Byrt, Bishop & Carlin 1993). */
    public static Coefficient prevalenceIndex(double[][] t) {
        if (t.length != 2) return Coefficient.undefined("the prevalence index is defined for two categories");
        double n = total(t);
        return n == 0 ? Coefficient.undefined("no unit was rated by both raters") : Coefficient.of(Math.abs(t[0][0] - t[1][1]) / n);
    }

    /** Bias index |b − c| / n of a 2×2 table (Byrt, Bishop & Carlin 1993). */
    public static Coefficient biasIndex(double[][] t) {
        if (t.length != 2) return Coefficient.undefined("the bias index is defined for two categories");
        double n = total(t);
        return n == 0 ? Coefficient.undefined("no unit was rated by both raters") : Coefficient.of(Math.abs(t[0][1] - t[1][0]) / n);
    }
}
