package org.attune.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.attune.TestPaths;
import org.attune.samples.SampleSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exact frames through FFmpeg: every frame asked for is the frame with that number, proven by the
 * 12-bit frame code burned into the sample videos — stepping forward, back, and jumping anywhere.
 */
class FrameServerTest {

    static final Path S01 = TestPaths.repoRoot().resolve("sample-sessions/free-play-s01.mp4");

    /** The frame number burned into a decoded frame's pixels. */
    static int codeOf(FrameServer.Frame f) {
        return SampleSessions.decodeFrame((x, y) -> {
            int at = (y * f.width() + x) * 4;
            byte[] p = f.bgra();
            return (p[at + 2] & 0xFF) << 16 | (p[at + 1] & 0xFF) << 8 | (p[at] & 0xFF);
        });
    }

    @Test
    void theSampleIsIndexedByItsTimestamps() throws Exception {
        try (FrameServer s = FrameServer.open(S01, 64L << 20)) {
            assertEquals(1500, s.frames(), "60 s at 25 fps");
            assertEquals(640, s.width());
            assertEquals(360, s.height());
            assertEquals("h264", s.codec());
            assertFalse(s.hasAudio());
            assertTrue(s.index().constantRate());
            assertEquals(15, s.index().longestGop(), "a keyframe every 15 frames");
            assertEquals(40_000, s.index().ptsMicros()[1]);
            assertEquals(1499 * 40_000L, s.index().ptsMicros()[1499]);
            assertEquals(25, s.frameAt(1_000_000 + 39_999), "the frame shown at 1.039 s starts at 1.000 s");
        }
    }

    @Test
    void everyFrameAskedForIsThatFrameForwardBackAndJumping() throws Exception {
        try (FrameServer s = FrameServer.open(S01, 64L << 20)) {
            for (int n = 0; n < 40; n++) assertEquals(n, codeOf(s.frame(n)), "forward " + n);
            for (int n = 39; n >= 0; n--) assertEquals(n, codeOf(s.frame(n)), "back " + n);
            Random random = new Random(21);
            for (int k = 0; k < 40; k++) {
                int n = random.nextInt(s.frames());
                assertEquals(n, codeOf(s.frame(n)), "jump to " + n);
            }
            assertEquals(1499, codeOf(s.frame(1499)), "the last frame");
            assertEquals(1498, codeOf(s.frame(1498)));
        }
    }

    @Test
    void steppingBackInsideAGopDecodesNothingAndTheCacheStaysWithinItsLimit() throws Exception {
        long limit = 10L * 640 * 360 * 4; // ten frames
        try (FrameServer s = FrameServer.open(S01, limit)) {
            s.frame(14); // decodes 0..14 (one GOP)
            long decoded = s.framesDecoded();
            s.frame(13);
            s.frame(12);
            assertEquals(decoded, s.framesDecoded(), "frames decoded on the way are kept");
            assertTrue(s.cachedBytes() <= limit + 640 * 360 * 4, "cache " + s.cachedBytes());
            s.frame(500);
            assertTrue(s.cachedBytes() <= limit + 640 * 360 * 4);
        }
    }

    @Test
    void theStepBackAcrossAGopStartIsPrefetchedAndANewerRequestStopsIt() throws Exception {
        try (FrameServer s = FrameServer.open(S01, 64L << 20)) {
            s.frame(30); // a keyframe (every 15): frame 29 is in the group before
            assertFalse(s.isCached(29));
            s.prefetchBefore(30, () -> true); // a newer request at once: nothing decoded
            assertFalse(s.isCached(29));
            s.prefetchBefore(30, () -> false);
            assertTrue(s.isCached(29), "the step back is ready");
            long decoded = s.framesDecoded();
            assertEquals(29, codeOf(s.frame(29)));
            assertEquals(decoded, s.framesDecoded(), "and costs no decoding");
        }
    }

