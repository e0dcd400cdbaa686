package org.attune.agreement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Overlap-linking κ of Holle & Rein (2015), as their EasyDIAg computes it (MATLAB {@code ckappa.m},
 * {@code ipf.m}; shared/reference/agreement-methods.md §2.1–2.2): two bouts are linked when their
 * overlap is at least the criterion (default 60 %) of the <em>longer</em> bout, one-to-one, best
 * overlap first; unlinked bouts go to an "unmatched" row or column (unmatched × unmatched is a
 * structural zero); linked cells are doubled (a link stands for two annotations). Reported: κ_ipf
 * (chance from 20 rounds of iterative proportional fitting that keep the structural zero, as
 * EasyDIAg), κ_max two ways — ELAN's ({@code maxKappaAll}: classic chance over the whole table) and
 * EasyDIAg's (chance from the IPF fit) — and raw agreement, all including unmatched; κ, κ_max and raw
 * agreement over linked pairs only; and % linked.
 *
 * <p>Where the references differ (docs/agreement.md, "How Attune compares"): ELAN's {@code IPFUtil}
 * seeds every zero cell and marginal with 0.001, the structural zero included, so its κ_ipf differs
 * from EasyDIAg's by up to 1.4e-3 — Attune keeps the structural zero and fits the marginals exactly,
 * as EasyDIAg (whose values the ELAN maintainers advise trusting). A category nobody used has an
 * empty row and column and so takes no part in the fit. EasyDIAg floors a negative κ_ipf at 0 and
 * gives 0 when a marginal is zero (its IPF divides 0 by 0); Attune reports the value of the fit.
 * Linking ties go to the longer raw overlap (ELAN); EasyDIAg takes the first pair in list order.
 */
public final class OverlapKappa {

    public record Link(Mark first, Mark second, double overlap) {
    }

    public record Result(List<String> categories, double[][] table, Coefficient kappaIpf, Coefficient kappaMax, Coefficient kappaMaxIpf,
                         Coefficient rawAgreement, Coefficient kappaExcluding, Coefficient kappaMaxExcluding, Coefficient rawAgreementExcluding,
                         double proportionLinked, List<Link> links, List<Mark> unmatchedFirst, List<Mark> unmatchedSecond) {

        /** The statistics by name, in the order reports list them ({@link OverlapKappa#statistics}). */
        public java.util.Map<String, Coefficient> statistics() {
            return OverlapKappa.statistics(table);
        }
    }

    public static final String UNMATCHED = "(unmatched)";

    private OverlapKappa() {
    }

