package org.attune.ui;

import java.util.List;

/**
 * The one way the UI tells the user that something went wrong: what happened and what to do, in
 * words. Technical detail goes to the log, never a stack trace into a dialog.
 */
public interface DialogService {

    void showError(String title, String whatToDo);

    /** An error with a list of located problems (e.g. every error in a scheme file). */
    void showProblems(String title, String whatToDo, List<String> problems);

    /** Asks a yes/no question; {@code yes} labels the button that goes ahead. True if the user went ahead. */
    boolean confirm(String title, String question, String yes);
}
