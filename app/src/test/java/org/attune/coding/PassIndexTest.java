package org.attune.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PassIndexTest {

    private static CodedEvent state(long id, String code, long on, Long off) {
        return new CodedEvent(id, 1, code, on, off, null, null);
    }

    @Test
    void keepsRunningStatesAndBoutsAsEventsChange() {
        PassIndex index = PassIndex.of(List.of(state(1, "GAZE", 1_000, 2_000L), state(2, "GAZE", 5_000, 6_000L), state(3, "DIST", 500, null),
                new CodedEvent(4, 1, "BID", 700, 700L, null, null)), code -> !code.equals("BID"));
        assertEquals(Map.of("DIST", state(3, "DIST", 500, null)), index.running());
        assertEquals(Optional.of(1L), index.boutAt("GAZE", 1_500).map(CodedEvent::id), "inside the first bout");
        assertEquals(Optional.of(1L), index.boutAt("GAZE", 1_000).map(CodedEvent::id), "its first frame is inside");
        assertEquals(Optional.empty(), index.boutAt("GAZE", 2_000), "its offset is not: the next bout may start there");
        assertEquals(Optional.of(2L), index.nextBout("GAZE", 2_000).map(CodedEvent::id), "a bout starting at 2 s must end by the second bout");
        assertEquals(Optional.of(2L), index.nextBout("GAZE", 1_000).map(CodedEvent::id), "the next bout is the one after, not the one starting there");
        assertEquals(Optional.empty(), index.boutAt("GAZE", 6_000));
        assertEquals(Optional.empty(), index.nextBout("GAZE", 5_000), "after the last bout: free");
        assertEquals(Optional.empty(), index.boutAt("BID", 700), "points are not indexed");

        index.put(state(3, "DIST", 500, 900L));     // stopped
        assertTrue(index.running().isEmpty());
        index.put(state(2, "GAZE", 5_000, null));  // its offset undone: running again, and no longer a bout to end before
        assertEquals(Optional.of(2L), index.running("GAZE").map(CodedEvent::id));
        assertEquals(Optional.empty(), index.nextBout("GAZE", 3_000));
        index.remove(1);
        assertEquals(Optional.empty(), index.boutAt("GAZE", 1_500));
    }
}
