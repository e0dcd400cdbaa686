package org.attune.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each statistic against a published worked example (cited) or a hand-computed case (arithmetic in the test). */
public class ClassicAgreementTest {

    /**
     * SAS/STAT PROC FREQ (AGREE option) printout for the 3×3 table below, as reproduced in the
     * statsmodels test suite (stats/tests/test_inter_rater.py): simple κ = 0.4842, ASE 0.1380,
     * 95% CI 0.2137–0.7547, ASE under H0 0.1484; weighted κ (Cicchetti–Allison, i.e. linear) 0.4701,
     * ASE 0.1457, CI 0.1845–0.7558. ASE: Fleiss, Cohen & Everitt (1969).
     */
    public static final double[][] SAS_TABLE = {{0, 4, 1}, {0, 8, 0}, {0, 1, 5}};

    @Test
    void cohenKappaWithStandardErrorMatchesSas() {
        Coefficient k = TwoRaters.kappa(SAS_TABLE, Weights.identity(3));
        assertEquals(0.4842, k.get(), 5e-5);
        assertEquals(0.1380, k.standardError(), 5e-5);
        assertEquals(0.2137, k.ciLower(), 5e-5);
        assertEquals(0.7547, k.ciUpper(), 5e-5);
        assertEquals(0.1484, TwoRaters.standardErrorUnderNull(SAS_TABLE, Weights.identity(3)), 5e-5);
    }

    @Test
    void linearWeightedKappaMatchesSas() {
        Coefficient k = TwoRaters.kappa(SAS_TABLE, Weights.linear(3));
        assertEquals(0.4701, k.get(), 5e-5);
        assertEquals(0.1457, k.standardError(), 5e-5);
        assertEquals(0.1845, k.ciLower(), 5e-5);
        assertEquals(0.7558, k.ciUpper(), 5e-5);
    }

    /** R package irr (Gamer et al.), data "anxiety", raters 2 and 3; kappa2() results as printed in statsmodels' tests. */
    static final String[] ANXIETY_R2 = {"3", "6", "4", "6", "2", "4", "2", "4", "3", "3", "2", "3", "3", "3", "2", "2", "1", "3", "3", "4"};
    static final String[] ANXIETY_R3 = {"2", "1", "4", "4", "3", "2", "1", "6", "1", "1", "1", "2", "3", "3", "1", "1", "3", "3", "2", "2"};

    static RatingData anxiety() {
        RatingData d = new RatingData();
        for (int i = 0; i < 20; i++) {
            d.add("s" + i, "r2", ANXIETY_R2[i]);
            d.add("s" + i, "r3", ANXIETY_R3[i]);
        }
        return d;
    }

    @Test
    void weightedKappaDependsOnTheDeclaredCategorySet() {
        RatingData d = anxiety();
        // irr builds its table from the levels the two raters used: 1, 2, 3, 4, 6 (nobody used 5)
        List<String> used = d.observedCategories();
        assertEquals(List.of("1", "2", "3", "4", "6"), used);
        double[][] t = TwoRaters.table(d, "r2", "r3", used);
        assertEquals(-0.006289308, TwoRaters.kappa(t, Weights.identity(5)).get(), 1e-9);
        assertEquals(0.1459075, TwoRaters.kappa(t, Weights.linear(5)).get(), 1e-7);
        assertEquals(0.2520325, TwoRaters.kappa(t, Weights.quadratic(5)).get(), 1e-7);
        // declared as the 1–6 scale the raters had, 4→6 is two steps, not one: the weighted values change, κ does not
        List<String> declared = List.of("1", "2", "3", "4", "5", "6");
        double[][] full = TwoRaters.table(d, "r2", "r3", declared);
        assertEquals(-0.006289308, TwoRaters.kappa(full, Weights.identity(6)).get(), 1e-9);
        assertTrue(Math.abs(TwoRaters.kappa(full, Weights.linear(6)).get() - 0.1459075) > 0.005);
    }

