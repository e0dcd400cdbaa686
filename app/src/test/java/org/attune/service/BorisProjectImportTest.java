package org.attune.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.attune.coding.CodedEvent;
import org.attune.coding.CodingPass;
import org.attune.coding.MediaFile;
import org.attune.coding.Modifiers;
import org.attune.coding.Session;
import org.attune.exchange.boris.BorisFixtures;
import org.attune.scheme.KeyboardLayout;
import org.attune.store.Study;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: a BORIS project's observations into a study — everything mapped, or nothing written. */
class BorisProjectImportTest {

    @TempDir
    Path dir;

    private Path project() throws Exception {
        return Files.writeString(dir.resolve("free-play.boris"), BorisFixtures.project(), StandardCharsets.UTF_8);
    }

    @Test
    void aNewStudyIsMadeFromTheEthogramAndEveryRowBecomesAnEvent() throws Exception {
        Path study = dir.resolve("free-play.attune");
        BorisProjectImport.Result r = BorisProjectImport.run(study, project(), "AL", Set.of(), List.of(), KeyboardLayout.US_QWERTY);
        assertTrue(r.imported(), r.problems().toString());
        assertTrue(r.studyCreated());
        assertEquals(2, r.sessions(), "S01 AL and S01 BK; the live observation is skipped");
        assertTrue(r.report().stream().anyMatch(l -> l.startsWith("observation \"home visit\" (live) was skipped")), r.report().toString());
        assertTrue(r.report().stream().anyMatch(l -> l.contains("state cry of child started at 3700.5 s has no stop; it was left running")), r.report().toString());
        assertTrue(r.report().stream().anyMatch(l -> l.contains("modifier \"intensity\" of touch is a number: kept in each event's comment")), r.report().toString());
        try (Study s = Study.open(study)) {
            Session s01 = s.session("S01 AL").orElseThrow();
            assertEquals("2026-03-02", s01.date());
            assertEquals("free play, lab 2", s01.notes());
            assertEquals(Map.of("wave", "2"), s01.metadata());
            List<MediaFile> cams = s.media(s01.id());
            assertEquals(2, cams.size());
            assertEquals("videos/S01-cam1.mp4", cams.get(0).path(), "relative to the study, which lies beside the project");
            assertEquals(1250, cams.get(1).offsetMs(), "camera 2 starts 1.25 s later");
            assertEquals(25.0, cams.get(0).fps());
            assertEquals(3_720_000L, cams.get(0).durationMs());

            CodingPass al = s.passes().stream().filter(p -> p.sessionId() == s01.id()).findFirst().orElseThrow();
            List<CodedEvent> events = s.events().list(al.id());
            assertEquals(5, events.size(), events.toString());
            CodedEvent play = events.get(0);
            assertEquals("play", play.code());
            assertEquals(1000, play.onsetMs());
            assertEquals(4500L, play.offsetMs());
            assertEquals(Modifiers.single("subject", "child"), play.modifiers(), "the subject is kept");
            CodedEvent touch = events.get(1);
            assertEquals(2000, touch.onsetMs());
            assertEquals(Modifiers.of(Map.of("location", List.of("hand"), "subject", List.of("parent"))), touch.modifiers());
            assertEquals("gentle, \"soft\"\nthen firm — très doux [intensity=3]", touch.comment());
            CodedEvent look = events.get(2);
            assertEquals(3000, look.onsetMs());
            assertEquals(6000L, look.offsetMs());
            assertEquals(List.of("face", "hands"), look.modifiers().valuesOf("where"), "two choices of a multiple set");
            assertEquals("looked back", look.comment(), "the stop row's comment");
            CodedEvent cry = events.get(4);
            assertEquals(3_700_500, cry.onsetMs(), "past the first hour");
            assertNull(cry.offsetMs(), "left running");
        }
    }

    @Test
    void doubleCodedObservationsBecomeTwoPassesOfOneSessionAndAGzippedProjectReads() throws Exception {
        Path gz = dir.resolve("free-play.boris.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(BorisFixtures.project().getBytes(StandardCharsets.UTF_8));
        }
        Path study = dir.resolve("double.attune");
        BorisProjectImport.Result r = BorisProjectImport.run(study, gz, "AL", Set.of("S01 AL", "S01 BK"), List.of("S01 AL=AL,S01 BK=BK"), KeyboardLayout.US_QWERTY);
        assertTrue(r.imported(), r.problems().toString());
        assertEquals(1, r.sessions());
        try (Study s = Study.open(study)) {
            assertEquals(1, s.sessions().size());
            assertEquals(2, s.passes().size(), "a pass for AL and one for BK");
            assertEquals(List.of("AL", "BK"), s.coders().stream().map(c -> c.initials()).sorted().toList());
            long bkId = s.coders().stream().filter(c -> c.initials().equals("BK")).findFirst().orElseThrow().id();
            long bkPass = s.passes().stream().filter(p -> p.coderId() == bkId).findFirst().orElseThrow().id();
            List<CodedEvent> bk = s.events().list(bkPass);
            assertEquals(2, bk.size());
            assertEquals(1040, bk.get(0).onsetMs());
            assertEquals(4400L, bk.get(0).offsetMs());
            assertEquals(Modifiers.of(Map.of("location", List.of("hand"), "subject", List.of("parent"))), bk.get(1).modifiers(), "an empty set after | is no value");
        }
    }

