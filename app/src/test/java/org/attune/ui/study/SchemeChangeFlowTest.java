package org.attune.ui.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.attune.coding.CodedEvent;
import org.attune.coding.EventDraft;
import org.attune.scheme.json.BundledSchemes;
import org.attune.store.Study;
import org.attune.ui.RecordingDialogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14 bug 8: a GUI user moves a study to a new scheme version in the app, not with `attune study change-scheme`. */
class SchemeChangeFlowTest {

    @TempDir
    Path dir;

    private final RecordingDialogs dialogs = new RecordingDialogs();

    /** The bundled scheme as version 1.2.0 with C_CHECK's id changed to C_REFER (same name), written where a lab keeps it. */
    private Path version11() throws Exception {
        String json = Files.readString(org.attune.TestPaths.defaultScheme()).replace("\"version\": \"1.1.0\"", "\"version\": \"1.2.0\"")
                .replace("\"id\": \"C_CHECK\"", "\"id\": \"C_REFER\"");
        Path f = dir.resolve("scheme-1.1.json");
        Files.writeString(f, json);
        return f;
    }

    private Path studyWithACheckBack() throws Exception {
        Path file = dir.resolve("s.attune");
        try (Study s = Study.create(file, BundledSchemes.defaultScheme(), "Demo")) {
            var session = s.addSession(new org.attune.coding.Session(0, "S01", "", "", null, "", "", java.util.Map.of()));
            var coder = s.addCoder("A", "AL");
            s.events().add(s.pass(session.id(), coder.id()).id(), EventDraft.point("C_CHECK", 1000));
        }
        return file;
    }

    @Test
    void aSameNamedCodeIsOfferedAsTheRenameAndTheStudyMovesAfterTheReport() throws Exception {
        Path file = studyWithACheckBack();
        dialogs.files.add(version11());
        dialogs.answer = true;
        try (Study s = Study.open(file)) {
            Optional<Path> backup = new SchemeChangeFlow(dialogs).run(s);
            assertTrue(backup.isPresent() && Files.exists(backup.get()), "a copy from before the change");
            assertEquals("1.2.0", s.scheme().version());
            assertEquals(List.of("C_REFER"), s.events().list(s.passes().get(0).id()).stream().map(CodedEvent::code).toList());
        }
        assertTrue(dialogs.shown.get(1).startsWith("Was Checks back renamed?? C_CHECK (Checks back) is not in the new scheme, and C_REFER there has the same name."),
                dialogs.shown.get(1));
        assertTrue(dialogs.shown.get(2).contains("Renamed: C_CHECK → C_REFER"), dialogs.shown.get(2));
        assertTrue(dialogs.shown.get(3).startsWith("(i) Moved to "), dialogs.shown.get(3));
        assertTrue(dialogs.shown.stream().noneMatch(x -> x.contains("attune study") || x.contains("--rename")), "no command line for a GUI user");
    }

    @Test
    void declinedRenameAndNoCodeTypedLeavesTheStudyAsItWas() throws Exception {
        Path file = studyWithACheckBack();
        dialogs.files.add(version11());
        dialogs.answer = false; // not the same behaviour; then no code typed
        try (Study s = Study.open(file)) {
            assertEquals(Optional.empty(), new SchemeChangeFlow(dialogs).run(s));
            assertEquals("1.1.0", s.scheme().version());
            assertEquals(List.of("C_CHECK"), s.events().list(s.passes().get(0).id()).stream().map(CodedEvent::code).toList());
        }
        assertTrue(dialogs.shown.get(2).startsWith("A code in use is not in the new scheme? C_CHECK (Checks back) has 1 events or ratings"), dialogs.shown.get(2));
        assertEquals("(i) Nothing was changed: Demo keeps its scheme 1.1.0.", dialogs.shown.get(3));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().contains(".before-scheme-")), "no backup: nothing was changed");
        }
    }

    @Test
    void aTypedCodeThatIsNotInTheNewSchemeIsRefusedInTheAppsWords() throws Exception {
        Path file = studyWithACheckBack();
        dialogs.files.add(version11());
        dialogs.answer = false;
        dialogs.texts.add("C_NOPE");
        try (Study s = Study.open(file)) {
            assertEquals(Optional.empty(), new SchemeChangeFlow(dialogs).run(s));
            assertEquals("1.1.0", s.scheme().version());
        }
        String refused = dialogs.shown.get(dialogs.shown.size() - 1);
        assertTrue(refused.startsWith("The study cannot move to this scheme: Nothing was changed."), refused);
        assertTrue(refused.contains("C_CHECK → C_NOPE: C_NOPE is not a code of the new scheme"), refused);
    }

    @Test
    void aSchemeFileWithErrorsChangesNothing() throws Exception {
        Path file = studyWithACheckBack();
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{ \"id\": ");
        dialogs.files.add(bad);
        try (Study s = Study.open(file)) {
            assertEquals(Optional.empty(), new SchemeChangeFlow(dialogs).run(s));
            assertEquals("1.1.0", s.scheme().version());
        }
        assertTrue(dialogs.shown.get(1).startsWith("This scheme file has errors: Fix them in bad.json and choose it again. Nothing was changed."), dialogs.shown.get(1));
    }
}