    /**
     * Hand-computed 2×2 case: a = 40, b = 9, c = 6, d = 45 (n = 100).
     * p_o = 85/100 = .85. Row margins .49/.51, column margins .46/.54.
     * κ: p_e = .49·.46 + .51·.54 = .2254 + .2754 = .5008 → (.85 − .5008)/.4992 = .699519…
     * κ_max: Σ min = .46 + .51 = .97 → (.97 − .5008)/.4992 = .939904…
     * Scott's π: pooled .475/.525 → p_e = .225625 + .275625 = .50125 → (.85 − .50125)/.49875 = .699248…
     * PABAK = 2·.85 − 1 = .70; prevalence index |40 − 45|/100 = .05; bias index |9 − 6|/100 = .03.
     */
    @Test
    void twoByTwoIndicesByHand() {
        double[][] t = {{40, 9}, {6, 45}};
        assertEquals(0.85, TwoRaters.percentAgreement(t).get(), 1e-12);
        assertEquals(0.3492 / 0.4992, TwoRaters.kappa(t, Weights.identity(2)).get(), 1e-12);
        assertEquals(0.4692 / 0.4992, TwoRaters.kappaMax(t).get(), 1e-12);
        assertEquals(0.34875 / 0.49875, TwoRaters.scottPi(t).get(), 1e-12);
        assertEquals(0.70, TwoRaters.pabak(t).get(), 1e-12);
        assertEquals(0.05, TwoRaters.prevalenceIndex(t).get(), 1e-12);
        assertEquals(0.03, TwoRaters.biasIndex(t).get(), 1e-12);
    }

    @Test
    void undefinedCasesSayWhyInsteadOfNaN() {
        Coefficient oneCategory = TwoRaters.kappa(new double[][] {{10, 0}, {0, 0}}, Weights.identity(2));
        assertFalse(oneCategory.isDefined());
        assertTrue(oneCategory.undefinedReason().contains("chance agreement is 1"), oneCategory.undefinedReason());
        Coefficient empty = TwoRaters.kappa(new double[][] {{0, 0}, {0, 0}}, Weights.identity(2));
        assertEquals("no unit was rated by both raters", empty.undefinedReason());
        assertFalse(TwoRaters.prevalenceIndex(SAS_TABLE).isDefined());
        assertFalse(KrippendorffAlpha.compute(RatingData.ofRows(new String[][] {{"a", "a"}, {"a", "a"}}), List.of("a"), KrippendorffAlpha.Level.NOMINAL).isDefined());
        assertFalse(FleissKappa.compute(RatingData.ofRows(new String[][] {{"a", null}, {null, "b"}}), List.of("a", "b")).overall().isDefined());
    }

    /** Fleiss (1971): 30 patients, 6 psychiatrists, 5 diagnoses; κ = .430 (irr::kappam.fleiss: 0.4302445). Data: irr's "diagnoses". */
    public static final int[][] DIAGNOSES = {
        {4, 4, 4, 4, 4, 4}, {2, 2, 2, 5, 5, 5}, {2, 3, 3, 3, 3, 5}, {5, 5, 5, 5, 5, 5}, {2, 2, 2, 4, 4, 4}, {1, 1, 3, 3, 3, 3},
        {3, 3, 3, 3, 5, 5}, {1, 1, 3, 3, 3, 4}, {1, 1, 4, 4, 4, 4}, {5, 5, 5, 5, 5, 5}, {1, 4, 4, 4, 4, 4}, {1, 2, 4, 4, 4, 4},
        {2, 2, 2, 3, 3, 3}, {1, 4, 4, 4, 4, 4}, {2, 2, 4, 4, 4, 5}, {3, 3, 3, 3, 3, 5}, {1, 1, 1, 4, 5, 5}, {1, 1, 1, 1, 1, 2},
        {2, 2, 4, 4, 4, 4}, {1, 3, 3, 5, 5, 5}, {5, 5, 5, 5, 5, 5}, {2, 4, 4, 4, 4, 4}, {2, 2, 4, 5, 5, 5}, {1, 1, 4, 4, 4, 4},
        {1, 4, 4, 4, 4, 5}, {2, 2, 2, 2, 2, 4}, {1, 1, 1, 1, 5, 5}, {2, 2, 4, 4, 4, 4}, {1, 3, 3, 3, 3, 3}, {5, 5, 5, 5, 5, 5}};

    static RatingData diagnoses() {
        String[][] rows = new String[30][6];
        for (int i = 0; i < 30; i++) for (int j = 0; j < 6; j++) rows[i][j] = Integer.toString(DIAGNOSES[i][j]);
        return RatingData.ofRows(rows);
    }

