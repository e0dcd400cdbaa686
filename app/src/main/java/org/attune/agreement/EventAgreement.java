package org.attune.agreement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.ExclusiveGroup;

/**
 * Agreement between two coders on timed events, per session and pooled over sessions, for one
 * method: per exclusive group of states and per code (time-unit κ), per group and for all point
 * codes together (alignment κ), per group and per ungrouped state (overlap κ), or one κ over
 * everything (BORIS-compatible). Every result is a row of named statistics, ready for JSON or tidy CSV.
 */
public final class EventAgreement {

    public enum Method {
        TIME_UNIT, BORIS, ALIGNMENT, OVERLAP;

        public String cliName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static java.util.Optional<Method> parse(String s) {
            for (Method m : values()) if (m.cliName().equals(s)) return java.util.Optional.of(m);
            return java.util.Optional.empty();
        }
    }

    /** @param unitMs time unit (time-unit and BORIS); @param toleranceMs ±tolerance (time-unit, alignment); @param overlap criterion (overlap) */
    public record Parameters(Method method, long unitMs, long toleranceMs, double overlap, boolean includeNone) {
    }

    /** Two coders' marks for one session; {@code endMs} is the session's end (media duration or last offset). */
    public record SessionMarks(String session, List<Mark> first, List<Mark> second, long endMs) {
    }

    /** One target (a group, a code, a set) in one session or pooled: its statistics by name, and the table behind them. */
    public record Row(String session, String targetKind, String target, Map<String, Coefficient> statistics, Map<String, Double> counts,
                      List<String> categories, double[][] table, Map<String, double[][]> toleranceTables) {
        Row(String session, String targetKind, String target, Map<String, Coefficient> statistics, Map<String, Double> counts,
            List<String> categories, double[][] table) {
            this(session, targetKind, target, statistics, counts, categories, table, Map.of());
        }
    }

    public static final String POOLED = "(pooled)";

    private EventAgreement() {
    }

    public static List<Row> compute(CodingScheme scheme, List<SessionMarks> sessions, Parameters p) {
        return compute(scheme, sessions, p, (done, total) -> { });
    }

    /** Reports how many sessions are done, e.g. to a progress bar. */
    public interface Progress {
        void done(int sessions, int of);
    }

    public static List<Row> compute(CodingScheme scheme, List<SessionMarks> sessions, Parameters p, Progress progress) {
        List<Row> rows = new ArrayList<>();
        int done = 0;
        Map<String, double[][]> pooledTables = new LinkedHashMap<>();
        Map<String, List<String>> pooledCategories = new LinkedHashMap<>();
        Map<String, Map<String, Double>> pooledCounts = new LinkedHashMap<>();
        Map<String, Map<String, double[][]>> pooledTolerance = new LinkedHashMap<>();
        for (SessionMarks s : sessions) {
            for (Row r : session(scheme, s, p)) {
                rows.add(r);
                String key = r.targetKind() + "\u0000" + r.target();
                if (r.table() != null) {
                    pooledTables.merge(key, copy(r.table()), EventAgreement::add);
                    pooledCategories.putIfAbsent(key, r.categories());
                }
                r.counts().forEach((name, v) -> pooledCounts.computeIfAbsent(key, x -> new LinkedHashMap<>()).merge(name, v, Double::sum));
                r.toleranceTables().forEach((name, t) -> pooledTolerance.computeIfAbsent(key, x -> new LinkedHashMap<>()).merge(name, copy(t), EventAgreement::add));
            }
            progress.done(++done, sessions.size());
        }
        if (sessions.size() > 1 && p.method() != Method.BORIS) {
            for (Map.Entry<String, double[][]> e : pooledTables.entrySet()) {
                String[] kt = e.getKey().split("\u0000", 2);
                Map<String, Coefficient> stats = pooledStatistics(p.method(), e.getValue());
                Map<String, double[][]> tol = pooledTolerance.getOrDefault(e.getKey(), Map.of());
                tol.forEach((name, t) -> stats.put(name, TwoRaters.kappa(t, Weights.identity(t.length))));
                rows.add(new Row(POOLED, kt[0], kt[1], stats, pooledCounts.getOrDefault(e.getKey(), Map.of()), pooledCategories.get(e.getKey()),
                        e.getValue(), tol));
            }
        }
        return rows;
    }

