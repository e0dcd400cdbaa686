package org.attune.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An output never replaces a study or its own input, and a failed write leaves nothing behind. */
class OutputFileTest {

    @TempDir
    Path dir;

    private Path sqliteFile(String name) throws IOException {
        byte[] head = new byte[4096];
        byte[] magic = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, head, 0, magic.length);
        return Files.write(dir.resolve(name), head);
    }

    /** A temporary file is owner-only (0600); an export gets what any new file in that folder gets, so colleagues can read it. */
    @Test
    void anExportHasTheFolderspermissionsNotATemporaryFilesOnes() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("made-normally.txt"));
        Path out = dir.resolve("export.csv");
        OutputFile.write(out, java.util.List.of(), tmp -> Files.writeString(tmp, "a\n"));
        org.junit.jupiter.api.Assertions.assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(out));
    }

    @Test
    void neverWritesOverAStudyOrAnyDatabase() throws Exception {
        Path study = sqliteFile("other-study.attune");
        byte[] before = Files.readAllBytes(study);
        OutputFile.Refused e = assertThrows(OutputFile.Refused.class,
                () -> OutputFile.write(study, List.of(), tmp -> Files.writeString(tmp, "session,coder\n")));
        assertTrue(e.getMessage().contains("is a study (or another database); an export never replaces one"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(study));
        Path renamed = sqliteFile("backup.csv"); // judged by its header, not its name
        assertTrue(OutputFile.problem(renamed, List.of()).isPresent());
    }

    @Test
    void neverWritesOverAStudysLogOrLock() throws Exception {
        sqliteFile("s.attune");
        for (String companion : List.of("s.attune-wal", "s.attune-shm", "s.attune.lock", "s.attune-journal")) {
            String why = OutputFile.problem(dir.resolve(companion), List.of()).orElseThrow();
            assertTrue(why.contains("belongs to the study beside it"), why);
        }
        assertTrue(OutputFile.problem(dir.resolve("notes.lock"), List.of()).isEmpty(), "no study beside it: an ordinary name");
    }

    @Test
    void neverWritesOverItsOwnInput() throws Exception {
        Path input = Files.writeString(dir.resolve("events.csv"), "session,coder,code,onset_s\n");
        String why = OutputFile.problem(dir.resolve("sub/../events.csv"), List.of(input)).orElseThrow();
        assertTrue(why.contains("is also an input of this command"), why);
        Path link = Files.createSymbolicLink(dir.resolve("alias.csv"), input);
        assertTrue(OutputFile.problem(link, List.of(input)).isPresent(), "the same file under another name");
    }

    @Test
    void aFailedWriteLeavesTheTargetAsItWasAndNoTemporaryFile() throws Exception {
        Path target = Files.writeString(dir.resolve("events.csv"), "the previous export\n");
        OutputFile.Refused e = assertThrows(OutputFile.Refused.class, () -> OutputFile.write(target, List.of(), tmp -> {
            Files.writeString(tmp, "half of the new ");
            throw new IOException("No space left on device");
        }));
        assertTrue(e.getMessage().contains("No space left on device") && e.getMessage().contains("nothing was written there"), e.getMessage());
        assertEquals("the previous export\n", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList(), "no .part file left behind");
        }
    }

    @Test
    void aCompleteWriteReplacesAnEarlierExport() throws Exception {
        Path target = Files.writeString(dir.resolve("events.csv"), "old\n");
        int n = OutputFile.write(target, List.of(), tmp -> {
            Files.writeString(tmp, "new\n");
            return 1;
        });
        assertEquals(1, n);
        assertEquals("new\n", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void refusesAFolderAndAMissingFolder() {
        assertTrue(OutputFile.problem(dir, List.of()).orElseThrow().contains("is a folder"));
        assertTrue(OutputFile.problem(dir.resolve("no/such/out.csv"), List.of()).orElseThrow().contains("does not exist"));
    }
}
