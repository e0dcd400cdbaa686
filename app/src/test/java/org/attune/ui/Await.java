package org.attune.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waiting in UI tests for something the toolkit or the media player does on its own time (a video
 * opening, a seek landing, playback advancing): TestFX checks the condition until it holds and returns
 * at once when it does. No fixed sleep, and no assertion on elapsed time — the generous limit is
 * only there so a test that can never pass ends.
 */
public final class Await {

    /** How long a condition may take before the test gives up: far beyond any real wait, even on a loaded CI machine. */
    public static final long LIMIT_SECONDS = 60;

    private Await() {
    }

    /** Whether {@code condition} came to hold (false only if it never did within the limit). */
    public static boolean until(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS, condition);
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }
}
