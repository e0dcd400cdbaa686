package org.attune.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.json.BundledSchemes;
import org.junit.jupiter.api.Test;

/** How imported rows merge with stored events (docs/events-csv.md), case by case. */
class ImportMergeTest {

    static final CodingScheme SCHEME = BundledSchemes.defaultScheme();

    private static CodedEvent stored(long id, EventDraft d) {
        return new CodedEvent(id, 1, d.code(), d.onsetMs(), d.offsetMs(), d.modifiers(), d.comment());
    }

    private static ImportMerge.Incoming row(int line, EventDraft d) {
        return new ImportMerge.Incoming(line, "S1", "A", d);
    }

    private static ImportMerge.Plan plan(List<CodedEvent> stored, ImportMerge.Incoming... rows) {
        return ImportMerge.plan(SCHEME, Map.of(ImportMerge.passKey("S1", "A"), stored), List.of(rows));
    }

    @Test
    void eachStoredEventAbsorbsOneIdenticalRow() {
        EventDraft bid = EventDraft.point("C_BID", 4_000);
        ImportMerge.Plan p = plan(List.of(stored(1, bid)), row(2, bid), row(3, bid));
        assertEquals(1, p.duplicates().size());
        assertEquals(List.of(3), p.conflicts().stream().map(ImportMerge.Conflict::line).toList());
        assertTrue(p.conflicts().get(0).message().contains("is in the file more often than it is stored"), p.conflicts().toString());
    }

    @Test
    void aRunningStoredStateReachesToTheEndOfTheSession() {
        ImportMerge.Plan p = plan(List.of(stored(1, EventDraft.state("C_EXPLORE", 5_000, null))),
                row(2, EventDraft.state("C_EXPLORE", 1_000, 4_999L)), row(3, EventDraft.state("C_EXPLORE", 60_000, 61_000L)),
                row(4, EventDraft.state("C_CLING", 90_000, 91_000L)));
        assertEquals(List.of(3, 4), p.conflicts().stream().map(ImportMerge.Conflict::line).toList(), "before it fits; after its onset it clashes");
        assertEquals(1, p.toAdd().size());
    }

    @Test
    void boutsThatOnlyTouchDoNotOverlap() {
        ImportMerge.Plan p = plan(List.of(stored(1, EventDraft.state("P_POS", 0, 1_700L)), stored(2, EventDraft.state("P_POS", 3_000, 4_000L))),
                row(2, EventDraft.state("P_POS", 1_700, 3_000L)));
        assertTrue(p.ok(), p.conflicts().toString());
        assertEquals(1, p.toAdd().size());
    }

    @Test
    void anOtherPassIsNotCheckedAgainstThisOne() {
        ImportMerge.Plan p = ImportMerge.plan(SCHEME, Map.of(ImportMerge.passKey("S1", "A"), List.of(stored(1, EventDraft.state("P_POS", 0, 1_700L)))),
                List.of(new ImportMerge.Incoming(2, "S1", "B", EventDraft.state("P_POS", 0, 1_700L))));
        assertTrue(p.ok());
        assertEquals(1, p.toAdd().size());
        assertEquals(0, p.duplicates().size());
    }
}
