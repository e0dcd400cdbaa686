package org.attune.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.attune.coding.CodedEvent;
import org.attune.scheme.Code;
import org.attune.scheme.CodeRole;
import org.attune.scheme.CodingScheme;

/**
 * The dyadic measures of one session as coded by one coder (shared/research/coding-schemes.md §2.3):
 * descriptive rates and durations, co-occurrence (synchronicity), contingency and serve-and-return
 * chains (reciprocity), time-window sequential association, and insecure and secure-base indices.
 * Measures are defined on code roles, so any scheme that assigns the roles gets them. Codeable time
 * T excludes the uncodable state; states still running are left out and counted.
 */
public final class SessionMeasures {

    static final String DESCRIPTIVE = "descriptive";
    static final String SYNCHRONICITY = "synchronicity";
    static final String RECIPROCITY = "reciprocity";
    static final String SEQUENTIAL = "sequential";
    static final String INSECURE = "insecure";
    static final String SECURE_BASE = "secure_base";

    /** The default given → target pairs for the time-window association (§2.3 C). */
    public static final List<CodeRole[]> DEFAULT_PAIRS = List.of(
            new CodeRole[] {CodeRole.CHILD_BID, CodeRole.PARENT_RESPONSE},
            new CodeRole[] {CodeRole.PARENT_BID, CodeRole.CHILD_RESPONSE},
            new CodeRole[] {CodeRole.CHILD_DISTRESS, CodeRole.PARENT_SOOTHE},
            new CodeRole[] {CodeRole.CHILD_EXPLORATION, CodeRole.PARENT_INTRUSION},
            new CodeRole[] {CodeRole.CHILD_DISTRESS, CodeRole.CHILD_SEEKS_COMFORT},
            new CodeRole[] {CodeRole.CHILD_DISTRESS, CodeRole.CHILD_AVOIDANCE},
            new CodeRole[] {CodeRole.PARENT_HOSTILE, CodeRole.CHILD_DISORGANISED},
            new CodeRole[] {CodeRole.PARENT_HOSTILE, CodeRole.CHILD_WITHDRAWAL});

    private static final Set<CodeRole> INSECURE_ROLES = EnumSet.of(CodeRole.PARENT_INTRUSION, CodeRole.PARENT_HOSTILE, CodeRole.PARENT_MISATTUNED,
            CodeRole.PARENT_DISENGAGED, CodeRole.PARENT_WITHDRAWN, CodeRole.PARENT_ROLE_REVERSAL, CodeRole.CHILD_CLINGING, CodeRole.CHILD_WITHDRAWAL,
            CodeRole.CHILD_AVOIDANCE, CodeRole.CHILD_INDISCRIMINATE, CodeRole.CHILD_CONTROLLING, CodeRole.CHILD_CAREGIVING, CodeRole.CHILD_DISORGANISED);

    private final CodingScheme scheme;
    private final List<CodedEvent> events;
    private final long endMs;
    private final MeasureParameters p;
    private final Intervals codeable;
    private final long t;
    private final List<MeasureValue> out = new ArrayList<>();
    private final long[] onsets;
    /** The events of each code, in onset order: most measures look at a few codes of many. */
    private final java.util.Map<String, List<CodedEvent>> byCode = new java.util.HashMap<>();

    private SessionMeasures(CodingScheme scheme, List<CodedEvent> all, long endMs, MeasureParameters p) {
        this.scheme = scheme;
        this.endMs = endMs;
        this.p = p;
        this.events = all.stream().filter(e -> e.offsetMs() != null && scheme.code(e.code()).isPresent())
                .sorted(java.util.Comparator.comparingLong(CodedEvent::onsetMs)).toList();
        this.onsets = events.stream().mapToLong(CodedEvent::onsetMs).toArray();
        for (CodedEvent e : events) byCode.computeIfAbsent(e.code(), x -> new ArrayList<>()).add(e);
        Intervals session = Intervals.of(List.of(new Intervals.Span(0, endMs)));
        this.codeable = session.minus(states(CodeRole.UNCODABLE));
        this.t = codeable.total();
        long running = all.stream().filter(e -> e.offsetMs() == null).count();
        if (running > 0) out.add(MeasureValue.of(DESCRIPTIVE, "running_states_left_out", "", running, "count", null));
    }

