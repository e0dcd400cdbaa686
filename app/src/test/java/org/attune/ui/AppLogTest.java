package org.attune.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failure the user is told about in words is in the log whole, and the dialog names the log file. */
class AppLogTest {

    @TempDir
    Path dir;

    @org.junit.jupiter.api.AfterEach
    void stopLogging() {
        AppLog.uninstall();
    }

    @Test
    void aFailureGoesToTheLogWithItsStackTraceAndTheDialogNamesTheFile() throws Exception {
        Path log = AppLog.install(dir.resolve("logs"));
        RecordingDialogs dialogs = new RecordingDialogs();
        dialogs.showFailure("Agreement could not be computed",
                new RuntimeException(new IllegalStateException("java.lang.IllegalStateException: the table has no rows")));
        String shown = dialogs.shown.get(0);
        assertTrue(shown.startsWith("Agreement could not be computed: the table has no rows"), shown);
        assertTrue(shown.endsWith("Details for whoever helps you are in Attune's log: " + log), shown);
        assertFalse(shown.contains("java.lang"), shown);
        String text = Files.readString(log);
        assertTrue(text.contains("SEVERE org.attune.ui: Agreement could not be computed"), text);
        assertTrue(text.contains("at org.attune.ui.AppLogTest"), "the stack trace is in the log: " + text);
    }

    @Test
    void anExceptionWithoutAMessageIsStillASentence() {
        assertEquals("Something went wrong that Attune did not expect.", DialogService.inWords(new NullPointerException()));
    }
}
