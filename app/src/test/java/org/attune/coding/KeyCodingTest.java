package org.attune.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.json.BundledSchemes;
import org.junit.jupiter.api.Test;

/** Key presses on the default scheme: G = P_GAZE, Y = C_POS and U = C_DIST (exclusive group AFF_C), I = C_BID (bid type), E = P_INTRUDE, 0 = C_DISORG (index). */
class KeyCodingTest {

    static final CodingScheme SCHEME = BundledSchemes.defaultScheme();

    static CodedEvent running(long id, String code, long on) {
        return new CodedEvent(id, 1, code, on, null, Modifiers.NONE, "");
    }

    @Test
    void aStateKeyStartsThenStops() {
        KeyCoding.StartState start = assertInstanceOf(KeyCoding.StartState.class, KeyCoding.onKey(SCHEME, "KeyG", 1000, List.of()));
        assertEquals(EventDraft.state("P_GAZE", 1000, null), start.event());
        assertEquals(List.of(), start.ends());
        CodedEvent gaze = running(7, "P_GAZE", 1000);
        assertEquals(new KeyCoding.StopState(gaze, 3040), KeyCoding.onKey(SCHEME, "KeyG", 3040, List.of(gaze)));
    }

    @Test
    void startingAStateEndsTheRunningStateOfItsGroupButNotOthers() {
        CodedEvent positive = running(3, "C_POS", 1000);
        CodedEvent gaze = running(4, "P_GAZE", 500);
        KeyCoding.StartState distress = assertInstanceOf(KeyCoding.StartState.class, KeyCoding.onKey(SCHEME, "KeyU", 2000, List.of(positive, gaze)));
        assertEquals(List.of(positive), distress.ends());
    }

    @Test
    void stoppingOrEndingBeforeTheStartIsRefusedWithWhatToDo() {
        CodedEvent gaze = running(7, "P_GAZE", 5000);
        KeyCoding.Refused r = assertInstanceOf(KeyCoding.Refused.class, KeyCoding.onKey(SCHEME, "KeyG", 4000, List.of(gaze)));
        assertTrue(r.why().startsWith("Cannot end P_GAZE at 00:00:04.000: it started at 00:00:05.000."), r.why());
        CodedEvent positive = running(3, "C_POS", 5000);
        assertInstanceOf(KeyCoding.Refused.class, KeyCoding.onKey(SCHEME, "KeyU", 4000, List.of(positive)));
    }

    @Test
    void aNewBoutMayNotOverlapACodedBoutOfItsCode() {
        CodedEvent earlier = new CodedEvent(1, 1, "P_GAZE", 1000, 2000L, Modifiers.NONE, "");
        CodedEvent later = new CodedEvent(2, 1, "P_GAZE", 6000, 8000L, Modifiers.NONE, "");
        assertInstanceOf(KeyCoding.StartState.class, KeyCoding.onKey(SCHEME, "KeyG", 2000, List.of(earlier)), "right after a bout ends is fine");
        KeyCoding.Refused inside = assertInstanceOf(KeyCoding.Refused.class, KeyCoding.onKey(SCHEME, "KeyG", 1500, List.of(earlier)));
        assertTrue(inside.why().contains("already coded from 00:00:01.000 to 00:00:02.000"), inside.why());
        assertInstanceOf(KeyCoding.StartState.class, KeyCoding.onKey(SCHEME, "KeyG", 9000, List.of(earlier, later)));
    }

    /** Going back to code an earlier stretch: the start is allowed; the end may not reach into the later bout. */
    @Test
    void aBoutStartedBeforeALaterBoutMustEndByItsOnset() {
        CodedEvent later = new CodedEvent(2, 1, "P_GAZE", 6000, 8000L, Modifiers.NONE, "");
        assertInstanceOf(KeyCoding.StartState.class, KeyCoding.onKey(SCHEME, "KeyG", 5000, List.of(later)), "starting before a later bout is fine");
        CodedEvent started = running(3, "P_GAZE", 5000);
        assertEquals(new KeyCoding.StopState(started, 5960), KeyCoding.onKey(SCHEME, "KeyG", 5960, List.of(later, started)));
        assertEquals(new KeyCoding.StopState(started, 6000), KeyCoding.onKey(SCHEME, "KeyG", 6000, List.of(later, started)), "ending where the next starts");
        KeyCoding.Refused r = assertInstanceOf(KeyCoding.Refused.class, KeyCoding.onKey(SCHEME, "KeyG", 6040, List.of(later, started)));
        assertEquals("Cannot end P_GAZE at 00:00:06.040: P_GAZE is coded again from 00:00:06.000, and the bout from 00:00:05.000 would overlap it. "
                + "Go back to before 00:00:06.000 and press again, or set the offset in the event table.", r.why());
    }

    /** A state ended by an exclusive start may not be ended past its own later bout either. */
    @Test
    void anExclusiveStartMayNotEndAStateIntoItsLaterBout() {
        CodedEvent laterPositive = new CodedEvent(1, 1, "C_POS", 6000, 7000L, Modifiers.NONE, "");
        CodedEvent positive = running(2, "C_POS", 5000);
        KeyCoding.Refused r = assertInstanceOf(KeyCoding.Refused.class, KeyCoding.onKey(SCHEME, "KeyU", 6500, List.of(laterPositive, positive)));
        assertTrue(r.why().startsWith("Cannot start C_DIST at 00:00:06.500: it would end C_POS there, but C_POS is coded again from 00:00:06.000"), r.why());
        KeyCoding.StartState ok = assertInstanceOf(KeyCoding.StartState.class, KeyCoding.onKey(SCHEME, "KeyU", 5500, List.of(laterPositive, positive)));
        assertEquals(List.of(positive), ok.ends());
    }

    @Test
    void codesWithModifiersAskFirstExceptToStopARunningState() {
        KeyCoding.ChooseModifiers ask = assertInstanceOf(KeyCoding.ChooseModifiers.class, KeyCoding.onKey(SCHEME, "KeyI", 1200, List.of()));
        assertEquals("C_BID", ask.code().id());
        assertEquals(1200, ask.atMs());
        KeyCoding.Action done = KeyCoding.withModifiers(SCHEME, ask.code(), ask.atMs(), Modifiers.single("type", "social"), List.of());
        assertEquals(new KeyCoding.LogPoint(EventDraft.point("C_BID", 1200).withModifiers(Modifiers.single("type", "social"))), done);

        assertInstanceOf(KeyCoding.ChooseModifiers.class, KeyCoding.onKey(SCHEME, "Digit0", 100, List.of()));
        CodedEvent disorganised = running(9, "C_DISORG", 100);
        assertEquals(new KeyCoding.StopState(disorganised, 900), KeyCoding.onKey(SCHEME, "Digit0", 900, List.of(disorganised)));
    }

    @Test
    void pointKeysLogAndOtherKeysAreLeftToTheCaller() {
        assertEquals(new KeyCoding.LogPoint(EventDraft.point("P_INTRUDE", 2200)), KeyCoding.onKey(SCHEME, "KeyE", 2200, List.of()));
        assertEquals(new KeyCoding.NotACodeKey("KeyQ"), KeyCoding.onKey(SCHEME, "KeyQ", 0, List.of()));
        assertEquals(new KeyCoding.NotACodeKey("Space"), KeyCoding.onKey(SCHEME, "Space", 0, List.of()));
    }
}