    /**
     * A jump decodes all it must but keeps only the last few frames of the way (each kept frame is decoded
     * in full: the fewer, the sooner the frame shows); the prefetch while the coder looks keeps the rest, so
     * stepping back from there decodes nothing, and a prefetch with the next steps ready does nothing.
     */
    @Test
    void aJumpKeepsAFewFramesAndThePrefetchTheStretchBefore() throws Exception {
        try (FrameServer s = FrameServer.open(S01, 64L << 20)) {
            s.frame(14); // the last of the first group of pictures (0..14)
            assertTrue(s.isCached(13) && s.isCached(7), "the last frames of the way are kept");
            assertFalse(s.isCached(6), "but only a few");
            s.prefetchBefore(14, () -> false);
            long decoded = s.framesDecoded();
            for (int n = 13; n >= 0; n--) assertEquals(n, codeOf(s.frame(n)), "back " + n);
            assertEquals(decoded, s.framesDecoded(), "stepping back after the prefetch decodes nothing");
            s.prefetchBefore(13, () -> false);
            s.prefetchBefore(5, () -> false);
            assertEquals(decoded, s.framesDecoded(), "the next steps back are ready: nothing to prefetch");
        }
        try (FrameServer s = FrameServer.open(S01, 64L << 20)) {
            s.frame(14);
            for (int n = 13; n >= 7; n--) s.frame(n); // kept on the way
            assertFalse(s.isCached(6));
            s.frame(6); // a step back the cache cannot serve (no prefetch ran): it keeps the stretch before it
            long decoded = s.framesDecoded();
            for (int n = 5; n >= 0; n--) assertEquals(n, codeOf(s.frame(n)), "back " + n);
            assertEquals(decoded, s.framesDecoded(), "the steps back after it decode nothing");
        }
    }

    /**
     * A damaged or cut-off video must never take the app down (FFmpeg runs inside its process): every
     * frame asked for comes back, or an IOException says so. Ten copies with random bytes flipped, and
     * one cut off in the middle.
     */
    @Test
    void aDamagedOrTruncatedVideoGivesFramesOrAnErrorNeverACrash(@TempDir Path dir) throws Exception {
        byte[] clean = Files.readAllBytes(S01);
        Random random = new Random(2111);
        List<Path> damaged = new java.util.ArrayList<>();
        for (int copy = 0; copy < 10; copy++) {
            byte[] bytes = clean.clone();
            for (int flip = 0; flip < 40; flip++) {
                int at = 2048 + random.nextInt(bytes.length - 2048);
                bytes[at] ^= (byte) (1 << random.nextInt(8));
            }
            damaged.add(Files.write(dir.resolve("damaged-" + copy + ".mp4"), bytes));
        }
        damaged.add(Files.write(dir.resolve("cut.mp4"), java.util.Arrays.copyOf(clean, clean.length / 2)));
        int framesRead = 0;
        int errors = 0;
        for (Path p : damaged) {
            try (FrameServer s = FrameServer.open(p, 16L << 20)) {
                for (int k = 0; k < 30; k++) {
                    try {
                        FrameServer.Frame f = s.frame(random.nextInt(s.frames()));
                        assertEquals(640 * 360 * 4, f.bgra().length);
                        framesRead++;
                    } catch (IOException e) {
                        errors++;
                        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
                    }
                }
            } catch (IOException e) {
                errors++;
                assertTrue(e.getMessage().startsWith(p.getFileName().toString()), e.getMessage());
            }
        }
        assertTrue(framesRead > 0, "most of a damaged file still decodes (" + framesRead + " frames, " + errors + " errors)");
    }

    @Test
    void aFileThatIsNotAVideoIsSaidInWords(@TempDir Path dir) throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.mp4"), "not a video");
        IOException e = assertThrows(IOException.class, () -> FrameServer.open(notes, 1 << 20));
        assertEquals("notes.mp4 cannot be read as a video.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> {
            try (FrameServer s = FrameServer.open(S01, 1 << 20)) {
                s.frame(1500);
            }
        });
    }
}
