package org.attune.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.attune.coding.Coder;
import org.attune.coding.EventDraft;
import org.attune.coding.PassStatus;
import org.attune.coding.Session;
import org.attune.scheme.KeyboardLayout;
import org.attune.scheme.json.BundledSchemes;
import org.attune.store.Study;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File ▸ Export, Save a copy and the imports without the toolkit: each runs, the file is read back,
 * and the refusals (blind coding, a pass open, a bad file) say why and write nothing.
 */
class FileActionsTest {

    @TempDir
    Path dir;
    final OpenStudy open = new OpenStudy();
    final RecordingDialogs dialogs = new RecordingDialogs();
    final List<String> said = new ArrayList<>();
    ExportForms.Choice answer = ExportForms.Choice.ALL;
    final List<String> asked = new ArrayList<>();
    FileActions files;
    long donePass;
    long codingPass;

    @BeforeEach
    void aStudy() throws Exception {
        Study s = open.create(dir.resolve("lab.attune"), BundledSchemes.defaultScheme(), "Lab");
        Session s1 = s.addSession(new Session(0, "S1", "D1", "", null, "", "", Map.of("wave", "1")));
        Session s2 = s.addSession(new Session(0, "S2", "D2", "", null, "", "", Map.of()));
        Coder al = s.addCoder("Ana", "AL");
        Coder bk = s.addCoder("Ben", "BK");
        donePass = s.pass(s1.id(), al.id()).id();
        s.events().add(donePass, EventDraft.point("C_BID", 1_000));
        s.events().add(donePass, EventDraft.state("P_GAZE", 2_000, 4_500L));
        s.events().setRating(donePass, "R_SENS", 4);
        s.setPassStatus(donePass, PassStatus.DONE);
        codingPass = s.pass(s2.id(), bk.id()).id();
        s.events().add(codingPass, EventDraft.point("P_INTRUDE", 500));
        ExportForms forms = (title, sessions, coders, ratings) -> {
            asked.add(title + " " + sessions + " " + coders + (ratings ? " ratings" : " events"));
            return Optional.ofNullable(answer);
        };
        files = new FileActions(open, dialogs, forms, Tasks.immediate(), said::add, () -> KeyboardLayout.US_QWERTY);
    }

    @AfterEach
    void close() {
        open.close();
    }

    @Test
    void eventsOfTheChosenPassesAreExportedAndReadBack() throws Exception {
        Path out = dir.resolve("done.csv");
        dialogs.files.add(out);
        answer = new ExportForms.Choice(Set.of(), Set.of(), Set.of(PassStatus.DONE), false, false);
        files.exportEvents();
        assertEquals(List.of("Export events [S1, S2] [AL, BK] events"), asked);
        List<String> lines = Files.readAllLines(out);
        assertEquals(3, lines.size(), "a header and the done pass's two events: " + lines);
        assertTrue(lines.get(0).startsWith("study,session,dyad,coder,pass_status,code"), lines.get(0));
        assertTrue(lines.get(1).contains(",S1,D1,AL,done,C_BID,"), lines.get(1));
        assertTrue(lines.get(0).endsWith(",meta_wave"), "the session's own fields as columns: " + lines.get(0));
        assertEquals(List.of("Exported 2 rows to " + out), said);
        assertTrue(dialogs.shown.contains("(written) Export events: Exported 2 rows to " + out + "."), dialogs.shown.toString());
    }

