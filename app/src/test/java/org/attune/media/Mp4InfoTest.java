package org.attune.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Mp4InfoTest {

    @TempDir
    Path dir;

    @Test
    void sampleVideoIs25FpsWith1500Frames() throws Exception {
        Mp4Info.VideoTiming t = Mp4Info.read(Path.of("..", "sample-sessions", "free-play-s01.mp4")).orElseThrow();
        assertEquals(25.0, t.fps(), 1e-9);
        assertEquals(1500, t.frames());
        assertEquals(60_000, t.durationMs());
        assertTrue(t.constant());
    }

    /** ffmpeg -f lavfi -i testsrc=size=64x48:rate=30000/1001 -t 1 -an -c:v libx264: 30 frames of 1001/30000 s. */
    @Test
    void ntscRateIsExact() throws Exception {
        Mp4Info.VideoTiming t = Mp4Info.read(Path.of(getClass().getResource("/media/ntsc-29.97fps.mp4").toURI())).orElseThrow();
        assertEquals(30000 / 1001.0, t.fps(), 1e-9);
        assertEquals(30, t.frames());
        assertEquals(1001, t.durationMs());
    }

    @Test
    void notAVideoOrCutShortGivesNothingRatherThanAGuess() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "these are my notes, not a video");
        assertTrue(Mp4Info.read(text).isEmpty());
        byte[] all = Files.readAllBytes(Path.of("..", "sample-sessions", "free-play-s01.mp4"));
        Path cut = Files.write(dir.resolve("cut.mp4"), Arrays.copyOf(all, 2000)); // the moov box is cut off mid-way
        assertTrue(Mp4Info.read(cut).isEmpty());
        assertTrue(Mp4Info.read(Files.write(dir.resolve("empty.mp4"), new byte[0])).isEmpty());
    }
}