    /** The derived episodes of one session × coder, for drawing: what the co-occurrence and contingency measures count. */
    public record Episodes(Intervals mutualGaze, Intervals sharedPositiveAffect, Intervals synchrony, Intervals distress, Intervals uncodable,
                           List<BidOutcome> childBids) {
    }

    public static Episodes episodes(CodingScheme scheme, List<CodedEvent> events, long sessionEndMs, MeasureParameters p) {
        SessionMeasures m = new SessionMeasures(scheme, events, sessionEndMs, p);
        Intervals mutual = m.states(CodeRole.PARENT_GAZE).intersect(m.states(CodeRole.CHILD_GAZE)).intersect(m.codeable);
        Intervals shared = m.states(CodeRole.PARENT_POSITIVE_AFFECT).intersect(m.states(CodeRole.CHILD_POSITIVE_AFFECT)).intersect(m.codeable);
        Set<String> responses = new java.util.HashSet<>(m.codes(CodeRole.PARENT_RESPONSE));
        responses.addAll(m.codes(CodeRole.PARENT_SOOTHE));
        return new Episodes(mutual, shared, mutual.intersect(shared).atLeast(p.synchronyMinMs()), m.states(CodeRole.CHILD_DISTRESS),
                m.states(CodeRole.UNCODABLE), m.outcomes(m.eventsOf(CodeRole.CHILD_BID), responses));
    }

    /** All measures of one session × coder. */
    public static List<MeasureValue> compute(CodingScheme scheme, List<CodedEvent> events, long sessionEndMs, MeasureParameters p) {
        SessionMeasures m = new SessionMeasures(scheme, events, sessionEndMs, p);
        m.descriptive();
        m.synchronicity();
        m.reciprocity();
        m.chains();
        m.sequential();
        m.insecureAndSecureBase();
        return m.out;
    }

    // ------------------------------------------------------------------ helpers on roles

    private Set<String> codes(CodeRole role) {
        return scheme.codesWithRole(role).stream().map(Code::id).collect(Collectors.toSet());
    }

    private List<CodedEvent> eventsOf(CodeRole role) {
        List<CodedEvent> out = new ArrayList<>();
        for (String c : codes(role)) out.addAll(byCode.getOrDefault(c, List.of()));
        out.sort(java.util.Comparator.comparingLong(CodedEvent::onsetMs));
        return out;
    }

    private Intervals states(CodeRole role) {
        return Intervals.of(eventsOf(role).stream().filter(e -> e.offsetMs() > e.onsetMs()).map(e -> new Intervals.Span(e.onsetMs(), e.offsetMs())).toList());
    }

    private Intervals statesOf(String code) {
        return Intervals.of(byCode.getOrDefault(code, List.of()).stream().filter(e -> e.offsetMs() > e.onsetMs())
                .map(e -> new Intervals.Span(e.onsetMs(), e.offsetMs())).toList());
    }

    /** Index of the first event with onset > t (events are in onset order). */
    private int firstAfter(long t) {
        int lo = 0;
        int hi = onsets.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (onsets[mid] <= t) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }


    /** The first event with a code in {@code codes} and onset in (after, until], or null. */
    private CodedEvent firstBetween(long after, long until, Set<String> codes) {
        for (int i = firstAfter(after); i < events.size() && onsets[i] <= until; i++) {
            if (codes.contains(events.get(i).code())) return events.get(i);
        }
        return null;
    }

    private double minutes() {
        return t / 60_000.0;
    }

    private void percentOfT(String family, String measure, String target, Intervals spans) {
        if (t == 0) out.add(MeasureValue.undefined(family, measure, target, "percent", 0, "no codeable time"));
        else out.add(MeasureValue.of(family, measure, target, 100.0 * spans.intersect(codeable).total() / t, "percent", null));
    }

    private void rate(String family, String measure, String target, long count) {
        if (t == 0) out.add(MeasureValue.undefined(family, measure, target, "per_minute", (int) count, "no codeable time"));
        else out.add(MeasureValue.of(family, measure, target, count / minutes(), "per_minute", (int) count));
    }

