package org.attune.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.attune.agreement.EventAgreement;
import org.junit.jupiter.api.Test;

/** Drift: four re-checks of AL and BK a week apart, the third below the criterion (κ = .60, CriterionCheckTest's case). */
class DriftTest {

    private static Drift.Check check(String session, String finishedAt, long changeMs) {
        Criterion c = new Criterion(EventAgreement.Method.TIME_UNIT, 1000, 0, 0.80, Criterion.Scope.EACH_GROUP, 10, 3);
        return new Drift.Check("AL", "BK", session, finishedAt, CriterionCheck.judge(CriterionCheckTest.SCHEME, c, CriterionCheckTest.session(session, changeMs)));
    }

    @Test
    void aCheckBelowTheCriterionIsWarnedOfWithItsWeek() {
        Drift.Report r = Drift.of(List.of(
                check("S04", "2026-03-23T16:00:00Z", 5_000),
                check("S01", "2026-03-02T09:00:00Z", 5_000),
                check("S02", "2026-03-09T09:00:00Z", 6_000),
                check("S03", "2026-03-19T11:30:00Z", 7_000)));
        assertEquals(1, r.pairs().size());
        assertEquals(List.of("S01", "S02", "S03", "S04"), r.pairs().get(0).checks().stream().map(Drift.Check::session).toList(), "in time order");
        assertEquals(List.of("2026-W10", "2026-W11", "2026-W12", "2026-W13"), r.weeks());
        assertEquals(1, r.warnings().size());
        assertEquals("S03", r.warnings().get(0).session());
        assertEquals("2026-W12", r.warnings().get(0).week(), "19 March 2026 is a Thursday of ISO week 12");
        assertEquals((1.0 + 0.8 + 0.6 + 1.0) / 4, r.pairs().get(0).mean(), 1e-12);
    }

    @Test
    void isoWeeksAtTheTurnOfTheYear() {
        assertEquals("2026-W53", Drift.weekOf("2027-01-01").orElseThrow(), "1 January 2027 is a Friday: the last week of 2026");
        assertEquals("2026-W01", Drift.weekOf("2025-12-29T08:00:00Z").orElseThrow(), "29 December 2025 is the Monday of 2026's first week");
        assertEquals(java.util.Optional.empty(), Drift.weekOf("soon"));
    }
}
