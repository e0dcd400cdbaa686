package org.attune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.attune.media.TestVideos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attune media info}: what a video is and whether the app plays it as it is. */
class MediaCliTest {

    @TempDir
    Path dir;

    @Test
    void theSampleIsReportedAndPlayable() {
        CliTest.Run r = CliTest.run("media", "info", TestVideos.S01.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("video      h264, 640×360"), r.out());
        assertTrue(r.out().contains("frames     1500 (60.000 s)"), r.out());
        assertTrue(r.out().contains("rate       25.000 frames/s, constant"), r.out());
        assertTrue(r.out().contains("keyframes  every 15 frames at most"), r.out());
        assertTrue(r.out().contains("playable   yes"), r.out());
    }

    @Test
    void anAviIsSaidNotToPlayWithWhatToDoAndANonVideoIsAnError() throws Exception {
        CliTest.Run avi = CliTest.run("media", "info", TestVideos.mjpegAvi(dir).toString());
        assertEquals(0, avi.code(), avi.err());
        assertTrue(avi.out().contains("video      mjpeg, 640×360, in avi"), avi.out());
        assertTrue(avi.out().contains("keyframes  every frame"), avi.out());
        assertTrue(avi.out().contains("playable   without sound: ") && avi.out().contains("ffmpeg -i \"lab-camera.avi\""), avi.out());
        Path text = Files.writeString(dir.resolve("notes.mov"), "hello");
        CliTest.Run bad = CliTest.run("media", "info", text.toString());
        assertEquals(1, bad.code());
        assertEquals("notes.mov cannot be read as a video.", bad.err().strip());
        assertEquals(1, CliTest.run("media", "info", dir.resolve("missing.mp4").toString()).code());
    }

    @Test
    void prepareMakesAPlayableCopyAndNeverWritesOverTheOriginal() throws Exception {
        Path avi = TestVideos.mjpegAvi(dir);
        Path copy = dir.resolve("lab-camera-coding.mp4");
        CliTest.Run r = CliTest.run("media", "prepare", avi.toString(), "-o", copy.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("wrote " + copy + ": 250 frames, 9.960 s, H.264 with a keyframe every 15 frames, its sound as AAC; times are the original's"), r.out());
        CliTest.Run info = CliTest.run("media", "info", copy.toString());
        assertTrue(info.out().contains("playable   yes"), info.out());
        long before = Files.size(avi);
        CliTest.Run over = CliTest.run("media", "prepare", avi.toString(), "-o", avi.toString());
        assertEquals(1, over.code());
        assertTrue(over.err().contains("input"), over.err());
        assertEquals(before, Files.size(avi), "the original is untouched");
        Path text = Files.writeString(dir.resolve("notes.avi"), "hello");
        CliTest.Run bad = CliTest.run("media", "prepare", text.toString(), "-o", dir.resolve("x.mp4").toString());
        assertEquals(1, bad.code());
        assertEquals("notes.avi cannot be read as a video. Nothing was written.", bad.err().strip());
        assertFalse(Files.exists(dir.resolve("x.mp4")));
    }
}
