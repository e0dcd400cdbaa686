package org.attune.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.attune.coding.EventDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every event, rating and undo step has a stable id, a UUID, from the moment it is created (issue 17): on
 * every path that writes one, kept through undo and redo, and given to the rows of a study from before
 * (schema V4, on a backed-up file).
 */
class StableIdsTest {

    private static final Pattern UUID_V4 = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    @TempDir
    Path dir;

    /** Every uid of a table: all present, all UUIDs, none twice. */
    private static List<String> uids(Study s, String table) throws Exception {
        List<String> out = s.file().read(c -> {
            List<String> all = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT uid FROM " + table + " ORDER BY rowid")) {
                while (rs.next()) all.add(rs.getString(1));
            }
            return all;
        });
        for (String uid : out) assertTrue(uid != null && UUID_V4.matcher(uid).matches(), table + ": not a version-4 UUID: " + uid);
        assertEquals(out.size(), new HashSet<>(out).size(), table + ": a uid given twice");
        return out;
    }

    private static String eventUid(Study s, long eventId) throws Exception {
        return s.file().read(c -> {
            try (var ps = c.prepareStatement("SELECT uid FROM events WHERE id = ?")) {
                ps.setLong(1, eventId);
                ResultSet rs = ps.executeQuery();
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    @Test
    void everyPathThatWritesARowGivesItAnId() throws Exception {
        try (Study s = Study.create(dir.resolve("new.attune"), StudyTest.SCHEME, "x")) {
            long passId = StudyTest.seed(s)[2];
            s.events().add(passId, EventDraft.point("C_BID", 700));
            s.events().startState(passId, EventDraft.state("C_EXPLORE", 1_000, null));
            s.events().startState(passId, EventDraft.state("C_CLING", 2_000, null)); // ends C_EXPLORE in the same step
            s.events().setRating(passId, "R_SENS", 4);
            s.events().setRating(passId, "R_SENS", 5); // the same rating changed: it keeps its id
            s.events().importAll(List.of(new EventRepository.ImportRow("S01", "BK", EventDraft.point("P_BID", 300), 2)));
            assertEquals(4, uids(s, "events").size());
            assertEquals(1, uids(s, "ratings").size());
            int historyRows = s.file().read(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM history")) {
                    return rs.next() ? rs.getInt(1) : -1;
                }
            });
            assertEquals(6, historyRows, "add; add; change + add; rating; rating (imports are not undo steps)");
            assertEquals(historyRows, uids(s, "history").size(), "every undo step's rows");
        }
    }

    @Test
    void undoAndRedoBringAnEventBackWithItsOwnId() throws Exception {
        try (Study s = Study.create(dir.resolve("undo.attune"), StudyTest.SCHEME, "x")) {
            long passId = StudyTest.seed(s)[2];
            long id = s.events().add(passId, EventDraft.point("C_BID", 700)).id();
            String uid = eventUid(s, id);

            s.events().delete(id);
            s.events().undo(passId); // the deletion undone
            assertEquals(uid, eventUid(s, id), "undoing a deletion restores the event's id");

            s.events().undo(passId); // the addition undone
            assertEquals(null, eventUid(s, id));
            s.events().redo(passId); // and redone
            assertEquals(uid, eventUid(s, id), "redoing an addition restores the event's id");

            long other = s.events().add(passId, EventDraft.point("C_BID", 900)).id();
            assertNotEquals(uid, eventUid(s, other), "a new event gets a new id");
            uids(s, "events");
        }
    }

    @Test
    void aStudyFromBeforeGetsIdsForEveryRowOnABackedUpCopy() throws Exception {
        Path file = dir.resolve("v3.attune");
        long passId;
        long kept;
        try (Study s = Study.create(file, StudyTest.SCHEME, "x", List.of(StudySchema.V1, StudySchema.V2, StudySchema.V3))) {
            passId = StudyTest.seed(s)[2];
            List<Long> ids = writeAsVersion1Did(s, passId, 700, 900);
            kept = ids.get(0);
            long gone = ids.get(1);
            // deleted, as Attune before V4 recorded it (the row gone, its image in the history), and a rating
            s.file().write("old edits", c -> {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("DELETE FROM events WHERE id = " + gone);
                    st.executeUpdate("INSERT INTO history (pass_id, step, action, target_id, target_code, before_row, after_row, at) VALUES ("
                            + passId + ", 3, 'delete', " + gone + ", 'C_BID', '" + RowCodec.encode(EventDraft.point("C_BID", 900)) + "', NULL, 0)");
                    st.executeUpdate("INSERT INTO ratings (pass_id, code, value, updated_at) VALUES (" + passId + ", 'R_SENS', 3, 0)");
                    st.executeUpdate("INSERT INTO history (pass_id, step, action, target_code, before_row, after_row, at) VALUES ("
                            + passId + ", 4, 'rating', 'R_SENS', NULL, '3', 0)");
                }
                return null;
            });
        }
        try (Study s = Study.open(file)) {
            assertEquals(StudySchema.currentVersion(StudySchema.MIGRATIONS), s.file().read(StudySchema::userVersion));
            assertEquals(1, uids(s, "events").size());
            assertEquals(1, uids(s, "ratings").size());
            assertEquals(4, uids(s, "history").size(), "add, add, delete, rating");
            String uid = eventUid(s, kept);
            String recorded = s.file().read(c -> {
                try (var ps = c.prepareStatement("SELECT target_uid FROM history WHERE target_id = ? AND action = 'add'")) {
                    ps.setLong(1, kept);
                    ResultSet rs = ps.executeQuery();
                    return rs.next() ? rs.getString(1) : null;
                }
            });
            assertEquals(uid, recorded, "the history knows the uid of an event that is still there");

            // the deletion made before V4 can still be undone: the event comes back, with a new id
            s.events().undo(passId); // the rating
            s.events().undo(passId); // the deletion
            assertEquals(2, uids(s, "events").size());
        }
        try (var files = Files.list(dir)) {
            Set<String> names = new HashSet<>(files.map(p -> p.getFileName().toString()).toList());
            assertTrue(names.stream().anyMatch(n -> n.startsWith("v3.attune.v3-backup-")), "a backup before migrating: " + names);
        }
        try (Study old = Study.openReadOnly(dir.resolve(backup(dir, "v3.attune.v3-backup-")))) {
            assertEquals(3, old.file().read(StudySchema::userVersion), "the backup is the old version, untouched");
            assertEquals(Map.of("R_SENS", 3), old.events().ratings(passId));
        }
    }

    @Test
    void salvageKeepsTheEventsIds() throws Exception {
        Path file = dir.resolve("whole.attune");
        long id;
        String uid;
        try (Study s = Study.create(file, StudyTest.SCHEME, "x")) {
            long passId = StudyTest.seed(s)[2];
            id = s.events().add(passId, EventDraft.point("C_BID", 700)).id();
            uid = eventUid(s, id);
        }
        Salvage.salvage(file, dir.resolve("salvaged.attune"), java.util.Optional.empty());
        try (Study s = Study.openReadOnly(dir.resolve("salvaged.attune"))) {
            assertEquals(uid, eventUid(s, id), "the same event, the same id, in the study salvage made");
        }
    }

    /**
     * Events written as the versions before stable ids wrote them (their SQL, on an older file: the current
     * code writes only to files it has migrated), each an undo step of its own. Returns their ids.
     */
    static List<Long> writeAsVersion1Did(Study s, long passId, long... onsetsMs) throws Exception {
        return s.file().write("old events", c -> {
            List<Long> ids = new ArrayList<>();
            long step = 1;
            for (long onset : onsetsMs) {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO events (pass_id, code, onset_ms, offset_ms, modifiers, comment, created_at, updated_at) VALUES ("
                            + passId + ", 'C_BID', " + onset + ", NULL, '', '', 0, 0)");
                    long id = StudySchema.lastId(c);
                    ids.add(id);
                    st.executeUpdate("INSERT INTO history (pass_id, step, action, target_id, target_code, before_row, after_row, at) VALUES ("
                            + passId + ", " + step++ + ", 'add', " + id + ", 'C_BID', NULL, '" + RowCodec.encode(EventDraft.point("C_BID", onset)) + "', 0)");
                }
            }
            return ids;
        });
    }

    private static String backup(Path dir, String prefix) throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).findFirst().orElseThrow();
        }
    }
}