    public static Result compute(List<String> codes, List<Mark> first, List<Mark> second, double criterion) {
        List<Mark> a = first.stream().filter(m -> codes.contains(m.code()) && !m.point()).toList();
        List<Mark> b = second.stream().filter(m -> codes.contains(m.code()) && !m.point()).toList();
        record Candidate(int i, int j, double pct, long raw) {
        }
        // only bouts that overlap can link: sweep B in onset order instead of comparing every pair
        List<Integer> bByOnset = new ArrayList<>();
        for (int j = 0; j < b.size(); j++) bByOnset.add(j);
        bByOnset.sort(Comparator.comparingLong(j -> b.get(j).onsetMs()));
        long[] bOnsets = bByOnset.stream().mapToLong(j -> b.get(j).onsetMs()).toArray();
        long longestB = b.stream().mapToLong(m -> m.offsetMs() - m.onsetMs()).max().orElse(0);
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            Mark x = a.get(i);
            int from = lowerBound(bOnsets, x.onsetMs() - longestB);
            for (int q = from; q < bOnsets.length && bOnsets[q] < x.offsetMs(); q++) {
                int j = bByOnset.get(q);
                Mark y = b.get(j);
                long overlap = Math.min(x.offsetMs(), y.offsetMs()) - Math.max(x.onsetMs(), y.onsetMs());
                long longer = Math.max(x.offsetMs() - x.onsetMs(), y.offsetMs() - y.onsetMs());
                if (overlap <= 0 || longer <= 0) continue;
                double pct = overlap / (double) longer;
                if (pct >= criterion) candidates.add(new Candidate(i, j, pct, overlap));
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::pct).thenComparingLong(Candidate::raw).reversed());
        boolean[] usedA = new boolean[a.size()];
        boolean[] usedB = new boolean[b.size()];
        List<Link> links = new ArrayList<>();
        for (Candidate c : candidates) {
            if (usedA[c.i()] || usedB[c.j()]) continue;
            usedA[c.i()] = true;
            usedB[c.j()] = true;
            links.add(new Link(a.get(c.i()), b.get(c.j()), c.pct()));
        }
        List<String> categories = new ArrayList<>(codes);
        categories.add(UNMATCHED);
        int k = categories.size();
        int u = k - 1;
        double[][] t = new double[k][k];
        for (Link l : links) t[codes.indexOf(l.first().code())][codes.indexOf(l.second().code())] += 2;
        List<Mark> unA = new ArrayList<>();
        List<Mark> unB = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) if (!usedA[i]) {
            unA.add(a.get(i));
            t[codes.indexOf(a.get(i).code())][u]++;
        }
        for (int j = 0; j < b.size(); j++) if (!usedB[j]) {
            unB.add(b.get(j));
            t[u][codes.indexOf(b.get(j).code())]++;
        }
        java.util.Map<String, Coefficient> st = statistics(t);
        return new Result(List.copyOf(categories), t, st.get("kappa_ipf"), st.get("kappa_max"), st.get("kappa_max_ipf"), st.get("raw_agreement"),
                st.get("kappa_excluding_unmatched"), st.get("kappa_max_excluding_unmatched"), st.get("raw_agreement_excluding_unmatched"),
                st.get("proportion_linked").isDefined() ? st.get("proportion_linked").get() : 0, links, unA, unB);
    }

    /**
     * Every statistic of an overlap table (a session's, or several pooled — tables add), by the names
     * of the CSV/JSON output, in this order: kappa_ipf, kappa_max (ELAN), kappa_max_ipf (EasyDIAg),
     * raw_agreement, kappa_excluding_unmatched, kappa_max_excluding_unmatched,
     * raw_agreement_excluding_unmatched, proportion_linked. The last row and column are "unmatched".
     */
    public static java.util.Map<String, Coefficient> statistics(double[][] t) {
        int k = t.length;
        int u = k - 1;
        double n = TwoRaters.total(t);
        double[][] inner = new double[u][u];
        for (int r = 0; r < u; r++) System.arraycopy(t[r], 0, inner[r], 0, u);
        double innerTotal = TwoRaters.total(inner);
        java.util.Map<String, Coefficient> st = new java.util.LinkedHashMap<>();
        if (n == 0) {
            Coefficient none = Coefficient.undefined("neither coder coded any of these states");
            for (String name : List.of("kappa_ipf", "kappa_max", "kappa_max_ipf", "raw_agreement")) st.put(name, none);
        } else {
            double trace = 0;
            for (int r = 0; r < u; r++) trace += t[r][r];
            double po = trace / n;
            double pe = ipfChance(t);
            st.put("kappa_ipf", pe >= 1 - 1e-12 ? Coefficient.undefined("chance agreement is 1, so κ_ipf is not defined") : Coefficient.of((po - pe) / (1 - pe)));
            st.put("kappa_max", TwoRaters.kappaMax(t));
            st.put("kappa_max_ipf", pe >= 1 - 1e-12 ? Coefficient.undefined("chance agreement is 1, so κ_max is not defined")
                    : Coefficient.of((minMarginShare(t) - pe) / (1 - pe)));
            st.put("raw_agreement", Coefficient.of(po));
        }
        st.put("kappa_excluding_unmatched", TwoRaters.kappa(inner, Weights.identity(u)));
        st.put("kappa_max_excluding_unmatched", TwoRaters.kappaMax(inner));
        st.put("raw_agreement_excluding_unmatched", TwoRaters.percentAgreement(inner));
        st.put("proportion_linked", n == 0 ? Coefficient.undefined("neither coder coded any of these states") : Coefficient.of(innerTotal / n));
        return st;
    }

    /** Σ min(row_i, column_i) / N over every category, unmatched included: EasyDIAg's highest attainable agreement. */
    private static double minMarginShare(double[][] t) {
        int k = t.length;
        double n = TwoRaters.total(t);
        double sum = 0;
        for (int i = 0; i < k; i++) {
            double row = 0;
            double col = 0;
            for (int j = 0; j < k; j++) {
                row += t[i][j];
                col += t[j][i];
            }
            sum += Math.min(row, col);
        }
        return sum / n;
    }

    private static int lowerBound(long[] sorted, long value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /**
     * Chance agreement as EasyDIAg estimates it: 20 rounds of iterative proportional fitting (rows,
     * then columns) from a seed of ones with a structural zero at unmatched × unmatched, to the
     * table's own marginals; the diagonal of the fit over N, unmatched excluded. A zero marginal is
     * fitted as zero (a row or column with nothing to scale is left alone rather than divided by
     * zero), so a category with an empty row and column takes no part.
     */
    static double ipfChance(double[][] table) {
        double n = TwoRaters.total(table);
        int all = table.length;
        double[] rowSums = new double[all];
        double[] colSums = new double[all];
        for (int i = 0; i < all; i++) for (int j = 0; j < all; j++) {
            rowSums[i] += table[i][j];
            colSums[j] += table[i][j];
        }
        // categories nobody used (empty row and column) are left out; unmatched (the last) always stays
        List<Integer> used = new ArrayList<>();
        for (int i = 0; i < all - 1; i++) if (rowSums[i] + colSums[i] > 0) used.add(i);
        used.add(all - 1);
        int k = used.size();
        double[] rows = new double[k];
        double[] cols = new double[k];
        for (int i = 0; i < k; i++) {
            rows[i] = rowSums[used.get(i)];
            cols[i] = colSums[used.get(i)];
        }
        double[][] f = new double[k][k];
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) f[i][j] = i == k - 1 && j == k - 1 ? 0 : 1;
        for (int iter = 0; iter < 20; iter++) {
            for (int i = 0; i < k; i++) {
                double s = 0;
                for (int j = 0; j < k; j++) s += f[i][j];
                if (s > 0) for (int j = 0; j < k; j++) f[i][j] *= rows[i] / s;
            }
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int i = 0; i < k; i++) s += f[i][j];
                if (s > 0) for (int i = 0; i < k; i++) f[i][j] *= cols[j] / s;
            }
        }
        double pe = 0;
        for (int i = 0; i < k - 1; i++) pe += f[i][i] / n;
        return pe;
    }
}