    // ------------------------------------------------------------------ A. descriptive

    private void descriptive() {
        out.add(MeasureValue.of(DESCRIPTIVE, "codeable_time", "", t / 1000.0, "seconds", null));
        for (Code c : scheme.timedCodes()) {
            if (c.hasRole(CodeRole.UNCODABLE)) continue;
            List<CodedEvent> own = byCode.getOrDefault(c.id(), List.of());
            if (c.isPoint()) {
                rate(DESCRIPTIVE, "rate", c.id(), own.size());
            } else {
                Intervals spans = statesOf(c.id());
                out.add(MeasureValue.of(DESCRIPTIVE, "bouts", c.id(), own.size(), "count", own.size()));
                out.add(MeasureValue.of(DESCRIPTIVE, "total_duration", c.id(), spans.total() / 1000.0, "seconds", own.size()));
                percentOfT(DESCRIPTIVE, "percent_time", c.id(), spans);
                if (own.isEmpty()) {
                    out.add(MeasureValue.undefined(DESCRIPTIVE, "mean_bout_duration", c.id(), "seconds", 0, "no bouts"));
                    out.add(MeasureValue.undefined(DESCRIPTIVE, "median_bout_duration", c.id(), "seconds", 0, "no bouts"));
                } else {
                    double[] d = own.stream().mapToDouble(e -> (e.offsetMs() - e.onsetMs()) / 1000.0).sorted().toArray();
                    out.add(MeasureValue.of(DESCRIPTIVE, "mean_bout_duration", c.id(), Arrays.stream(d).average().orElse(0), "seconds", d.length));
                    out.add(MeasureValue.of(DESCRIPTIVE, "median_bout_duration", c.id(), median(d), "seconds", d.length));
                }
            }
        }
    }

    // ------------------------------------------------------------------ B. synchronicity (co-occurrence)

    private void synchronicity() {
        Intervals mutualGaze = states(CodeRole.PARENT_GAZE).intersect(states(CodeRole.CHILD_GAZE)).intersect(codeable);
        Intervals sharedPositive = states(CodeRole.PARENT_POSITIVE_AFFECT).intersect(states(CodeRole.CHILD_POSITIVE_AFFECT)).intersect(codeable);
        percentOfT(SYNCHRONICITY, "mutual_gaze_percent", "", mutualGaze);
        out.add(MeasureValue.of(SYNCHRONICITY, "mutual_gaze_bouts", "", mutualGaze.spans().size(), "count", mutualGaze.spans().size()));
        percentOfT(SYNCHRONICITY, "shared_positive_affect_percent", "", sharedPositive);
        Intervals synchrony = mutualGaze.intersect(sharedPositive).atLeast(p.synchronyMinMs());
        out.add(MeasureValue.of(SYNCHRONICITY, "synchrony_episodes", "", synchrony.spans().size(), "count", synchrony.spans().size()));
        rate(SYNCHRONICITY, "synchrony_episodes_rate", "", synchrony.spans().size());
        percentOfT(SYNCHRONICITY, "synchrony_percent", "", synchrony);
        percentOfT(SYNCHRONICITY, "joint_engagement_percent", "", states(CodeRole.JOINT_ENGAGEMENT));
        yulesQ("yules_q_gaze", states(CodeRole.PARENT_GAZE), states(CodeRole.CHILD_GAZE));
        yulesQ("yules_q_positive_affect", states(CodeRole.PARENT_POSITIVE_AFFECT), states(CodeRole.CHILD_POSITIVE_AFFECT));
    }

    /** Concurrent association of two states on codeable time units (midpoint rule): Yule's Q, +0.5 in every cell if one is 0. */
    private void yulesQ(String measure, Intervals parent, Intervals child) {
        double a = 0, b = 0, c = 0, d = 0;
        for (long u = 0; u * p.unitMs() < endMs; u++) {
            long mid = u * p.unitMs() + p.unitMs() / 2;
            if (!codeable.contains(mid)) continue;
            boolean x = parent.contains(mid);
            boolean y = child.contains(mid);
            if (x && y) a++;
            else if (x) b++;
            else if (y) c++;
            else d++;
        }
        out.add(TwoByTwo.of(a, b, c, d).yulesQ(SYNCHRONICITY, measure, ""));
    }