    /**
     * Randolph (2005) free-marginal multirater κ = (P̄ − 1/k)/(1 − 1/k). On Fleiss' (1971) data P̄ = 5/9 (Fleiss
     * reports .556), k = 5 → (5/9 − 1/5)/(4/5) = 4/9. All six psychiatrists agree on 5 of the 30 patients
     * (patients 1, 4, 10, 21, 30): 16.7 %, as R irr's agree(diagnoses) reports.
     */
    @Test
    void randolphsKappaAndTheShareOfUnitsAllRatersAgreeOnForFleiss1971() {
        RatingsReport r = RatingsReport.of(diagnoses(), List.of("1", "2", "3", "4", "5"), KrippendorffAlpha.Level.NOMINAL, null);
        assertEquals(4.0 / 9, r.randolphKappa().get(), 1e-12);
        assertEquals(5.0 / 30, r.allAgree().get(), 1e-12);
        // the declared category set, not the categories used, sets chance: with 10 declared categories it is 1/10
        assertEquals((5.0 / 9 - 0.1) / 0.9, RatingsReport.randolph(diagnoses(), 10).get(), 1e-12);
    }

    @Test
    void fleissKappaReproducesFleiss1971() {
        FleissKappa.Result r = FleissKappa.compute(diagnoses(), List.of("1", "2", "3", "4", "5"));
        assertEquals(0.4302445, r.overall().get(), 1e-7);
        // Fleiss (1971) eq. 13: κ is the p_j·q_j-weighted mean of the per-category κ_j
        double[] p = new double[5];
        for (int[] row : DIAGNOSES) for (int v : row) p[v - 1] += 1.0 / 180;
        double num = 0;
        double den = 0;
        for (int j = 0; j < 5; j++) {
            num += p[j] * (1 - p[j]) * r.perCategory().get(j).get();
            den += p[j] * (1 - p[j]);
        }
        assertEquals(r.overall().get(), num / den, 1e-12);
    }

    /**
     * Krippendorff (2011), "Computing Krippendorff's alpha-reliability", the 4 observers × 12 units
     * example with missing data: α nominal = .743, ordinal = .815, interval = .849, ratio = .797.
     */
    public static final String[][] KRIPPENDORFF_2011 = {
        {"1", "1", null, "1"}, {"2", "2", "3", "2"}, {"3", "3", "3", "3"}, {"3", "3", "3", "3"}, {"2", "2", "2", "2"}, {"1", "2", "3", "4"},
        {"4", "4", "4", "4"}, {"1", "1", "2", "1"}, {"2", "2", "2", "2"}, {null, "5", "5", "5"}, {null, null, "1", "1"}, {null, "3", null, null}};

    @Test
    void krippendorffAlphaReproducesKrippendorff2011AtAllFourLevels() {
        RatingData d = RatingData.ofRows(KRIPPENDORFF_2011);
        List<String> values = d.observedCategories();
        assertEquals(0.743, KrippendorffAlpha.compute(d, values, KrippendorffAlpha.Level.NOMINAL).get(), 5e-4);
        assertEquals(0.815, KrippendorffAlpha.compute(d, values, KrippendorffAlpha.Level.ORDINAL).get(), 5e-4);
        assertEquals(0.849, KrippendorffAlpha.compute(d, values, KrippendorffAlpha.Level.INTERVAL).get(), 5e-4);
        assertEquals(0.797, KrippendorffAlpha.compute(d, values, KrippendorffAlpha.Level.RATIO).get(), 5e-4);
    }

    /**
     * Hayes & Krippendorff (2007) example, 3 coders × 15 units (as in the fast-krippendorff tests):
     * nominal α = 0.691358, interval α = 0.810845.
     */
    @Test
    void krippendorffAlphaReproducesHayesAndKrippendorff2007() {
        String n = null;
        String[][] byCoder = {
            {n, n, n, n, n, "3", "4", "1", "2", "1", "1", "3", "3", n, "3"},
            {"1", n, "2", "1", "3", "3", "4", "3", n, n, n, n, n, n, n},
            {n, n, "2", "1", "3", "4", "4", n, "2", "1", "1", "3", "3", n, "4"}};
        RatingData d = new RatingData();
        for (int u = 0; u < 15; u++) for (int c = 0; c < 3; c++) d.add("u" + u, "c" + c, byCoder[c][u]);
        assertEquals(0.691358, KrippendorffAlpha.compute(d, d.observedCategories(), KrippendorffAlpha.Level.NOMINAL).get(), 5e-7);
        assertEquals(0.810845, KrippendorffAlpha.compute(d, d.observedCategories(), KrippendorffAlpha.Level.INTERVAL).get(), 5e-7);
    }