    /**
     * Three or more coders, time units: per exclusive group and per code, Fleiss' κ and nominal
     * Krippendorff's α over the units of each session and pooled (all sessions every coder coded).
     *
     * @param sessions per session, each coder's marks (same coder order everywhere) and the session end
     */
    public static List<Row> multiCoderTimeUnit(CodingScheme scheme, List<String> sessionLabels, List<List<List<Mark>>> sessions, List<Long> endMs,
                                               Parameters p) {
        List<Row> rows = new ArrayList<>();
        Map<String, UnitAccumulator> pooled = new LinkedHashMap<>();
        Map<String, Double> pooledUnits = new LinkedHashMap<>();
        List<String[]> targets = new ArrayList<>();
        for (ExclusiveGroup g : scheme.groups()) targets.add(new String[] {"group", g.id()});
        for (Code c : scheme.timedCodes()) targets.add(new String[] {"code", c.id()});
        for (int s = 0; s < sessions.size(); s++) {
            List<List<Mark>> coders = sessions.get(s);
            int units = TimeUnitKappa.unitCount(0, endMs.get(s), p.unitMs());
            for (String[] t : targets) {
                List<String> codes = t[0].equals("group")
                        ? scheme.membersOf(scheme.group(t[1]).orElseThrow()).stream().map(Code::id).toList() : List.of(t[1]);
                int none = codes.size();
                int[][] cats = new int[coders.size()][];
                for (int c = 0; c < coders.size(); c++) cats[c] = TimeUnitKappa.categoryPerUnit(codes, coders.get(c), 0, p.unitMs(), units);
                UnitAccumulator acc = new UnitAccumulator(codes.size() + 1);
                String key = t[0] + "\u0000" + t[1];
                UnitAccumulator all = pooled.computeIfAbsent(key, x -> new UnitAccumulator(codes.size() + 1));
                int[] unit = new int[coders.size()];
                int counted = 0;
                for (int u = 0; u < units; u++) {
                    boolean allNone = true;
                    for (int c = 0; c < coders.size(); c++) {
                        unit[c] = cats[c][u];
                        allNone &= unit[c] == none;
                    }
                    if (allNone && !p.includeNone()) continue;
                    acc.add(unit);
                    all.add(unit);
                    counted++;
                }
                pooledUnits.merge(key, (double) counted, Double::sum);
                rows.add(multiRow(sessionLabels.get(s), t[0], t[1], acc, counted));
            }
        }
        if (sessions.size() > 1) {
            for (Map.Entry<String, UnitAccumulator> e : pooled.entrySet()) {
                String[] kt = e.getKey().split("\u0000", 2);
                rows.add(multiRow(POOLED, kt[0], kt[1], e.getValue(), pooledUnits.get(e.getKey())));
            }
        }
        return rows;
    }

    private static Row multiRow(String session, String kind, String target, UnitAccumulator acc, double units) {
        Map<String, Coefficient> st = new LinkedHashMap<>();
        st.put("fleiss_kappa", acc.fleissKappa());
        st.put("krippendorff_alpha", acc.krippendorffAlpha());
        return new Row(session, kind, target, st, Map.of("units", units), null, null);
    }

    private static Map<String, Coefficient> pooledStatistics(Method m, double[][] t) {
        Map<String, Coefficient> s = new LinkedHashMap<>();
        int k = t.length;
        switch (m) {
            case TIME_UNIT -> {
                s.put("kappa", TwoRaters.kappa(t, Weights.identity(k)));
                s.put("percent_agreement", TwoRaters.percentAgreement(t));
            }
            case ALIGNMENT -> {
                s.put("kappa", AlignmentKappa.kappaWithStructuralZero(t));
                s.put("kappa_nil_in_chance", AlignmentKappa.kappaNilInChance(t));
                double[][] inner = new double[k - 1][k - 1];
                for (int r = 0; r < k - 1; r++) System.arraycopy(t[r], 0, inner[r], 0, k - 1);
                s.put("kappa_without_nil", TwoRaters.kappa(inner, Weights.identity(k - 1)));
            }
            case OVERLAP -> s.putAll(OverlapKappa.statistics(t)); // the same statistics as a session's row, over the pooled table
            default -> {
            }
        }
        return s;
    }

    /** The marks of the given codes, in their order. */
    private static List<Mark> only(List<Mark> marks, java.util.Set<String> codes) {
        List<Mark> out = new ArrayList<>();
        for (Mark m : marks) if (codes.contains(m.code())) out.add(m);
        return out;
    }

