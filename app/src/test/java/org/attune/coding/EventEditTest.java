package org.attune.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.function.LongUnaryOperator;
import org.attune.coding.EventEdit.Field;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.json.BundledSchemes;
import org.junit.jupiter.api.Test;

class EventEditTest {

    static final CodingScheme SCHEME = BundledSchemes.defaultScheme();
    /** 25 fps: the start of the frame containing a time. */
    static final LongUnaryOperator FRAMES = ms -> ms / 40 * 40;

    private final CodedEvent gaze1 = new CodedEvent(1, 1, "C_GAZE", 3_280, 5_400L, null, null);
    private final CodedEvent gaze2 = new CodedEvent(2, 1, "C_GAZE", 9_240, 11_400L, null, null);
    private final CodedEvent bid = new CodedEvent(3, 1, "C_BID", 2_160, 2_160L, Modifiers.single("type", "help"), "reaches");
    private final PassIndex pass = KeyCoding.index(SCHEME, List.of(bid, gaze1, gaze2));

    private EventEdit.Result edit(CodedEvent e, Field f, String text) {
        return EventEdit.apply(SCHEME, e, f, text, FRAMES, pass);
    }

    @Test
    void typedTimesInEveryUsualFormAreSnappedToTheFrame() {
        assertEquals(Optional.of(6_000L), edit(gaze1, Field.OFFSET, "00:00:06.010").draft().map(EventDraft::offsetMs));
        assertEquals(Optional.of(6_000L), edit(gaze1, Field.OFFSET, "0:06.039").draft().map(EventDraft::offsetMs));
        assertEquals(Optional.of(6_000L), edit(gaze1, Field.OFFSET, "6,02").draft().map(EventDraft::offsetMs));
        assertEquals(Optional.of(3_720_040L), TimeFormat.parseClock("1:02:00.040"));
        assertEquals(Optional.empty(), TimeFormat.parseClock("1:75:00"));
        assertEquals(Optional.empty(), TimeFormat.parseClock("-3"));
        EventEdit.Result r = edit(gaze1, Field.ONSET, "soon");
        assertFalse(r.ok());
        assertEquals("\"soon\" is not a time: write 00:01:23.456, 1:23.456 or 83.456 (seconds).", r.message());
    }

    @Test
    void aPointMovesAsAWholeAndHasNoOffsetToSet() {
        EventDraft d = edit(bid, Field.ONSET, "2.5").draft().orElseThrow();
        assertEquals(2_480, d.onsetMs());
        assertEquals(2_480L, d.offsetMs());
        assertEquals("C_BID is a point code: it has no offset to set. Set its onset instead.", EventEdit.setTime(SCHEME, bid, Field.OFFSET, 4_000, pass).message());
    }

    @Test
    void aStateCannotEndBeforeItStartsNorOverlapAnotherBoutOfItsCode() {
        assertEquals("The offset 00:00:03.000 would come before the onset 00:00:03.280; move the onset first.", edit(gaze1, Field.OFFSET, "3").message());
        assertEquals("C_GAZE is also coded from 00:00:09.240 to 00:00:11.400; bouts of one code cannot overlap. Change that bout first, or delete it.",
                edit(gaze1, Field.OFFSET, "10").message());
        assertTrue(edit(gaze1, Field.OFFSET, "9.240").ok(), "ending exactly where the next bout starts is fine");
    }

    @Test
    void changingTheCodeKeepsWhatFitsAndSaysWhatWasDropped() {
        EventEdit.Result toState = edit(bid, Field.CODE, "C_GAZE");
        assertEquals(new EventDraft("C_GAZE", 2_160, 2_160L, Modifiers.NONE, "reaches"), toState.draft().orElseThrow(), "a zero-length bout, to be widened");
        assertEquals("Modifiers type=help were dropped: C_GAZE does not have them.", toState.message());
        assertFalse(edit(new CodedEvent(4, 1, "P_BID", 4_000, 4_000L, null, null), Field.CODE, "C_GAZE").ok(), "4.000 lies inside a C_GAZE bout");
        EventEdit.Result toPoint = edit(gaze2, Field.CODE, "C_RESP");
        assertEquals(Optional.of(9_240L), toPoint.draft().map(EventDraft::offsetMs));
        assertEquals("Its duration was dropped: C_RESP is a point code.", toPoint.message());
        EventEdit.Result bidToParentBid = edit(bid, Field.CODE, "P_BID");
        assertEquals(Modifiers.NONE, bidToParentBid.draft().orElseThrow().modifiers());
        assertEquals("Modifiers type=help were dropped: P_BID does not have them.", bidToParentBid.message());
        assertEquals("\"R_SENS\" is not a timed code of " + SCHEME.name() + "; type a code id such as C_BID.", edit(bid, Field.CODE, "R_SENS").message());
        assertEquals(Optional.of("C_RESP"), edit(bid, Field.CODE, "child response").draft().map(EventDraft::code), "a code's label works too");
    }

    @Test
    void modifiersAreCheckedAgainstTheScheme() {
        assertEquals(Optional.of(Modifiers.single("type", "share")), edit(bid, Field.MODIFIERS, "share").draft().map(EventDraft::modifiers));
        assertEquals(Optional.of(Modifiers.single("type", "need")), edit(bid, Field.MODIFIERS, "type = need").draft().map(EventDraft::modifiers));
        assertEquals(Optional.of(Modifiers.NONE), edit(bid, Field.MODIFIERS, "").draft().map(EventDraft::modifiers));
        assertEquals("Modifier type of C_BID has no value \"hug\" (values: social, need, help, share).", edit(bid, Field.MODIFIERS, "hug").message());
        assertEquals("C_GAZE has no modifier set \"type\".", edit(gaze1, Field.MODIFIERS, "type=help").message());
        assertEquals(Optional.of("cries, then reaches"), edit(bid, Field.COMMENT, "  cries, then reaches ").draft().map(EventDraft::comment));
    }
}
