package org.attune.agreement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The timed-event methods on small timelines worked out by hand (arithmetic in the comments), and BORIS issue #228. */
class TimedAgreementTest {

    static final List<String> AFFECT = List.of("C_POS", "C_DIST");

    /**
     * Session 0–10 s, 1-s units (midpoints .5 … 9.5).
     * Coder A: C_POS 0–4, C_DIST 6–9 → units P P P P N N D D D N.
     * Coder B: C_POS 1–4, C_DIST 6–10 → units N P P P N N D D D D.
     * Table (A rows × B cols; P, D, N): PP 3, PN 1, DD 3, NN 2, ND 1 → p_o = 8/10.
     * Margins A: P 4, D 3, N 3; B: P 3, D 4, N 3 → p_e = (12 + 12 + 9)/100 = .33 → κ = .47/.67.
     * ±1 s with A as reference: unit 0 (P vs N) agrees since B has P in unit 1 → p_o .9;
     * margins A 4/3/3, B 4/4/2 → p_e = (16 + 12 + 6)/100 = .34 → κ = .56/.66.
     * With B as reference: unit 9 (N vs D) agrees since A has D in unit 8 → p_o .9;
     * margins A 4/4/2, B 3/4/3 → p_e = (12 + 16 + 6)/100 = .34 → κ = .56/.66.
     * Without "none": units 4 and 5 (both N) drop → 8 units, PP 3 PN 1 DD 3 ND 1 → p_o .75;
     * margins A 4/3/1, B 3/4/1 → p_e = 25/64 → κ = (.75 − 25/64)/(1 − 25/64).
     */
    @Test
    void timeUnitKappaByHand() {
        List<Mark> a = List.of(Mark.state("C_POS", 0, 4000), Mark.state("C_DIST", 6000, 9000));
        List<Mark> b = List.of(Mark.state("C_POS", 1000, 4000), Mark.state("C_DIST", 6000, 10_000));
        TimeUnitKappa.Result r = TimeUnitKappa.forSet("AFF_C", AFFECT, a, b, 0, 10_000, 1000, 1000, true);
        assertEquals(10, r.units());
        assertArrayEquals(new double[][] {{3, 0, 1}, {0, 3, 0}, {0, 1, 2}}, r.table());
        assertEquals(0.47 / 0.67, r.kappa().get(), 1e-12);
        assertEquals(0.56 / 0.66, r.kappaToleranceFirst().get(), 1e-12);
        assertEquals(0.56 / 0.66, r.kappaToleranceSecond().get(), 1e-12);
        assertArrayEquals(new double[][] {{4, 0, 0}, {0, 3, 0}, {0, 1, 2}}, r.toleranceTableFirst());
        assertArrayEquals(new double[][] {{3, 0, 1}, {0, 4, 0}, {0, 0, 2}}, r.toleranceTableSecond());
        TimeUnitKappa.Result withoutNone = TimeUnitKappa.forSet("AFF_C", AFFECT, a, b, 0, 10_000, 1000, 0, false);
        assertEquals(8, withoutNone.units());
        assertEquals((0.75 - 25.0 / 64) / (1 - 25.0 / 64), withoutNone.kappa().get(), 1e-12);
    }

    /** Points fall in the unit holding their onset: A at 2.3 s and 7.9 s → units 2, 7; B at 2.9 s and 5.0 s → units 2, 5. */
    @Test
    void pointCodesPerUnitAsTwoByTwo() {
        TimeUnitKappa.Result r = TimeUnitKappa.forCode("C_BID", List.of(Mark.point("C_BID", 2300), Mark.point("C_BID", 7900)),
                List.of(Mark.point("C_BID", 2900), Mark.point("C_BID", 5000)), 0, 10_000, 1000, 0);
        assertArrayEquals(new double[][] {{1, 1}, {1, 7}}, r.table());
    }

