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
}
