package org.attune.agreement;

import java.util.List;

/**
 * Every classic statistic for one units × raters table, as a methods section reports them.
 * Statistics that need exactly two raters are {@code null} otherwise; ICC is {@code null} for
 * nominal data and for non-numeric ratings.
 *
 * @param percentAgreement proportion of agreeing rater pairs over all pairs within units (for two raters:
 *                         the share of units on which they agree)
 * @param customWeights    weighted κ with the user's weight matrix, or {@code null} if none was given
 * @param randolphKappa    Randolph's (2005) free-marginal multirater κ: (P̄ − 1/k) / (1 − 1/k), with Fleiss' observed
 *                         agreement P̄ and k the number of categories — chance is 1/k, as when raters are not told how
 *                         many units belong to each category
 * @param allAgree         the share of units on which every rater chose the same category (R irr's {@code agree()},
 *                         tolerance 0), over the units rated by two or more raters
 */
public record RatingsReport(int units, int raters, List<String> categories, KrippendorffAlpha.Level level,
                            Coefficient percentAgreement, Coefficient cohenKappa, Coefficient weightedKappaLinear,
                            Coefficient weightedKappaQuadratic, Coefficient customWeights, Coefficient scottPi, Coefficient kappaMax,
                            Coefficient pabak, Coefficient prevalenceIndex, Coefficient biasIndex, FleissKappa.Result fleiss,
                            Coefficient randolphKappa, Coefficient allAgree, Coefficient krippendorffAlpha, Icc.Result icc) {

    /**
     * @param categories the declared category set in order (weights and ordinal α depend on it)
     * @param weights    a user weight matrix over {@code categories}, or {@code null}
     */
    public static RatingsReport of(RatingData data, List<String> categories, KrippendorffAlpha.Level level, double[][] weights) {
        int k = categories.size();
        boolean two = data.raters().size() == 2;
        Coefficient cohen = null;
        Coefficient linear = null;
        Coefficient quadratic = null;
        Coefficient custom = null;
        Coefficient pi = null;
        Coefficient max = null;
        Coefficient pabak = null;
        Coefficient prevalence = null;
        Coefficient bias = null;
        if (two) {
            double[][] t = TwoRaters.table(data, data.raters().get(0), data.raters().get(1), categories);
            cohen = TwoRaters.kappa(t, Weights.identity(k));
            linear = TwoRaters.kappa(t, Weights.linear(k));
            quadratic = TwoRaters.kappa(t, Weights.quadratic(k));
            custom = weights == null ? null : TwoRaters.kappa(t, weights);
            pi = TwoRaters.scottPi(t);
            max = TwoRaters.kappaMax(t);
            pabak = TwoRaters.pabak(t);
            prevalence = TwoRaters.prevalenceIndex(t);
            bias = TwoRaters.biasIndex(t);
        }
        // ICC treats ratings as quantities: not for nominal categories, even when they are coded as numbers
        Icc.Result icc = level != KrippendorffAlpha.Level.NOMINAL && data.isNumeric() ? Icc.compute(data) : null;
        return new RatingsReport(data.units().size(), data.raters().size(), List.copyOf(categories), level, pairAgreement(data),
                cohen, linear, quadratic, custom, pi, max, pabak, prevalence, bias, FleissKappa.compute(data, categories),
                randolph(data, k), allAgree(data), KrippendorffAlpha.compute(data, categories, level), icc);
    }

    private static Coefficient pairAgreement(RatingData data) {
        double agree = 0;
        double pairs = 0;
        for (String unit : data.units()) {
            List<String> v = data.valuesOf(unit);
            for (int a = 0; a < v.size(); a++) {
                for (int b = a + 1; b < v.size(); b++) {
                    pairs++;
                    if (v.get(a).equals(v.get(b))) agree++;
                }
            }
        }
        return pairs == 0 ? Coefficient.undefined("no unit was rated by two or more raters") : Coefficient.of(agree / pairs);
    }

    /** Randolph's free-marginal κ over the units rated by two or more raters (each unit's agreement over its own pairs, as Fleiss'). */
    static Coefficient randolph(RatingData data, int k) {
        if (k < 2) return Coefficient.undefined("free-marginal κ needs at least two categories");
        double sum = 0;
        int units = 0;
        for (String unit : data.units()) {
            List<String> v = data.valuesOf(unit);
            if (v.size() < 2) continue;
            double agree = 0;
            for (String c : new java.util.HashSet<>(v)) {
                long n = v.stream().filter(c::equals).count();
                agree += n * (n - 1);
            }
            sum += agree / (v.size() * (v.size() - 1.0));
            units++;
        }
        if (units == 0) return Coefficient.undefined("no unit was rated by two or more raters");
        double po = sum / units;
        return Coefficient.of((po - 1.0 / k) / (1 - 1.0 / k));
    }

    static Coefficient allAgree(RatingData data) {
        int units = 0;
        int all = 0;
        for (String unit : data.units()) {
            List<String> v = data.valuesOf(unit);
            if (v.size() < 2) continue;
            units++;
            if (v.stream().distinct().count() == 1) all++;
        }
        return units == 0 ? Coefficient.undefined("no unit was rated by two or more raters") : Coefficient.of(all / (double) units);
    }
}
