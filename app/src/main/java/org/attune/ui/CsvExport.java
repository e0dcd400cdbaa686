package org.attune.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import org.attune.exchange.OutputFile;

/**
 * A view's Export button for a CSV it shows: asks where to save, then writes as every export does
 * ({@link ExportRunner}: in the background with progress and Cancel, through {@link OutputFile}, never
 * over the study or its input, never half a file) and says how it went — "Exported N rows to FILE",
 * or why nothing was written. The button is disabled while the file is written.
 */
public final class CsvExport {
    private CsvExport() {
    }

    /** Writes a CSV to the file the user chooses; {@code done} gets the sentence to show, {@code after} runs when it ended either way. */
    public static void run(DialogService dialogs, Executor background, Button button, String title, String suggestedName, Path study,
                           OutputFile.Body<Long> write, Consumer<String> done, Runnable after) {
        Optional<Path> target = dialogs.chooseFileToSave(title, "CSV", List.of("*.csv"), study.toAbsolutePath().resolveSibling(suggestedName).toString());
        if (target.isEmpty()) return;
        button.setDisable(true);
        new ExportRunner(dialogs, Tasks.background(background)).exportTo(target.get(), title,
                (t, progress) -> ExportRunner.rows(OutputFile.write(t, List.of(study), write)), said -> {
                    button.setDisable(false);
                    done.accept(said);
                    after.run();
                });
    }
}