    /** The marks of each code, each list in the marks' order. */
    private static Map<String, List<Mark>> byCode(List<Mark> marks) {
        Map<String, List<Mark>> out = new java.util.HashMap<>();
        for (Mark m : marks) out.computeIfAbsent(m.code(), x -> new ArrayList<>()).add(m);
        return out;
    }

    static List<Row> session(CodingScheme scheme, SessionMarks s, Parameters p) {
        List<Row> rows = new ArrayList<>();
        List<Code> grouped = new ArrayList<>();
        switch (p.method()) {
            case TIME_UNIT -> {
                // each code's and group's own marks, in the coders' order, picked out once instead of once per code
                // (31 codes × 2 coders × 20,000 marks took most of a cold command's computing, issue 16)
                for (ExclusiveGroup g : scheme.groups()) {
                    List<String> codes = scheme.membersOf(g).stream().map(Code::id).toList();
                    java.util.Set<String> in = java.util.Set.copyOf(codes);
                    TimeUnitKappa.Result r = TimeUnitKappa.forSet(g.id(), codes, only(s.first(), in), only(s.second(), in), 0, s.endMs(), p.unitMs(),
                            p.toleranceMs(), p.includeNone());
                    rows.add(timeUnitRow(s.session(), "group", g.id(), r, p));
                }
                Map<String, List<Mark>> first = byCode(s.first());
                Map<String, List<Mark>> second = byCode(s.second());
                for (Code c : scheme.timedCodes()) {
                    TimeUnitKappa.Result r = TimeUnitKappa.forCode(c.id(), first.getOrDefault(c.id(), List.of()), second.getOrDefault(c.id(), List.of()),
                            0, s.endMs(), p.unitMs(), p.toleranceMs());
                    rows.add(timeUnitRow(s.session(), "code", c.id(), r, p));
                }
            }
            case BORIS -> {
                List<String> order = scheme.timedCodes().stream().map(Code::id).toList();
                List<String> subjects = new ArrayList<>();
                for (Mark m : s.first()) if (!subjects.contains(m.subject())) subjects.add(m.subject());
                for (Mark m : s.second()) if (!subjects.contains(m.subject())) subjects.add(m.subject());
                BorisKappa.Result r = BorisKappa.compute(s.first(), s.second(), subjects, order, p.unitMs());
                Map<String, Coefficient> st = new LinkedHashMap<>();
                st.put("kappa", r.k());
                Map<String, Double> counts = new LinkedHashMap<>(); // not Map.of: its order changes from run to run, and so would the JSON
                counts.put("ticks", (double) r.ticks());
                counts.put("categories", (double) r.categories());
                rows.add(new Row(s.session(), "all", "all codes", st, counts, null, null));
            }
            case ALIGNMENT -> {
                for (ExclusiveGroup g : scheme.groups()) {
                    rows.add(alignmentRow(s, "group", g.id(), scheme.membersOf(g).stream().map(Code::id).toList(), p));
                }
                List<String> points = scheme.timedCodes().stream().filter(Code::isPoint).map(Code::id).toList();
                if (!points.isEmpty()) rows.add(alignmentRow(s, "set", "point codes", points, p));
            }
            case OVERLAP -> {
                for (ExclusiveGroup g : scheme.groups()) {
                    rows.add(overlapRow(s, "group", g.id(), scheme.membersOf(g).stream().map(Code::id).toList(), p));
                    grouped.addAll(scheme.membersOf(g));
                }
                for (Code c : scheme.timedCodes()) {
                    if (c.isState() && !grouped.contains(c)) rows.add(overlapRow(s, "code", c.id(), List.of(c.id()), p));
                }
            }
        }
        return rows;
    }

    private static Row timeUnitRow(String session, String kind, String target, TimeUnitKappa.Result r, Parameters p) {
        Map<String, Coefficient> st = new LinkedHashMap<>();
        st.put("kappa", r.kappa());
        st.put("percent_agreement", r.percentAgreement());
        if (p.toleranceMs() > 0) {
            st.put("kappa_tolerance_first_as_reference", r.kappaToleranceFirst());
            st.put("kappa_tolerance_second_as_reference", r.kappaToleranceSecond());
        }
        double[] prevalence = prevalence(r.table());
        Map<String, Double> counts = new LinkedHashMap<>();
        counts.put("units", (double) r.units());
        if (kind.equals("code")) {
            counts.put("units_first", prevalence[0]);
            counts.put("units_second", prevalence[1]);
        }
        Map<String, double[][]> tol = new LinkedHashMap<>();
        if (p.toleranceMs() > 0) {
            tol.put("kappa_tolerance_first_as_reference", r.toleranceTableFirst());
            tol.put("kappa_tolerance_second_as_reference", r.toleranceTableSecond());
        }
        return new Row(session, kind, target, st, counts, r.categories(), r.table(), tol);
    }

