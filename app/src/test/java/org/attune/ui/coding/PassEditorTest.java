package org.attune.ui.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.attune.coding.CodedEvent;
import org.attune.coding.Coder;
import org.attune.coding.CodingPass;
import org.attune.coding.EventEdit;
import org.attune.coding.KeyCoding;
import org.attune.coding.ModifierChoice;
import org.attune.coding.PassStatus;
import org.attune.coding.Session;
import org.attune.scheme.Code;
import org.attune.scheme.json.BundledSchemes;
import org.attune.store.Study;
import org.attune.ui.RecordingDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The coding workspace's view model without the toolkit: key press → committed → list and index updated; undo; done passes. */
class PassEditorTest {

    @TempDir
    Path dir;
    Study study;
    CodingPass pass;
    final ObservableList<CodedEvent> events = FXCollections.observableArrayList();
    final RecordingDialogs dialogs = new RecordingDialogs();
    final List<String> said = new ArrayList<>();
    final List<CodedEvent> redrawn = new ArrayList<>();
    int statusChanges;
    int edits;
    PassEditor editor;

    @BeforeEach
    void aPass() throws Exception {
        study = Study.create(dir.resolve("p.attune"), BundledSchemes.defaultScheme(), "p");
        Session s = study.addSession(new Session(0, "S1", "", "", null, "", "", Map.of()));
        Coder c = study.addCoder("Ana", "AL");
        pass = study.pass(s.id(), c.id());
        editor = editorFor(pass, s, c);
    }

    private PassEditor editorFor(CodingPass p, Session s, Coder c) {
        return new PassEditor(study, new CodingWorkspace.PassChoice(p, s, c), events, dialogs, redrawn::add, () -> statusChanges++, () -> edits++, said::add, new ServerWatch(), null);
    }

    @AfterEach
    void closeStudy() {
        study.close();
    }

    private Code code(String id) {
        return study.scheme().code(id).orElseThrow();
    }

    @Test
    void aKeyPressIsCommittedThenShownInOnsetOrder() throws Exception {
        assertTrue(editor.mayEdit());
        editor.code(code("P_INTRUDE"), 5_000);
        editor.code(code("P_INTRUDE"), 1_000);
        assertEquals(List.of(1_000L, 5_000L), events.stream().map(CodedEvent::onsetMs).toList());
        assertEquals(study.events().list(pass.id()), List.copyOf(events), "the list is what the study holds");
        assertEquals(Optional.of(0), editor.lastCoded().map(PassEditor.Coded::row), "the 1-s event went to row 0");
        assertEquals("Coded Intrusive / overcontrolling at 00:00:01.000. All changes saved.", said.get(said.size() - 1));
        assertEquals(2, edits);
        assertEquals(1, statusChanges, "the first edit starts the pass");
    }

    @Test
    void startingAStateOfAnExclusiveGroupEndsTheRunningOneInPlace() throws Exception {
        editor.code(code("C_POS"), 1_000);
        assertEquals(List.of("C_POS"), List.copyOf(editor.index().running().keySet()));
        editor.code(code("C_DIST"), 3_000); // same group: C_POS ends at 3 s
        assertEquals(List.of("C_DIST"), List.copyOf(editor.index().running().keySet()));
        assertEquals(3_000L, events.get(0).offsetMs());
        assertEquals(study.events().list(pass.id()), List.copyOf(events));
        assertTrue(redrawn.stream().anyMatch(e -> e.code().equals("C_POS") && e.offsetMs() == null), "the old bar's place is drawn again");
        editor.code(code("C_DIST"), 4_000); // its own key stops it
        assertEquals(Map.of(), editor.index().running());
        assertEquals("Ended Child distress at 00:00:04.000. All changes saved.", editor.lastMessage());
    }

    @Test
    void aCodeWithModifiersAsksFirstAndIsCodedWithTheChoice() throws Exception {
        Optional<KeyCoding.ChooseModifiers> ask = editor.code(code("C_BID"), 2_000);
        assertTrue(ask.isPresent(), "C_BID asks for its modifiers");
        assertTrue(events.isEmpty(), "nothing is coded before the choice");
        ModifierChoice choice = new ModifierChoice(ask.get().code());
        choice.digit(1);
        editor.apply(KeyCoding.withModifiers(study.scheme(), ask.get().code(), ask.get().atMs(), choice.result(), editor.index()));
        assertEquals(1, events.size());
        assertFalse(events.get(0).modifiers().asMap().isEmpty());
    }

