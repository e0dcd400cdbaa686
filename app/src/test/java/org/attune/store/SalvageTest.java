package org.attune.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.attune.coding.CodedEvent;
import org.attune.coding.EventDraft;
import org.attune.coding.Modifiers;
import org.attune.coding.PassStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a damaged study still holds comes back in a new study, with a report of what did not. */
class SalvageTest {

    @TempDir
    Path dir;

    private Path studyWithEvents(int events) throws Exception {
        Path file = dir.resolve("damaged.attune");
        try (Study s = Study.create(file, StudyTest.SCHEME, "Free play 2026")) {
            long passId = StudyTest.seed(s)[2];
            s.events().add(passId, EventDraft.point("C_BID", 500).withModifiers(Modifiers.single("type", "share")).withComment("first"));
            for (int i = 1; i < events; i++) s.events().add(passId, EventDraft.point("C_BID", 1000L + i * 10L));
            s.events().setRating(passId, "R_SENS", 4);
            s.setPassStatus(passId, PassStatus.DONE);
        }
        return file;
    }

    @Test
    void aRowBreakingTheRulesIsLeftOutAndReportedAndEverythingElseComesBack() throws Exception {
        Path file = studyWithEvents(50);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA ignore_check_constraints=1");
            st.execute("UPDATE events SET offset_ms = -5 WHERE id = 2");
        }
        byte[] before = Files.readAllBytes(file);
        Salvage.Report r = Salvage.salvage(file, dir.resolve("salvaged.attune"), Optional.empty());
        assertArrayEquals(before, Files.readAllBytes(file), "the damaged file is only read");
        assertEquals(new Salvage.TableCount("events", 49, 1), r.tables().stream().filter(t -> t.table().equals("events")).findFirst().orElseThrow());
        assertTrue(r.problems().contains("events row 2 left out: its offset -5 ms is before its onset 1010 ms"), r.problems().toString());
        assertEquals(1, r.leftOut());
        try (Study s = Study.open(r.target())) {
            assertEquals("Free play 2026", s.name());
            assertEquals("damaged.attune", s.info().get("salvaged_from"));
            long passId = s.passes().get(0).id();
            assertEquals(PassStatus.DONE, s.passes().get(0).status());
            List<CodedEvent> events = s.events().list(passId);
            assertEquals(49, events.size());
            assertEquals(1L, events.get(0).id(), "ids are kept");
            assertEquals("first", events.get(0).comment());
            assertEquals(Modifiers.single("type", "share"), events.get(0).modifiers());
            assertEquals(java.util.Map.of("R_SENS", 4), s.events().ratings(passId));
            assertEquals("S01", s.sessions().get(0).label());
            assertEquals("Leiden", s.sessions().get(0).metadata().get("site"));
            s.events().add(passId, EventDraft.point("C_BID", 99_000)); // a working study: new ids follow the kept ones
        }
    }

    @Test
    void pagesScribbledOverCostOnlyTheirRows() throws Exception {
        Path file = studyWithEvents(3000);
        List<Integer> eventPages = new java.util.ArrayList<>(); // the events table's leaf pages (1-based), found by SQLite's own page map
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT pageno FROM dbstat WHERE name = 'events' AND pagetype = 'leaf' ORDER BY pageno")) {
            while (rs.next()) eventPages.add(rs.getInt(1));
        }
        assertTrue(eventPages.size() > 20, eventPages.toString());
        byte[] bytes = Files.readAllBytes(file);
        for (int page : eventPages.subList(eventPages.size() / 3, eventPages.size() / 3 + 3)) {
            for (int j = 100; j < 600; j++) bytes[(page - 1) * 4096 + j] = (byte) 0x5A;
        }
        Files.write(file, bytes);
        assertEquals(StudyException.Kind.DAMAGED, assertThrows(StudyException.class, () -> Study.open(file)).kind());

        Salvage.Report r = Salvage.salvage(file, dir.resolve("salvaged.attune"), Optional.empty());
        Salvage.TableCount events = r.tables().stream().filter(t -> t.table().equals("events")).findFirst().orElseThrow();
        assertTrue(events.copied() > 2500 && events.copied() < 3000, events + " " + r.problems());
        try (Study s = Study.open(r.target())) {
            assertEquals(events.copied(), s.events().list(s.passes().get(0).id()).size());
        }
    }

    @Test
    void randomByteFlipsNeverLetADamagedStudyBeWrittenAndSalvageAlwaysGivesAWorkingStudy() throws Exception {
        Path original = studyWithEvents(2000);
        byte[] clean = Files.readAllBytes(original);
        Random random = new Random(20261128);
        for (int copy = 0; copy < 10; copy++) {
            byte[] bytes = clean.clone();
            for (int flip = 0; flip < 20; flip++) {
                int at = 4096 + random.nextInt(bytes.length - 4096); // the page area: the header stays
                bytes[at] ^= (byte) (1 << random.nextInt(8));
            }
            Path damaged = Files.write(dir.resolve("flipped-" + copy + ".attune"), bytes);
            try (Study s = Study.open(damaged)) {
                // opened: then it passed every check, and everything in it reads
                for (var p : s.passes()) s.events().list(p.id());
                s.events().add(s.passes().get(0).id(), EventDraft.point("C_BID", 999_000));
            } catch (StudyException e) {
                assertEquals(StudyException.Kind.DAMAGED, e.kind(), "copy " + copy + ": " + e.getMessage());
                assertArrayEquals(bytes, Files.readAllBytes(damaged), "copy " + copy + ": refused untouched");
            }
            Path target = dir.resolve("salvaged-" + copy + ".attune");
            try {
                Salvage.Report r = Salvage.salvage(damaged, target, Optional.of(StudyTest.SCHEME));
                try (Study s = Study.open(r.target())) {
                    for (var p : s.passes()) s.events().list(p.id());
                }
            } catch (StudyException e) {
                assertTrue(e.getMessage().contains("cannot be read at all"), "copy " + copy + ": " + e.getMessage());
                assertTrue(Files.notExists(target));
            }
        }
    }

    @Test
    void neverWritesOverAFileOrTheDamagedStudyItself() throws Exception {
        Path file = studyWithEvents(5);
        Path taken = Files.writeString(dir.resolve("taken.attune"), "mine");
        assertTrue(assertThrows(StudyException.class, () -> Salvage.salvage(file, taken, Optional.empty())).getMessage().contains("already exists"));
        assertEquals("mine", Files.readString(taken));
        assertTrue(assertThrows(StudyException.class, () -> Salvage.salvage(file, file, Optional.empty())).getMessage().contains("must be a new file"));
    }
}