    @Test
    void unitsFollowTheMidpointRuleAtFrameResolution() {
        // 25 fps frames of 40 ms; a bout from 100 ms to 180 ms covers the midpoints 100 and 140 → frames 2 and 3
        int[] cat = TimeUnitKappa.categoryPerUnit(List.of("X"), List.of(Mark.state("X", 100, 180)), 0, 40, 6);
        assertArrayEquals(new int[] {1, 1, 0, 0, 1, 1}, cat);
    }

    /**
     * BORIS issue #228 ("Peculiar kappa values"), as reproduced in shared/reference/boris.md §3.2:
     * coder A at 155.105/169.855/264.855 s, coder B at 156.405/170.852/264.606 s give
     * K = −0.019 (1 s), −0.038 (2 s), 1.0 (3 s), 1.0 (4 s), because ticks start at the first event.
     */
    @Test
    void borisKappaReproducesIssue228() {
        List<Mark> a = List.of(new Mark("look", "child", 155_105, 155_105, true), new Mark("look", "child", 169_855, 169_855, true),
                new Mark("look", "child", 264_855, 264_855, true));
        List<Mark> b = List.of(new Mark("look", "child", 156_405, 156_405, true), new Mark("look", "child", 170_852, 170_852, true),
                new Mark("look", "child", 264_606, 264_606, true));
        List<String> subjects = List.of("child");
        assertEquals(-0.019, BorisKappa.compute(a, b, subjects, List.of("look"), 1000).k().get(), 1e-12);
        assertEquals(-0.038, BorisKappa.compute(a, b, subjects, List.of("look"), 2000).k().get(), 1e-12);
        assertEquals(1.0, BorisKappa.compute(a, b, subjects, List.of("look"), 3000).k().get(), 1e-12);
        assertEquals(1.0, BorisKappa.compute(a, b, subjects, List.of("look"), 4000).k().get(), 1e-12);
        assertEquals(110, BorisKappa.compute(a, b, subjects, List.of("look"), 1000).ticks(), "155.105 … 264.105");
    }

    /**
     * BORIS 9.12.3 tests a point at a tick as {@code abs(start − t) <= interval/2} in doubles (issue 12).
     * A: play 0–1 s + look at 0.150; B: play 0–1 s + look at 0.250; unit 0.1 s → 11 ticks (0.0 … 1.0).
     * In doubles A's look counts at 0.1 only (|0.15 − 0.2| = 0.05000000000000002 > 0.05) and B's at 0.2
     * and 0.3 (0.04999999999999999 both). Categories per tick: A {play+look} at 0.1, {play} at 9 ticks;
     * B {play+look} at 0.2 and 0.3, {play} at 8. Agreements 8 (ticks 0.0 and 0.4–1.0); p_o = 8/11;
     * p_e = (1·2 + 10·9)/121 = 92/121 → κ = (88 − 92)/(121 − 92) = −4/29 = −0.138. Exact arithmetic
     * (both half-way ticks counted) would give 0.389.
     */
    @Test
    void borisTestsAPointAtATickInFloatingPointAsBorisDoes() {
        List<Mark> a = List.of(new Mark("play", "child", 0, 1000, false), new Mark("look", "child", 150, 150, true));
        List<Mark> b = List.of(new Mark("play", "child", 0, 1000, false), new Mark("look", "child", 250, 250, true));
        BorisKappa.Result r = BorisKappa.compute(a, b, List.of("child"), List.of("play", "look"), 100);
        assertEquals(11, r.ticks());
        assertEquals(-0.138, r.k().get(), 1e-12);
    }

