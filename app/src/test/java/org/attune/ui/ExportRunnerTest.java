package org.attune.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.attune.exchange.OutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every export of the app, without the toolkit: progress window, the sentence said, a cancel, a refusal. */
class ExportRunnerTest {

    @TempDir
    Path dir;
    final RecordingDialogs dialogs = new RecordingDialogs();
    final List<String> said = new ArrayList<>();
    final ExportRunner runner = new ExportRunner(dialogs, Tasks.immediate());

    /** Writes {@code n} lines through OutputFile, reporting each and stopping when cancelled. */
    ExportRunner.Job lines(int n) {
        return (target, progress) -> ExportRunner.rows(OutputFile.write(target, List.of(), tmp -> {
            StringBuilder b = new StringBuilder();
            for (int i = 1; i <= n; i++) {
                progress.checkCancelled();
                b.append(i).append('\n');
                progress.report(i, n);
            }
            Files.writeString(tmp, b);
            return (long) n;
        }));
    }

    @Test
    void anExportShowsProgressThenSaysWhatWentWhere() throws Exception {
        Path out = dir.resolve("out.csv");
        dialogs.files.add(out);
        runner.export("Export things", "CSV", List.of("*.csv"), "things.csv", lines(2_500), said::add);
        assertEquals(2_500, Files.readAllLines(out).size());
        assertEquals(List.of("Export things (CSV, things.csv)", "(busy) Export things: Writing out.csv…", "(busy closed) Export things",
                "(written) Export things: Exported 2,500 rows to " + out + "."), dialogs.shown);
        assertEquals(List.of("Exported 2,500 rows to " + out), said);
        assertTrue(dialogs.progress.get(dialogs.progress.size() - 1).startsWith("1.00 2,500 of 2,500 written"), dialogs.progress.toString());
        assertTrue(dialogs.progress.size() < 50, "updates are thinned, not one per row: " + dialogs.progress.size());
    }

    @Test
    void aCancelLeavesTheOldFileAndSaysSo() throws Exception {
        Path out = dir.resolve("out.csv");
        Files.writeString(out, "kept\n");
        dialogs.cancelBusy = true;
        runner.exportTo(out, "Export things", lines(10), said::add);
        assertEquals("kept\n", Files.readString(out));
        assertEquals(List.of("Export cancelled: nothing was written to out.csv."), said);
        assertFalse(dialogs.shown.stream().anyMatch(d -> d.startsWith("(written)")));
        assertTrue(dialogs.shown.contains("(busy closed) Export things"));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList(), "no temporary file left");
        }
    }

    @Test
    void aRefusedTargetIsSaidInWordsAndNothingIsWritten() {
        runner.exportTo(dir, "Export things", lines(3), said::add);
        assertEquals(List.of("Nothing was exported."), said);
        assertTrue(dialogs.shown.stream().anyMatch(d -> d.startsWith("Nothing was exported: ") && d.contains("folder")), dialogs.shown.toString());
    }

    @Test
    void aCancelNobodyAskedForIsNotTakenAndUnknownTotalsStillShow() {
        Path out = dir.resolve("n.txt");
        runner.exportTo(out, "Export", (target, progress) -> {
            progress.report(7, 0);
            Files.writeString(target, "x");
            return "the manual";
        }, said::add);
        assertEquals(List.of("Exported the manual to " + out), said);
        assertEquals(List.of("-1.00 7 written"), dialogs.progress);
    }
}
