package org.attune.agreement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Event alignment κ (Quera, Bakeman & Gnisci 2007; timed version: Bakeman, Quera & Gnisci 2009):
 * the two coders' event sequences (in onset order) are aligned by dynamic programming that
 * minimises a Levenshtein distance — same code 0, different code 1, omission or commission 1 —
 * where two events may only be aligned if their onsets are within the tolerance. Unaligned events
 * go to a nil row (commissions of the second coder) or nil column (omissions); nil–nil is a
 * structural zero. κ is reported with nil and, for the aligned pairs only, without.
 *
 * <p>Because aligned onsets are at most the tolerance apart, each event can only pair with a window
 * of the other sequence; the DP stores only those bands: O(events × window) time and memory.
 */
public final class AlignmentKappa {

    /** An aligned pair (both set), an omission (second null) or a commission (first null). */
    public record Pair(Mark first, Mark second) {
        public boolean agrees() {
            return first != null && second != null && first.code().equals(second.code());
        }
    }

    public record Result(List<String> categories, double[][] table, Coefficient kappa, Coefficient kappaWithoutNil,
                         Coefficient percentAgreement, double proportionAligned, List<Pair> alignment) {
    }

    public static final String NIL = "(nil)";

    private AlignmentKappa() {
    }

    /** @param codes the codes compared, in order (their events are aligned as one sequence) */
    public static Result compute(List<String> codes, List<Mark> first, List<Mark> second, long toleranceMs) {
        List<Mark> a = select(codes, first);
        List<Mark> b = select(codes, second);
        int m = a.size();
        int n = b.size();
        int[] lo = new int[m + 1];
        int[] hi = new int[m + 1];
        int l = 1;
        int h = 0;
        for (int i = 1; i <= m; i++) {
            long on = a.get(i - 1).onsetMs();
            while (l <= n && b.get(l - 1).onsetMs() < on - toleranceMs) l++;
            if (h < l - 1) h = l - 1;
            while (h < n && b.get(h).onsetMs() <= on + toleranceMs) h++;
            lo[i] = l;
            hi[i] = h; // band of row i: columns lo..hi (empty when hi < lo)
        }
        // score = Σ 2 per same-code pair + 1 per different-code pair; maximising it minimises the distance
        int[][] score = new int[m + 1][];
        byte[][] move = new byte[m + 1][];
        for (int i = 1; i <= m; i++) {
            int width = Math.max(0, hi[i] - lo[i] + 1);
            score[i] = new int[width];
            move[i] = new byte[width];
            for (int j = lo[i]; j <= hi[i]; j++) {
                int diag = value(score, lo, hi, i - 1, j - 1) + (a.get(i - 1).code().equals(b.get(j - 1).code()) ? 2 : 1);
                int up = value(score, lo, hi, i - 1, j);
                int left = value(score, lo, hi, i, j - 1);
                int best = diag;
                byte mv = 0;
                if (up > best) {
                    best = up;
                    mv = 1;
                }
                if (left > best) {
                    best = left;
                    mv = 2;
                }
                score[i][j - lo[i]] = best;
                move[i][j - lo[i]] = mv;
            }
        }
        List<Pair> pairs = new ArrayList<>();
        int i = m;
        int j = n;
        while (i > 0 || j > 0) {
            if (i == 0) {
                pairs.add(new Pair(null, b.get(--j)));
            } else if (hi[i] < lo[i] || j < lo[i]) {
                pairs.add(new Pair(a.get(--i), null));
            } else if (j > hi[i]) {
                pairs.add(new Pair(null, b.get(--j)));
            } else {
                byte mv = move[i][j - lo[i]];
                if (mv == 0) pairs.add(new Pair(a.get(--i), b.get(--j)));
                else if (mv == 1) pairs.add(new Pair(a.get(--i), null));
                else pairs.add(new Pair(null, b.get(--j)));
            }
        }
        java.util.Collections.reverse(pairs);
        // chronological, for the disagreement list (traceback order puts a commission before an omission at will)
        pairs.sort(Comparator.comparingLong(p -> p.first() != null ? p.first().onsetMs() : p.second().onsetMs()));

        List<String> categories = new ArrayList<>(codes);
        categories.add(NIL);
        int k = categories.size();
        double[][] t = new double[k][k];
        int aligned = 0;
        for (Pair p : pairs) {
            int r = p.first() == null ? k - 1 : codes.indexOf(p.first().code());
            int c = p.second() == null ? k - 1 : codes.indexOf(p.second().code());
            t[r][c]++;
            if (p.first() != null && p.second() != null) aligned++;
        }
        double[][] inner = new double[k - 1][k - 1];
        for (int r = 0; r < k - 1; r++) System.arraycopy(t[r], 0, inner[r], 0, k - 1);
        double agreements = 0;
        for (int r = 0; r < k - 1; r++) agreements += t[r][r];
        Coefficient pct = pairs.isEmpty() ? Coefficient.undefined("neither coder coded any of these codes") : Coefficient.of(agreements / pairs.size());
        return new Result(List.copyOf(categories), t, kappaWithStructuralZero(t), TwoRaters.kappa(inner, Weights.identity(k - 1)), pct,
                pairs.isEmpty() ? 0 : 2.0 * aligned / (m + n), pairs);
    }