    // ------------------------------------------------------------------ C. reciprocity (contingency)

    private void reciprocity() {
        Set<String> responses = new java.util.HashSet<>(codes(CodeRole.PARENT_RESPONSE));
        responses.addAll(codes(CodeRole.PARENT_SOOTHE));
        contingency("parent", eventsOf(CodeRole.CHILD_BID), responses);
        contingency("child", eventsOf(CodeRole.PARENT_BID), codes(CodeRole.CHILD_RESPONSE));
        for (String type : bidTypes(CodeRole.CHILD_BID)) {
            contingencySplit("parent", eventsOf(CodeRole.CHILD_BID).stream().filter(e -> e.modifiers().valuesOf("type").contains(type)).toList(), responses, type);
        }
        distressResponsiveness(responses);
        compliance();
    }

    private List<String> bidTypes(CodeRole role) {
        return scheme.codesWithRole(role).stream().flatMap(c -> c.modifiers().stream()).filter(m -> m.id().equals("type"))
                .flatMap(m -> m.values().stream()).map(v -> v.id()).distinct().toList();
    }

    private void contingency(String responder, List<CodedEvent> bids, Set<String> responses) {
        contingencySplit(responder, bids, responses, "");
    }

    /**
     * A bid is answered when a response starts within (t, t + W], truncated at the next bid; bids
     * whose window runs past the session end or into uncodable time are censored (left out and counted).
     */
    /** What became of one bid: answered (with latency), unanswered, or censored. */
    public record BidOutcome(long atMs, String outcome, Long latencyMs) {
        public static final String ANSWERED = "answered";
        public static final String UNANSWERED = "unanswered";
        public static final String CENSORED = "censored";
    }

    private List<BidOutcome> outcomes(List<CodedEvent> bids, Set<String> responses) {
        List<BidOutcome> out = new ArrayList<>();
        for (int i = 0; i < bids.size(); i++) {
            long at = bids.get(i).onsetMs();
            long until = at + p.responseWindowMs();
            // censored: the window runs past the end of the session or into uncodable time
            if (until > endMs || codeable.intersect(Intervals.of(List.of(new Intervals.Span(at, until)))).total() < until - at) {
                out.add(new BidOutcome(at, BidOutcome.CENSORED, null));
                continue;
            }
            long stop = i + 1 < bids.size() ? Math.min(until, bids.get(i + 1).onsetMs()) : until;
            CodedEvent response = firstBetween(at, stop, responses);
            out.add(response == null ? new BidOutcome(at, BidOutcome.UNANSWERED, null) : new BidOutcome(at, BidOutcome.ANSWERED, response.onsetMs() - at));
        }
        return out;
    }

    private void contingencySplit(String responder, List<CodedEvent> bids, Set<String> responses, String bidType) {
        List<CodedEvent> allBids = bids;
        List<BidOutcome> outcomes = outcomes(bids, responses);
        int censored = (int) outcomes.stream().filter(o -> o.outcome().equals(BidOutcome.CENSORED)).count();
        int answered = (int) outcomes.stream().filter(o -> o.outcome().equals(BidOutcome.ANSWERED)).count();
        List<Double> latencies = outcomes.stream().filter(o -> o.latencyMs() != null).map(o -> o.latencyMs() / 1000.0).toList();
        String target = bidType.isEmpty() ? "" : "type=" + bidType;
        String prefix = responder + "_responsiveness";
        int usable = allBids.size() - censored;
        out.add(MeasureValue.of(RECIPROCITY, prefix + "_bids", target, allBids.size(), "count", allBids.size()));
        out.add(MeasureValue.of(RECIPROCITY, prefix + "_censored_bids", target, censored, "count", censored));
        out.add(usable == 0 ? MeasureValue.undefined(RECIPROCITY, prefix, target, "proportion", 0, "no uncensored bids")
                : MeasureValue.of(RECIPROCITY, prefix, target, answered / (double) usable, "proportion", usable));
        if (bidType.isEmpty()) {
            rate(RECIPROCITY, prefix + "_unanswered_rate", target, usable - answered);
            double[] l = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (l.length == 0) {
                out.add(MeasureValue.undefined(RECIPROCITY, prefix + "_latency_median", target, "seconds", 0, "no answered bids"));
            } else {
                out.add(MeasureValue.of(RECIPROCITY, prefix + "_latency_median", target, median(l), "seconds", l.length));
                out.add(MeasureValue.of(RECIPROCITY, prefix + "_latency_iqr", target, quantile(l, 0.75) - quantile(l, 0.25), "seconds", l.length));
            }
        }
    }

