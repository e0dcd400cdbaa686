package org.attune.ui;

import java.awt.Desktop;
import java.nio.file.Path;

/**
 * Opens a folder in the system's file manager (Explorer, Finder, the desktop's file manager on
 * Linux) — a local action, no network — where the system supports it; elsewhere the path is only
 * shown. Runs off the FX thread: the desktop call may take a moment.
 */
final class FolderOpener {

    private FolderOpener() {
    }

    /** Whether this system can open a folder for the user. */
    static boolean canOpen() {
        try {
            return !java.awt.GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Opens {@code folder} (or a file, with the program the system opens it with); a failure is said through {@code dialogs}. */
    static void open(Path folder, DialogService dialogs) {
        Thread t = new Thread(() -> {
            try {
                Desktop.getDesktop().open(folder.toFile());
            } catch (Exception | LinkageError e) {
                AppLog.failure("Opening " + folder, e);
                javafx.application.Platform.runLater(() -> dialogs.showError("The folder cannot be shown", "Open " + folder + " yourself; "
                        + "the system did not open it."));
            }
        }, "attune-show-folder");
        t.setDaemon(true);
        t.start();
    }
}
