package org.attune.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.attune.coding.Coder;
import org.attune.coding.CodingPass;
import org.attune.coding.EventDraft;
import org.attune.coding.Session;
import org.attune.store.Study;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The careless user's and the hostile tester's reproductions of issue 12, each through the command line. */
class DataSafetyCliTest {

    @TempDir
    Path dir;
    Path study;

    @BeforeEach
    void aStudyWithEvents() throws Exception {
        study = dir.resolve("s.attune");
        assertEquals(0, CliTest.run("study", "create", study.toString()).code());
        try (Study s = Study.open(study)) {
            Session s1 = s.addSession(new Session(0, "S1", "D1", "", null, "", "", Map.of()));
            Coder a = s.addCoder("Ana", "A");
            CodingPass p = s.pass(s1.id(), a.id());
            s.events().add(p.id(), EventDraft.state("P_POS", 0, 1_700L));
            s.events().add(p.id(), EventDraft.state("C_EXPLORE", 2_000, 9_000L));
            s.events().add(p.id(), EventDraft.point("C_BID", 2_500).withComment("=HYPERLINK(\"http://x.example\",\"click\")"));
            s.events().add(p.id(), EventDraft.point("C_BID", 4_000));
        }
    }

    private long events() throws Exception {
        try (Study s = Study.openReadOnly(study)) {
            return s.events().count(s.passes().get(0).id());
        }
    }

    @Test
    void anExportNeverWritesOverTheStudyItReadsOrAnotherStudy() throws Exception {
        byte[] before = Files.readAllBytes(study);
        CliTest.Run self = CliTest.run("events", "export", study.toString(), "-o", study.toString());
        assertEquals(1, self.code());
        assertTrue(self.err().contains("is also an input of this command"), self.err());
        assertArrayEquals(before, Files.readAllBytes(study));

        Path other = dir.resolve("other-study.attune");
        assertEquals(0, CliTest.run("study", "create", other.toString()).code());
        byte[] otherBefore = Files.readAllBytes(other);
        CliTest.Run over = CliTest.run("events", "export", study.toString(), "-o", other.toString());
        assertEquals(1, over.code());
        assertTrue(over.err().contains("an export never replaces one"), over.err());
        assertArrayEquals(otherBefore, Files.readAllBytes(other));
        assertEquals(4, events());
    }

    @Test
    void measuresAndAgreementCsvNeverWriteOverTheirInput() throws Exception {
        byte[] before = Files.readAllBytes(study);
        CliTest.Run m = CliTest.run("measures", study.toString(), "--csv", study.toString());
        assertEquals(1, m.code());
        assertTrue(m.err().contains("is also an input"), m.err());
        assertArrayEquals(before, Files.readAllBytes(study));
    }

    @Test
    void importingTheStudysOwnExportChangesNothing() throws Exception {
        Path csv = dir.resolve("e.csv");
        assertEquals(0, CliTest.run("events", "export", study.toString(), "-o", csv.toString()).code());
        CliTest.Run again = CliTest.run("events", "import", study.toString(), csv.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("note: 4 events are identical to events already in the study and were skipped (the file was imported before)"), again.out());
        assertTrue(again.out().contains("imported 0 events"), again.out());
        assertEquals(4, events());
    }

    @Test
    void aBoutOverlappingAStoredBoutOfTheSameStateIsRefusedWithItsLine() throws Exception {
        Path csv = Files.writeString(dir.resolve("more.csv"), "session,coder,code,onset_s,offset_s\nS1,A,C_BID,10.000,\nS1,A,P_POS,0.500,1.000\n");
        byte[] before = Files.readAllBytes(study);
        CliTest.Run r = CliTest.run("events", "import", study.toString(), csv.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains(csv + ":3: P_POS 0.500–1.000 s overlaps a stored bout of the same state (0.000–1.700 s)"), r.err());
        assertTrue(r.err().contains("nothing was imported"), r.err());
        assertArrayEquals(before, Files.readAllBytes(study), "all or nothing: the good row on line 2 is not imported either");
    }

    @Test
    void aBoutBreakingAnExclusiveGroupWithStoredEventsIsRefused() throws Exception {
        // C_EXPLORE (stored 2–9 s) and C_CLING share the exclusive group C_MODE in the default scheme
        Path csv = Files.writeString(dir.resolve("more.csv"), "session,coder,code,onset_s,offset_s\nS1,A,C_CLING,8.000,12.000\n");
        CliTest.Run r = CliTest.run("events", "import", study.toString(), csv.toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().contains(":2: C_CLING 8.000–12.000 s overlaps a stored bout of C_EXPLORE, a state it excludes"), r.err());
        assertEquals(4, events());
    }

