package org.attune.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Frames at their own times (variable frame rate), hand-worked, and read from a phone-like MP4's sample tables. */
class TimestampClockTest {

    // 30-fps phone frames with a hiccup: 0, 33.333, 66.667, then a 50-ms gap, then 150
    final TimestampClock clock = new TimestampClock(new long[] {0, 33_333, 66_667, 116_667, 150_000}, 183_333);

    @Test
    void theFrameOnScreenIsTheLastThatStartedAndAPressStoresItsStart() {
        assertEquals(0, clock.frameAt(0));
        assertEquals(0, clock.frameAt(33.3));
        assertEquals(1, clock.frameAt(33.333));
        assertEquals(2, clock.frameAt(116.6), "the 50-ms frame lasts to 116.667");
        assertEquals(3, clock.frameAt(116.667));
        assertEquals(117, clock.snap(140), "116.667 ms, rounded");
        assertEquals(3, clock.frameOfStored(117), "and the stored 117 ms shows that frame again");
        for (int n = 0; n < 5; n++) assertEquals(n, clock.frameOfStored(clock.startMs(n)), "frame " + n);
        assertEquals(91.667, clock.seekTargetMs(2), 1e-9, "the middle of 66.667–116.667");
        assertEquals(166.6665, clock.seekTargetMs(4), 1e-9, "the last frame lasts to the video's end");
        assertEquals(37.5, clock.frameMs(), 1e-9, "150 ms over 4 intervals");
        assertThrows(IllegalArgumentException.class, () -> new TimestampClock(new long[] {0, 40, 40}, 100));
    }

    @Test
    void aPhoneLikeMp4GivesItsFramesOwnTimes(@TempDir Path dir) throws Exception {
        Path vfr = TestVideos.variableRate(dir);
        Mp4Info.VideoTiming t = Mp4Info.read(vfr).orElseThrow();
        assertFalse(t.constant());
        assertTrue(t.clock() instanceof TimestampClock);
        try (FrameServer s = FrameServer.open(vfr, 1 << 20)) {
            assertEquals(s.frames(), t.startsMicros().length, "the sample tables list every frame FFmpeg finds");
            for (int i = 0; i < s.frames(); i++) assertEquals(s.index().ptsMicros()[i], t.startsMicros()[i], "frame " + i);
        }
        Mp4Info.VideoTiming sample = Mp4Info.read(TestVideos.S01).orElseThrow();
        assertTrue(sample.clock() instanceof FrameClock, "a constant rate keeps the rate's arithmetic");
    }
}
