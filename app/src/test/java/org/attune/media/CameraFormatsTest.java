package org.attune.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.attune.samples.SampleSessions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What lab cameras and phones write, decoded frame-exact (issue 21): every frame asked for carries the
 * frame code of the frame expected — in a long-GOP 1080p file with B-frames, an MJPEG AVI, an MTS, and a
 * variable-frame-rate file, where each frame's code matches its own timestamp.
 */
class CameraFormatsTest {

    @TempDir
    static Path dir;
    static Path long1080;
    static Path avi;
    static Path mts;
    static Path vfr;

    @BeforeAll
    static void videos() throws Exception {
        long1080 = TestVideos.longGop1080(dir);
        avi = TestVideos.mjpegAvi(dir);
        mts = TestVideos.mts(dir);
        vfr = TestVideos.variableRate(dir);
    }

    /** The frame code of a frame scaled {@code scale}× from the sample's 640×360. */
    static int codeOf(FrameServer.Frame f, int scale) {
        return SampleSessions.decodeFrame((x, y) -> {
            int at = (y * scale * f.width() + x * scale + scale / 2) * 4;
            byte[] p = f.bgra();
            return (p[at + 2] & 0xFF) << 16 | (p[at + 1] & 0xFF) << 8 | (p[at] & 0xFF);
        });
    }

    static void exact(FrameServer s, int scale) throws Exception {
        for (int n = 0; n < 30; n++) assertEquals(n, codeOf(s.frame(n), scale), "forward " + n);
        for (int n = 29; n >= 0; n--) assertEquals(n, codeOf(s.frame(n), scale), "back " + n);
        Random random = new Random(7);
        for (int k = 0; k < 20; k++) {
            int n = random.nextInt(s.frames());
            assertEquals(n, codeOf(s.frame(n), scale), "jump to " + n);
            if (n > 0) assertEquals(n - 1, codeOf(s.frame(n - 1), scale), "one back from " + n);
        }
        int last = s.frames() - 1;
        assertEquals(last, codeOf(s.frame(last), scale), "the last frame");
    }

    @Test
    void aLongGopFullHdFileWithBFramesAndSound() throws Exception {
        try (FrameServer s = FrameServer.open(long1080, 256L << 20)) {
            assertEquals(1920, s.width());
            assertEquals(250, s.index().longestGop());
            assertTrue(s.hasAudio());
            assertEquals(1500, s.frames());
            exact(s, 3);
            VideoReport r = VideoReport.of(long1080, s);
            assertTrue(r.playableAsIs());
            assertTrue(r.lines().stream().anyMatch(l -> l.contains("long groups of pictures (250 frames)")), r.lines().toString());
        }
    }

    @Test
    void anMjpegAviAndAnMtsOpenAndAreSaidNotToPlayAsTheyAre() throws Exception {
        for (Path p : new Path[] {avi, mts}) {
            try (FrameServer s = FrameServer.open(p, 64L << 20)) {
                assertEquals(250, s.frames(), p.getFileName().toString());
                exact(s, 1);
                VideoReport r = VideoReport.of(p, s);
                assertFalse(r.playableAsIs(), p.getFileName().toString());
                assertTrue(r.lines().stream().anyMatch(l -> l.startsWith("playable   without sound: ") && l.contains("ffmpeg -i \"" + p.getFileName() + "\"")));
            }
        }
    }

    @Test
    void aVariableRateFilesFramesAreFoundByTheirOwnTimestamps() throws Exception {
        try (FrameServer s = FrameServer.open(vfr, 64L << 20)) {
            assertFalse(s.index().constantRate());
            assertTrue(s.frames() < 250 && s.frames() > 150, s.frames() + " frames: some were dropped");
            for (int i = 0; i < s.frames(); i++) {
                int original = codeOf(s.frame(i), 1);
                assertEquals(original * 40_000L, s.index().ptsMicros()[i], "frame " + i + " shows original frame " + original + " at its own time");
            }
            // a time between two kept frames shows the earlier one, as the screen would
            long t = s.index().ptsMicros()[10] + 1_000;
            assertEquals(10, s.frameAt(t));
        }
    }

