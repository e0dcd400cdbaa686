package org.attune.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The one way the UI tells the user that something went wrong: what happened and what to do, in
 * words. Technical detail goes to the log, never a stack trace into a dialog.
 */
public interface DialogService {

    void showError(String title, String whatToDo);

    /** Information the user should know but nothing went wrong (e.g. a study opened read-only). */
    void showInfo(String title, String text);

    /** An error with a list of located problems (e.g. every error in a scheme file). */
    void showProblems(String title, String whatToDo, List<String> problems);

    /**
     * Something failed unexpectedly (not the user's input): the whole exception goes to the log
     * ({@link AppLog}), the dialog says what happened in words and names the log file.
     */
    default void showFailure(String title, Throwable t) {
        AppLog.failure(title, t);
        showError(title, inWords(t) + AppLog.whereText());
    }

    /** An exception's message without Java's class names; a plain sentence when it has none. */
    static String inWords(Throwable t) {
        Throwable root = t;
        while (root != null && root.getCause() != null && root.getCause() != root && (root.getMessage() == null || root instanceof RuntimeException
                && root.getMessage().equals(String.valueOf(root.getCause())))) {
            root = root.getCause();
        }
        String m = root == null || root.getMessage() == null ? "" : root.getMessage()
                .replaceAll("(?:\\b[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)?:\\s*", "").trim();
        return m.isEmpty() ? "Something went wrong that Attune did not expect." : m;
    }

    /** Asks a yes/no question; {@code yes} labels the button that goes ahead. True if the user went ahead. */
    boolean confirm(String title, String question, String yes);

    /** A file to open, chosen by the user; {@code kind} names it ("Attune study"), {@code patterns} filter it ("*.attune"). */
    Optional<Path> chooseFileToOpen(String title, String kind, List<String> patterns);

    /**
     * Where to save a file, chosen by the user; empty if they cancel. {@code suggested} is the name
     * offered, or a path: its name offered in its folder (exports start beside the study).
     */
    Optional<Path> chooseFileToSave(String title, String kind, List<String> patterns, String suggested);

    /** A folder to write into, chosen by the user (starting in {@code start} when it exists); empty if they cancel. */
    Optional<Path> chooseFolder(String title, Path start);

    /** A line of text the user types (e.g. a time to go to); empty if they cancel. */
    Optional<String> askText(String title, String question, String initial);

    /**
     * A passphrase typed into hidden fields (twice when {@code twice}, and only if both agree); empty if the
     * user cancels. The caller clears the characters after use.
     */
    default Optional<char[]> askPassphrase(String title, String question, boolean twice) {
        return Optional.empty();
    }

    /**
     * A lab study to open (File ▸ Open lab study…): its address, password and videos folder, {@code address} and
     * {@code videos} given to start with; {@code test} tries them (called off the FX thread) and says how it went. Empty
     * if the user cancels.
     */
    default Optional<LabAddress> askLabStudy(String address, Path videos, java.util.function.Function<LabAddress, String> test) {
        return Optional.empty();
    }

    /** A window saying long work is going on: how far it is, and a Cancel button. Updated and closed on the FX thread. */
    interface Busy {
        /** How far the work is (0–1; negative when not known) and what it is doing, in words. */
        void update(double fraction, String text);

        /** Whether the user pressed Cancel (safe to ask from any thread). */
        boolean cancelRequested();

        /** The work ended: the window goes. */
        void close();
    }

    /** Shows a window for long work, with a Cancel button; the caller updates and closes it. */
    Busy showBusy(String title, String text);

    /** Says a file was written ("Exported 3,000 rows to …"), offering to show it in its folder where the system can. */
    default void showWritten(String title, String text, Path file) {
        showInfo(title, text);
    }
}
