package org.attune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.attune.exchange.boris.BorisFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attune study import-boris}: what it says, and that a refused import leaves nothing behind. */
class StudyImportBorisCliTest {

    @TempDir
    Path dir;

    @Test
    void importsAProjectIntoANewStudyAndRefusesABadPairWithoutWriting() throws Exception {
        Path project = Files.writeString(dir.resolve("free-play.boris"), BorisFixtures.project());
        Path study = dir.resolve("fp.attune");
        CliTest.Run bad = CliTest.run("study", "import-boris", study.toString(), project.toString(), "--coder", "AL", "--pair", "S01 AL");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("--pair \"S01 AL\": \"S01 AL\" is not OBSERVATION=CODER"), bad.err());
        assertTrue(bad.err().contains("nothing was imported or created"), bad.err());
        assertFalse(Files.exists(study));

        CliTest.Run ok = CliTest.run("study", "import-boris", study.toString(), project.toString(), "--coder", "AL", "--observations", "S01 AL");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("created " + study + " and imported 1 session, 5 events"), ok.out());
        assertTrue(ok.out().contains("state cry of child started at 3700.5 s has no stop"), ok.out());
        CliTest.Run info = CliTest.run("study", "info", study.toString());
        assertTrue(info.out().contains("S01 AL"), info.out());
    }
}
