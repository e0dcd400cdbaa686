package org.attune.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.attune.coding.CodedEvent;
import org.attune.coding.Coder;
import org.attune.coding.CodingPass;
import org.attune.coding.Modifiers;
import org.attune.coding.PassStatus;
import org.attune.coding.Session;
import org.attune.coding.SessionEvent;
import org.junit.jupiter.api.Test;

class EventCsvWriterTest {

    static final Session S01 = new Session(1, "S01", "D07", "2026-03-02", 18.5, "free play", "", Map.of("site", "Leiden"));
    static final Coder AL = new Coder(1, "Ana Lopes", "AL");
    static final CodingPass PASS = new CodingPass(1, 1, 1, PassStatus.DONE, true, null, null);

    static String write(CsvOptions options, CodedEvent... events) throws Exception {
        StringWriter out = new StringWriter();
        try (EventCsvWriter w = new EventCsvWriter(out, EventCsvReaderTest.SCHEME, "Free play", List.of("site"), options)) {
            for (CodedEvent e : events) w.write(new SessionEvent(S01, AL, PASS, e));
        }
        return out.toString();
    }

    @Test
    void oneTidyRowPerEventWithExactTimes() throws Exception {
        String csv = write(CsvOptions.STANDARD,
                new CodedEvent(1, 1, "C_BID", 61_005, 61_005L, Modifiers.single("type", "share"), "points at \"dog\", laughs"),
                new CodedEvent(2, 1, "P_GAZE", 1_000, 4_250L, Modifiers.NONE, ""),
                new CodedEvent(3, 1, "C_EXPLORE", 90_000, null, Modifiers.NONE, ""));
        String header = "study,session,dyad,coder,pass_status,code,family,subject,kind,onset_s,offset_s,duration_s,"
                + "modifier_type,modifier_form,modifier_index,comment,session_date,child_age_months,context,meta_site";
        assertEquals(header + "\r\n"
                + "Free play,S01,D07,AL,done,C_BID,Reciprocity,child,point,61.005,61.005,0.000,share,,,\"points at \"\"dog\"\", laughs\",2026-03-02,18.5,free play,Leiden\r\n"
                + "Free play,S01,D07,AL,done,P_GAZE,Synchronicity,parent,state,1.000,4.250,3.250,,,,,2026-03-02,18.5,free play,Leiden\r\n"
                + "Free play,S01,D07,AL,done,C_EXPLORE,Secure base,child,state,90.000,,,,,,,2026-03-02,18.5,free play,Leiden\r\n", csv);
    }

    @Test
    void excelVariantHasBomSemicolonsAndDecimalCommas() throws Exception {
        String csv = write(CsvOptions.EXCEL, new CodedEvent(2, 1, "P_GAZE", 1_000, 4_250L, Modifiers.NONE, "a; b"));
        assertEquals('\uFEFF', csv.charAt(0));
        assertEquals("Free play;S01;D07;AL;done;P_GAZE;Synchronicity;parent;state;1,000;4,250;3,250;;;;\"a; b\";2026-03-02;18,5;free play;Leiden",
                csv.lines().toList().get(1));
    }

    @Test
    void emptySessionFieldsStayEmptyNotQuoted() throws Exception {
        StringWriter out = new StringWriter();
        Session bare = new Session(2, "S02", "", "", null, "", "", Map.of());
        try (EventCsvWriter w = new EventCsvWriter(out, EventCsvReaderTest.SCHEME, "Free play", List.of(), CsvOptions.STANDARD)) {
            w.write(new SessionEvent(bare, AL, PASS, new CodedEvent(1, 1, "C_BID", 0, 0L, Modifiers.NONE, "")));
        }
        assertEquals("Free play,S02,,AL,done,C_BID,Reciprocity,child,point,0.000,0.000,0.000,,,,,,,", out.toString().lines().toList().get(1));
    }

    @Test
    void headerColumnsAreTheDocumentedOnes() {
        assertEquals(List.of("study", "session", "dyad", "coder", "pass_status", "code", "family", "subject", "kind", "onset_s", "offset_s",
                "duration_s", "modifier_a", "comment", "session_date", "child_age_months", "context", "meta_x"), EventColumns.header(List.of("a"), List.of("x")));
    }
}