    /** A distress bout is answered if soothing or a response starts during it or within the grace period after it. */
    private void distressResponsiveness(Set<String> responses) {
        List<CodedEvent> bouts = eventsOf(CodeRole.CHILD_DISTRESS);
        int answered = 0;
        List<Double> latencies = new ArrayList<>();
        for (CodedEvent d : bouts) {
            CodedEvent response = firstBetween(d.onsetMs() - 1, d.offsetMs() + p.distressGraceMs(), responses); // from the bout's onset on
            if (response != null) {
                answered++;
                latencies.add((response.onsetMs() - d.onsetMs()) / 1000.0);
            }
        }
        out.add(MeasureValue.of(RECIPROCITY, "distress_bouts", "", bouts.size(), "count", bouts.size()));
        out.add(bouts.isEmpty() ? MeasureValue.undefined(RECIPROCITY, "distress_responsiveness", "", "proportion", 0, "no distress bouts")
                : MeasureValue.of(RECIPROCITY, "distress_responsiveness", "", answered / (double) bouts.size(), "proportion", bouts.size()));
        out.add(MeasureValue.of(RECIPROCITY, "distress_unanswered", "", bouts.size() - answered, "count", bouts.size()));
        double[] l = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        out.add(l.length == 0 ? MeasureValue.undefined(RECIPROCITY, "distress_latency_median", "", "seconds", 0, "no answered distress")
                : MeasureValue.of(RECIPROCITY, "distress_latency_median", "", median(l), "seconds", l.length));
    }

    /** Compliance within the compliance window after a parent bid of type directive. */
    private void compliance() {
        List<CodedEvent> directives = eventsOf(CodeRole.PARENT_BID).stream().filter(e -> e.modifiers().valuesOf("type").contains("directive")).toList();
        Set<String> comply = codes(CodeRole.CHILD_COMPLIANCE);
        int complied = 0;
        for (CodedEvent d : directives) {
            if (firstBetween(d.onsetMs(), d.onsetMs() + p.complianceMs(), comply) != null) complied++;
        }
        out.add(directives.isEmpty() ? MeasureValue.undefined(RECIPROCITY, "compliance_ratio", "", "proportion", 0, "no directives")
                : MeasureValue.of(RECIPROCITY, "compliance_ratio", "", complied / (double) directives.size(), "proportion", directives.size()));
    }

    // ------------------------------------------------------------------ serve-and-return chains