    /**
     * BORIS runs the ticks while the decimal tick is ≤ the double of the last stop (issue 12):
     * A play 0–0.300, B play 0–0.200, unit 0.1. 0.300 is stored as 0.29999999999999998…, so the tick
     * 0.3 is past it: 3 ticks, all play/play → the denominator is 0 and BORIS reports K = 1. With the
     * tick at 0.3 (4 ticks, play vs nothing) κ would be 0.0. A last stop of 1.000 (an exact double) keeps its tick.
     */
    @Test
    void borisEndsTheTicksAtTheDoubleOfTheLastStopAsBorisDoes() {
        BorisKappa.Result r = BorisKappa.compute(List.of(new Mark("play", "child", 0, 300, false)), List.of(new Mark("play", "child", 0, 200, false)),
                List.of("child"), List.of("play"), 100);
        assertEquals(3, r.ticks());
        assertEquals(1.0, r.k().get(), 1e-12);
        assertEquals(11, BorisKappa.compute(List.of(new Mark("play", "child", 0, 1000, false)), List.of(new Mark("play", "child", 0, 500, false)),
                List.of("child"), List.of("play"), 100).ticks());
    }

    /**
     * A: C_BID 1.0, P_RESP 2.0, C_BID 5.0; B: C_BID 1.2, C_RESP 2.1, P_BID 9.0; tolerance 1 s.
     * Alignment: (C_BID, C_BID) agree, (P_RESP, C_RESP) disagree, (C_BID 5.0, nil) omission, (nil, P_BID) commission.
     * With nil (N = 4): p_o = 1/4; margins C_BID 2 (A) × 1 (B), others contribute 0, nil excluded → p_e = 2/16 → κ = .125/.875.
     * Without nil (the 2 aligned pairs): p_o = 1/2, p_e = (1·1)/4 → κ = .25/.75. Aligned: 2·2/(3 + 3).
     */
    @Test
    void alignmentKappaByHand() {
        List<String> codes = List.of("C_BID", "P_RESP", "C_RESP", "P_BID");
        List<Mark> a = List.of(Mark.point("C_BID", 1000), Mark.point("P_RESP", 2000), Mark.point("C_BID", 5000));
        List<Mark> b = List.of(Mark.point("C_BID", 1200), Mark.point("C_RESP", 2100), Mark.point("P_BID", 9000));
        AlignmentKappa.Result r = AlignmentKappa.compute(codes, a, b, 1000);
        assertEquals(4, r.alignment().size());
        assertEquals("C_BID", r.alignment().get(0).second().code());
        assertEquals("C_RESP", r.alignment().get(1).second().code());
        assertNull(r.alignment().get(2).second());
        assertNull(r.alignment().get(3).first());
        assertEquals(0.125 / 0.875, r.kappa().get(), 1e-12);
        assertEquals(0.25 / 0.75, r.kappaWithoutNil().get(), 1e-12);
        assertEquals(4.0 / 6, r.proportionAligned(), 1e-12);
    }

    @Test
    void eventsBeyondTheToleranceAreNeverAligned() {
        AlignmentKappa.Result r = AlignmentKappa.compute(List.of("X"), List.of(Mark.point("X", 0)), List.of(Mark.point("X", 2001)), 2000);
        assertEquals(2, r.alignment().size(), "an omission and a commission, not a pair");
    }

    /** The banded DP must find the same optimum as the full Needleman–Wunsch table (cost: gap 1, substitution 1, incompatible ∞). */
    @Test
    void bandedAlignmentIsOptimal() {
        Random random = new Random(7);
        List<String> codes = List.of("A", "B", "C");
        for (int trial = 0; trial < 300; trial++) {
            List<Mark> a = randomMarks(random, codes);
            List<Mark> b = randomMarks(random, codes);
            long tol = 500 + random.nextInt(2500);
            AlignmentKappa.Result r = AlignmentKappa.compute(codes, a, b, tol);
            int cost = 0;
            for (AlignmentKappa.Pair p : r.alignment()) {
                if (p.first() == null || p.second() == null) cost++;
                else {
                    assertTrue(Math.abs(p.first().onsetMs() - p.second().onsetMs()) <= tol, "aligned pairs are time-compatible");
                    if (!p.agrees()) cost++;
                }
            }
            assertEquals(fullDpCost(sorted(a), sorted(b), tol), cost, "trial " + trial);
        }
    }

