package org.attune.ui.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TimeWindowTest {

    @Test
    void mapsTimeToPixelsBothWays() {
        TimeWindow w = new TimeWindow(10_000, 20_000, 1000, 60_000);
        assertEquals(0, w.xOf(10_000), 1e-9);
        assertEquals(500, w.xOf(20_000), 1e-9);
        assertEquals(25_000, w.msAt(750), 1e-9);
        assertEquals(20, w.msPerPixel(), 1e-9);
    }

    @Test
    void zoomKeepsTheAnchorWhereItIsAndStaysInsideTheSession() {
        TimeWindow w = new TimeWindow(10_000, 20_000, 1000, 60_000);
        TimeWindow in = w.zoom(0.5, 15_000);                // 15 s was at x = 250
        assertEquals(10_000, in.spanMs(), 1e-9);
        assertEquals(250, in.xOf(15_000), 1e-9);
        assertEquals(TimeWindow.MIN_SPAN_MS, w.zoom(1e-6, 15_000).spanMs(), 1e-9);
        TimeWindow out = w.zoom(100, 15_000);               // never wider than the session
        assertEquals(60_000, out.spanMs(), 1e-9);
        assertEquals(0, out.startMs(), 1e-9);
    }

    @Test
    void scrollingStopsAtTheEndsAndFollowingTurnsThePage() {
        TimeWindow w = new TimeWindow(10_000, 20_000, 1000, 60_000);
        assertEquals(0, w.scroll(-5).startMs(), 1e-9);
        assertEquals(40_000, w.scroll(5).startMs(), 1e-9);
        assertEquals(w, w.follow(25_000), "the playhead is on screen: nothing moves");
        TimeWindow next = w.follow(31_000);
        assertEquals(31_000 - 2_000, next.startMs(), 1e-9, "the playhead a tenth in from the left");
    }

    @Test
    void ticksAreRoundStepsAtLeastTheGivenDistanceApart() {
        assertEquals(10_000, new TimeWindow(0, 60_000, 600, 60_000).tickMs(70), "100 ms per px: 10 s = 100 px");
        assertEquals(200, new TimeWindow(0, 1_000, 500, 60_000).tickMs(70), "2 ms per px: 200 ms = 100 px");
    }
}
