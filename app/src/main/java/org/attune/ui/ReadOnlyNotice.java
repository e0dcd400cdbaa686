package org.attune.ui;

import org.attune.store.Study;

/**
 * What the user is told when a study opens read-only: information, not an error, in one sentence
 * that names the reason (open in another window, a read-only folder, opened read-only on purpose).
 */
public final class ReadOnlyNotice {
    private ReadOnlyNotice() {
    }

    public static final String TITLE = "Read-only here";

    /** The notice's text, e.g. "You can look at Demo but not code in it: it is open in another window …". */
    public static String text(Study s, String whatIsRefused) {
        return "You can look at " + s.name() + " but not " + whatIsRefused + ": "
                + s.readOnlyReason().orElse("it is read-only") + ".";
    }

    /** Shows the notice as information when {@code s} is read-only; nothing otherwise. */
    public static void showIfReadOnly(DialogService dialogs, Study s, String whatIsRefused) {
        if (s.isReadOnly()) dialogs.showInfo(TITLE, text(s, whatIsRefused));
    }
}
