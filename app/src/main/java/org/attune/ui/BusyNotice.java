package org.attune.ui;

import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.util.Duration;

/**
 * Says that work in the background is going on — in a status line, with a spinning indicator — but
 * only once it has taken longer than 300 ms: quicker work shows nothing, so nothing flickers.
 */
public final class BusyNotice {

    private final Label status;
    private final Node indicator;

    /** @param indicator shown while busy (hidden, and so left invisible, otherwise) */
    public BusyNotice(Label status, Node indicator) {
        this.status = status;
        this.indicator = indicator;
        indicator.setVisible(false);
    }

    /** Starts saying {@code what} after 300 ms; the returned action says it is over (the status line gets back what it said before). */
    public Runnable start(String what) {
        boolean[] over = {false};
        String before = status.getText();
        PauseTransition slow = new PauseTransition(Duration.millis(300));
        slow.setOnFinished(e -> {
            if (!over[0]) {
                status.setText(what);
                indicator.setVisible(true);
            }
        });
        slow.play();
        return () -> {
            over[0] = true;
            slow.stop();
            if (indicator.isVisible()) {
                indicator.setVisible(false);
                if (status.getText().equals(what)) status.setText(before);
            }
        };
    }
}
