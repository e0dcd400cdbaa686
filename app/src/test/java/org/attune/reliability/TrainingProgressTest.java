package org.attune.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.attune.agreement.EventAgreement;
import org.junit.jupiter.api.Test;

/** Training to criterion: κ = .60, .80, 1.00 on three training sessions (CriterionCheckTest's cases), two in a row needed at .80. */
class TrainingProgressTest {

    private static TrainingProgress.Judged judged(String session, String finishedAt, long traineeChangeMs) {
        Criterion c = new Criterion(EventAgreement.Method.TIME_UNIT, 1000, 0, 0.80, Criterion.Scope.EACH_GROUP, 10, 2);
        return new TrainingProgress.Judged(session, finishedAt, CriterionCheck.judge(CriterionCheckTest.SCHEME, c, CriterionCheckTest.session(session, traineeChangeMs)));
    }

    @Test
    void theCriterionIsReachedWithTheThirdSessionTheSecondInARowToMeetIt() {
        TrainingProgress.Progress p = TrainingProgress.of("TR", List.of(
                judged("T3", "2026-03-12T10:00:00Z", 5_000), // handed in out of order: the finishing dates order them
                judged("T1", "2026-03-02T10:00:00Z", 7_000),
                judged("T2", "2026-03-05T10:00:00Z", 6_000)), 2);
        assertEquals(List.of("T1", "T2", "T3"), p.steps().stream().map(TrainingProgress.Step::session).toList());
        assertEquals(List.of(0, 1, 2), p.steps().stream().map(TrainingProgress.Step::run).toList());
        assertEquals("T3", p.reached().orElseThrow().session());
        assertEquals("2026-03-12T10:00:00Z", p.reached().orElseThrow().finishedAt());
        assertEquals(0, p.stillNeeded(2));
    }

    @Test
    void aSessionBelowTheCriterionStartsTheRunAgain() {
        TrainingProgress.Progress p = TrainingProgress.of("TR", List.of(
                judged("T1", "2026-03-02", 6_000), judged("T2", "2026-03-03", 7_000), judged("T3", "2026-03-04", 6_000)), 2);
        assertEquals(List.of(1, 0, 1), p.steps().stream().map(TrainingProgress.Step::run).toList());
        assertTrue(p.reached().isEmpty());
        assertEquals(1, p.stillNeeded(2));
        assertEquals(2, TrainingProgress.of("NEW", List.of(), 2).stillNeeded(2));
    }
}