    private static List<Mark> randomMarks(Random random, List<String> codes) {
        List<Mark> out = new ArrayList<>();
        long t = 0;
        int n = random.nextInt(25);
        for (int i = 0; i < n; i++) {
            t += random.nextInt(3000);
            out.add(Mark.point(codes.get(random.nextInt(codes.size())), t));
        }
        return out;
    }

    private static List<Mark> sorted(List<Mark> m) {
        List<Mark> s = new ArrayList<>(m);
        s.sort(java.util.Comparator.comparingLong(Mark::onsetMs).thenComparing(Mark::code));
        return s;
    }

    private static int fullDpCost(List<Mark> a, List<Mark> b, long tol) {
        int inf = 1_000_000;
        int[][] d = new int[a.size() + 1][b.size() + 1];
        for (int i = 0; i <= a.size(); i++) d[i][0] = i;
        for (int j = 0; j <= b.size(); j++) d[0][j] = j;
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                Mark x = a.get(i - 1);
                Mark y = b.get(j - 1);
                int s = Math.abs(x.onsetMs() - y.onsetMs()) > tol ? inf : (x.code().equals(y.code()) ? 0 : 1);
                d[i][j] = Math.min(d[i - 1][j - 1] + s, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
            }
        }
        return d[a.size()][b.size()];
    }

    /**
     * A: C_POS 0–10 s, C_DIST 20–30, C_POS 40–42; B: C_POS 1–10, C_POS 20–29, C_DIST 50–60; criterion 60 %.
     * Links: (C_POS 0–10, C_POS 1–10) overlap 9/10; (C_DIST 20–30, C_POS 20–29) overlap 9/10. Unlinked: A's C_POS 40–42, B's C_DIST 50–60.
     * Table (doubled links; P, D, U): PP 2, DP 2, PU 1, UD 1 → N = 6, raw agreement (incl.) = 2/6.
     * Excluding unmatched: [[2,0],[2,0]] → p_o .5, p_e = (2·4)/16 = .5 → κ = 0.
     * κ_ipf: quasi-independence fit f_ij = a_i b_j with f_UU = 0 to rows (3, 2, 1) and columns (4, 1, 1):
     * a = (1.2, .8, .5), b = (1.6, .4, .5) → diagonal P 1.92, D .32 → p_e = 2.24/6 → κ_ipf = (2/6 − 2.24/6)/(1 − 2.24/6).
     * % linked = 2·2/(3 + 3).
     */
    @Test
    void overlapLinkingKappaByHand() {
        List<Mark> a = List.of(Mark.state("C_POS", 0, 10_000), Mark.state("C_DIST", 20_000, 30_000), Mark.state("C_POS", 40_000, 42_000));
        List<Mark> b = List.of(Mark.state("C_POS", 1000, 10_000), Mark.state("C_POS", 20_000, 29_000), Mark.state("C_DIST", 50_000, 60_000));
        OverlapKappa.Result r = OverlapKappa.compute(AFFECT, a, b, 0.6);
        assertArrayEquals(new double[][] {{2, 0, 1}, {2, 0, 0}, {0, 1, 0}}, r.table());
        assertEquals(2.0 / 6, r.rawAgreement().get(), 1e-12);
        assertEquals(0.0, r.kappaExcluding().get(), 1e-12);
        assertEquals((2.0 / 6 - 2.24 / 6) / (1 - 2.24 / 6), r.kappaIpf().get(), 1e-4);
        assertEquals(4.0 / 6, r.proportionLinked(), 1e-12);
        assertEquals(List.of(Mark.state("C_POS", 40_000, 42_000)), r.unmatchedFirst());
    }

    /**
     * The two κ_max of the same table (issue 20): ELAN's maxKappaAll takes classic chance over the whole
     * table, p_e = (3·4 + 2·1 + 1·1)/36 = 15/36, with p_o,max = Σ min(row, column)/N = (3 + 1 + 1)/6 → (30 − 15)/(36 − 15) = 15/21;
     * EasyDIAg's ckappa.m takes chance from the IPF fit, p_e = 2.24/6 → (5/6 − 2.24/6)/(1 − 2.24/6) = 2.76/3.76.
     */
    @Test
    void overlapKappaMaxBothWays() {
        List<Mark> a = List.of(Mark.state("C_POS", 0, 10_000), Mark.state("C_DIST", 20_000, 30_000), Mark.state("C_POS", 40_000, 42_000));
        List<Mark> b = List.of(Mark.state("C_POS", 1000, 10_000), Mark.state("C_POS", 20_000, 29_000), Mark.state("C_DIST", 50_000, 60_000));
        OverlapKappa.Result r = OverlapKappa.compute(AFFECT, a, b, 0.6);
        assertEquals(15.0 / 21, r.kappaMax().get(), 1e-12);
        assertEquals(2.76 / 3.76, r.kappaMaxIpf().get(), 1e-4);
    }

    /**
     * Issue 20: a category nobody used (here C_CLING, declared but never coded) has an empty row and
     * column and takes no part in the IPF — κ_ipf is the same to the last bit as without it (seeding its
     * marginals with 0.001 moved it by up to 5e-5).
     */
    @Test
    void anUnusedCategoryDoesNotMoveKappaIpf() {
        Random random = new Random(20);
        for (int trial = 0; trial < 50; trial++) {
            List<Mark> a = randomBouts(random).stream().filter(m -> !m.code().equals("C")).toList();
            List<Mark> b = randomBouts(random).stream().filter(m -> !m.code().equals("C")).toList();
            OverlapKappa.Result two = OverlapKappa.compute(List.of("A", "B"), a, b, 0.6);
            OverlapKappa.Result three = OverlapKappa.compute(List.of("A", "B", "C"), a, b, 0.6);
            if (!two.kappaIpf().isDefined()) continue;
            assertEquals(two.kappaIpf().get(), three.kappaIpf().get(), 0.0, "trial " + trial);
            assertEquals(two.kappaMaxIpf().get(), three.kappaMaxIpf().get(), 0.0, "trial " + trial);
        }
    }

    /** Issue 20: the pooled overlap row reports every statistic a session's row does, computed over the summed tables. */
    @Test
    void thePooledOverlapRowHasEveryStatisticOfASessionRow() {
        List<Mark> a = List.of(Mark.state("C_POS", 0, 10_000), Mark.state("C_DIST", 20_000, 30_000), Mark.state("C_POS", 40_000, 42_000));
        List<Mark> b = List.of(Mark.state("C_POS", 1000, 10_000), Mark.state("C_POS", 20_000, 29_000), Mark.state("C_DIST", 50_000, 60_000));
        List<Mark> c = List.of(Mark.state("C_POS", 0, 10_000), Mark.state("C_DIST", 20_000, 30_000));
        EventAgreement.Parameters p = new EventAgreement.Parameters(EventAgreement.Method.OVERLAP, 1000, 0, 0.6, true);
        List<EventAgreement.Row> rows = EventAgreement.compute(org.attune.scheme.json.BundledSchemes.defaultScheme(),
                List.of(new EventAgreement.SessionMarks("S01", a, b, 60_000), new EventAgreement.SessionMarks("S02", c, c, 60_000)), p);
        EventAgreement.Row session = rows.stream().filter(r -> r.session().equals("S01") && r.target().equals("AFF_C")).findFirst().orElseThrow();
        EventAgreement.Row pooled = rows.stream().filter(r -> r.session().equals(EventAgreement.POOLED) && r.target().equals("AFF_C")).findFirst().orElseThrow();
        List<String> names = session.statistics().keySet().stream().filter(n -> !n.contains("difference")).toList();
        assertEquals(names, pooled.statistics().keySet().stream().toList());
        // S01's table {{2,0,1},{2,0,0},{0,1,0}} plus S02's two agreeing links {{2,0,0},{0,2,0},{0,0,0}}: raw agreement excl. = 6/8, % linked = 8/10
        assertEquals(6.0 / 8, pooled.statistics().get("raw_agreement_excluding_unmatched").get(), 1e-12);
        assertEquals(8.0 / 10, pooled.statistics().get("proportion_linked").get(), 1e-12);
        assertEquals(OverlapKappa.statistics(new double[][] {{4, 0, 1}, {2, 2, 0}, {0, 1, 0}}).get("kappa_max_ipf").get(),
                pooled.statistics().get("kappa_max_ipf").get(), 1e-12);
    }

    /** Issue 20 item 4: the two readings of the nil–nil term on A×B = [[1,0,1],[1,1,0],[0,1,0]] (x, y, nil), worked by hand. */
    @Test
    void alignmentKappaWithTheNilNilProductLeftOutOfChanceOrKeptIn() {
        double[][] t = {{1, 0, 1}, {1, 1, 0}, {0, 1, 0}};
        assertEquals((0.4 - 8.0 / 25) / (1 - 8.0 / 25), AlignmentKappa.kappaWithStructuralZero(t).get(), 1e-12); // 0.1176
        assertEquals((0.4 - 9.0 / 25) / (1 - 9.0 / 25), AlignmentKappa.kappaNilInChance(t).get(), 1e-12);       // 0.0625
        assertEquals(0.1176, AlignmentKappa.kappaWithStructuralZero(t).get(), 5e-5);
        assertEquals(0.0625, AlignmentKappa.kappaNilInChance(t).get(), 1e-12);
    }

    @Test
    void overlapBelowTheCriterionDoesNotLink() {
        // overlap 5 s of a 10-s bout = 50 % < 60 %
        OverlapKappa.Result r = OverlapKappa.compute(List.of("X"), List.of(Mark.state("X", 0, 10_000)), List.of(Mark.state("X", 5000, 10_000)), 0.6);
        assertEquals(0, r.links().size());
        assertEquals(0.0, r.proportionLinked());
    }

    /** The sweep that finds overlapping bouts must link exactly as comparing every pair would. */
    @Test
    void overlapSweepLinksLikeAllPairs() {
        Random random = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            List<Mark> a = randomBouts(random);
            List<Mark> b = randomBouts(random);
            OverlapKappa.Result r = OverlapKappa.compute(List.of("A", "B", "C"), a, b, 0.6);
            // brute force: all pairs, best first, one-to-one
            record C(Mark x, Mark y, double pct, long raw) {
            }
            List<C> cs = new ArrayList<>();
            for (Mark x : a) for (Mark y : b) {
                long ov = Math.min(x.offsetMs(), y.offsetMs()) - Math.max(x.onsetMs(), y.onsetMs());
                long longer = Math.max(x.offsetMs() - x.onsetMs(), y.offsetMs() - y.onsetMs());
                if (ov > 0 && longer > 0 && ov / (double) longer >= 0.6) cs.add(new C(x, y, ov / (double) longer, ov));
            }
            cs.sort(java.util.Comparator.comparingDouble(C::pct).thenComparingLong(C::raw).reversed());
            java.util.Set<Mark> ua = new java.util.HashSet<>();
            java.util.Set<Mark> ub = new java.util.HashSet<>();
            int links = 0;
            for (C c : cs) {
                if (ua.contains(c.x()) || ub.contains(c.y())) continue;
                ua.add(c.x());
                ub.add(c.y());
                links++;
            }
            assertEquals(links, r.links().size(), "trial " + trial);
        }
    }

    private static List<Mark> randomBouts(Random random) {
        List<Mark> out = new ArrayList<>();
        long t = 0;
        String[] codes = {"A", "B", "C"};
        int n = random.nextInt(30);
        for (int i = 0; i < n; i++) {
            t += random.nextInt(4000);
            long d = 200 + random.nextInt(8000);
            out.add(Mark.state(codes[random.nextInt(3)], t, t + d));
        }
        return out;
    }
}