    /**
     * Classic κ over the (K+1)² table with the nil–nil cell left out of the diagonal: an event seen by
     * neither coder cannot exist, so nil agreeing with nil is not chance agreement either.
     */
    static Coefficient kappaWithStructuralZero(double[][] t) {
        int k = t.length;
        double n = TwoRaters.total(t);
        if (n == 0) return Coefficient.undefined("neither coder coded any of these codes");
        double po = 0;
        double pe = 0;
        for (int i = 0; i < k - 1; i++) {
            double r = 0;
            double c = 0;
            for (int j = 0; j < k; j++) {
                r += t[i][j];
                c += t[j][i];
            }
            po += t[i][i] / n;
            pe += r * c / (n * n);
        }
        if (pe >= 1 - 1e-12) return Coefficient.undefined("chance agreement is 1 (one code only), so κ is not defined");
        return Coefficient.of((po - pe) / (1 - pe));
    }

    /**
     * The other reading of the same table: classic Cohen κ over the whole (K+1)² table, the nil–nil
     * cell an observed zero and its product of margins part of chance agreement. On A×B =
     * [[1,0,1],[1,1,0],[0,1,0]] (x, y, nil): p_o = 2/5, p_e = (4 + 4 + 1)/25 → κ = 0.0625, where
     * {@link #kappaWithStructuralZero} gives p_e = 8/25 → 0.1176. Which of the two GSEQ reports is not
     * yet verified (docs/agreement.md); both are reported.
     */
    static Coefficient kappaNilInChance(double[][] t) {
        if (TwoRaters.total(t) == 0) return Coefficient.undefined("neither coder coded any of these codes");
        return TwoRaters.kappa(t, Weights.identity(t.length));
    }

    /** F[i][j] for any (i, j), from the stored bands (see the class comment for why this is exact). */
    private static int value(int[][] score, int[] lo, int[] hi, int i, int j) {
        while (true) {
            if (i <= 0 || j <= 0) return 0;
            if (hi[i] < lo[i] || j < lo[i]) {
                i--; // A_i cannot pair with any B up to j
                continue;
            }
            if (j > hi[i]) return score[i][hi[i] - lo[i]]; // later B events cannot pair with A_1..A_i
            return score[i][j - lo[i]];
        }
    }

    private static List<Mark> select(List<String> codes, List<Mark> marks) {
        List<Mark> out = new ArrayList<>();
        for (Mark mk : marks) if (codes.contains(mk.code())) out.add(mk);
        out.sort(Comparator.comparingLong(Mark::onsetMs).thenComparingInt(mk -> codes.indexOf(mk.code())));
        return out;
    }
}