    @Test
    void ratingsExportLongOrWideInExcelsVariant() throws Exception {
        Path out = dir.resolve("ratings.csv");
        dialogs.files.add(out);
        answer = new ExportForms.Choice(Set.of("S1"), Set.of(), Set.of(), true, true);
        files.exportRatings();
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.get(0).startsWith("\uFEFF"), "Excel's byte-order mark");
        assertTrue(lines.get(0).contains(";"), "Excel's ';' between fields");
        assertEquals(2, lines.size(), "wide: one row for S1 · AL");
    }

    @Test
    void whileABlindPassIsOpenNothingOfOtherCodersIsExported() throws Exception {
        open.activePassProperty().set(open.get().passes().stream().filter(p -> p.id() == codingPass).findFirst().orElseThrow());
        files.exportEvents();
        files.exportRatings();
        assertTrue(asked.isEmpty(), "nothing was even asked");
        assertEquals(2, dialogs.shown.stream().filter(d -> d.startsWith("(i) Not while coding blind")).count(), dialogs.shown.toString());
    }

    @Test
    void aCopyIsAWholeStudyAndNeverReplacesAnother() throws Exception {
        Path copy = dir.resolve("lab-copy.attune");
        dialogs.files.add(copy);
        files.saveCopy();
        try (Study c = Study.openReadOnly(copy)) {
            assertEquals(2, c.events().count(donePass));
            assertEquals(Map.of("R_SENS", 4), c.events().ratings(donePass));
        }
        dialogs.files.add(copy); // again, onto the copy: a study is never written over
        files.saveCopy();
        assertTrue(dialogs.shown.stream().anyMatch(d -> d.startsWith("Nothing was exported: ")), dialogs.shown.toString());
    }

    @Test
    void importingEventsChecksTheWholeFileFirstAndSaysWhatArrived() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "session,coder,code,onset_s\nS1,AL,C_BID,2\nS1,AL,NOPE,3\n");
        dialogs.files.add(bad);
        files.importEvents();
        assertTrue(dialogs.shown.stream().anyMatch(d -> d.startsWith("Nothing was imported: 1 errors")), dialogs.shown.toString());
        assertEquals(2, open.get().events().count(donePass), "nothing of the good line either");

        Path good = dir.resolve("good.csv");
        Files.writeString(good, "session,coder,code,onset_s\nS1,AL,C_BID,2\nS3,CM,C_BID,3\n");
        dialogs.files.add(good);
        files.importEvents();
        assertEquals(3, open.get().events().count(donePass));
        assertEquals("Imported 2 events into lab.attune; new sessions: S3; new coders: CM; 1 new coding pass.", said.get(said.size() - 1));
        dialogs.files.add(good);
        files.importEvents();
        assertTrue(dialogs.shown.get(dialogs.shown.size() - 1).contains("2 events are identical to events already in the study and were skipped"),
                dialogs.shown.toString());

        open.activePassProperty().set(open.get().passes().get(0));
        int before = dialogs.files.size();
        files.importEvents();
        assertEquals("(i) Close the pass first", dialogs.shown.get(dialogs.shown.size() - 1).split(":")[0]);
        assertEquals(before, dialogs.files.size(), "no file was asked for");
    }

    @Test
    void theManualTheMethodsParagraphAndABorisEthogram() throws Exception {
        Path manual = dir.resolve("manual.html");
        dialogs.files.add(manual);
        files.exportManual();
        String html = Files.readString(manual);
        assertTrue(html.contains("Coding manual: ") && html.contains("Child bid"), html.substring(0, 200));

        files.exportText("Export the methods paragraph", "methods.txt", "", "Compute agreement first.");
        assertEquals("(i) Export the methods paragraph: Compute agreement first.", dialogs.shown.get(dialogs.shown.size() - 1));
        Path text = dir.resolve("methods.txt");
        dialogs.files.add(text);
        files.exportText("Export the methods paragraph", "methods.txt", "Two coders coded 2 sessions.", "");
        assertEquals("Two coders coded 2 sessions.", Files.readString(text).strip());

        Path project = dir.resolve("p.boris");
        try (InputStream in = FileActionsTest.class.getResourceAsStream("/boris/parent-child.boris")) {
            Files.copy(in, project);
        }
        Path scheme = dir.resolve("p-scheme.json");
        dialogs.files.add(project);
        dialogs.files.add(scheme);
        files.importBorisEthogram();
        assertTrue(org.attune.scheme.json.SchemeReader.read(scheme).ok(), "the scheme written reads back without errors");
        assertTrue(said.get(said.size() - 1).startsWith("Exported the scheme ("), said.toString());
        Path notBoris = dir.resolve("x.boris");
        Files.writeString(notBoris, "{ not json");
        dialogs.files.add(notBoris);
        files.importBorisEthogram();
        assertTrue(dialogs.shown.get(dialogs.shown.size() - 1).startsWith("The ethogram cannot be imported: "), dialogs.shown.toString());
        assertFalse(dialogs.shown.get(dialogs.shown.size() - 1).contains("Exception"));
    }

    /** Issue 15: File ▸ Import BORIS project shows what it read, then imports into the open study; a code the scheme lacks stops it. */
    @Test
    void aBorisProjectIsImportedIntoTheOpenStudyAfterItsReportAndExportedBack() throws Exception {
        String rows = "[[1.0,\"\",\"P_GAZE\",\"\",\"\",\"NA\"],[3.5,\"\",\"P_GAZE\",\"\",\"\",\"NA\"],[2.0,\"\",\"C_BID\",\"social\",\"asks, smiling\",\"NA\"]]";
        Path project = Files.writeString(dir.resolve("old.boris"), "{\"project_format_version\":\"7.0\",\"observations\":{\"home 1\":{\"type\":\"MEDIA\","
                + "\"date\":\"2025-05-01T10:00:00\",\"file\":{},\"events\":" + rows + "}}}");
        dialogs.files.add(project);
        dialogs.texts.add("CM");
        files.importBorisProject();
        assertTrue(dialogs.shown.stream().anyMatch(d -> d.startsWith("Import the BORIS project?? 1 session, 2 events to import")), dialogs.shown.toString());
        Study s = open.get();
        Session home = s.session("home 1").orElseThrow();
        assertEquals("2025-05-01", home.date());
        long cm = s.coders().stream().filter(c -> c.initials().equals("CM")).findFirst().orElseThrow().id();
        long pass = s.passes().stream().filter(p -> p.sessionId() == home.id() && p.coderId() == cm).findFirst().orElseThrow().id();
        assertEquals(List.of("P_GAZE 1000-3500", "C_BID 2000-2000"), s.events().list(pass).stream().map(e -> e.code() + " " + e.onsetMs() + "-" + e.offsetMs()).toList());
        assertEquals("Imported 1 session and 2 events from old.boris as CM's passes.", said.get(said.size() - 1));

        Path bad = Files.writeString(dir.resolve("bad.boris"), Files.readString(project).replace("C_BID", "jump").replace("home 1", "home 2"));
        dialogs.files.add(bad);
        dialogs.texts.add("CM");
        files.importBorisProject();
        assertTrue(dialogs.shown.get(dialogs.shown.size() - 1).startsWith("Nothing was imported:"), dialogs.shown.toString());
        assertTrue(s.session("home 2").isEmpty(), "nothing was written");

        Path out = dir.resolve("lab.boris");
        dialogs.files.add(out);
        files.exportBoris();
        org.attune.exchange.boris.BorisProject back = org.attune.exchange.boris.BorisProject.parse(Files.readAllBytes(out), "lab.boris");
        assertEquals(List.of("S1", "S2", "home 1"), back.observations().stream().map(org.attune.exchange.boris.BorisProject.Observation::id).sorted().toList());
    }

    /** Issue 15: File ▸ Export ▸ ELAN documents and GSEQ data, and File ▸ Import from ELAN or Datavyu, without the toolkit. */
    @Test
    void elanAndSdisAreExportedAndADatavyuProjectImported() throws Exception {
        Path folder = dir.resolve("elan");
        dialogs.files.add(folder);
        files.exportElan();
        assertTrue(Files.isRegularFile(folder.resolve("S1.eaf")) && Files.isRegularFile(folder.resolve("S2.eaf")), dialogs.shown.toString());
        Path sds = dir.resolve("lab.sds");
        dialogs.files.add(sds);
        files.exportSdis();
        assertTrue(Files.readString(sds).contains("<S1 AL>\nC_BID,1.000-1.001 P_GAZE,2.000-4.500 /"), Files.readString(sds));

        Path opf = Files.write(dir.resolve("S7.opf"), org.attune.exchange.datavyu.OpfReaderTest.opf("#4\nP_GAZE (TEXT,true,)\n00:00:01:000,00:00:03:500,\n"));
        dialogs.files.add(opf);
        dialogs.texts.add("DK");
        files.importPeerEvents();
        assertEquals("Imported 1 event into lab.attune; new sessions: S7; new coders: DK; 1 new coding pass.", said.get(said.size() - 1));
        assertTrue(open.get().session("S7").isPresent());
    }
}
