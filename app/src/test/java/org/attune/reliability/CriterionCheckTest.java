package org.attune.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.attune.agreement.AgreementInput;
import org.attune.agreement.EventAgreement;
import org.attune.agreement.Mark;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.json.BundledSchemes;
import org.junit.jupiter.api.Test;

/**
 * The criterion judged on hand-computed cases. A 10-s session in 1-s units; the gold standard codes child
 * positive affect (C_POS) for 0–5 s and distress (C_DIST) for 5–10 s (group AFF_C). A trainee who moves the change
 * to 6 s disagrees on 1 unit of 10: P_o = .9; marginals gold 5/5, trainee 6/4, so P_e = (5·6 + 5·4)/100 = .5 and
 * κ = (.9 − .5)/(1 − .5) = .80. Moving it to 7 s: P_o = .8, P_e = (5·7 + 5·3)/100 = .5, κ = .60. Each code's own
 * present/absent table gives the same κ in both cases (one unit, or two, off of ten with the same margins).
 */
class CriterionCheckTest {

    static final CodingScheme SCHEME = BundledSchemes.defaultScheme();

    static List<Mark> affect(long changeMs) {
        return List.of(AgreementInput.mark(SCHEME, "C_POS", 0, changeMs), AgreementInput.mark(SCHEME, "C_DIST", changeMs, 10_000));
    }

    static EventAgreement.SessionMarks session(String label, long traineeChangeMs) {
        return new EventAgreement.SessionMarks(label, affect(5_000), affect(traineeChangeMs), 10_000);
    }

    private static Criterion criterion(double threshold, Criterion.Scope scope, int minEvents) {
        return new Criterion(EventAgreement.Method.TIME_UNIT, 1000, 0, threshold, scope, minEvents, 3);
    }

    @Test
    void eachGroupTakesTheLowestGroupKappaThatCanBeComputed() {
        CriterionCheck.Judgement j = CriterionCheck.judge(SCHEME, criterion(0.80, Criterion.Scope.EACH_GROUP, 10), session("T1", 6_000));
        assertEquals(0.80, j.value(), 1e-12);
        assertTrue(j.meets(), "κ = .80 meets a criterion of .80");
        CriterionCheck.Part aff = j.parts().stream().filter(p -> p.target().equals("AFF_C")).findFirst().orElseThrow();
        assertTrue(aff.counted());
        CriterionCheck.Part avail = j.parts().stream().filter(p -> p.target().equals("P_AVAIL")).findFirst().orElseThrow();
        assertFalse(avail.counted(), "neither coded parent unavailability: its κ cannot be computed and does not count");
        assertTrue(avail.why().startsWith("κ undefined"), avail.why());
        assertTrue(j.parts().stream().filter(p -> p.kind().equals("code")).noneMatch(CriterionCheck.Part::counted), "codes do not count for each-group");

        CriterionCheck.Judgement worse = CriterionCheck.judge(SCHEME, criterion(0.80, Criterion.Scope.EACH_GROUP, 10), session("T1", 7_000));
        assertEquals(0.60, worse.value(), 1e-12);
        assertFalse(worse.meets());
    }

    @Test
    void overallAveragesTheGroupsAndTheCodesWithEnoughEvents() {
        CriterionCheck.Judgement j = CriterionCheck.judge(SCHEME, criterion(0.75, Criterion.Scope.OVERALL, 2), session("T1", 7_000));
        assertEquals(List.of("AFF_C", "C_POS", "C_DIST"), j.parts().stream().filter(CriterionCheck.Part::counted).map(CriterionCheck.Part::target).toList());
        assertEquals(0.60, j.value(), 1e-12, "(.60 + .60 + .60) / 3");
        assertFalse(j.meets());
    }

    @Test
    void eachCodeNeedsCodesWithEnoughEventsOrThereIsNothingToJudge() {
        CriterionCheck.Judgement two = CriterionCheck.judge(SCHEME, criterion(0.80, Criterion.Scope.EACH_CODE, 2), session("T1", 6_000));
        assertEquals(0.80, two.value(), 1e-12);
        assertTrue(two.meets());
        CriterionCheck.Judgement three = CriterionCheck.judge(SCHEME, criterion(0.80, Criterion.Scope.EACH_CODE, 3), session("T1", 6_000));
        assertTrue(Double.isNaN(three.value()), "each code has 2 events, fewer than 3");
        assertFalse(three.meets(), "nothing to judge is not meeting the criterion");
        assertEquals("fewer than 3 events", three.parts().stream().filter(p -> p.target().equals("C_POS")).findFirst().orElseThrow().why());
    }

    @Test
    void theCriterionIsStoredAndDescribedAsAMethodsSectionGivesIt() {
        Criterion c = new Criterion(EventAgreement.Method.TIME_UNIT, 1000, 2000, 0.75, Criterion.Scope.EACH_CODE, 10, 2);
        assertEquals(c, Criterion.fromSettings(c.toSettings()));
        assertEquals("time-unit κ (1-s units, ±2 s tolerance) ≥ .75 for each code with at least 10 events, on 2 consecutive training sessions", c.describe());
        assertEquals(Criterion.DEFAULT, Criterion.fromSettings(Map.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Criterion.fromSettings(Map.of("threshold", "high")));
        assertEquals("the criterion's threshold \"high\" is not a number", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Criterion(EventAgreement.Method.TIME_UNIT, 1000, 0, 1.2, Criterion.Scope.OVERALL, 10, 3));
        assertThrows(IllegalArgumentException.class, () -> new Criterion(EventAgreement.Method.BORIS, 1000, 0, 0.8, Criterion.Scope.OVERALL, 10, 3));
    }
}
