package org.attune.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FrameClockTest {

    @Test
    void twentyFiveFpsFramesAreFortyMs() {
        FrameClock c = new FrameClock(25);
        assertEquals(0, c.frameAt(39.999));
        assertEquals(1, c.frameAt(40));
        assertEquals(1000, c.snap(1039.9));
        assertEquals(1020.0, c.seekTargetMs(25), 1e-9);
    }

    /** 29.97 fps: frame 1 starts at 1001/30 = 33.367 ms → stored 33; frame 2 at 66.733 → 67; frame 3 at 100.1 → 100. */
    @Test
    void ntscStoredTimesMapBackToTheirFrame() {
        FrameClock c = new FrameClock(30000 / 1001.0);
        assertEquals(33, c.startMs(1));
        assertEquals(67, c.startMs(2));
        assertEquals(100, c.startMs(3));
        assertEquals(0, c.frameAt(33.3), "33.3 ms is still frame 0 on screen");
        assertEquals(1, c.frameOfStored(33), "but a stored 33 is frame 1's start");
        for (long n = 0; n < 200_000; n++) {
            assertEquals(n, c.frameOfStored(c.startMs(n)), "frame " + n);
            assertEquals(c.startMs(n), c.snap(c.seekTargetMs(n)), "snapping the displayed frame's time gives its start");
        }
    }

    @Test
    void everyCommonRateRoundTrips() {
        for (double fps : new double[] {23.976, 24, 25, 29.97, 30, 50, 59.94, 60, 120}) {
            FrameClock c = new FrameClock(fps);
            for (long n = 0; n < 100_000; n++) assertEquals(n, c.frameOfStored(c.startMs(n)), fps + " fps frame " + n);
        }
    }

    @Test
    void nonsenseRatesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FrameClock(0));
        assertThrows(IllegalArgumentException.class, () -> new FrameClock(Double.NaN));
    }
}
