package org.attune.ui;

import java.util.ArrayList;
import java.util.List;

/** A dialog service for view tests: records what would have been shown, as "title: what to do" (problems: then one per line). */
public final class RecordingDialogs implements DialogService {

    public final List<String> shown = new ArrayList<>();

    @Override
    public void showError(String title, String whatToDo) {
        shown.add(title + ": " + whatToDo);
    }

    @Override
    public void showProblems(String title, String whatToDo, List<String> problems) {
        shown.add(title + ": " + whatToDo + "\n" + String.join("\n", problems));
    }

    /** What {@link #confirm} answers. */
    public boolean answer = true;

    @Override
    public boolean confirm(String title, String question, String yes) {
        shown.add(title + "? " + question);
        return answer;
    }
}
