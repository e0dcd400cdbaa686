package org.attune.exchange.sdis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.List;
import org.attune.coding.EventDraft;
import org.attune.coding.Modifiers;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.json.BundledSchemes;
import org.junit.jupiter.api.Test;

/** Issue 15: the SDIS subset GSEQ demonstrably accepts (as BORIS writes it), written exactly. */
class SdisWriterTest {

    @Test
    void passesAreTimedSessionsOfCodeOnsetOffsetEndedBySlash() throws Exception {
        CodingScheme scheme = BundledSchemes.defaultScheme();
        StringWriter out = new StringWriter();
        SdisWriter.Written w = SdisWriter.write(scheme, "a test", List.of(
                new SdisWriter.Pass("S01 AL", List.of(
                        EventDraft.state("P_GAZE", 240, 8_320L),
                        EventDraft.point("C_BID", 1_520).withModifiers(Modifiers.single("type", "social")),
                        EventDraft.state("C_GAZE", 3_000, null))),          // running: no end, left out
                new SdisWriter.Pass("S01 BK", List.of(EventDraft.point("C_BID", 3_600_000)))), out);
        assertEquals("""
                % SDIS file created by a test
                Timed <seconds>;

                <S01 AL>
                P_GAZE,0.240-8.320 C_BID,1.520-1.521 /

                <S01 BK>
                C_BID,3600.000-3600.001 /
                """, out.toString());
        assertEquals(new SdisWriter.Written(2, 3, 1), w);
    }
}
