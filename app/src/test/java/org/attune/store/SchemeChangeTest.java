package org.attune.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.attune.cli.CliTest;
import org.attune.coding.CodedEvent;
import org.attune.coding.EventDraft;
import org.attune.coding.Modifiers;
import org.attune.coding.SchemeChange;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.json.SchemeReader;
import org.attune.scheme.json.SchemeWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Moving a study to a new scheme version: report first, then one backed-up transaction. */
class SchemeChangeTest {

    @TempDir
    Path dir;

    /** Version 1.1 of the default scheme, edited as text the way a lab would edit the file. */
    static CodingScheme edited(String... replacements) {
        String json;
        try {
            json = Files.readString(org.attune.TestPaths.defaultScheme()).replace("\"version\": \"1.1.0\"", "\"version\": \"1.2.0\"");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (int i = 0; i < replacements.length; i += 2) {
            if (!json.contains(replacements[i])) throw new AssertionError("not in scheme: " + replacements[i]);
            json = json.replace(replacements[i], replacements[i + 1]);
        }
        return SchemeReader.readText(json, "v1.1").orThrow();
    }

    @Test
    void renamesAreAppliedRemovalsOfUnusedCodesAllowed() throws Exception {
        Path file = dir.resolve("s.attune");
        long passId;
        CodedEvent check;
        try (Study s = Study.create(file, StudyTest.SCHEME, "x")) {
            passId = StudyTest.seed(s)[2];
            check = s.events().add(passId, EventDraft.point("C_CHECK", 1000));
            s.events().add(passId, EventDraft.point("C_BID", 2000));
        }
        // C_CHECK becomes C_REFER; C_INDISCRIM (never used) is dropped
        CodingScheme v11 = edited("\"id\": \"C_CHECK\"", "\"id\": \"C_REFER\"",
                "\"id\": \"C_INDISCRIM\",", "\"id\": \"C_INDISCRIM_OLD\",");
        try (Study s = Study.open(file)) {
            SchemeChange plan = s.planSchemeChange(v11, Map.of("C_CHECK", "C_REFER"));
            assertEquals(List.of(), plan.blockers());
            assertEquals(List.of("C_INDISCRIM_OLD"), plan.added());
            assertEquals(List.of("C_INDISCRIM"), plan.removed());
            assertTrue(plan.suggestions().get(0).contains("--rename C_INDISCRIM=C_INDISCRIM_OLD"), plan.suggestions().toString());
            Path backup = s.changeScheme(plan);
            assertTrue(Files.exists(backup));
            assertEquals("C_REFER", s.events().get(check.id()).orElseThrow().code());
            assertFalse(s.events().canUndo(passId), "undo must not bring back codes of the old version");
        }
        try (Study s = Study.open(file)) {
            assertEquals("1.2.0", s.scheme().version());
            assertEquals(2, s.schemeHistory().size());
            assertTrue(s.schemeHistory().get(1).endsWith("current"));
        }
    }

    @Test
    void aRemovedCodeStillInUseBlocksTheChange() throws Exception {
        Path file = dir.resolve("s.attune");
        try (Study s = Study.create(file, StudyTest.SCHEME, "x")) {
            long passId = StudyTest.seed(s)[2];
            s.events().add(passId, EventDraft.point("C_CHECK", 1000));
            s.events().add(passId, EventDraft.point("C_BID", 1500).withModifiers(Modifiers.single("type", "help")));
        }
        CodingScheme v11 = edited("\"id\": \"C_CHECK\"", "\"id\": \"C_REFER\"", "{\n              \"id\": \"help\",\n              \"label\": \"Request for help\"\n            },\n", "");
        try (Study s = Study.open(file)) {
            SchemeChange plan = s.planSchemeChange(v11, Map.of());
            assertEquals(List.of(
                    "1 events or ratings use C_CHECK, which the new scheme removes: keep it, or map it with --rename C_CHECK=NEW_CODE",
                    "events of C_BID would not fit the new scheme: modifier type of C_BID has no value \"help\" (values: social, need, share)"), plan.blockers());
            assertEquals(List.of("1.1.0"), List.of(s.scheme().version()), "nothing changed");
        }
    }

    @Test
    void cliPrintsTheReportAndRefusesWhatWouldNotFit() throws Exception {
        Path file = dir.resolve("s.attune");
        try (Study s = Study.create(file, StudyTest.SCHEME, "x")) {
            long passId = StudyTest.seed(s)[2];
            s.events().add(passId, EventDraft.point("C_CHECK", 1000));
        }
        Path v11 = dir.resolve("v11.json");
        Files.writeString(v11, SchemeWriter.toJson(edited("\"id\": \"C_CHECK\"", "\"id\": \"C_REFER\"")));
        CliTest.Run refused = CliTest.run("study", "change-scheme", file.toString(), "--scheme", v11.toString());
        assertEquals(1, refused.code());
        assertTrue(refused.out().contains("removed: C_CHECK"), refused.out());
        assertTrue(refused.err().contains("cannot change: 1 events or ratings use C_CHECK"), refused.err());
        CliTest.Run dry = CliTest.run("study", "change-scheme", file.toString(), "--scheme", v11.toString(), "--rename", "C_CHECK=C_REFER", "--dry-run");
        assertEquals(0, dry.code(), dry.err());
        assertTrue(dry.out().contains("renamed: C_CHECK → C_REFER"), dry.out());
        CliTest.Run done = CliTest.run("study", "change-scheme", file.toString(), "--scheme", v11.toString(), "--rename", "C_CHECK=C_REFER");
        assertEquals(0, done.code(), done.err());
        assertTrue(done.out().contains("changed; backup of the study before the change: "), done.out());
        assertTrue(CliTest.run("study", "info", file.toString()).out().contains("attachment-interaction 1.2.0"));
    }
}
