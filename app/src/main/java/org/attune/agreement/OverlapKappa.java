package org.attune.agreement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Overlap-linking κ of Holle & Rein (2015, EasyDIAg) as ELAN 6.9 implements it
 * (shared/reference/agreement-methods.md §2.1): two bouts are linked when their overlap is at least
 * the criterion (default 60 %) of the <em>longer</em> bout, one-to-one, best overlap first;
 * unlinked bouts go to an "unmatched" row or column (unmatched × unmatched is a structural zero);
 * linked cells are doubled (a link stands for two annotations). Reported: κ_ipf (chance from
 * iterative proportional fitting that respects the structural zero), κ_max and raw agreement
 * including unmatched; κ, κ_max and raw agreement over linked pairs only; and % linked.
 */
public final class OverlapKappa {

    public record Link(Mark first, Mark second, double overlap) {
    }

    public record Result(List<String> categories, double[][] table, Coefficient kappaIpf, Coefficient kappaMax, Coefficient rawAgreement,
                         Coefficient kappaExcluding, Coefficient kappaMaxExcluding, Coefficient rawAgreementExcluding,
                         double proportionLinked, List<Link> links, List<Mark> unmatchedFirst, List<Mark> unmatchedSecond) {
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
        double n = TwoRaters.total(t);
        double[][] inner = new double[u][u];
        for (int r = 0; r < u; r++) System.arraycopy(t[r], 0, inner[r], 0, u);
        Coefficient raw;
        Coefficient kIpf;
        if (n == 0) {
            raw = Coefficient.undefined("neither coder coded any of these states");
            kIpf = raw;
        } else {
            double trace = 0;
            for (int r = 0; r < u; r++) trace += t[r][r];
            raw = Coefficient.of(trace / n);
            kIpf = ipfKappa(t, trace / n);
        }
        return new Result(List.copyOf(categories), t, kIpf, TwoRaters.kappaMax(t), raw, TwoRaters.kappa(inner, Weights.identity(u)),
                TwoRaters.kappaMax(inner), TwoRaters.percentAgreement(inner), a.size() + b.size() == 0 ? 0 : 2.0 * links.size() / (a.size() + b.size()),
                links, unA, unB);
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

    /** κ with chance agreement estimated by 20 rounds of IPF from a seed of ones with a structural zero at unmatched × unmatched. */
    static Coefficient ipfKappa(double[][] t, double po) {
        int k = t.length;
        double n = TwoRaters.total(t);
        double[] rows = new double[k];
        double[] cols = new double[k];
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) {
            rows[i] += t[i][j];
            cols[j] += t[i][j];
        }
        for (int i = 0; i < k; i++) {
            if (rows[i] == 0) rows[i] = 0.001;
            if (cols[i] == 0) cols[i] = 0.001;
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
        if (pe >= 1 - 1e-12) return Coefficient.undefined("chance agreement is 1, so κ_ipf is not defined");
        return Coefficient.of((po - pe) / (1 - pe));
    }
}