    @Test
    void aWriteTheStudyRefusesIsSaidInADialogAndNothingShows() {
        editor.code(code("P_INTRUDE"), 1_000);
        study.close(); // the file went away under the app (a USB stick pulled): every write fails
        assertEquals(Optional.empty(), editor.code(code("P_INTRUDE"), 2_000), "no chooser, no exception");
        assertEquals(Optional.empty(), editor.lastCoded());
        assertEquals(1, events.size(), "the list shows only what was committed");
        assertTrue(dialogs.shown.stream().anyMatch(d -> d.startsWith("The event was not saved") && d.contains("is closed; open it again")), dialogs.shown.toString());
        assertEquals(java.util.OptionalInt.empty(), editor.moveEdge(events.get(0), 500, null));
        assertEquals(1_000L, events.get(0).onsetMs(), "the row keeps its stored time");
        assertFalse(editor.delete(List.of(events.get(0))));
        assertEquals(1, events.size());
        assertEquals(Optional.empty(), editor.undoRedo(false));
        assertTrue(dialogs.shown.stream().anyMatch(d -> d.startsWith("Undo failed")), dialogs.shown.toString());
    }

    @Test
    void undoAndRedoReadThePassAgain() throws Exception {
        editor.code(code("P_INTRUDE"), 1_000);
        editor.code(code("C_POS"), 2_000);
        editor.undoRedo(false);
        assertEquals(List.of("P_INTRUDE"), events.stream().map(CodedEvent::code).toList());
        assertEquals(Map.of(), editor.index().running());
        assertEquals("Undone: coding Child positive affect. All changes saved.", editor.lastMessage(), "issue 14 bug 6: the behaviour's name, not its id");
        editor.undoRedo(true);
        assertEquals(List.of("C_POS"), List.copyOf(editor.index().running().keySet()));
        editor.undoRedo(true);
        assertEquals("Nothing to redo.", editor.lastMessage());
    }

    @Test
    void aPassMarkedDoneChangesOnlyWhenTheCoderReopensIt() throws Exception {
        CodingPass done = study.setPassStatus(pass.id(), PassStatus.DONE);
        PassEditor e = editorFor(done, study.sessions().get(0), study.coders().get(0));
        dialogs.answer = false;
        assertFalse(e.mayEdit());
        assertTrue(e.lastMessage().startsWith("Nothing changed: S1 · AL"), e.lastMessage());
        assertEquals(PassStatus.DONE, study.passes().get(0).status());
        dialogs.answer = true;
        assertTrue(e.mayEdit());
        assertEquals(PassStatus.IN_PROGRESS, study.passes().get(0).status());
        assertEquals(1, statusChanges);
        assertTrue(e.mayEdit(), "asked once");
        assertEquals(2, dialogs.shown.size(), "the declined and the accepted question, nothing more");
    }

    @Test
    void aReadOnlyStudyChangesNothing() throws Exception {
        try (Study readOnly = Study.openReadOnly(study.path())) {
            PassEditor e = new PassEditor(readOnly, new CodingWorkspace.PassChoice(pass, readOnly.sessions().get(0), readOnly.coders().get(0)),
                    events, dialogs, x -> { }, () -> { }, () -> { }, said::add, new ServerWatch(), null);
            assertFalse(e.mayEdit());
            assertEquals("Nothing was changed: this study is read-only here because it was opened read-only.", e.lastMessage());
        }
    }

    @Test
    void anEditThatDoesNotFitIsRefusedWithTheReasonAndNothingIsCommitted() throws Exception {
        editor.code(code("P_INTRUDE"), 1_000);
        CodedEvent e = events.get(0);
        EventEdit.Result r = EventEdit.apply(study.scheme(), e, EventEdit.Field.ONSET, "soon", ms -> ms, editor.index());
        assertTrue(editor.change(e, r, "onset").isEmpty());
        assertTrue(editor.lastMessage().startsWith("Not changed: "), editor.lastMessage());
        assertEquals(1_000, study.events().list(pass.id()).get(0).onsetMs());
    }

    /** Random presses, edits and deletes: the list stays exactly what the study holds, in its order. */
    @Test
    void theListStaysWhatTheStudyHolds() throws Exception {
        Random random = new Random(13);
        List<String> codes = List.of("P_INTRUDE", "C_POS", "C_DIST", "P_GAZE", "P_TOUCH");
        for (int i = 0; i < 300; i++) {
            int what = random.nextInt(10);
            if (what < 7) {
                editor.code(code(codes.get(random.nextInt(codes.size()))), random.nextInt(600) * 100L);
            } else if (what < 9 && !events.isEmpty()) {
                CodedEvent e = events.get(random.nextInt(events.size()));
                if (e.offsetMs() != null && e.offsetMs() > e.onsetMs()) {
                    editor.change(e, EventEdit.apply(study.scheme(), e, EventEdit.Field.ONSET, Double.toString(e.onsetMs() / 1000.0 + 0.04), ms -> ms,
                            editor.index()), "onset");
                }
            } else if (!events.isEmpty()) {
                editor.delete(List.of(events.get(random.nextInt(events.size()))));
            }
            assertEquals(study.events().list(pass.id()), List.copyOf(events), "after step " + i);
        }
        assertEquals(KeyCoding.index(study.scheme(), study.events().list(pass.id())).running(), editor.index().running());
    }
}
