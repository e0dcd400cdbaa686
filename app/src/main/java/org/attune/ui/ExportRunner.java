package org.attune.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.attune.exchange.OutputFile;
import org.attune.service.Progress;
import org.attune.service.StudyExports;

/**
 * How every export of the app runs: the user chooses where, the file is written in the background
 * with a progress window and a Cancel button, and the app says how it went — "Exported 3,000 rows to
 * FILE" with Show in folder, or why nothing was written. The writing itself goes through
 * {@link OutputFile} (never over a study or an input, never half a file: a failure or a cancel leaves
 * what was there). No JavaFX nodes: tested with a recording {@link DialogService} and immediate
 * {@link Tasks}.
 */
public final class ExportRunner {

    /** The writing: to {@code target}, reporting to {@code progress}; returns what was written in words ("3,000 rows"). */
    @FunctionalInterface
    public interface Job {
        String write(Path target, Progress progress) throws Exception;
    }

    /** How often the progress window is updated at most (the work may report every row). */
    static final long UPDATE_EVERY_NS = 100_000_000L;

    private final DialogService dialogs;
    private final Tasks tasks;

    public ExportRunner(DialogService dialogs, Tasks tasks) {
        this.dialogs = dialogs;
        this.tasks = tasks;
    }

    /**
     * Asks where to save ({@code kind} and {@code patterns} filter the chooser, {@code suggested} is the
     * name offered), then writes as {@link #exportTo}. Nothing happens if the user cancels the chooser.
     */
    public void export(String title, String kind, List<String> patterns, String suggested, Job job, Consumer<String> said) {
        Optional<Path> target = dialogs.chooseFileToSave(title, kind, patterns, suggested);
        target.ifPresent(t -> exportTo(t, title, job, said));
    }

    /** Writes {@code target} in the background with a progress window; {@code said} gets the sentence for the status line. */
    public void exportTo(Path target, String title, Job job, Consumer<String> said) {
        exportTo(target, title, "Exported", job, said, () -> { });
    }

    /**
     * As {@link #exportTo(Path, String, Job, Consumer)}, saying "{@code verb} WHAT to FILE" ("Made a coding copy …");
     * {@code thenWritten} runs once the file is in place (not after a failure or a cancel).
     */
    public void exportTo(Path target, String title, String verb, Job job, Consumer<String> said, Runnable thenWritten) {
        DialogService.Busy busy = dialogs.showBusy(title, "Writing " + target.getFileName() + "…");
        Progress progress = new Progress() {
            private long lastUpdate;

            @Override
            public void report(long done, long total) {
                long now = System.nanoTime();
                if (done < total && now - lastUpdate < UPDATE_EVERY_NS) return;
                lastUpdate = now;
                String text = total > 0 ? String.format(Locale.ROOT, "%,d of %,d written", done, total) : String.format(Locale.ROOT, "%,d written", done);
                tasks.later(() -> busy.update(total > 0 ? (double) done / total : -1, text));
            }

            @Override
            public boolean isCancelled() {
                return busy.cancelRequested();
            }
        };
        tasks.run(() -> job.write(target, progress), what -> {
            busy.close();
            String sentence = verb + " " + what + " to " + target;
            dialogs.showWritten(title, sentence + ".", target);
            said.accept(sentence);
            thenWritten.run();
        }, failure -> {
            busy.close();
            Throwable f = failure instanceof java.io.UncheckedIOException u ? u.getCause() : failure;
            if (f instanceof Progress.Cancelled) {
                said.accept("Export cancelled: nothing was written to " + target.getFileName() + ".");
                return;
            }
            // the dialog first, then the status line: whoever waits on the status line finds the dialog shown
            if (f instanceof OutputFile.Refused r) dialogs.showError("Nothing was exported", r.getMessage());
            else if (f instanceof org.attune.store.StudyException e) dialogs.showError("Nothing was exported", e.getMessage());
            else if (f instanceof StudyExports.ReadFailure r) dialogs.showError("Nothing was exported", r.getMessage() + " Nothing was written to " + target + ".");
            else dialogs.showFailure("The export failed; nothing was written to " + target.getFileName(), f);
            said.accept("Nothing was exported.");
        });
    }

    /** "3,000 rows" / "1 row". */
    public static String rows(long n) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? "row" : "rows");
    }
}
