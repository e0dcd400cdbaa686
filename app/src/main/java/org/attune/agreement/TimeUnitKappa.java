package org.attune.agreement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Time-unit κ (Bakeman & Quera 2011; Bakeman, Quera & Gnisci 2009): the session is cut into units
 * (a frame, 0.1 s, 1 s, …) starting at the session start, each coder's code in each unit is the one
 * whose bout covers the unit's midpoint (point events: whose onset falls in the unit), and κ is
 * computed on the units' table. The category "none" (nothing of the set coded) is included or, with
 * {@code includeNone = false}, units both coders left empty are dropped.
 *
 * <p>With a tolerance of t units, a unit where the codes differ still counts as agreement when the
 * reference coder's code appears in the other coder's record within ±t units (GSEQ's rule); this is
 * asymmetric, so it is computed with each coder as reference.
 */
public final class TimeUnitKappa {

    /** The table and κ without tolerance, and with tolerance taking each coder as reference. */
    public record Result(String set, List<String> categories, int units, double[][] table, Coefficient kappa, Coefficient percentAgreement,
                         double[][] toleranceTableFirst, Coefficient kappaToleranceFirst, double[][] toleranceTableSecond,
                         Coefficient kappaToleranceSecond) {
    }

    public static final String NONE = "(none)";

    private TimeUnitKappa() {
    }

    /**
     * Mutually exclusive states (an exclusive group): one category per unit.
     *
     * @param codes the set's codes in order; marks of other codes are ignored
     */
    public static Result forSet(String set, List<String> codes, List<Mark> first, List<Mark> second, long startMs, long endMs,
                                long unitMs, long toleranceMs, boolean includeNone) {
        int units = unitCount(startMs, endMs, unitMs);
        int[] a = categoryPerUnit(codes, first, startMs, unitMs, units);
        int[] b = categoryPerUnit(codes, second, startMs, unitMs, units);
        List<String> categories = new ArrayList<>(codes);
        categories.add(NONE);
        return result(set, categories, a, b, units, (int) (toleranceMs / unitMs), includeNone);
    }

    /** One code as present/absent per unit (the per-code 2×2 table). */
    public static Result forCode(String code, List<Mark> first, List<Mark> second, long startMs, long endMs, long unitMs, long toleranceMs) {
        int units = unitCount(startMs, endMs, unitMs);
        if (first.stream().noneMatch(m -> m.code().equals(code)) && second.stream().noneMatch(m -> m.code().equals(code))) {
            // neither coder used the code: every unit is (absent, absent); no need to build the unit arrays
            double[][] t = {{0, 0}, {0, units}};
            Coefficient k = TwoRaters.kappa(t, Weights.identity(2));
            return new Result(code, List.of(code, NONE), units, t, k, TwoRaters.percentAgreement(t), t, k, t, k);
        }
        int[] a = categoryPerUnit(List.of(code), first, startMs, unitMs, units);
        int[] b = categoryPerUnit(List.of(code), second, startMs, unitMs, units);
        return result(code, List.of(code, NONE), a, b, units, (int) (toleranceMs / unitMs), true);
    }

    static int unitCount(long startMs, long endMs, long unitMs) {
        if (unitMs <= 0) throw new IllegalArgumentException("the time unit must be positive");
        return (int) Math.max(0, (endMs - startMs + unitMs - 1) / unitMs);
    }

    /** Index of the code in each unit, or codes.size() for none. Later onsets win where bouts overlap. */
    static int[] categoryPerUnit(List<String> codes, List<Mark> marks, long startMs, long unitMs, int units) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < codes.size(); i++) index.put(codes.get(i), i);
        int none = codes.size();
        int[] cat = new int[units];
        java.util.Arrays.fill(cat, none);
        List<Mark> sorted = new ArrayList<>(marks);
        sorted.sort(java.util.Comparator.comparingLong(Mark::onsetMs));
        for (Mark m : sorted) {
            Integer c = index.get(m.code());
            if (c == null) continue;
            int from;
            int to; // inclusive
            if (m.point()) {
                from = (int) Math.floorDiv(m.onsetMs() - startMs, unitMs);
                to = from;
            } else {
                // units whose midpoint start + i·u + u/2 lies in [onset, offset): 2·(onset − start) − u ≤ 2·i·u < 2·(offset − start) − u
                from = (int) ceilDiv(2 * (m.onsetMs() - startMs) - unitMs, 2 * unitMs);
                to = (int) ceilDiv(2 * (m.offsetMs() - startMs) - unitMs, 2 * unitMs) - 1;
            }
            for (int i = Math.max(0, from); i <= Math.min(units - 1, to); i++) cat[i] = c;
        }
        return cat;
    }

    private static long ceilDiv(long x, long y) {
        return -Math.floorDiv(-x, y);
    }

    private static Result result(String set, List<String> categories, int[] a, int[] b, int units, int tol, boolean includeNone) {
        int k = categories.size();
        int none = k - 1;
        double[][] t = new double[k][k];
        double[][] tolA = new double[k][k];
        double[][] tolB = new double[k][k];
        int counted = 0;
        for (int i = 0; i < units; i++) {
            if (!includeNone && a[i] == none && b[i] == none) continue;
            counted++;
            t[a[i]][b[i]]++;
            tolA[a[i]][a[i] != b[i] && occurs(b, a[i], i, tol) ? a[i] : b[i]]++;
            // second coder as reference: the table keeps the first coder on the rows
            tolB[a[i] != b[i] && occurs(a, b[i], i, tol) ? b[i] : a[i]][b[i]]++;
        }
        double[][] w = Weights.identity(k);
        return new Result(set, List.copyOf(categories), counted, t, TwoRaters.kappa(t, w), TwoRaters.percentAgreement(t), tolA,
                TwoRaters.kappa(tolA, w), tolB, TwoRaters.kappa(tolB, w));
    }

    private static boolean occurs(int[] other, int category, int i, int tol) {
        for (int j = Math.max(0, i - tol); j <= Math.min(other.length - 1, i + tol); j++) {
            if (other[j] == category) return true;
        }
        return false;
    }
}