    /**
     * Turns: child (bid, response) and parent (bid, response, soothing) onsets. A chain is a maximal
     * run of turns that alternate partner with onsets at most W_turn apart. Turn count follows LENA's
     * pair rule: ⌊length/2⌋ per chain (C-P = 1, C-P-C = 1, C-P-C-P = 2).
     */
    private void chains() {
        Set<String> child = new java.util.HashSet<>(codes(CodeRole.CHILD_BID));
        child.addAll(codes(CodeRole.CHILD_RESPONSE));
        Set<String> parent = new java.util.HashSet<>(codes(CodeRole.PARENT_BID));
        parent.addAll(codes(CodeRole.PARENT_RESPONSE));
        parent.addAll(codes(CodeRole.PARENT_SOOTHE));
        List<long[]> turns = new ArrayList<>(); // {onset, 0 = child / 1 = parent}
        for (CodedEvent e : events) {
            if (child.contains(e.code())) turns.add(new long[] {e.onsetMs(), 0});
            else if (parent.contains(e.code())) turns.add(new long[] {e.onsetMs(), 1});
        }
        List<int[]> chains = new ArrayList<>(); // {length, first partner}
        int length = 1;
        for (int i = 1; i <= turns.size(); i++) {
            boolean continues = i < turns.size() && turns.get(i)[1] != turns.get(i - 1)[1] && turns.get(i)[0] - turns.get(i - 1)[0] <= p.turnWindowMs();
            if (continues) {
                length++;
            } else {
                if (length >= 2) chains.add(new int[] {length, (int) turns.get(i - length)[1]});
                length = 1;
            }
        }
        int turnCount = chains.stream().mapToInt(c -> c[0] / 2).sum();
        out.add(MeasureValue.of(RECIPROCITY, "conversational_turns", "", turnCount, "count", turns.size()));
        rate(RECIPROCITY, "conversational_turns_rate", "", turnCount);
        out.add(MeasureValue.of(RECIPROCITY, "chains", "", chains.size(), "count", chains.size()));
        out.add(MeasureValue.of(RECIPROCITY, "chains_3_or_more", "", chains.stream().filter(c -> c[0] >= 3).count(), "count", chains.size()));
        if (chains.isEmpty()) {
            out.add(MeasureValue.undefined(RECIPROCITY, "chain_length_mean", "", "turns", 0, "no chains"));
            out.add(MeasureValue.undefined(RECIPROCITY, "chains_child_initiated", "", "proportion", 0, "no chains"));
        } else {
            out.add(MeasureValue.of(RECIPROCITY, "chain_length_mean", "", chains.stream().mapToInt(c -> c[0]).average().orElse(0), "turns", chains.size()));
            out.add(MeasureValue.of(RECIPROCITY, "chain_length_max", "", chains.stream().mapToInt(c -> c[0]).max().orElse(0), "turns", chains.size()));
            out.add(MeasureValue.of(RECIPROCITY, "chains_child_initiated", "", chains.stream().filter(c -> c[1] == 0).count() / (double) chains.size(),
                    "proportion", chains.size()));
        }
    }

    // ------------------------------------------------------------------ D. time-window sequential association

    /**
     * Yoder & Tapp (2004) / Bakeman & Quera: given units are the W after a given onset (point) or the
     * given state plus W; target units contain a target onset; 2×2 over codeable units.
     */
    private void sequential() {
        for (CodeRole[] pair : DEFAULT_PAIRS) {
            List<CodedEvent> given = eventsOf(pair[0]);
            List<CodedEvent> target = eventsOf(pair[1]);
            String name = pair[0].jsonName() + "->" + pair[1].jsonName();
            List<Intervals.Span> givenSpans = new ArrayList<>();
            for (CodedEvent g : given) givenSpans.add(new Intervals.Span(g.onsetMs(), Math.max(g.onsetMs(), g.offsetMs()) + p.responseWindowMs()));
            Intervals givenTime = Intervals.of(givenSpans);
            long units = (endMs + p.unitMs() - 1) / p.unitMs();
            boolean[] targetUnit = new boolean[(int) units];
            for (CodedEvent e : target) {
                long u = e.onsetMs() / p.unitMs();
                if (u < units) targetUnit[(int) u] = true;
            }
            double a = 0, b = 0, c = 0, d = 0;
            for (int u = 0; u < units; u++) {
                long mid = u * p.unitMs() + p.unitMs() / 2;
                if (!codeable.contains(mid)) continue;
                boolean g = givenTime.contains(mid);
                if (g && targetUnit[u]) a++;
                else if (g) b++;
                else if (targetUnit[u]) c++;
                else d++;
            }
            TwoByTwo table = TwoByTwo.of(a, b, c, d);
            String unstable = given.size() < 5 || table.minMarginal() < 5 ? "unstable: fewer than 5 given events or a marginal below 5" : "";
            out.add(table.yulesQ(SEQUENTIAL, "yules_q", name).withNote(join(table.note(), unstable)));
            out.add(table.oddsRatio(SEQUENTIAL, "odds_ratio", name).withNote(join(table.note(), unstable)));
            out.add(table.logOddsRatio(SEQUENTIAL, "log_odds_ratio", name).withNote(join(table.note(), unstable)));
            out.add(table.adjustedResidual(SEQUENTIAL, "adjusted_residual", name).withNote(unstable));
            out.add(MeasureValue.of(SEQUENTIAL, "given_events", name, given.size(), "count", given.size()));
        }
    }

