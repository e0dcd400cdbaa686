package org.attune.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import org.attune.exchange.OutputFile;

/**
 * A view's Export button: asks where to save, writes in the background through {@link OutputFile}
 * (never over the study or its input, never half a file), and says how it went — "Exported N rows to
 * FILE", or why nothing was written. The button is disabled while the file is written.
 */
public final class CsvExport {
    private CsvExport() {
    }

    /**
     * Writes a CSV to the file the user chooses; {@code what} names it in a failure ("measures"), {@code done}
     * gets the sentence to show, {@code after} runs when it ended either way.
     */
    public static void run(DialogService dialogs, Executor background, Button button, String title, String what, String suggestedName, Path study,
                           OutputFile.Body<Long> write, Consumer<String> done, Runnable after) {
        java.util.Optional<Path> target = dialogs.chooseFileToSave(title, "CSV", List.of("*.csv"), suggestedName);
        if (target.isEmpty()) return;
        Task<Long> task = new Task<>() {
            @Override
            protected Long call() throws Exception {
                return OutputFile.write(target.get(), List.of(study), write);
            }
        };
        button.setDisable(true);
        task.setOnSucceeded(e -> {
            button.setDisable(false);
            done.accept("Exported " + task.getValue() + " rows to " + target.get());
            after.run();
        });
        task.setOnFailed(e -> {
            button.setDisable(false);
            if (task.getException() instanceof OutputFile.Refused r) dialogs.showError("Nothing was exported", r.getMessage());
            else dialogs.showFailure("The " + what + " could not be exported", task.getException());
            after.run();
        });
        background.execute(task);
    }
}
