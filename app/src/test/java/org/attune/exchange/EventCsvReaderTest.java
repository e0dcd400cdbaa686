package org.attune.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.attune.coding.EventDraft;
import org.attune.coding.Modifiers;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.json.BundledSchemes;
import org.junit.jupiter.api.Test;

class EventCsvReaderTest {

    static final CodingScheme SCHEME = BundledSchemes.defaultScheme();

    static EventCsvReader.Result read(String csv) throws Exception {
        return EventCsvReader.read(new StringReader(csv), "events.csv", SCHEME);
    }

    static List<String> errors(EventCsvReader.Result r) {
        return r.errors().stream().map(EventCsvReader.Problem::format).toList();
    }

    @Test
    void minimalColumnsAreEnough() throws Exception {
        EventCsvReader.Result r = read("""
                session,coder,code,onset_s,offset_s
                S01,AL,C_BID,1.5,
                S01,AL,P_GAZE,2,4.25
                S02,BK,C_POS,0.0005,1
                """);
        assertEquals(List.of(), errors(r));
        assertEquals(3, r.rows().size());
        assertEquals(EventDraft.point("C_BID", 1500), r.rows().get(0).event());
        assertEquals(EventDraft.state("P_GAZE", 2000, 4250L), r.rows().get(1).event());
        assertEquals(1, r.rows().get(2).event().onsetMs(), "0.5 ms rounds half up to 1 ms");
        assertEquals(3, r.rows().get(1).line());
    }

    @Test
    void everyErrorIsListedWithItsLineAndColumn() throws Exception {
        EventCsvReader.Result r = read("""
                session,coder,code,onset_s,offset_s,modifier_type
                S01,AL,C_BIDD,1,,
                S01,AL,P_GAZE,abc,4,
                S01,AL,P_GAZE,5,4,
                S01,AL,C_BID,6,7,
                S01,AL,C_BID,8,,angry
                ,AL,C_BID,9,,
                S01,AL,R_SENS,1,,
                """);
        assertEquals(List.of(
                "events.csv:2: column code: \"C_BIDD\" is not a code of scheme attachment-interaction 1.1.0",
                "events.csv:3: column onset_s: \"abc\" is not a number of seconds (write e.g. 12.345 or 12,345)",
                "events.csv:4: column offset_s: offset 4.000 s is before onset 5.000 s",
                "events.csv:5: column offset_s: C_BID is a point code: leave offset_s empty or equal to onset_s",
                "events.csv:6: column modifier: modifier type of C_BID has no value \"angry\" (values: social, need, help, share)",
                "events.csv:7: column session: empty; every event needs the label of its session",
                "events.csv:8: column code: R_SENS is a session rating, not a timed event"), errors(r));
        assertEquals(List.of(), r.rows(), "nothing is handed over for import when anything is wrong");
    }

    @Test
    void overlappingStatesOfAnExclusiveGroupAreRejectedPerCoderAndSession() throws Exception {
        EventCsvReader.Result r = read("""
                session,coder,code,onset_s,offset_s
                S01,AL,C_POS,1,5
                S01,AL,C_DIST,4,8
                S01,BK,C_DIST,4,8
                S01,AL,C_DIST,8,9
                S01,AL,P_GAZE,1,3
                S01,AL,P_GAZE,2,6
                S01,AL,P_FOLLOW,10,20
                S01,AL,P_DISENG,15,30
                """);
        assertEquals(List.of(
                "events.csv:3: column onset_s: C_DIST from 4.000 s overlaps C_POS of line 2 (1.000–5.000 s) for session S01, coder AL; states that exclude each other cannot overlap — end the first before the second starts",
                "events.csv:7: column onset_s: P_GAZE from 2.000 s overlaps P_GAZE of line 6 (1.000–3.000 s) for session S01, coder AL; the same state cannot overlap — end the first before the second starts",
                "events.csv:9: column onset_s: P_DISENG from 15.000 s overlaps P_FOLLOW of line 8 (10.000–20.000 s) for session S01, coder AL; states that exclude each other cannot overlap — end the first before the second starts"),
                errors(r));
    }

    @Test
    void missingColumnsAreNamed() throws Exception {
        assertEquals(List.of("events.csv:1: missing columns coder, onset_s; the first line must name at least session, coder, code, onset_s (and offset_s for state codes)"),
                errors(read("session,code,time\nS01,C_BID,1\n")));
        assertEquals(List.of("events.csv:1: column modifier_mood: no code of scheme attachment-interaction has the modifier set \"mood\"; rename or remove the column"),
                errors(read("session,coder,code,onset_s,modifier_mood\nS01,AL,C_BID,1,happy\n")));
        assertTrue(errors(read("")).get(0).contains("the file is empty"));
    }

    @Test
    void excelStyleSemicolonsAndDecimalCommasAreRead() throws Exception {
        EventCsvReader.Result r = read("\uFEFFsession;coder;code;onset_s;offset_s;modifier_form;comment\r\nS01;AL;P_RESP;12,345;;verbal+mirror;\"ja; gut\"\r\n");
        assertEquals(List.of(), errors(r));
        EventDraft e = r.rows().get(0).event();
        assertEquals(12_345, e.onsetMs());
        assertEquals(Modifiers.of(java.util.Map.of("form", List.of("mirror", "verbal"))), e.modifiers());
        assertEquals("ja; gut", e.comment());
    }

    @Test
    void lineNumbersCountLinesInsideQuotedComments() throws Exception {
        EventCsvReader.Result r = read("session,coder,code,onset_s,comment\nS01,AL,C_BID,1,\"two\nlines\"\nS01,AL,NOPE,2,\n");
        assertEquals(List.of("events.csv:4: column code: \"NOPE\" is not a code of scheme attachment-interaction 1.1.0"), errors(r));
    }

    @Test
    void aStateWithoutOffsetIsImportedAsRunningAndSaidSo() throws Exception {
        EventCsvReader.Result r = read("session,coder,code,onset_s,offset_s\nS01,AL,C_EXPLORE,3,\n");
        assertEquals(List.of(), errors(r));
        assertEquals(null, r.rows().get(0).event().offsetMs());
        assertEquals(List.of("1 state events have no offset_s and are imported as still running"), r.notes());
    }
}