    // ------------------------------------------------------------------ E/F. insecure and secure base

    private void insecureAndSecureBase() {
        for (CodeRole role : INSECURE_ROLES) {
            for (Code c : scheme.codesWithRole(role)) {
                long count = byCode.getOrDefault(c.id(), List.of()).size();
                out.add(MeasureValue.of(INSECURE, "occurrence", c.id(), count > 0 ? 1 : 0, "0/1", (int) count));
                if (c.isPoint()) {
                    out.add(MeasureValue.of(INSECURE, "count", c.id(), count, "count", (int) count));
                    rate(INSECURE, "rate", c.id(), count);
                } else {
                    percentOfT(INSECURE, "percent_time", c.id(), statesOf(c.id()));
                }
            }
        }
        Intervals exploration = states(CodeRole.CHILD_EXPLORATION).intersect(codeable);
        List<CodedEvent> exploreBouts = eventsOf(CodeRole.CHILD_EXPLORATION);
        List<CodedEvent> intrusions = eventsOf(CodeRole.PARENT_INTRUSION);
        Set<String> intrusionCodes = codes(CodeRole.PARENT_INTRUSION);
        long interrupted = exploreBouts.stream().filter(x -> firstBetween(x.onsetMs() - 1, x.offsetMs() - 1, intrusionCodes) != null).count();
        out.add(exploreBouts.isEmpty() ? MeasureValue.undefined(INSECURE, "exploration_bouts_intruded_percent", "", "percent", 0, "no exploration")
                : MeasureValue.of(INSECURE, "exploration_bouts_intruded_percent", "", 100.0 * interrupted / exploreBouts.size(), "percent", exploreBouts.size()));
        long intrusionsInExploration = intrusions.stream().filter(i -> exploration.contains(i.onsetMs())).count();
        out.add(exploration.total() == 0 ? MeasureValue.undefined(INSECURE, "intrusions_per_minute_of_exploration", "", "per_minute", 0, "no exploration")
                : MeasureValue.of(INSECURE, "intrusions_per_minute_of_exploration", "", intrusionsInExploration / (exploration.total() / 60_000.0), "per_minute",
                (int) intrusionsInExploration));
        percentOfT(SECURE_BASE, "exploration_percent", "", states(CodeRole.CHILD_EXPLORATION));
        long checks = eventsOf(CodeRole.CHILD_CHECK_BACK).stream().filter(e -> exploration.contains(e.onsetMs())).count();
        out.add(exploration.total() == 0 ? MeasureValue.undefined(SECURE_BASE, "check_backs_per_minute_of_exploration", "", "per_minute", 0, "no exploration")
                : MeasureValue.of(SECURE_BASE, "check_backs_per_minute_of_exploration", "", checks / (exploration.total() / 60_000.0), "per_minute", (int) checks));
        List<CodedEvent> distress = eventsOf(CodeRole.CHILD_DISTRESS);
        for (CodeRole after : new CodeRole[] {CodeRole.CHILD_SEEKS_COMFORT, CodeRole.CHILD_AVOIDANCE}) {
            Set<String> codes = codes(after);
            long followed = distress.stream().filter(d -> firstBetween(d.onsetMs(), d.offsetMs() + p.safeHavenMs(), codes) != null).count();
            String name = after == CodeRole.CHILD_SEEKS_COMFORT ? "safe_haven_ratio" : "distress_followed_by_avoidance";
            out.add(distress.isEmpty() ? MeasureValue.undefined(SECURE_BASE, name, "", "proportion", 0, "no distress bouts")
                    : MeasureValue.of(SECURE_BASE, name, "", followed / (double) distress.size(), "proportion", distress.size()));
        }
    }

    // ------------------------------------------------------------------ statistics helpers

    static double median(double[] sorted) {
        return quantile(sorted, 0.5);
    }

    /** Linear interpolation between order statistics (type 7, R's default). */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 1) return sorted[0];
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SessionMeasures[%d events, T = %d ms]", events.size(), t);
    }
}
