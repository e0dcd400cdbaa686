package org.attune.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a study with its integrity check alongside (issue 16): what was read comes out only when the check
 * passed. The damage used here — an index that no longer matches its table, found only by SQLite's full check —
 * leaves every event readable, so a read that did not wait for the check would hand out its result.
 */
class CheckedReadTest {

    @TempDir
    Path dir;

    private Path sample(String name) throws Exception {
        Path file = dir.resolve(name);
        Files.copy(Path.of("..", "sample-sessions", "sample-study.attune"), file);
        return file;
    }

    /** Redefines the unique index on events' ids over another column, without rebuilding it. */
    private static void damageAnIndex(Path file) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); var st = c.createStatement()) {
            st.execute("PRAGMA writable_schema=ON");
            st.executeUpdate("UPDATE sqlite_master SET sql = 'CREATE UNIQUE INDEX events_by_uid ON events (comment)' WHERE name = 'events_by_uid'");
        }
    }

    private static int events(Study s) throws StudyException {
        int[] n = {0};
        s.events().forEachTiming(java.util.Set.of(), java.util.Set.of(), (session, coder, code, onset, offset, running) -> n[0]++);
        return n[0];
    }

    @Test
    void whatWasReadComesOutOnlyWhenTheCheckPassed() throws Exception {
        Path good = sample("good.attune");
        int all;
        try (Study s = Study.openReadOnly(good)) {
            all = events(s);
        }
        assertEquals(192, all, "the sample study's six passes");
        assertEquals(all, CheckedRead.of(good, CheckedReadTest::events));

        Path damaged = sample("damaged.attune");
        damageAnIndex(damaged);
        int[] readAnyway = {0};
        StudyException e = assertThrows(StudyException.class, () -> CheckedRead.of(damaged, s -> readAnyway[0] = events(s)));
        assertEquals(all, readAnyway[0], "the events themselves could be read");
        assertEquals(StudyException.Kind.DAMAGED, e.kind());
        assertTrue(e.getMessage().startsWith("damaged.attune is damaged (row 1 missing from index events_by_uid"), e.getMessage());
        assertTrue(e.getMessage().contains("attune study salvage"), e.getMessage());
    }

    @Test
    void aStudyOpenedAheadIsTakenOverByTheReadOfThatFileOnly() throws Exception {
        Path damaged = sample("ahead.attune");
        damageAnIndex(damaged);
        CheckedRead.prefetch(damaged);
        Path other = sample("other.attune");
        assertTrue(CheckedRead.of(other, CheckedReadTest::events) > 0, "another file is read as usual, leaving the one ahead waiting");
        StudyException e = assertThrows(StudyException.class, () -> CheckedRead.of(dir.resolve(".").resolve("ahead.attune"), CheckedReadTest::events));
        assertTrue(e.getMessage().startsWith("ahead.attune is damaged"), "the check made ahead is the one waited for: " + e.getMessage());
        assertTrue(CheckedRead.of(other, CheckedReadTest::events) > 0);
    }

    @Test
    void notAStudyIsRefusedAsAnOpenRefusesIt() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.attune"), "just text");
        StudyException e = assertThrows(StudyException.class, () -> CheckedRead.of(text, CheckedReadTest::events));
        assertTrue(e.getMessage().startsWith("notes.attune is not an Attune study"), e.getMessage());
    }
}
