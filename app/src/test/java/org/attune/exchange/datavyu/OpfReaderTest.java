package org.attune.exchange.datavyu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.attune.coding.Modifiers;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.json.BundledSchemes;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: a Datavyu project read as events — a project written for this test from Datavyu's #4 format
 * (shared/reference/interchange-formats.md §1c): a TEXT column named like a state code, a MATRIX column whose
 * arguments are a modifier set and a note (with an escaped comma), a NOMINAL column mapped to a family
 * whose values name codes, a point (onset = offset), and a column nothing maps.
 */
public class OpfReaderTest {

    static final String DB = """
            #4
            P_GAZE (TEXT,true,)
            00:00:01:000,00:00:03:500,
            00:01:02:040,01:00:00:000,long look
            C_BID (MATRIX,true,)-type|NOMINAL,note|NOMINAL
            00:00:02:000,00:00:02:000,(social,asks\\, smiling)
            mother affect (NOMINAL,true,)
            00:00:04:000,00:00:06:000,P_POS
            odd column (TEXT,true,)
            00:00:05:000,00:00:05:000,x
            """;

    public static byte[] opf(String db) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("project"));
            zip.write("!project\nname: test\nversion: 5\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("db"));
            zip.write(db.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void columnsBecomeEventsWithModifiersAndAColumnNothingMapsIsListed() throws Exception {
        CodingScheme scheme = BundledSchemes.defaultScheme();
        OpfReader.Result refused = OpfReader.read(opf(DB), "play.opf", scheme, Map.of("mother affect", "Synchronicity"));
        assertEquals(List.of("play.opf: column \"odd column\" (1 cell) is not a code or family of the scheme; map it (--map columns.csv: column,code)"),
                refused.problems());

        OpfReader.Result r = OpfReader.read(opf(DB), "play.opf", scheme, Map.of("mother affect", "Synchronicity", "odd column", "C_BID"));
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        List<String> events = r.rows().stream().map(x -> x.event().code() + " " + x.event().onsetMs() + "-" + x.event().offsetMs() + " "
                + x.event().modifiers().encode() + " " + x.event().comment() + " @" + x.line()).toList();
        assertEquals(List.of(
                "P_GAZE 1000-3500   @3",
                "P_GAZE 62040-3600000  long look @4",
                "C_BID 2000-2000 type=social note=asks, smiling @6",
                "P_POS 4000-6000   @8",
                "C_BID 5000-5000  x @10"), events);
        assertEquals(Modifiers.single("type", "social"), r.rows().get(2).event().modifiers());
    }

    @Test
    void notAProjectOrAnOldFormatSaysSoWithItsPlace() throws Exception {
        CodingScheme scheme = BundledSchemes.defaultScheme();
        assertEquals(List.of("x.opf: no \"db\" entry — this is not a Datavyu project (.opf)"),
                OpfReader.read(opfWithout(), "x.opf", scheme, Map.of()).problems());
        assertTrue(OpfReader.read(opf("#2\nA (TEXT,true,)\n"), "old.opf", scheme, Map.of()).problems().get(0).startsWith("old.opf:db:1: \"#2\" — only Datavyu's #4 format"));
        assertEquals(List.of("bad.opf:db:3: column \"P_GAZE\": offset before onset"),
                OpfReader.read(opf("#4\nP_GAZE (TEXT,true,)\n00:00:05:000,00:00:04:000,\n"), "bad.opf", scheme, Map.of()).problems());
    }

    private static byte[] opfWithout() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("project"));
            zip.write("x".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
