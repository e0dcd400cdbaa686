package org.attune.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.attune.TestPaths;

/**
 * Videos as lab cameras and phones write them, made from the sample session S01 (whose every frame
 * carries its 12-bit frame code) with Debian's ffmpeg, which .ci/run installs: the sample sessions'
 * camcorder-like 1080p long-GOP file with B-frames and sound (camcorders, IP cameras), an MJPEG AVI (lab
 * systems), an MPEG-TS (AVCHD's .mts) and a variable-frame-rate MP4 (phones: frames dropped, the others
 * keep their times).
 */
public final class TestVideos {

    public static final Path S01 = TestPaths.repoRoot().resolve("sample-sessions/free-play-s01.mp4");

    private TestVideos() {
    }

    /**
     * The sample sessions' camcorder-like file (made by the sample generator, so tests and benchmarks see
     * what users try the player on): S01 at 1920×1080 (scaled ×3, smoothly), a keyframe every 250 frames,
     * 3 B-frames, an AAC tone with a beep every second. {@code dir} is unused (kept for the callers).
     */
    public static Path longGop1080(Path dir) {
        return CAMCORDER;
    }

    public static final Path CAMCORDER = S01.resolveSibling("free-play-s01-camcorder.mp4");

    /** As {@link #longGop1080} without the sound track (JavaFX's player halts on sound where there is no audio device, as headless here). */
    public static Path longGop1080Silent(Path dir) throws IOException {
        Path out = dir.resolve("camcorder-silent.mp4");
        if (Files.isRegularFile(out)) return out;
        run(List.of("ffmpeg", "-y", "-loglevel", "error", "-i", CAMCORDER.toString(), "-an", "-c:v", "copy", out.toString()), out);
        return out;
    }

    /** The first 10 s as MJPEG in AVI, with a tone as 16-bit PCM at 32 kHz, mono (as lab systems record). */
    public static Path mjpegAvi(Path dir) throws IOException {
        return make(dir.resolve("lab-camera.avi"), "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=32000", "-map", "0:v", "-map", "1:a",
                "-t", "10", "-c:v", "mjpeg", "-q:v", "3", "-c:a", "pcm_s16le");
    }

    /**
     * The first 10 s as H.264 with B-frames in an MPEG transport stream, with a stereo tone as AC-3 at 48 kHz
     * (starting a few ms before the picture, as in a camcorder's stream), as AVCHD camcorders write .mts.
     */
    public static Path mts(Path dir) throws IOException {
        return make(dir.resolve("camcorder.mts"), "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-map", "0:v", "-map", "1:a",
                "-t", "10", "-c:v", "libx264", "-g", "25", "-bf", "2", "-c:a", "ac3", "-ac", "2", "-f", "mpegts");
    }

    /**
     * The first 10 s with every 5th and some 11th frames dropped, the rest keeping their original times
     * (variable frame rate), without B-frames (with them JavaFX's player cannot seek to a file's last frames,
     * which is not what this file is for).
     */
    public static Path variableRate(Path dir) throws IOException {
        return make(dir.resolve("phone-vfr.mp4"), "-t", "10", "-vf", "select='not(eq(mod(n\\,5)\\,2))*not(eq(mod(n\\,11)\\,7))'",
                "-vsync", "vfr", "-c:v", "libx264", "-g", "30", "-bf", "0", "-an");
    }

    private static Path make(Path out, String... args) throws IOException {
        if (Files.isRegularFile(out)) return out;
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-y", "-loglevel", "error", "-i", S01.toString()));
        // the filter inputs come after the sample; the output options after them
        cmd.addAll(List.of(args));
        cmd.add(out.toString());
        run(cmd, out);
        return out;
    }

    private static void run(List<String> cmd, Path out) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("These tests make their videos with ffmpeg, which is not installed: apt-get install ffmpeg (.ci/run does).", e);
        }
        String said = new String(p.getInputStream().readAllBytes());
        try {
            if (p.waitFor() != 0) throw new IOException("ffmpeg failed making " + out.getFileName() + ": " + said);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
