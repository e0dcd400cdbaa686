package org.attune.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.attune.coding.CodedEvent;
import org.attune.coding.Modifiers;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.json.BundledSchemes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One 60-s session worked by hand. Uncodable 50–60 s, so codeable time T = 50 s (5/6 min).
 * Gaze: parent 0–20, child 10–30 → mutual 10–20 (10 s = 20 % of T).
 * Positive affect: parent 12–18, child 15–25 → shared 15–18 (3 s = 6 %); synchrony (mutual gaze ∧ shared) 15–18: one episode.
 * Child bids: 5 (social), 10 (need), 40 (social), 49 (social; its 3-s window reaches the uncodable 50 s: censored).
 * Parent responses 6.5, 14, 36; soothing 42. Bid 5 answered at 6.5 (1.5 s); bid 10's window (10, 13] has none;
 * bid 40 answered by soothing at 42 (2 s) → 2 of 3 uncensored, latencies 1.5 and 2.0.
 * Distress 30–35, response at 36 (within 2 s after) → answered, latency 6 s; comfort seeking at 38 (safe haven).
 * Parent directive bid at 20, compliance at 23 → 1 of 1. Exploration 25–45 with an intrusion at 31 and a check-back at 33.
 * Turns: 5C 6.5P 10C 14P | 20P | 36P 40C 42P | 49C → chains C-P-C-P (4) and P-C-P (3): turns ⌊4/2⌋ + ⌊3/2⌋ = 3.
 */
class SessionMeasuresTest {

    static final CodingScheme SCHEME = BundledSchemes.defaultScheme();
    static List<MeasureValue> m;

    static CodedEvent state(String code, long on, Long off) {
        return new CodedEvent(0, 1, code, on, off, Modifiers.NONE, "");
    }

    static CodedEvent point(String code, long at) {
        return new CodedEvent(0, 1, code, at, at, Modifiers.NONE, "");
    }

    static CodedEvent point(String code, long at, String type) {
        return new CodedEvent(0, 1, code, at, at, Modifiers.single("type", type), "");
    }

    @BeforeAll
    static void compute() {
        List<CodedEvent> e = new ArrayList<>(List.of(
                state("UNCODE", 50_000, 60_000L),
                state("P_GAZE", 0, 20_000L), state("C_GAZE", 10_000, 30_000L),
                state("P_POS", 12_000, 18_000L), state("C_POS", 15_000, 25_000L),
                point("C_BID", 5000, "social"), point("C_BID", 10_000, "need"), point("C_BID", 40_000, "social"), point("C_BID", 49_000, "social"),
                point("P_RESP", 6500), point("P_RESP", 14_000), point("P_RESP", 36_000), point("P_SOOTHE", 42_000),
                state("C_DIST", 30_000, 35_000L), point("C_SEEK", 38_000),
                point("P_BID", 20_000, "directive"), point("C_COMPLY", 23_000),
                state("C_EXPLORE", 25_000, 45_000L), point("P_INTRUDE", 31_000), point("C_CHECK", 33_000),
                state("C_CLING", 55_000, null)));
        m = SessionMeasures.compute(SCHEME, e, 60_000, MeasureParameters.DEFAULTS);
    }

