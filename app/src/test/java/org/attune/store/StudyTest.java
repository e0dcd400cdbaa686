package org.attune.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attune.coding.CodedEvent;
import org.attune.coding.Coder;
import org.attune.coding.CodingPass;
import org.attune.coding.EventDraft;
import org.attune.coding.MediaFile;
import org.attune.coding.Modifiers;
import org.attune.coding.NewMedia;
import org.attune.coding.PassStatus;
import org.attune.coding.Session;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.json.BundledSchemes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guarantees of the study file, each against a real SQLite file in a temporary folder. */
class StudyTest {

    static final CodingScheme SCHEME = BundledSchemes.defaultScheme();

    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void setUp() {
        file = dir.resolve("free-play.attune");
    }

    /** A study with one session, one coder and their pass. */
    static long[] seed(Study s) throws StudyException {
        Session session = s.addSession(new Session(0, "S01", "D01", "2026-03-02", 18.5, "free play", "", Map.of("site", "Leiden")));
        Coder coder = s.addCoder("Ana Lopes", "AL");
        CodingPass pass = s.pass(session.id(), coder.id());
        return new long[] {session.id(), coder.id(), pass.id()};
    }

    @Test
    void everythingWrittenIsThereAfterReopening() throws Exception {
        long passId;
        try (Study s = Study.create(file, SCHEME, "Free play 2026")) {
            passId = seed(s)[2];
            s.events().add(passId, EventDraft.point("C_BID", 1200).withModifiers(Modifiers.single("type", "share")));
            s.events().add(passId, EventDraft.state("P_GAZE", 1000, 4000L));
            s.events().setRating(passId, "R_SENS", 4);
            s.setPassStatus(passId, PassStatus.IN_PROGRESS);
        }
        try (Study s = Study.open(file)) {
            assertFalse(s.isReadOnly());
            assertEquals("Free play 2026", s.name());
            assertEquals(SCHEME, s.scheme(), "the scheme snapshot round-trips");
            Session session = s.session("S01").orElseThrow();
            assertEquals(18.5, session.childAgeMonths());
            assertEquals(Map.of("site", "Leiden"), session.metadata());
            List<CodedEvent> events = s.events().list(passId);
            assertEquals(List.of("P_GAZE", "C_BID"), events.stream().map(CodedEvent::code).toList(), "onset order");
            assertEquals(Modifiers.single("type", "share"), events.get(1).modifiers());
            assertEquals(Map.of("R_SENS", 4), s.events().ratings(passId));
            CodingPass pass = s.passes().get(0);
            assertEquals(PassStatus.IN_PROGRESS, pass.status());
            assertTrue(pass.startedAt() != null);
        }
    }

