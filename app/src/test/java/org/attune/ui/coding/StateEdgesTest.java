package org.attune.ui.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.attune.coding.CodedEvent;
import org.attune.coding.Modifiers;
import org.junit.jupiter.api.Test;

/** Taking a state's edge on the timeline, hand-worked at 10 ms a pixel (an edge is taken within 4 px = 40 ms). */
class StateEdgesTest {

    static CodedEvent bout(long id, String code, long on, Long off) {
        return new CodedEvent(id, 1, code, on, off, Modifiers.NONE, "");
    }

    final CodedEvent first = bout(1, "A", 1_000, 2_000L);
    final CodedEvent other = bout(2, "B", 1_500, 2_500L);
    final CodedEvent second = bout(3, "A", 2_500, 3_000L);
    final CodedEvent running = bout(4, "A", 5_000, null);
    final List<CodedEvent> pass = List.of(first, other, second, running);
    static final long LONGEST = 1_000;

    Optional<StateEdges.Edge> at(String code, double ms) {
        return StateEdges.near(pass, LONGEST, code, ms, 10, 7_000, 10_000);
    }

    @Test
    void anOnsetMovesFromThePreviousBoutsEndToItsOwnOffset() {
        assertEquals(Optional.of(new StateEdges.Edge(first, true, 0, 2_000)), at("A", 1_030), "3 px from the onset");
        assertEquals(Optional.of(new StateEdges.Edge(second, true, 2_000, 3_000)), at("A", 2_480), "2 px: after the first bout's end");
    }

    @Test
    void anOffsetMovesFromItsOwnOnsetToTheNextBout() {
        assertEquals(Optional.of(new StateEdges.Edge(second, false, 2_500, 5_000)), at("A", 2_960), "4 px from the offset; the running bout starts at 5 s");
        assertEquals(Optional.of(new StateEdges.Edge(first, false, 1_000, 2_500)), at("A", 2_010));
    }

    @Test
    void aRunningStatesOnsetStopsAtThePlayhead() {
        assertEquals(Optional.of(new StateEdges.Edge(running, true, 3_000, 7_000)), at("A", 5_010));
    }

    @Test
    void nothingFartherThanFourPixelsNorInAnotherLane() {
        assertTrue(at("A", 1_050).isEmpty(), "5 px away");
        assertTrue(at("A", 4_000).isEmpty(), "between bouts");
        assertEquals(Optional.of(new StateEdges.Edge(other, true, 0, 2_500)), at("B", 1_500), "B's own lane has B's bout");
        assertEquals(3, StateEdges.firstAtOrAfter(pass, 2_501));
        assertEquals(0, StateEdges.firstAtOrAfter(pass, 0));
    }
}