    /**
     * Two coders, no missing data: with n = 2N pairable values, D_o = 1 − p_o and
     * D_e = n(1 − p_e,π)/(n − 1), so α = 1 − (1 − π)(n − 1)/n exactly (Krippendorff 2004, §11.3.3).
     */
    @Test
    void alphaForTwoCodersWithoutMissingDataIsScottsPiCorrectedForSampleSize() {
        RatingData d = new RatingData();
        int unit = 0;
        String[] cats = {"a", "b", "c"};
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) for (int c = 0; c < SAS_TABLE[i][j]; c++) {
            d.add("u" + unit, "x", cats[i]);
            d.add("u" + unit++, "y", cats[j]);
        }
        double pi = TwoRaters.scottPi(SAS_TABLE).get();
        double n = 2.0 * unit;
        assertEquals(1 - (1 - pi) * (n - 1) / n, KrippendorffAlpha.compute(d, List.of(cats), KrippendorffAlpha.Level.NOMINAL).get(), 1e-12);
    }

    /** Shrout & Fleiss (1979), Table 2: 6 targets × 4 judges; Table 4 gives .17, .29, .71, .44, .62, .91. */
    public static final double[][] SHROUT_FLEISS = {{9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7}};

    @Test
    void iccReproducesShroutAndFleiss1979() {
        List<double[]> rows = new ArrayList<>(List.of(SHROUT_FLEISS));
        Icc.Result r = Icc.compute(rows, 4, 0);
        assertEquals(0.17, r.get(Icc.Form.ICC1).get(), 5e-3);
        assertEquals(0.29, r.get(Icc.Form.ICC2).get(), 5e-3);
        assertEquals(0.71, r.get(Icc.Form.ICC3).get(), 5e-3);
        assertEquals(0.44, r.get(Icc.Form.ICC1k).get(), 5e-3);
        assertEquals(0.62, r.get(Icc.Form.ICC2k).get(), 5e-3);
        assertEquals(0.91, r.get(Icc.Form.ICC3k).get(), 5e-3);
        // the mean squares behind them (Shrout & Fleiss 1979, Table 3): BMS 11.24, WMS 6.26, JMS 32.49, EMS 1.02
        assertEquals(11.24, r.msr(), 5e-3);
        assertEquals(6.26, r.msw(), 5e-3);
        assertEquals(32.49, r.msc(), 5e-3);
        assertEquals(1.02, r.mse(), 5e-3);
    }

    /**
     * 95% intervals for the same data as printed by psych::ICC (Revelle) for Shrout & Fleiss's
     * example: ICC1 [−0.133, 0.72], ICC2 [0.019, 0.76], ICC3 [0.342, 0.95], ICC1k [−0.884, 0.912],
     * ICC2k [0.071, 0.927], ICC3k [0.676, 0.986] (F-based, McGraw & Wong 1996).
     */
    @Test
    void iccConfidenceIntervalsMatchPsych() {
        Icc.Result r = Icc.compute(new ArrayList<>(List.of(SHROUT_FLEISS)), 4, 0);
        assertInterval(r.get(Icc.Form.ICC1), -0.133, 0.72);
        assertInterval(r.get(Icc.Form.ICC2), 0.019, 0.76);
        assertInterval(r.get(Icc.Form.ICC3), 0.342, 0.95);
        assertInterval(r.get(Icc.Form.ICC1k), -0.884, 0.912);
        assertInterval(r.get(Icc.Form.ICC2k), 0.071, 0.927);
        assertInterval(r.get(Icc.Form.ICC3k), 0.676, 0.986);
    }

    private static void assertInterval(Coefficient c, double lower, double upper) {
        assertEquals(lower, c.ciLower(), 5e-3, "lower bound");
        assertEquals(upper, c.ciUpper(), 5e-3, "upper bound");
    }

    @Test
    void fDistributionQuantilesAreRight() {
        // F(0.975; 5, 18) = 3.382, F(0.975; 5, 15) = 3.576, F(0.95; 1, 10) = 4.965 (standard tables)
        assertEquals(3.382, FDistribution.quantile(0.975, 5, 18), 5e-4);
        assertEquals(3.576, FDistribution.quantile(0.975, 5, 15), 5e-4);
        assertEquals(4.965, FDistribution.quantile(0.95, 1, 10), 5e-4);
        assertEquals(0.975, FDistribution.cdf(FDistribution.quantile(0.975, 3.7, 11.2), 3.7, 11.2), 1e-9);
    }

    @Test
    void iccOfPerfectAgreementHasNoInfiniteInterval() {
        Icc.Result r = Icc.compute(new ArrayList<>(List.of(new double[] {1, 1}, new double[] {2, 2}, new double[] {4, 4})), 2, 0);
        for (Icc.Form f : Icc.Form.values()) {
            assertEquals(1.0, r.get(f).get(), 1e-12, f.name());
            assertTrue(r.get(f).ciLower() == null || Double.isFinite(r.get(f).ciLower()));
        }
    }

    /**
     * Hand-computed (issue 12): units u1 = 5,4,5 and u2 = 4,5,4 by raters A,B,C give MS rows = 1/6,
     * MS raters = 0, MS error = 2/3, MS within = 1/3. ICC(2,k) = (MSR − MSE) / (MSR + (MSC − MSE)/n)
     * = −0.5 / −1/6 = 3.000 with a denominator below zero, and ICC(3,k) = 1 − MSE/MSR = −3: neither is
     * an intraclass correlation. They are undefined with the reason, never numbers outside [−1, 1].
     */
    @Test
    void iccFormsThatTheVarianceComponentsMakeMeaninglessAreUndefinedWithTheReason() {
        Icc.Result r = Icc.compute(new ArrayList<>(List.of(new double[] {5, 4, 5}, new double[] {4, 5, 4})), 3, 0);
        assertEquals(1.0 / 6, r.msr(), 1e-12);
        assertEquals(2.0 / 3, r.mse(), 1e-12);
        assertFalse(r.get(Icc.Form.ICC2k).isDefined());
        assertTrue(r.get(Icc.Form.ICC2k).undefinedReason().contains("its denominator, a sum of estimated variance components, is -0.1667"),
                r.get(Icc.Form.ICC2k).undefinedReason());
        assertFalse(r.get(Icc.Form.ICC3k).isDefined());
        assertTrue(r.get(Icc.Form.ICC3k).undefinedReason().contains("the estimate -3.000 falls outside [−1, 1]"), r.get(Icc.Form.ICC3k).undefinedReason());
        assertEquals(-0.2, r.get(Icc.Form.ICC1).get(), 1e-12, "(MSR − MSW) / (MSR + 2 MSW) = (1/6 − 1/3) / (5/6)");
        assertEquals(-1.0 / 3, r.get(Icc.Form.ICC3).get(), 1e-12, "(MSR − MSE) / (MSR + 2 MSE) = −0.5 / 1.5");
        for (Icc.Form f : Icc.Form.values()) assertSane(f + " of the hand-computed case", r.get(f));
    }

    /** Every form, on many small random tables: a number in [−1, 1], inside its interval, bounds in order — or undefined with a reason. */
    @Test
    void everyIccFormAndIntervalIsInRangeOrUndefined() {
        java.util.Random random = new java.util.Random(12);
        for (int t = 0; t < 2000; t++) {
            int n = 2 + random.nextInt(5);
            int k = 2 + random.nextInt(3);
            List<double[]> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double[] row = new double[k];
                for (int j = 0; j < k; j++) row[j] = 1 + random.nextInt(5);
                rows.add(row);
            }
            Icc.Result r = Icc.compute(rows, k, 0);
            for (Icc.Form f : Icc.Form.values()) assertSane(f + " of table " + t, r.get(f));
        }
    }

    private static void assertSane(String what, Coefficient c) {
        if (!c.isDefined()) {
            assertFalse(c.undefinedReason().isBlank(), what);
            return;
        }
        assertTrue(c.get() >= -1 && c.get() <= 1, what + " = " + c.get());
        if (c.ciLower() != null) {
            assertTrue(c.ciLower() <= c.get() + 1e-9 && c.get() <= c.ciUpper() + 1e-9, what + ": " + c.get() + " in [" + c.ciLower() + ", " + c.ciUpper() + "]");
        }
    }
}