    @Test
    void anAcknowledgedEditIsAlreadyInTheFile() throws Exception {
        try (Study s = Study.create(file, SCHEME, "x")) {
            long passId = seed(s)[2];
            CodedEvent e = s.events().add(passId, EventDraft.point("P_INTRUDE", 5000));
            // an independent connection sees it while the study is still open: the commit has happened
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                 var rs = other.createStatement().executeQuery("SELECT code, onset_ms FROM events WHERE id = " + e.id())) {
                assertTrue(rs.next());
                assertEquals("P_INTRUDE", rs.getString(1));
                assertEquals(5000, rs.getLong(2));
            }
        }
    }

    @Test
    void walAndFullSynchronousAreInForce() throws Exception {
        try (Study s = Study.create(file, SCHEME, "x"); Statement st = s.file().connection.createStatement()) {
            var rs = st.executeQuery("PRAGMA journal_mode");
            rs.next();
            assertEquals("wal", rs.getString(1));
            rs = st.executeQuery("PRAGMA synchronous");
            rs.next();
            assertEquals(2, rs.getInt(1), "FULL");
            rs = st.executeQuery("PRAGMA foreign_keys");
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
    }

    @Test
    void undoAndRedoSurviveARestart() throws Exception {
        long passId;
        CodedEvent bid;
        try (Study s = Study.create(file, SCHEME, "x")) {
            passId = seed(s)[2];
            bid = s.events().add(passId, EventDraft.point("C_BID", 1000));
            s.events().change(bid.id(), EventDraft.point("C_BID", 1500).withComment("moved"));
            CodedEvent gaze = s.events().add(passId, EventDraft.state("P_GAZE", 2000, 3000L));
            s.events().delete(gaze.id());
            assertEquals(Optional.of("delete P_GAZE"), s.events().undo(passId).map(EventLog::describe));
        }
        try (Study s = Study.open(file)) {
            EventRepository log = s.events();
            assertEquals(List.of("C_BID", "P_GAZE"), log.list(passId).stream().map(CodedEvent::code).toList(), "the undone delete stays undone");
            assertTrue(log.canRedo(passId));
            log.undo(passId); // undo the add of P_GAZE
            log.undo(passId); // undo the change of C_BID
            assertEquals(1000, log.get(bid.id()).orElseThrow().onsetMs());
            assertEquals("", log.get(bid.id()).orElseThrow().comment());
            log.redo(passId);
            assertEquals(1500, log.get(bid.id()).orElseThrow().onsetMs());
            assertEquals("moved", log.get(bid.id()).orElseThrow().comment());
            log.undo(passId);
            log.undo(passId);
            assertEquals(List.of(), log.list(passId));
            assertFalse(log.canUndo(passId));
            assertEquals(Optional.empty(), log.undo(passId));
            log.redo(passId);
            assertEquals(List.of(bid.id()), log.list(passId).stream().map(CodedEvent::id).toList(), "redo restores the event under its own id");
            log.add(passId, EventDraft.point("P_BID", 9000));
            assertFalse(log.canRedo(passId), "a new edit discards the redo branch");
        }
    }

    @Test
    void startingAStateEndsItsGroupInOneUndoStep() throws Exception {
        try (Study s = Study.create(file, SCHEME, "x")) {
            long passId = seed(s)[2];
            CodedEvent pos = s.events().startState(passId, EventDraft.state("C_POS", 1000, null));
            CodedEvent follow = s.events().startState(passId, EventDraft.state("P_FOLLOW", 1500, null));
            CodedEvent dist = s.events().startState(passId, EventDraft.state("C_DIST", 4000, null));
            assertEquals(Long.valueOf(4000), s.events().get(pos.id()).orElseThrow().offsetMs(), "C_POS ends when C_DIST starts");
            assertEquals(null, s.events().get(follow.id()).orElseThrow().offsetMs(), "P_FOLLOW is not in AFF_C");
            s.events().startState(passId, EventDraft.state("P_DISENG", 5000, null));
            assertEquals(Long.valueOf(5000), s.events().get(follow.id()).orElseThrow().offsetMs(), "P_DISENG excludes P_FOLLOW");
            assertEquals(List.of(dist.id(), s.events().running(passId).get(1).id()), s.events().running(passId).stream().map(CodedEvent::id).toList());
            s.events().undo(passId);
            assertEquals(null, s.events().get(follow.id()).orElseThrow().offsetMs(), "one undo restores the ended state too");
            assertEquals(List.of(pos.id(), follow.id(), dist.id()).size(), s.events().list(passId).size());
        }
    }

    @Test
    void aRunningStateIsStillRunningAfterReopening() throws Exception {
        long passId;
        try (Study s = Study.create(file, SCHEME, "x")) {
            passId = seed(s)[2];
            s.events().startState(passId, EventDraft.state("C_EXPLORE", 12_000, null));
        }
        try (Study s = Study.open(file)) {
            List<CodedEvent> running = s.events().running(passId);
            assertEquals(1, running.size());
            assertEquals("C_EXPLORE", running.get(0).code());
            assertTrue(running.get(0).isRunning());
        }
    }

    @Test
    void eventsThatDoNotFitTheSchemeAreRefusedAndNothingIsWritten() throws Exception {
        try (Study s = Study.create(file, SCHEME, "x")) {
            long passId = seed(s)[2];
            assertMessage(() -> s.events().add(passId, EventDraft.point("NOPE", 1)), "code \"NOPE\" is not in scheme");
            assertMessage(() -> s.events().add(passId, new EventDraft("C_BID", 100, 200L, Modifiers.NONE, "")), "point code: its offset must equal its onset");
            assertMessage(() -> s.events().add(passId, EventDraft.point("C_BID", 1).withModifiers(Modifiers.single("type", "angry"))), "has no value \"angry\"");
            assertMessage(() -> s.events().add(passId, EventDraft.point("R_SENS", 1)), "session rating");
            assertMessage(() -> s.events().setRating(passId, "R_SENS", 9), "rated 1–5, not 9");
            assertEquals(0, s.events().count(passId));
            assertFalse(s.events().canUndo(passId));
        }
    }

    @Test
    void ratingsAreUndoable() throws Exception {
        try (Study s = Study.create(file, SCHEME, "x")) {
            long passId = seed(s)[2];
            s.events().setRating(passId, "R_RECIP", 3);
            s.events().setRating(passId, "R_RECIP", 5);
            s.events().undo(passId);
            assertEquals(Map.of("R_RECIP", 3), s.events().ratings(passId));
            s.events().undo(passId);
            assertEquals(Map.of(), s.events().ratings(passId));
        }
    }

    @Test
    void mediaPathsAreStoredRelativeToTheStudy() throws Exception {
        Path video = Files.createDirectories(dir.resolve("videos")).resolve("S01-cam1.mp4");
        Files.writeString(video, "not really a video");
        try (Study s = Study.create(file, SCHEME, "x")) {
            long sessionId = seed(s)[0];
            MediaFile m = s.addMedia(sessionId, video, 1, 0);
            assertEquals("videos/S01-cam1.mp4", m.path());
            assertEquals(video, s.resolveMedia(m));
            assertMessage(() -> s.addMedia(sessionId, video, 1, 0), "already has a video");
            assertMessage(() -> s.addMedia(sessionId, video, 5, 0), "must be 1–4");
            MediaFile known = s.setMediaInfo(m.id(), 29.97, 61_000);
            assertEquals(List.of(known), s.media(sessionId));
            assertEquals(29.97, known.fps());
            Files.writeString(video, "unchanged");
            assertEquals("unchanged", Files.readString(video), "the video is never copied or touched");
        }
    }

    /** A study from before coding copies (schema V2), opened read-only and so not migrated, still lists its videos. */
    @Test
    void anOlderFileOpenedReadOnlyReadsItsVideos() throws Exception {
        Path video = Files.writeString(dir.resolve("cam1.avi"), "x");
        long sessionId;
        try (Study s = Study.create(file, SCHEME, "x", List.of(StudySchema.V1, StudySchema.V2))) {
            sessionId = seed(s)[0];
            s.addMedia(sessionId, video, 1, 0);
        }
        try (Study old = Study.openReadOnly(file)) {
            MediaFile m = old.media(sessionId).get(0);
            assertEquals("cam1.avi", m.path());
            assertNull(m.codingCopy());
            assertEquals(video, old.playbackFile(m));
            assertEquals(2, old.file().read(StudySchema::userVersion), "read-only: not migrated");
        }
    }

    @Test
    void anOlderFileIsBackedUpThenMigrated() throws Exception {
        long passId;
        try (Study s = Study.create(file, SCHEME, "x", List.of(StudySchema.V1))) {
            passId = seed(s)[2];
            StableIdsTest.writeAsVersion1Did(s, passId, 700, 900);
            s.file().write("delete", c -> c.createStatement().executeUpdate("DELETE FROM events WHERE onset_ms = 700"));
        }
        List<StudySchema.Migration> newer = StudySchema.MIGRATIONS; // V2: event counts kept per pass; V3: coding copies
        try (Study s = Study.open(file, false, newer)) {
            assertEquals(1, s.events().count(passId));
            assertEquals(StudySchema.currentVersion(newer), s.file().read(StudySchema::userVersion));
            MediaFile m = s.media(s.sessions().get(0).id()).isEmpty() ? null : s.media(s.sessions().get(0).id()).get(0);
            if (m != null) assertNull(m.codingCopy(), "videos from before have no coding copy");
            assertEquals(Map.of(passId, 1L), s.eventCounts(), "the migration counted the events already there");
            s.events().add(passId, EventDraft.point("C_BID", 1_100));
            assertEquals(Map.of(passId, 2L), s.eventCounts(), "and the triggers keep counting");
        }
        List<Path> backups;
        try (var files = Files.list(dir)) {
            backups = files.filter(p -> p.getFileName().toString().startsWith("free-play.attune.v1-backup-")).toList();
        }
        assertEquals(1, backups.size(), "a backup copy is made before migrating");
        try (Study old = Study.open(backups.get(0), false, List.of(StudySchema.V1))) {
            assertEquals(1, old.file().read(StudySchema::userVersion), "the backup is the old version");
            assertEquals(1, old.events().count(passId));
        }
    }

    @Test
    void aFileFromANewerAttuneIsRefusedAndNotTouched() throws Exception {
        try (Study s = Study.create(file, SCHEME, "x")) {
            seed(s);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version=99");
        }
        byte[] before = Files.readAllBytes(file);
        StudyException e = assertThrows(StudyException.class, () -> Study.open(file));
        assertEquals(StudyException.Kind.TOO_NEW, e.kind());
        assertTrue(e.getMessage().contains("written by a newer Attune (study format 99"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aPassWithStatesStillRunningIsNotMarkedDoneUnlessTheyAreEndedAtTheSessionEnd() throws Exception {
        try (Study s = Study.create(file, SCHEME, "x")) {
            long[] ids = seed(s);
            long passId = ids[2];
            Path video = Files.writeString(dir.resolve("s01.mp4"), "not really a video");
            s.addMedia(ids[0], new NewMedia(video, 1, 500, 25.0, 60_000L));
            s.events().add(passId, EventDraft.state("P_GAZE", 1_000, 2_000L));
            s.events().startState(passId, EventDraft.state("C_EXPLORE", 3_000, null));
            s.events().startState(passId, EventDraft.state("P_POS", 4_000, null));

            StudyException refused = assertThrows(StudyException.class, () -> s.setPassStatus(passId, PassStatus.DONE));
            assertTrue(refused.getMessage().contains("2 states (C_EXPLORE from 3.000 s, P_POS from 4.000 s) are still running"), refused.getMessage());
            assertEquals(PassStatus.IN_PROGRESS, s.passes().get(0).status());

            assertEquals(60_500, s.sessionEndMs(passId), "camera 1 ends at its offset plus its duration");
            CodingPass done = s.markDoneEndingRunning(passId);
            assertEquals(PassStatus.DONE, done.status());
            assertEquals(List.of(), s.events().running(passId));
            assertEquals(List.of(2_000L, 60_500L, 60_500L), s.events().list(passId).stream().map(CodedEvent::offsetMs).toList());
            assertTrue(s.events().undo(passId).isPresent());
            assertEquals(2, s.events().running(passId).size(), "the endings are one undo step");
        }
    }

    @Test
    void withoutAVideoDurationTheSessionEndsAtTheLatestCodedTime() throws Exception {
        try (Study s = Study.create(file, SCHEME, "x")) {
            long passId = seed(s)[2];
            s.events().add(passId, EventDraft.point("C_BID", 9_000));
            s.events().startState(passId, EventDraft.state("C_EXPLORE", 3_000, null));
            s.markDoneEndingRunning(passId);
            assertEquals(9_000L, s.events().list(passId).get(0).offsetMs());
        }
    }

    @Test
    void aStudyBreakingACheckConstraintIsRefusedUntouched() throws Exception {
        try (Study s = Study.create(file, SCHEME, "x")) {
            s.events().add(seed(s)[2], EventDraft.point("C_BID", 1000));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA ignore_check_constraints=1");
            st.execute("UPDATE events SET onset_ms = -5, offset_ms = -5");
        }
        byte[] before = Files.readAllBytes(file);
        for (boolean readOnly : new boolean[] {false, true}) {
            StudyException e = assertThrows(StudyException.class, () -> (readOnly ? Study.openReadOnly(file) : Study.open(file)).close());
            assertEquals(StudyException.Kind.DAMAGED, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("CHECK constraint failed in events"), e.getMessage());
        }
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aStudyWithARowPointingNowhereIsRefused() throws Exception {
        try (Study s = Study.create(file, SCHEME, "x")) {
            s.events().add(seed(s)[2], EventDraft.point("C_BID", 1000));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("UPDATE events SET pass_id = 99"); // foreign keys are off on a plain connection
        }
        StudyException e = assertThrows(StudyException.class, () -> Study.open(file).close());
        assertTrue(e.getMessage().contains("row 1 of events refers to a missing row of passes"), e.getMessage());
    }

    @Test
    void aStudyMissingOneOfItsTablesIsRefusedInWords() throws Exception {
        try (Study s = Study.create(file, SCHEME, "x")) {
            seed(s);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA foreign_keys=OFF");
            st.execute("DROP TABLE ratings");
        }
        StudyException e = assertThrows(StudyException.class, () -> Study.openReadOnly(file).close());
        assertEquals(StudyException.Kind.DAMAGED, e.kind());
        assertTrue(e.getMessage().contains("is damaged (its table \"ratings\" is missing)"), e.getMessage());
        assertFalse(e.getMessage().contains("SQLITE_"), e.getMessage());
    }

    @Test
    void sqliteErrorsReachTheUserWithoutTheDriversWrapping() {
        assertEquals("no such table: sessions", SqliteErrors.plain(new SQLException("[SQLITE_ERROR] SQL error or missing database (no such table: sessions)")));
    }

    @Test
    void aDamagedFileIsReportedAndNeverWritten() throws Exception {
        try (Study s = Study.create(file, SCHEME, "x")) {
            long passId = seed(s)[2];
            for (int i = 0; i < 2000; i++) s.events().add(passId, EventDraft.point("C_BID", i * 10L));
        }
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 8192; i < bytes.length - 4096; i += 4096) {
            for (int j = 100; j < 600; j++) bytes[i + j] = (byte) 0x5A; // scribble inside pages, keep the header
        }
        Files.write(file, bytes);
        StudyException e = assertThrows(StudyException.class, () -> Study.open(file));
        assertTrue(e.kind() == StudyException.Kind.DAMAGED, e.kind() + ": " + e.getMessage());
        assertTrue(e.getMessage().contains("is damaged"), e.getMessage());
        assertArrayEquals(bytes, Files.readAllBytes(file), "a damaged study is never written");
    }

    @Test
    void aFileThatIsNotAStudyIsRefused() throws Exception {
        Path text = dir.resolve("notes.attune");
        Files.writeString(text, "these are my notes, not a study");
        assertEquals(StudyException.Kind.NOT_A_STUDY, assertThrows(StudyException.class, () -> Study.open(text)).kind());
        Path empty = Files.createFile(dir.resolve("empty.attune"));
        StudyException e = assertThrows(StudyException.class, () -> Study.open(empty));
        assertTrue(e.getMessage().contains("the file is empty"), e.getMessage());
        assertEquals(0, Files.size(empty), "nothing was written into it");
        Path otherDb = dir.resolve("other.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + otherDb)) {
            c.createStatement().execute("CREATE TABLE t (x)");
        }
        e = assertThrows(StudyException.class, () -> Study.open(otherDb));
        assertTrue(e.getMessage().contains("a SQLite database but not an Attune study"), e.getMessage());
        assertEquals(StudyException.Kind.NOT_FOUND, assertThrows(StudyException.class, () -> Study.open(dir.resolve("missing.attune"))).kind());
    }

    @Test
    void createNeverOverwrites() throws Exception {
        Files.writeString(file, "precious");
        StudyException e = assertThrows(StudyException.class, () -> Study.create(file, SCHEME, "x"));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals("precious", Files.readString(file));
    }

    @Test
    void aSecondWindowGetsTheStudyReadOnlyWithTheReason() throws Exception {
        try (Study first = Study.create(file, SCHEME, "x")) {
            long passId = seed(first)[2];
            first.events().add(passId, EventDraft.point("C_BID", 10));
            try (Study second = Study.open(file)) {
                assertTrue(second.isReadOnly());
                assertTrue(second.readOnlyReason().orElseThrow().startsWith("it is open in another window or on another computer"),
                        second.readOnlyReason().orElseThrow());
                assertEquals(1, second.events().count(passId), "it can still read");
                StudyException e = assertThrows(StudyException.class, () -> second.events().add(passId, EventDraft.point("C_BID", 20)));
                assertEquals(StudyException.Kind.READ_ONLY, e.kind());
                first.events().add(passId, EventDraft.point("C_BID", 30));
                assertEquals(2, second.events().count(passId), "and sees the writer's new events");
            }
        }
        try (Study again = Study.open(file)) {
            assertFalse(again.isReadOnly(), "the lock goes with the writer");
        }
    }

    @Test
    void aFullDiskLosesNothingAlreadySavedAndWritesNoHalfEdit() throws Exception {
        long passId;
        List<Long> acknowledged = new ArrayList<>();
        StudyException full = null;
        try (Study s = Study.create(file, SCHEME, "x")) {
            passId = seed(s)[2];
            try (Statement st = s.file().connection.createStatement(); var rs = st.executeQuery("PRAGMA page_count")) {
                rs.next();
                st.execute("PRAGMA max_page_count=" + (rs.getInt(1) + 3)); // the disk is nearly full
            }
            for (int i = 0; i < 5000 && full == null; i++) {
                try {
                    acknowledged.add(s.events().add(passId, EventDraft.point("C_BID", i * 100L).withComment("x".repeat(200))).id());
                } catch (StudyException e) {
                    full = e;
                }
            }
        }
        assertTrue(full != null, "the simulated disk filled up");
        assertEquals(StudyException.Kind.DISK_FULL, full.kind(), full.getMessage() + " / " + full.getCause());
        assertTrue(full.getMessage().contains("is full. Nothing of this edit was written; everything saved before is safe."), full.getMessage());
        try (Study s = Study.open(file)) {
            assertEquals(acknowledged, s.events().list(passId).stream().map(CodedEvent::id).toList());
            int historyRows = s.file().read(c -> {
                var rs = c.createStatement().executeQuery("SELECT count(*) FROM history");
                rs.next();
                return rs.getInt(1);
            });
            assertEquals(acknowledged.size(), historyRows, "every saved event has its history row, the failed one has neither");
        }
    }

    @Test
    void aFileDeletedWhileOpenIsNoticedAndCanBeSavedAsACopy() throws Exception {
        try (Study s = Study.create(file, SCHEME, "x")) {
            long passId = seed(s)[2];
            s.events().add(passId, EventDraft.point("C_BID", 10));
            Files.delete(file);
            StudyException e = assertThrows(StudyException.class, () -> s.events().add(passId, EventDraft.point("C_BID", 20)));
            assertEquals(StudyException.Kind.FILE_GONE, e.kind());
            assertTrue(e.getMessage().contains("was deleted, moved or replaced while open, so this edit was not saved"), e.getMessage());
            Path rescue = dir.resolve("rescued.attune");
            s.saveCopy(rescue);
            try (Study r = Study.open(rescue)) {
                assertEquals(1, r.events().count(passId));
            }
        }
    }

    @Test
    void aReadOnlyStudyRefusesEditsClearly() throws Exception {
        try (Study s = Study.create(file, SCHEME, "x")) {
            seed(s);
        }
        try (Study s = Study.openReadOnly(file)) {
            StudyException e = assertThrows(StudyException.class, () -> s.addCoder("B", "BB"));
            assertEquals(StudyException.Kind.READ_ONLY, e.kind());
            assertTrue(e.getMessage().startsWith("Cannot add coder BB: this study is read-only because it was opened read-only."), e.getMessage());
        }
    }

    interface Action {
        void run() throws Exception;
    }

    static void assertMessage(Action a, String part) {
        StudyException e = assertThrows(StudyException.class, a::run);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    @Test
    void aSessionAndItsVideosAreAddedTogetherOrNotAtAll() throws Exception {
        Path video = Files.writeString(dir.resolve("cam1.mp4"), "x");
        try (Study s = Study.create(file, SCHEME, "Videos")) {
            Session good = new Session(0, "S01", "", "", null, "", "", Map.of());
            List<NewMedia> clash = List.of(new NewMedia(video, 1, 0, 25.0, 1000L), new NewMedia(video, 1, 0, 25.0, 1000L));
            StudyException e = assertThrows(StudyException.class, () -> s.addSession(good, clash));
            assertEquals("Camera position 1 of this session already has a video.", e.getMessage());
            assertEquals(List.of(), s.sessions(), "the session was rolled back with its videos");
            Session added = s.addSession(good, List.of(new NewMedia(video, 1, 1250, 29.97, 61_000L)));
            MediaFile m = s.media(added.id()).get(0);
            assertEquals("cam1.mp4", m.path());
            assertEquals(1250, m.offsetMs());
            assertEquals(29.97, m.fps());
            assertEquals(61_000L, m.durationMs());
        }
    }

    @Test
    void aMovedVideoIsRelinkedRelativeToTheStudyAndItsOffsetCanChange() throws Exception {
        Path video = Files.writeString(dir.resolve("cam1.mp4"), "x");
        try (Study s = Study.create(file, SCHEME, "Videos")) {
            Session added = s.addSession(new Session(0, "S01", "", "", null, "", "", Map.of()), List.of(new NewMedia(video, 1, 0, null, null)));
            MediaFile m = s.media(added.id()).get(0);
            Path moved = Files.createDirectories(dir.resolve("video"));
            Files.move(video, moved.resolve("cam1.mp4"));
            assertFalse(Files.exists(s.resolveMedia(m)));
            MediaFile relinked = s.relinkMedia(m.id(), moved.resolve("cam1.mp4"));
            assertEquals("video/cam1.mp4", relinked.path());
            assertTrue(Files.isRegularFile(s.resolveMedia(relinked)));
            assertEquals(-400, s.setMediaOffset(m.id(), -400).offsetMs());
            assertEquals(List.of(s.media(added.id()).get(0)), s.allMedia());
        }
    }

    @Test
    void theFirstEditOfAPassMarksItInProgressAndCountsAreKeptPerPass() throws Exception {
        try (Study s = Study.create(file, SCHEME, "Status")) {
            long[] ids = seed(s);
            assertEquals(PassStatus.NOT_STARTED, s.pass(ids[0], ids[1]).status());
            assertEquals(Map.of(), s.eventCounts());
            s.events().add(ids[2], EventDraft.point("C_BID", 1200));
            s.events().add(ids[2], EventDraft.point("C_BID", 2400));
            CodingPass p = s.pass(ids[0], ids[1]);
            assertEquals(PassStatus.IN_PROGRESS, p.status());
            assertTrue(p.startedAt() != null);
            assertEquals(Map.of(ids[2], 2L), s.eventCounts());
            s.setPassStatus(ids[2], PassStatus.DONE);
            s.events().undo(ids[2]); // an edit does not silently reopen a pass marked done (the workspace asks first)
            assertEquals(PassStatus.DONE, s.pass(ids[0], ids[1]).status());
            assertEquals(Map.of(ids[2], 1L), s.eventCounts(), "the count follows an undo");
            s.events().redo(ids[2]);
            CodedEvent first = s.events().list(ids[2]).get(0);
            s.events().delete(first.id());
            s.events().startState(ids[2], EventDraft.state("C_POS", 5_000, null));
            assertEquals(Map.of(ids[2], 2L), s.eventCounts(), "kept with redo, delete and a started state");
            s.events().importAll(List.of(new EventRepository.ImportRow("S01", "AL", EventDraft.point("C_BID", 9_000))));
            assertEquals(s.events().count(ids[2]), s.eventCounts().get(ids[2]), "and with an import");
        }
    }

    @Test
    void aSessionsDetailsChangeAndAVideoIsDetachedWithoutTouchingItsFile() throws Exception {
        Path video = Files.writeString(dir.resolve("cam1.mp4"), "x");
        try (Study s = Study.create(file, SCHEME, "Edits")) {
            long[] ids = seed(s);
            s.addSession(new Session(0, "S02", "", "", null, "", "", Map.of()));
            Session changed = new Session(ids[0], "S01b", "D09", "2026-03-05", 19.0, "reunion", "re-filmed", Map.of("wave", "2"));
            assertEquals(changed, s.updateSession(changed));
            assertEquals(changed, s.session("S01b").orElseThrow());
            StudyException clash = assertThrows(StudyException.class,
                    () -> s.updateSession(new Session(ids[0], "S02", "", "", null, "", "", Map.of())));
            assertEquals("There is already a session labelled \"S02\"; labels must be unique.", clash.getMessage());
            assertEquals("S01b", s.sessions().stream().filter(x -> x.id() == ids[0]).findFirst().orElseThrow().label(), "nothing half-changed");
            MediaFile m = s.addMedia(ids[0], new NewMedia(video, 1, 0, 25.0, 1000L));
            s.removeMedia(m.id());
            assertEquals(List.of(), s.media(ids[0]));
            assertTrue(Files.exists(video), "the file itself is never deleted");
            assertEquals(ids[2], s.pass(ids[0], ids[1]).id(), "the pass stays");
        }
    }
}