    /** Units (or events) coded with the first category by each coder: the code's prevalence. */
    private static double[] prevalence(double[][] t) {
        double a = 0;
        double b = 0;
        for (int j = 0; j < t.length; j++) {
            a += t[0][j];
            b += t[j][0];
        }
        return new double[] {a, b};
    }

    private static Row alignmentRow(SessionMarks s, String kind, String target, List<String> codes, Parameters p) {
        AlignmentKappa.Result r = AlignmentKappa.compute(codes, s.first(), s.second(), p.toleranceMs());
        Map<String, Coefficient> st = new LinkedHashMap<>();
        st.put("kappa", r.kappa());
        st.put("kappa_nil_in_chance", AlignmentKappa.kappaNilInChance(r.table()));
        st.put("kappa_without_nil", r.kappaWithoutNil());
        st.put("percent_agreement", r.percentAgreement());
        st.put("proportion_aligned", Coefficient.of(r.proportionAligned()));
        List<Double> onsetDiffs = new ArrayList<>();
        for (AlignmentKappa.Pair pair : r.alignment()) if (pair.agrees()) onsetDiffs.add((double) (pair.second().onsetMs() - pair.first().onsetMs()));
        putMeanSd(st, "onset_difference_ms", onsetDiffs);
        long omissions = r.alignment().stream().filter(x -> x.second() == null).count();
        long commissions = r.alignment().stream().filter(x -> x.first() == null).count();
        Map<String, Double> counts = new LinkedHashMap<>();
        counts.put("events_first", (double) r.alignment().stream().filter(x -> x.first() != null).count());
        counts.put("events_second", (double) r.alignment().stream().filter(x -> x.second() != null).count());
        counts.put("agreements", (double) r.alignment().stream().filter(AlignmentKappa.Pair::agrees).count());
        counts.put("omissions", (double) omissions);
        counts.put("commissions", (double) commissions);
        return new Row(s.session(), kind, target, st, counts, r.categories(), r.table());
    }

    private static Row overlapRow(SessionMarks s, String kind, String target, List<String> codes, Parameters p) {
        OverlapKappa.Result r = OverlapKappa.compute(codes, s.first(), s.second(), p.overlap());
        Map<String, Coefficient> st = new LinkedHashMap<>();
        st.putAll(r.statistics());
        List<Double> on = new ArrayList<>();
        List<Double> off = new ArrayList<>();
        for (OverlapKappa.Link l : r.links()) {
            if (!l.first().code().equals(l.second().code())) continue;
            on.add((double) (l.second().onsetMs() - l.first().onsetMs()));
            off.add((double) (l.second().offsetMs() - l.first().offsetMs()));
        }
        putMeanSd(st, "onset_difference_ms", on);
        putMeanSd(st, "offset_difference_ms", off);
        Map<String, Double> counts = new LinkedHashMap<>();
        counts.put("links", (double) r.links().size());
        counts.put("unmatched_first", (double) r.unmatchedFirst().size());
        counts.put("unmatched_second", (double) r.unmatchedSecond().size());
        return new Row(s.session(), kind, target, st, counts, r.categories(), r.table());
    }

    private static void putMeanSd(Map<String, Coefficient> st, String name, List<Double> values) {
        if (values.isEmpty()) {
            st.put(name + "_mean", Coefficient.undefined("no matched events of the same code"));
            st.put(name + "_sd", Coefficient.undefined("no matched events of the same code"));
            return;
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        st.put(name + "_mean", Coefficient.of(mean));
        if (values.size() < 2) {
            st.put(name + "_sd", Coefficient.undefined("one matched event only"));
        } else {
            double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
            st.put(name + "_sd", Coefficient.of(Math.sqrt(ss / (values.size() - 1))));
        }
    }

    private static double[][] copy(double[][] t) {
        double[][] c = new double[t.length][];
        for (int i = 0; i < t.length; i++) c[i] = t[i].clone();
        return c;
    }

    private static double[][] add(double[][] a, double[][] b) {
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a.length; j++) a[i][j] += b[i][j];
        return a;
    }
}
