package org.attune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.attune.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attune events export --format eaf -o DIR} and {@code events import STUDY FILE.eaf}: what they say and refuse. */
class EventsElanCliTest {

    @TempDir
    Path dir;

    @Test
    void exportsOneDocumentPerSessionAndImportsOneBack() throws Exception {
        Path study = Files.copy(TestPaths.repoRoot().resolve("sample-sessions/sample-study.attune"), dir.resolve("sample.attune"));
        CliTest.Run out = CliTest.run("events", "export", study.toString(), "--format", "eaf", "-o", dir.resolve("elan").toString(), "--coders", "AL");
        assertEquals(0, out.code(), out.err());
        assertTrue(out.out().contains("wrote 2 ELAN documents (one per session) to " + dir.resolve("elan")), out.out());
        CliTest.Run again = CliTest.run("events", "export", study.toString(), "--format", "eaf", "-o", dir.resolve("elan").toString());
        assertEquals(0, again.code(), "into the same folder again: the documents are replaced " + again.err());
        CliTest.Run intoStudy = CliTest.run("events", "export", study.toString(), "--format", "eaf", "-o", study.toString());
        assertEquals(1, intoStudy.code());
        assertTrue(intoStudy.err().contains("is a file; give a folder"), intoStudy.err());

        Path fresh = dir.resolve("fresh.attune");
        assertEquals(0, CliTest.run("study", "create", fresh.toString()).code());
        CliTest.Run in = CliTest.run("events", "import", fresh.toString(), dir.resolve("elan/S02.eaf").toString(), "--session", "S02-elan");
        assertEquals(0, in.code(), in.err());
        assertTrue(in.out().contains("new sessions: S02-elan") && in.out().contains("new coders: AL, BK, CM"), in.out());
    }

    /** {@code events import STUDY FILE.opf --coder XY}: a Datavyu project's cells as one session's events; without --coder it is refused. */
    @Test
    void importsADatavyuProjectForTheCoderGiven() throws Exception {
        Path study = dir.resolve("dv.attune");
        assertEquals(0, CliTest.run("study", "create", study.toString()).code());
        Path opf = Files.write(dir.resolve("S05.opf"), org.attune.exchange.datavyu.OpfReaderTest.opf(
                "#4\nP_GAZE (TEXT,true,)\n00:00:01:000,00:00:03:500,\nC_BID (MATRIX,true,)-type|NOMINAL\n00:00:02:000,00:00:02:000,(share)\n"));
        CliTest.Run noCoder = CliTest.run("events", "import", study.toString(), opf.toString());
        assertEquals(1, noCoder.code());
        assertTrue(noCoder.err().contains("give the coder with --coder"), noCoder.err());
        CliTest.Run ok = CliTest.run("events", "import", study.toString(), opf.toString(), "--coder", "DK");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("imported 2 events into dv.attune; new sessions: S05; new coders: DK"), ok.out());
    }
}
