package org.attune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.attune.coding.Coder;
import org.attune.coding.CodingPass;
import org.attune.coding.EventDraft;
import org.attune.coding.Modifiers;
import org.attune.coding.Session;
import org.attune.store.Study;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyCliTest {

    @TempDir
    Path dir;

    @Test
    void eventsRoundTripThroughCsvUnchanged() throws Exception {
        Path a = dir.resolve("a.attune");
        assertEquals(0, CliTest.run("study", "create", a.toString(), "--name", "Free play").code());
        try (Study s = Study.open(a)) {
            Session s1 = s.addSession(new Session(0, "S01", "D01", "2026-03-02", 18.0, "free play", "", Map.of("site", "Leiden")));
            Session s2 = s.addSession(new Session(0, "S02", "D02", "", null, "reunion", "", Map.of()));
            Coder al = s.addCoder("Ana Lopes", "AL");
            Coder bk = s.addCoder("Ben Kato", "BK");
            CodingPass p1 = s.pass(s1.id(), al.id());
            CodingPass p2 = s.pass(s1.id(), bk.id());
            CodingPass p3 = s.pass(s2.id(), al.id());
            s.events().add(p1.id(), EventDraft.point("C_BID", 1_234).withModifiers(Modifiers.single("type", "need")).withComment("cries, \"Mama!\"\nreaches up"));
            s.events().add(p1.id(), EventDraft.state("P_GAZE", 500, 2_500L));
            s.events().add(p1.id(), EventDraft.point("P_RESP", 2_000).withModifiers(Modifiers.of(Map.of("form", java.util.List.of("verbal", "affective")))));
            s.events().add(p2.id(), EventDraft.state("C_DIST", 1_000, 3_999L).withComment(" Ünïcödé ✓, with spaces kept "));
            s.events().add(p3.id(), EventDraft.state("C_EXPLORE", 0, null));
        }
        Path csv1 = dir.resolve("one.csv");
        CliTest.Run export1 = CliTest.run("events", "export", a.toString(), "-o", csv1.toString());
        assertEquals(0, export1.code(), export1.err());
        assertTrue(export1.out().contains("wrote 5 events"), export1.out());

        Path b = dir.resolve("b.attune");
        assertEquals(0, CliTest.run("study", "create", b.toString(), "--name", "Free play").code());
        CliTest.Run imported = CliTest.run("events", "import", b.toString(), csv1.toString());
        assertEquals(0, imported.code(), imported.err());
        assertTrue(imported.out().contains("imported 5 events into b.attune; new sessions: S01, S02; new coders: AL, BK; 3 new coding passes"), imported.out());
        assertTrue(imported.out().contains("note: 1 state events have no offset_s and are imported as still running"), imported.out());

        // sessions created by the import carry no metadata (that lives in the study, not in events), so compare events only
        Path csv2 = dir.resolve("two.csv");
        assertEquals(0, CliTest.run("events", "export", b.toString(), "-o", csv2.toString()).code());
        assertEquals(eventColumns(csv1), eventColumns(csv2));

        // and a study with the same sessions gives the identical file, byte for byte
        Path c = dir.resolve("c.attune");
        try (Study s = Study.create(c, org.attune.scheme.json.BundledSchemes.defaultScheme(), "Free play")) {
            s.addSession(new Session(0, "S01", "D01", "2026-03-02", 18.0, "free play", "", Map.of("site", "Leiden")));
            s.addSession(new Session(0, "S02", "D02", "", null, "reunion", "", Map.of()));
        }
        assertEquals(0, CliTest.run("events", "import", c.toString(), csv1.toString()).code());
        Path csv3 = dir.resolve("three.csv");
        assertEquals(0, CliTest.run("events", "export", c.toString(), "-o", csv3.toString()).code());
        assertEquals(Files.readString(csv1), Files.readString(csv3));
    }

    /** The event columns (study … comment) of every row; the session columns an import cannot know are left out. */
    private static java.util.List<java.util.List<String>> eventColumns(Path csv) throws Exception {
        try (var parser = org.apache.commons.csv.CSVParser.parse(csv, java.nio.charset.StandardCharsets.UTF_8,
                org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            java.util.List<String> columns = parser.getHeaderNames().subList(0, parser.getHeaderNames().indexOf("comment") + 1)
                    .stream().filter(h -> !h.equals("dyad")).toList();
            java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
            for (var record : parser) rows.add(columns.stream().map(record::get).toList());
            return rows;
        }
    }

    @Test
    void aBadImportWritesNothingAndListsEveryError() throws Exception {
        Path a = dir.resolve("a.attune");
        assertEquals(0, CliTest.run("study", "create", a.toString()).code());
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "session,coder,code,onset_s,offset_s\nS01,AL,C_BID,1,\nS01,AL,NOPE,2,\nS01,AL,P_GAZE,5,4\n");
        CliTest.Run r = CliTest.run("events", "import", a.toString(), csv.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains(csv + ":3: column code: \"NOPE\" is not a code"), r.err());
        assertTrue(r.err().contains(csv + ":4: column offset_s: offset 4.000 s is before onset 5.000 s"), r.err());
        assertTrue(r.err().contains("2 errors; nothing was imported."), r.err());
        try (Study s = Study.openReadOnly(a)) {
            assertEquals(0, s.sessions().size(), "not even the valid first row, nor its session");
        }
    }

    @Test
    void infoDescribesTheStudy() throws Exception {
        Path a = dir.resolve("a.attune");
        CliTest.run("study", "create", a.toString(), "--name", "Reunions");
        try (Study s = Study.open(a)) {
            Session s1 = s.addSession(new Session(0, "S01", "", "", null, "", "", Map.of()));
            Coder al = s.addCoder("Ana", "AL");
            s.events().startState(s.pass(s1.id(), al.id()).id(), EventDraft.state("C_POS", 0, null));
        }
        CliTest.Run r = CliTest.run("study", "info", a.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("study     Reunions"), r.out());
        assertTrue(r.out().contains("scheme    attachment-interaction 1.1.0 (31 timed codes, 4 ratings)"), r.out());
        assertTrue(r.out().matches("(?s).*S01\\s+AL\\s+in_progress\\s+1 events, 1 running.*"), r.out());
    }

    @Test
    void studyErrorsAreOneClearLine() throws Exception {
        Path notStudy = dir.resolve("x.attune");
        Files.writeString(notStudy, "hello");
        CliTest.Run r = CliTest.run("study", "info", notStudy.toString());
        assertEquals(1, r.code());
        assertEquals("x.attune is not an Attune study (it is not a SQLite database). Open a .attune file created by Attune.", r.err().trim());
        CliTest.Run again = CliTest.run("study", "create", notStudy.toString());
        assertEquals(1, again.code());
        assertTrue(again.err().contains("already exists"), again.err());
    }
}
