package org.attune.ui;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A dialog service for view tests: records what would have been shown, as "title: what to do" (problems: then one per line). */
public final class RecordingDialogs implements DialogService {

    public final List<String> shown = new ArrayList<>();

    @Override
    public void showError(String title, String whatToDo) {
        shown.add(title + ": " + whatToDo);
    }

    /** Information is recorded as "(i) title: text". */
    @Override
    public void showInfo(String title, String text) {
        shown.add("(i) " + title + ": " + text);
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

    /** What {@link #chooseFileToOpen} answers, in turn (empty: the user cancelled). */
    public final Deque<Path> files = new ArrayDeque<>();

    /** What {@link #askPassphrase} answers, in turn (empty: the user cancelled). */
    public final Deque<String> passphrases = new ArrayDeque<>();

    @Override
    public Optional<char[]> askPassphrase(String title, String question, boolean twice) {
        shown.add(title + "? " + question + (twice ? " (twice)" : ""));
        return Optional.ofNullable(passphrases.poll()).map(String::toCharArray);
    }

    /** What {@link #askLabStudy} answers, in turn (empty: the user cancelled); what its test said, for each asked. */
    public final Deque<LabAddress> labs = new ArrayDeque<>();
    public final List<String> labTests = new ArrayList<>();

    @Override
    public Optional<LabAddress> askLabStudy(String address, Path videos, java.util.function.Function<LabAddress, String> test) {
        shown.add("Open lab study? " + address + " (videos in " + videos + ")");
        LabAddress a = labs.poll();
        if (a != null) labTests.add(test.apply(a));
        return Optional.ofNullable(a);
    }

    /** What {@link #askText} answers, in turn (empty: the user cancelled). */
    public final Deque<String> texts = new ArrayDeque<>();

    @Override
    public Optional<Path> chooseFileToOpen(String title, String kind, List<String> patterns) {
        shown.add(title + " (" + kind + ")");
        return Optional.ofNullable(files.poll());
    }

    /** Answers from {@link #files} too. */
    @Override
    public Optional<Path> chooseFolder(String title, Path start) {
        shown.add(title + " (folder)");
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String kind, List<String> patterns, String suggested) {
        shown.add(title + " (" + kind + ", " + suggested + ")");
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<String> askText(String title, String question, String initial) {
        shown.add(title + "? " + question);
        return Optional.ofNullable(texts.poll());
    }

    /** Cancels the next busy window's work at its first progress report (the user pressing Cancel). */
    public boolean cancelBusy;

    /** Progress shown in busy windows, as "fraction text". */
    public final List<String> progress = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Busy windows are recorded as "(busy) title: text" and "(busy closed) title". */
    @Override
    public Busy showBusy(String title, String text) {
        shown.add("(busy) " + title + ": " + text);
        boolean cancel = cancelBusy;
        cancelBusy = false;
        return new Busy() {
            volatile boolean reported;

            @Override
            public void update(double fraction, String now) {
                reported = true;
                progress.add(String.format(java.util.Locale.ROOT, "%.2f %s", fraction, now));
            }

            @Override
            public boolean cancelRequested() {
                return cancel;
            }

            @Override
            public void close() {
                shown.add("(busy closed) " + title);
            }
        };
    }

    /** Written files are recorded as "(written) title: text". */
    @Override
    public void showWritten(String title, String text, Path file) {
        shown.add("(written) " + title + ": " + text);
    }
}