    /**
     * An MP4's frames are indexed from its sample tables (an hour of footage would otherwise be read whole
     * when opened): the same times and keyframes as reading every packet — B-frames reordered, a variable
     * rate — and every frame decoded through it is the frame with that number.
     */
    @Test
    void anMp4IsIndexedFromItsSampleTablesExactlyAsFromItsPackets() throws Exception {
        for (Path file : new Path[] {TestVideos.S01, long1080, vfr}) {
            try (FrameServer tables = FrameServer.open(file, 64L << 20); FrameServer packets = FrameServer.openReadingPackets(file, 16L << 20)) {
                assertTrue(Mp4Info.frameIndex(file).isPresent(), file.getFileName() + " has sample tables");
                assertArrayEquals(packets.index().ptsMicros(), tables.index().ptsMicros(), file.getFileName().toString());
                assertArrayEquals(packets.index().keyframe(), tables.index().keyframe(), file.getFileName().toString());
                int scale = tables.width() / 640;
                java.util.Random random = new java.util.Random(7);
                for (int k = 0; k < 12; k++) {
                    int n = k == 0 ? tables.frames() - 1 : random.nextInt(tables.frames());
                    assertEquals(codeOf(packets.frame(n), scale), codeOf(tables.frame(n), scale), file.getFileName() + " frame " + n);
                }
            }
        }
        assertTrue(Mp4Info.frameIndex(avi).isEmpty(), "an AVI has no MP4 sample tables: its packets are read");
    }

    /**
     * A coding copy of what the player cannot show (MJPEG AVI, MTS) or steps slowly in, and of a
     * variable-rate file: H.264 MP4 the player shows as it is, a keyframe every 15 frames, every frame
     * at the original's time showing the original's frame, and the original's sound (PCM in the AVI, AC-3
     * in the MTS) as AAC on the same clock.
     */
    @Test
    void aCodingCopyIsPlayableAndKeepsEveryFrameAtItsTime() throws Exception {
        for (Path original : new Path[] {avi, mts, vfr}) {
            Path copy = dir.resolve("copy-of-" + original.getFileName() + ".mp4");
            CodingCopy.Result r = CodingCopy.write(original, copy, n -> true);
            try (FrameServer o = FrameServer.open(original, 16L << 20); FrameServer c = FrameServer.open(copy, 64L << 20)) {
                assertEquals(o.frames(), r.frames(), original.getFileName().toString());
                assertEquals(o.frames(), c.frames(), original.getFileName() + ": every frame is in the copy");
                VideoReport report = VideoReport.of(copy, c);
                assertTrue(report.playableAsIs(), report.lines().toString());
                assertTrue(c.index().longestGop() <= 15, "keyframes every 15 frames: " + c.index().longestGop());
                assertEquals(o.hasAudio(), c.hasAudio(), original.getFileName() + ": the sound is kept");
                assertEquals(o.hasAudio(), r.sound());
                assertEquals("", r.soundLeftOut());
                for (int i = 0; i < c.frames(); i += 7) {
                    assertEquals(o.index().ptsMicros()[i], c.index().ptsMicros()[i], original.getFileName() + " frame " + i + " at the original's time");
                    assertEquals(codeOf(o.frame(i), 1), codeOf(c.frame(i), 1), original.getFileName() + " frame " + i + " shows the original's frame");
                }
            }
            if (r.sound()) {
                // the sound as AAC on the copy's clock: from its time 0 (the first frame) to the end of the picture, and the tone is in it
                String[] a = probe(copy, "-select_streams", "a", "-show_entries", "stream=codec_name,start_time,duration", "-of", "csv=p=0").trim().split(",");
                assertEquals("aac", a[0], original.getFileName().toString());
                assertEquals(0, Double.parseDouble(a[1]), 0.03, original.getFileName() + ": the sound starts with the first frame");
                assertEquals(r.durationMicros() / 1e6, Double.parseDouble(a[2]), 0.1, original.getFileName() + ": and lasts as long as the picture");
                String level = run("ffmpeg", "-hide_banner", "-i", copy.toString(), "-map", "0:a", "-af", "volumedetect", "-f", "null", "-");
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("mean_volume: (-?[0-9.]+) dB").matcher(level);
                assertTrue(m.find(), level);
                assertTrue(Double.parseDouble(m.group(1)) > -30, original.getFileName() + ": the tone is heard in the copy (" + m.group(1) + " dB)");
            }
        }
    }

    private static String probe(Path file, String... args) throws Exception {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("ffprobe", "-v", "error"));
        cmd.addAll(java.util.List.of(args));
        cmd.add(file.toString());
        return run(cmd.toArray(String[]::new));
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), said);
        return said;
    }
}