    static MeasureValue get(String measure, String target) {
        return m.stream().filter(x -> x.measure().equals(measure) && x.target().equals(target)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + measure + " / " + target));
    }

    static double v(String measure) {
        return get(measure, "").value();
    }

    @Test
    void descriptive() {
        assertEquals(50.0, v("codeable_time"), 1e-12);
        assertEquals(1.0, v("running_states_left_out"), "C_CLING has no offset");
        assertEquals(4 / (50 / 60.0), get("rate", "C_BID").value(), 1e-12);
        assertEquals(40.0, get("percent_time", "P_GAZE").value(), 1e-12);
        assertEquals(20.0, get("mean_bout_duration", "P_GAZE").value(), 1e-12);
        assertNull(get("mean_bout_duration", "P_TOUCH").value(), "no bouts: undefined, not 0");
    }

    @Test
    void synchronicity() {
        assertEquals(20.0, v("mutual_gaze_percent"), 1e-12);
        assertEquals(1.0, v("mutual_gaze_bouts"));
        assertEquals(6.0, v("shared_positive_affect_percent"), 1e-12);
        assertEquals(1.0, v("synchrony_episodes"));
        assertEquals(1 / (50 / 60.0), v("synchrony_episodes_rate"), 1e-12);
        // 1-s units 0–49: both gazing 10..19 (10), parent only 0..9 (10), child only 20..29 (10), neither 30..49 (20)
        assertEquals((10.0 * 20 - 10 * 10) / (10.0 * 20 + 10 * 10), v("yules_q_gaze"), 1e-12);
    }

    @Test
    void contingentResponsiveness() {
        assertEquals(4.0, v("parent_responsiveness_bids"));
        assertEquals(1.0, v("parent_responsiveness_censored_bids"));
        assertEquals(2.0 / 3, v("parent_responsiveness"), 1e-12);
        assertEquals(1.75, v("parent_responsiveness_latency_median"), 1e-12);
        assertEquals(0.25, v("parent_responsiveness_latency_iqr"), 1e-12);
        assertEquals(1 / (50 / 60.0), v("parent_responsiveness_unanswered_rate"), 1e-12);
        assertEquals(1.0, get("parent_responsiveness", "type=social").value(), 1e-12, "social bids 5 and 40 answered, 49 censored");
        assertEquals(0.0, get("parent_responsiveness", "type=need").value(), 1e-12);
        assertEquals(0.0, v("child_responsiveness"), 1e-12, "the directive at 20 s got compliance, not a child response");
        assertEquals(1.0, v("distress_responsiveness"), 1e-12);
        assertEquals(6.0, v("distress_latency_median"), 1e-12);
        assertEquals(1.0, v("compliance_ratio"), 1e-12);
    }

    @Test
    void serveAndReturnChains() {
        assertEquals(3.0, v("conversational_turns"));
        assertEquals(2.0, v("chains"));
        assertEquals(2.0, v("chains_3_or_more"));
        assertEquals(3.5, v("chain_length_mean"), 1e-12);
        assertEquals(4.0, v("chain_length_max"));
        assertEquals(0.5, v("chains_child_initiated"), 1e-12);
        assertEquals(3 / (50 / 60.0), v("conversational_turns_rate"), 1e-12);
    }

    /**
     * C_BID → P_RESP on 1-s codeable units 0–49: given units 5–7, 10–12, 40–42, 49 (10); target units 6, 14, 36.
     * a = 1 (unit 6), b = 9, c = 2, d = 38 → Q = (38 − 18)/(38 + 18), OR = 38/18; 4 given events < 5 → flagged unstable.
     */
    @Test
    void timeWindowSequentialAssociation() {
        String pair = "child_bid->parent_response";
        assertEquals(20.0 / 56, get("yules_q", pair).value(), 1e-12);
        assertEquals(38.0 / 18, get("odds_ratio", pair).value(), 1e-12);
        assertTrue(get("yules_q", pair).note().contains("unstable"), get("yules_q", pair).note());
        double expected = 10.0 * 3 / 50;
        assertEquals((1 - expected) / Math.sqrt(expected * (1 - 10.0 / 50) * (1 - 3.0 / 50)), get("adjusted_residual", pair).value(), 1e-12);
        MeasureValue zero = get("yules_q", "parent_hostile->child_disorganised");
        assertTrue(zero.note().contains("0.5 added to every cell"), zero.note());
    }

    @Test
    void insecureAndSecureBase() {
        assertEquals(1.0, get("occurrence", "P_INTRUDE").value());
        assertEquals(0.0, get("occurrence", "P_HOSTILE").value());
        assertEquals(1 / (50 / 60.0), m.stream().filter(x -> x.family().equals("insecure") && x.measure().equals("rate") && x.target().equals("P_INTRUDE"))
                .findFirst().orElseThrow().value(), 1e-12);
        assertEquals(0.0, m.stream().filter(x -> x.family().equals("insecure") && x.measure().equals("percent_time") && x.target().equals("P_DISENG"))
                .findFirst().orElseThrow().value(), 1e-12);
        assertEquals(100.0, v("exploration_bouts_intruded_percent"), 1e-12);
        assertEquals(1 / (20 / 60.0), v("intrusions_per_minute_of_exploration"), 1e-12);
        assertEquals(40.0, v("exploration_percent"), 1e-12);
        assertEquals(1 / (20 / 60.0), v("check_backs_per_minute_of_exploration"), 1e-12);
        assertEquals(1.0, v("safe_haven_ratio"), 1e-12);
        assertEquals(0.0, v("distress_followed_by_avoidance"), 1e-12);
    }

    @Test
    void emptySessionGivesReasonsNotNaN() {
        List<MeasureValue> empty = SessionMeasures.compute(SCHEME, List.of(), 0, MeasureParameters.DEFAULTS);
        for (MeasureValue x : empty) {
            assertTrue(x.value() == null ? !x.note().isEmpty() : Double.isFinite(x.value()), x.toString());
        }
    }

    @Test
    void episodesForDrawingAreWhatTheMeasuresCount() {
        List<CodedEvent> e = new ArrayList<>(List.of(state("UNCODE", 50_000, 60_000L), state("P_GAZE", 0, 20_000L), state("C_GAZE", 10_000, 30_000L),
                state("P_POS", 12_000, 18_000L), state("C_POS", 15_000, 25_000L), point("C_BID", 5000, "social"), point("C_BID", 10_000, "need"),
                point("C_BID", 40_000, "social"), point("C_BID", 49_000, "social"), point("P_RESP", 6500), point("P_RESP", 14_000), point("P_SOOTHE", 42_000)));
        SessionMeasures.Episodes ep = SessionMeasures.episodes(SCHEME, e, 60_000, MeasureParameters.DEFAULTS);
        assertEquals(List.of(new Intervals.Span(10_000, 20_000)), ep.mutualGaze().spans());
        assertEquals(List.of(new Intervals.Span(15_000, 18_000)), ep.synchrony().spans());
        assertEquals(List.of(new SessionMeasures.BidOutcome(5000, "answered", 1500L), new SessionMeasures.BidOutcome(10_000, "unanswered", null),
                new SessionMeasures.BidOutcome(40_000, "answered", 2000L), new SessionMeasures.BidOutcome(49_000, "censored", null)), ep.childBids());
    }
}
