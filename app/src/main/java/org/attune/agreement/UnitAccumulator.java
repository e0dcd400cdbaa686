package org.attune.agreement;

/**
 * Fleiss' κ and nominal Krippendorff's α for many raters over many units, accumulated one unit at
 * a time (time units can number in the millions; nothing per unit is kept): Fleiss' per-unit
 * agreement and category totals, and Krippendorff's coincidence matrix.
 */
public final class UnitAccumulator {

    private final int k;
    private final double[][] coincidence;
    private final double[] categoryTotals;
    private double fleissAgreementSum;
    private int units;

    public UnitAccumulator(int categories) {
        this.k = categories;
        this.coincidence = new double[categories][categories];
        this.categoryTotals = new double[categories];
    }

    /** One unit: each rater's category index (−1 = missing). Units with fewer than two ratings are not pairable and skipped. */
    public void add(int[] ratings) {
        int[] counts = new int[k];
        int m = 0;
        for (int r : ratings) {
            if (r < 0) continue;
            counts[r]++;
            m++;
        }
        if (m < 2) return;
        units++;
        double agree = 0;
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) continue;
            agree += counts[c] * (counts[c] - 1.0);
            categoryTotals[c] += counts[c];
            for (int d = 0; d < k; d++) {
                if (counts[d] == 0) continue;
                coincidence[c][d] += (c == d ? counts[c] * (counts[c] - 1.0) : counts[c] * (double) counts[d]) / (m - 1);
            }
        }
        fleissAgreementSum += agree / (m * (m - 1.0));
    }

    public int units() {
        return units;
    }

    /** Fleiss' κ, generalised to a varying number of raters per unit. */
    public Coefficient fleissKappa() {
        if (units == 0) return Coefficient.undefined("no unit was rated by two or more raters");
        double total = 0;
        for (double t : categoryTotals) total += t;
        double pe = 0;
        for (double t : categoryTotals) pe += (t / total) * (t / total);
        if (pe >= 1 - 1e-12) return Coefficient.undefined("all raters used one and the same category, so κ is not defined");
        return Coefficient.of((fleissAgreementSum / units - pe) / (1 - pe));
    }

    /** Nominal Krippendorff's α from the coincidence matrix. */
    public Coefficient krippendorffAlpha() {
        return KrippendorffAlpha.fromCoincidences(coincidence, KrippendorffAlpha.Level.NOMINAL, new double[k]);
    }
}
