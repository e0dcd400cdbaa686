package org.attune.ui.coding;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/** The coding tab's status line when a pass opens: what is coded, then what the coder should know (a camera playing without sound, and why). */
final class StatusLine {

    private StatusLine() {
    }

    /** The line's look, and its id for tests. */
    static void style(Label status) {
        status.getStyleClass().add("status-bar");
        status.setMaxWidth(Double.MAX_VALUE);
        status.setId("saveStatus");
    }

    /** Says {@code text} and the notices after it; the line may be too short for them, so its tooltip holds them whole. */
    static void say(Label status, String text, List<String> notices) {
        status.setText(text + notices.stream().map(n -> " " + n).reduce("", String::concat));
        Tooltip why = null;
        if (!notices.isEmpty()) {
            why = new Tooltip(String.join("\n\n", notices));
            why.setWrapText(true);
            why.setMaxWidth(560);
        }
        status.setTooltip(why);
    }
}
