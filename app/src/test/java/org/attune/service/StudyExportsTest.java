package org.attune.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attune.coding.Coder;
import org.attune.coding.EventDraft;
import org.attune.coding.PassStatus;
import org.attune.coding.Session;
import org.attune.exchange.CsvOptions;
import org.attune.exchange.OutputFile;
import org.attune.scheme.json.BundledSchemes;
import org.attune.store.Study;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exports the CLI and the app share: which passes a scope takes, progress, and a cancel that leaves the old file. */
class StudyExportsTest {

    @TempDir
    Path dir;

    private Study study() throws Exception {
        Study s = Study.create(dir.resolve("s.attune"), BundledSchemes.defaultScheme(), "s");
        Session s1 = s.addSession(new Session(0, "S1", "", "", null, "", "", Map.of()));
        Session s2 = s.addSession(new Session(0, "S2", "", "", null, "", "", Map.of()));
        Coder al = s.addCoder("Ana", "AL");
        Coder bk = s.addCoder("Ben", "BK");
        long done = s.pass(s1.id(), al.id()).id();
        for (int i = 0; i < 3000; i++) s.events().add(done, EventDraft.point("C_BID", 1000L * i));
        s.setPassStatus(done, PassStatus.DONE);
        long coding = s.pass(s2.id(), bk.id()).id();
        s.events().add(coding, EventDraft.point("P_INTRUDE", 500));
        s.events().setRating(done, "R_SENS", 4);
        s.events().setRating(coding, "R_SENS", 2);
        return s;
    }

    @Test
    void aScopeTakesPassesBySessionCoderAndStatusAndProgressCountsEvents() throws Exception {
        try (Study s = study()) {
            List<long[]> seen = new ArrayList<>();
            Progress watching = new Progress() {
                public void report(long done, long total) {
                    seen.add(new long[] {done, total});
                }

                public boolean isCancelled() {
                    return false;
                }
            };
            Path out = dir.resolve("done.csv");
            long rows = StudyExports.events(s, out, new StudyExports.Scope(Set.of(), Set.of(), Set.of(PassStatus.DONE)), CsvOptions.STANDARD, watching);
            assertEquals(3000, rows);
            assertEquals(3001, Files.readAllLines(out).size(), "a header and the done pass's events only");
            assertEquals(3000, seen.get(0)[1], "the total is known before the first row");
            assertEquals(3000, seen.get(seen.size() - 1)[0]);
            assertEquals(1, StudyExports.events(s, dir.resolve("bk.csv"), new StudyExports.Scope(Set.of(), Set.of("BK"), Set.of()), CsvOptions.STANDARD, Progress.NONE));
            assertEquals(1, StudyExports.ratings(s, dir.resolve("r.csv"), new StudyExports.Scope(Set.of("S2"), Set.of(), Set.of()), false, CsvOptions.STANDARD, Progress.NONE));
        }
    }

    @Test
    void aCancelledExportLeavesTheFileThatWasThereAndNoPart() throws Exception {
        try (Study s = study()) {
            Path out = dir.resolve("events.csv");
            Files.writeString(out, "yesterday's export\n");
            Progress cancelMidway = new Progress() {
                long last;

                public void report(long done, long total) {
                    last = done;
                }

                public boolean isCancelled() {
                    return last >= 1024;
                }
            };
            assertThrows(Progress.Cancelled.class, () -> StudyExports.events(s, out, StudyExports.Scope.ALL, CsvOptions.STANDARD, cancelMidway));
            assertEquals("yesterday's export\n", Files.readString(out));
            try (var files = Files.list(dir)) {
                assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary file left");
            }
            OutputFile.Refused refused = assertThrows(OutputFile.Refused.class,
                    () -> StudyExports.events(s, s.path(), StudyExports.Scope.ALL, CsvOptions.STANDARD, Progress.NONE));
            assertTrue(refused.getMessage().contains("s.attune is also an input"), refused.getMessage());
        }
    }
}
