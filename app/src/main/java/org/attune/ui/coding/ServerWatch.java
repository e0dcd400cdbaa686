package org.attune.ui.coding;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.attune.store.LabStudy;
import org.attune.store.Study;

/**
 * A lab study's server while coding (issue 18): when an edit finds it out of reach, coding pauses — nothing is shown
 * as done that the server did not commit — and the banner says so ({@link #outageProperty()}); the server is asked
 * again every {@value #RETRY_SECONDS} s in the background, and coding resumes when it answers.
 */
final class ServerWatch {

    static final int RETRY_SECONDS = 3;

    private static final ScheduledExecutorService RETRIES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "attune-server-retry");
        t.setDaemon(true);
        return t;
    });

    private final ReadOnlyStringWrapper outage = new ReadOnlyStringWrapper();
    private ScheduledFuture<?> retry;

    /** What the banner says while the server is out of reach; null while coding goes on. */
    ReadOnlyStringProperty outageProperty() {
        return outage.getReadOnlyProperty();
    }

    boolean paused() {
        return outage.get() != null;
    }

    /**
     * On the FX thread: {@code study}'s server was found out of reach — by an edit ({@code why}, in words: it was not
     * saved) or by a read ({@code why} null: nothing was lost).
     */
    void lost(Study study, String why) {
        if (paused()) return;
        int colon = why == null ? -1 : why.indexOf(':');
        String lostEdit = colon > 0 ? "the last edit (" + Character.toLowerCase(why.charAt(0)) + why.substring(1, colon) + ") was not saved; " : "";
        outage.set("The lab server is out of reach, so coding is paused: " + lostEdit + "everything saved before is on the server. Attune asks the server"
                + " again every " + RETRY_SECONDS + " seconds and goes on when it answers.");
        LabStudy lab = study.lab().orElse(null);
        if (lab == null) return;
        retry = RETRIES.scheduleWithFixedDelay(() -> {
            if (lab.reachable()) Platform.runLater(this::resumed);
        }, RETRY_SECONDS, RETRY_SECONDS, TimeUnit.SECONDS);
    }

    private void resumed() {
        stop();
        outage.set(null);
    }

    /** Another study opened, or none: no banner, no more asking. */
    void reset() {
        stop();
        outage.set(null);
    }

    private void stop() {
        if (retry != null) retry.cancel(false);
        retry = null;
    }
}