    @Test
    void codesTheStudyDoesNotHaveAreListedAndNothingIsWritten() throws Exception {
        Path study = dir.resolve("default.attune");
        try (Study s = Study.create(study, org.attune.scheme.json.BundledSchemes.defaultScheme(), "default")) {
            s.addCoder("Ana Lopes", "AL");
        }
        long before = Files.size(study);
        BorisProjectImport.Result r = BorisProjectImport.run(study, project(), "AL", Set.of(), List.of(), KeyboardLayout.US_QWERTY);
        assertFalse(r.imported());
        assertTrue(r.problems().stream().anyMatch(p -> p.startsWith("code \"play\" (4 events) is not in the study's scheme")), r.problems().toString());
        assertTrue(r.problems().stream().anyMatch(p -> p.startsWith("code \"touch\"")), r.problems().toString());
        try (Study s = Study.open(study)) {
            assertEquals(0, s.sessions().size(), "nothing was imported");
        }
        assertTrue(Files.size(study) >= before);
    }

    @Test
    void importingTheSameProjectTwiceAddsNothingTheSecondTime() throws Exception {
        Path study = dir.resolve("twice.attune");
        assertTrue(BorisProjectImport.run(study, project(), "AL", Set.of(), List.of(), KeyboardLayout.US_QWERTY).imported());
        BorisProjectImport.Result again = BorisProjectImport.run(study, project(), "AL", Set.of(), List.of(), KeyboardLayout.US_QWERTY);
        assertFalse(again.imported());
        assertTrue(again.problems().stream().anyMatch(p -> p.contains("the study already has a session S01 AL")), again.problems().toString());
        try (Study s = Study.open(study)) {
            assertEquals(2, s.sessions().size());
        }
    }

    @Test
    void aDamagedProjectGivesALocatedErrorAndNoStudy() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.boris"), BorisFixtures.project().replace("[4.5,\"child\",\"play\"", "[4.5 \"child\",\"play\""));
        Path study = dir.resolve("never.attune");
        BorisProjectImport.Result r = BorisProjectImport.run(study, bad, "AL", Set.of(), List.of(), KeyboardLayout.US_QWERTY);
        assertFalse(r.imported());
        assertTrue(r.problems().get(0).startsWith("bad.boris:"), r.problems().toString());
        assertTrue(r.problems().get(0).contains("re-save it in BORIS"), r.problems().toString());
        assertFalse(Files.exists(study), "no study file is left behind");
        Path wrongModifier = Files.writeString(dir.resolve("mod.boris"), BorisFixtures.project().replace("\"face,hands\",\"\"", "\"nose\",\"\""));
        BorisProjectImport.Result m = BorisProjectImport.run(study, wrongModifier, "AL", Set.of(), List.of(), KeyboardLayout.US_QWERTY);
        assertFalse(m.imported());
        assertTrue(m.problems().stream().anyMatch(p -> p.matches("mod\\.boris:\\d+: observation \"S01 AL\", line \\d+: modifier \"nose\" is not a value of look's set \"where\"")),
                m.problems().toString());
        assertFalse(Files.exists(study));
    }

    /** A project from before BORIS's format 4.0 keeps modifiers as a string in its ethogram: its events' modifiers go to the comment, not lost. */
    @Test
    void modifiersTheSchemeHasNoSetForAreKeptInTheComment() throws Exception {
        String old = "{\"project_format_version\":\"1.6\",\"behaviors_conf\":{\"0\":{\"type\":\"Point event\",\"key\":\"b\",\"code\":\"bid\","
                + "\"modifiers\":\"loud,soft\",\"category\":\"\"}},\"subjects_conf\":{},"
                + "\"observations\":{\"o1\":{\"type\":\"MEDIA\",\"file\":{\"1\":[\"v.mp4\"]},\"events\":[[1.5,\"\",\"bid\",\"loud\",\"\"]]}}}";
        Path project = Files.writeString(dir.resolve("old.boris"), old);
        Path study = dir.resolve("old.attune");
        BorisProjectImport.Result r = BorisProjectImport.run(study, project, "AL", Set.of(), List.of(), KeyboardLayout.US_QWERTY);
        assertTrue(r.imported(), r.problems().toString());
        assertTrue(r.report().stream().anyMatch(l -> l.contains("kept in each event's comment as [modifiers=")), r.report().toString());
        try (Study s = Study.open(study)) {
            CodedEvent e = s.events().list(s.passes().get(0).id()).get(0);
            assertEquals(1500, e.onsetMs(), "a 5-field row of an old project");
            assertEquals("[modifiers=loud]", e.comment());
        }
    }
}
