package org.attune.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two coders' passes matched for a consensus, by hand (1-s tolerance, 60 % overlap): AL codes positive affect 0–5 s,
 * distress 5–10 s, parent bids at 2.0 and 7.0 s; BK codes positive affect 0–5.4 s (agrees: same onset, offset 0.4 s
 * off), positive affect again 5.4–10 s (where AL has distress: the same group, a different code), a parent bid at
 * 2.3 s (agrees) and a child bid at 8.5 s (no parent bid near it, and a child's bid is not a parent's).
 */
class ConsensusPlanTest {

    static final List<ConsensusPlan.Side> AL = List.of(
            new ConsensusPlan.Side(1, "C_POS", 0, 5_000, false), new ConsensusPlan.Side(2, "C_DIST", 5_000, 10_000, false),
            new ConsensusPlan.Side(3, "P_BID", 2_000, 2_000, true), new ConsensusPlan.Side(4, "P_BID", 7_000, 7_000, true));
    static final List<ConsensusPlan.Side> BK = List.of(
            new ConsensusPlan.Side(11, "C_POS", 0, 5_400, false), new ConsensusPlan.Side(12, "C_POS", 5_400, 10_000, false),
            new ConsensusPlan.Side(13, "P_BID", 2_300, 2_300, true), new ConsensusPlan.Side(14, "C_BID", 8_500, 8_500, true));

    @Test
    void agreementsAreTakenOverAndTheRestIsToDecideInTimeOrder() {
        ConsensusPlan.Plan plan = ConsensusPlan.of(CriterionCheckTest.SCHEME, AL, BK, 1000, 0.6);
        assertEquals(List.of("a1/b11", "a3/b13"), plan.agreed().stream().map(ConsensusPlan.Item::key).toList());
        assertEquals(List.of("a2/b12", "a4", "b14"), plan.disagreements().stream().map(ConsensusPlan.Item::key).toList());
        assertEquals(List.of(ConsensusPlan.Kind.DIFFERENT, ConsensusPlan.Kind.ONLY_FIRST, ConsensusPlan.Kind.ONLY_SECOND),
                plan.disagreements().stream().map(ConsensusPlan.Item::kind).toList());
        assertEquals(List.of(5_000L, 7_000L, 8_500L), plan.disagreements().stream().map(ConsensusPlan.Item::atMs).toList());
    }

    @Test
    void statesAgreeByOverlapOrByBothEnds() {
        ConsensusPlan.Side a = new ConsensusPlan.Side(1, "C_POS", 0, 10_000, false);
        assertEquals(true, ConsensusPlan.agree(a, new ConsensusPlan.Side(2, "C_POS", 3_000, 10_000, false), 1000, 0.6), "7 s of 10 shared: 70 %");
        assertEquals(false, ConsensusPlan.agree(a, new ConsensusPlan.Side(2, "C_POS", 5_000, 10_000, false), 1000, 0.6), "5 of 10: 50 %");
        assertEquals(true, ConsensusPlan.agree(new ConsensusPlan.Side(1, "C_POS", 0, 1_000, false), new ConsensusPlan.Side(2, "C_POS", 900, 1_800, false), 1000, 0.6),
                "short bouts: both ends within the tolerance");
        assertEquals(false, ConsensusPlan.agree(new ConsensusPlan.Side(1, "P_BID", 0, 0, true), new ConsensusPlan.Side(2, "P_BID", 1_001, 1_001, true), 1000, 0.6));
    }

    @Test
    void byOnsetsAStateAgreesWhateverItsLength() {
        List<ConsensusPlan.Side> al = List.of(new ConsensusPlan.Side(1, "C_POS", 0, 10_000, false));
        List<ConsensusPlan.Side> bk = List.of(new ConsensusPlan.Side(2, "C_POS", 500, 3_000, false));
        assertEquals(0, ConsensusPlan.of(CriterionCheckTest.SCHEME, al, bk, ConsensusPlan.Matching.OVERLAP, 1000, 0.6).agreed().size(), "2.5 s of 10 shared");
        assertEquals(List.of("a1/b2"), ConsensusPlan.of(CriterionCheckTest.SCHEME, al, bk, ConsensusPlan.Matching.ONSETS, 1000, 0.6).agreed().stream()
                .map(ConsensusPlan.Item::key).toList(), "onsets 0.5 s apart");
    }
}