    @Test
    void aPointAtTheSameTimeWithOtherDetailsIsRefused() throws Exception {
        Path csv = Files.writeString(dir.resolve("more.csv"), "session,coder,code,onset_s,comment\nS1,A,C_BID,4.000,a second look\n");
        CliTest.Run r = CliTest.run("events", "import", study.toString(), csv.toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().contains(":2: C_BID at 4.000 s is already stored with another comment"), r.err());
    }

    @Test
    void newEventsBesideStoredOnesAreImported() throws Exception {
        Path csv = Files.writeString(dir.resolve("more.csv"), "session,coder,code,onset_s,offset_s\nS1,A,P_POS,1.700,1.900\nS1,A,C_BID,4.000,\nS1,A,C_BID,5.000,\n");
        CliTest.Run r = CliTest.run("events", "import", study.toString(), csv.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("note: 1 events are identical to events already in the study and were skipped"), r.out());
        assertTrue(r.out().contains("imported 2 events"), r.out());
        assertEquals(6, events());
    }

    @Test
    void duplicateColumnsAndRowsWiderThanTheHeaderAreRefusedLocated() throws Exception {
        Path dup = Files.writeString(dir.resolve("dup.csv"), "session,coder,code,code,onset_s\nS1,A,C_BID,P_RESP,1\n");
        CliTest.Run r = CliTest.run("events", "import", study.toString(), dup.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains(dup + ":1: column code: named twice (columns 3 and 4)"), r.err());

        Path wide = Files.writeString(dir.resolve("wide.csv"), "session,coder,code,onset_s\nS1,A,C_BID,1\nS1,A,C_BID,1,5,extra\n");
        r = CliTest.run("events", "import", study.toString(), wide.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains(wide + ":3: has 6 fields but the first line names 4 columns"), r.err());
        assertEquals(4, events());
    }

    @Test
    void unreadableCsvFilesAreExplainedWithoutLibraryNames() throws Exception {
        Path quote = Files.writeString(dir.resolve("q.csv"), "session,coder,code,onset_s\nS1,A,C_BID,1\nS1,A,C_BID,\"2\nS1,A,C_BID,3\n");
        CliTest.Run r = CliTest.run("events", "import", study.toString(), quote.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains(quote + ":3: a quoted value starting on this line is never closed"), r.err());
        Path blank = Files.writeString(dir.resolve("b.csv"), "\n\n");
        r = CliTest.run("events", "import", study.toString(), blank.toString());
        assertTrue(r.err().contains(blank + ":1: the file is empty"), r.err());
        Path headless = Files.writeString(dir.resolve("h.csv"), "\nS1,A,C_BID,1\n");
        r = CliTest.run("events", "import", study.toString(), headless.toString());
        assertTrue(r.err().contains(headless + ":1: the first line is empty"), r.err());
        for (String err : List.of(r.err())) {
            assertFalse(err.contains("org.apache") || err.contains("Exception") || err.contains("header name is missing"), err);
        }
    }

    @Test
    void theExcelExportNeutralisesFormulasAndThePlainOneStaysExact() throws Exception {
        Path plain = dir.resolve("plain.csv");
        Path excel = dir.resolve("excel.csv");
        assertEquals(0, CliTest.run("events", "export", study.toString(), "-o", plain.toString()).code());
        assertEquals(0, CliTest.run("events", "export", study.toString(), "-o", excel.toString(), "--excel").code());
        assertTrue(Files.readString(plain).contains(",\"=HYPERLINK(\"\"http://x.example\"\",\"\"click\"\")\","), Files.readString(plain));
        String x = Files.readString(excel, StandardCharsets.UTF_8);
        assertTrue(x.contains(";\"'=HYPERLINK(\"\"http://x.example\"\",\"\"click\"\")\";"), x);
        assertFalse(x.contains(";=HYPERLINK") || x.contains(";\"=HYPERLINK"), "no cell starts with =");
    }

    @Test
    void aStudyBreakingItsOwnRulesIsRefusedUntouched() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + study); Statement st = c.createStatement()) {
            st.execute("PRAGMA ignore_check_constraints=1");
            st.execute("UPDATE events SET offset_ms = -5 WHERE id = 1");
        }
        byte[] before = Files.readAllBytes(study);
        CliTest.Run info = CliTest.run("study", "info", study.toString());
        assertEquals(1, info.code(), info.out());
        assertTrue(info.err().contains("s.attune is damaged (CHECK constraint failed in events)"), info.err());
        assertTrue(info.err().contains("attune study salvage"), info.err());
        Path csv = Files.writeString(dir.resolve("more.csv"), "session,coder,code,onset_s\nS1,A,C_BID,20\n");
        CliTest.Run imp = CliTest.run("events", "import", study.toString(), csv.toString());
        assertEquals(1, imp.code());
        assertTrue(imp.err().contains("is damaged"), imp.err());
        assertArrayEquals(before, Files.readAllBytes(study));
    }
}
