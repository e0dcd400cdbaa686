package org.attune.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.attune.coding.CodedEvent;
import org.attune.coding.KeyCoding;
import org.attune.coding.Modifiers;
import org.attune.coding.Session;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.json.BundledSchemes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Coding a pass by key presses against a real study file: each press one durable, undoable step. */
class KeyCodingStudyTest {

    static final CodingScheme SCHEME = BundledSchemes.defaultScheme();

    @TempDir
    Path dir;

    private static void press(Study s, long pass, String key, long at) throws StudyException {
        org.attune.service.KeyPresses.apply(s.events(), pass, KeyCoding.onKey(SCHEME, key, at, s.events().list(pass)));
    }

    private static String render(List<CodedEvent> events) {
        return String.join(" ", events.stream().map(e -> e.code() + "@" + e.onsetMs() + "-" + e.offsetMs()).toList());
    }

    @Test
    void pressesBecomeEventsAndUndoTakesThemBackOneAtATime() throws Exception {
        Path file = dir.resolve("k.attune");
        long pass;
        try (Study s = Study.create(file, SCHEME, "k")) {
            Session session = s.addSession(new Session(0, "S01", "", "", null, "", "", Map.of()));
            pass = s.pass(session.id(), s.addCoder("A", "AL").id()).id();
            press(s, pass, "KeyY", 1000);            // C_POS starts
            press(s, pass, "KeyG", 1200);            // P_GAZE starts
            press(s, pass, "KeyU", 2000);            // C_DIST starts, ending C_POS at 2000 in the same step
            press(s, pass, "KeyE", 2400);            // P_INTRUDE point
            KeyCoding.Action ask = KeyCoding.onKey(SCHEME, "KeyI", 2800, s.events().running(pass));
            KeyCoding.ChooseModifiers c = (KeyCoding.ChooseModifiers) ask;
            org.attune.service.KeyPresses.apply(s.events(), pass, KeyCoding.withModifiers(SCHEME, c.code(), c.atMs(), Modifiers.single("type", "need"), s.events().list(pass)));
            press(s, pass, "KeyG", 3000);            // P_GAZE stops
            press(s, pass, "KeyQ", 3100);            // not a code key: nothing
        }
        try (Study s = Study.open(file)) {         // everything acknowledged is in the file
            assertEquals("C_POS@1000-2000 P_GAZE@1200-3000 C_DIST@2000-null P_INTRUDE@2400-2400 C_BID@2800-2800", render(s.events().list(pass)));
            assertEquals("need", s.events().list(pass).get(4).modifiers().asMap().get("type").get(0));
            s.events().undo(pass);                   // P_GAZE runs again
            assertEquals(List.of("C_DIST", "P_GAZE"), s.events().running(pass).stream().map(CodedEvent::code).sorted().toList());
            s.events().undo(pass);                   // the bid
            s.events().undo(pass);                   // the intrusion
            s.events().undo(pass);                   // C_DIST and the end of C_POS, together
            assertEquals("C_POS@1000-null P_GAZE@1200-null", render(s.events().list(pass)));
            assertTrue(s.events().canRedo(pass));
        }
    }
}
