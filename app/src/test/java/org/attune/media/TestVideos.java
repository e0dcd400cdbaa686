package org.attune.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.attune.TestPaths;

/**
 * Videos as lab cameras and phones write them, made from the sample session S01 (whose every frame
 * carries its 12-bit frame code) with Debian's ffmpeg, which .ci/run installs: a 1080p long-GOP file
 * with B-frames and an audio tone (camcorders, IP cameras), an MJPEG AVI (lab systems), an MPEG-TS
 * (AVCHD's .mts) and a variable-frame-rate MP4 (phones: frames dropped, the others keep their times).
 */
public final class TestVideos {

    public static final Path S01 = TestPaths.repoRoot().resolve("sample-sessions/free-play-s01.mp4");

    private TestVideos() {
    }

    /** 1920×1080 (S01 scaled ×3 with square pixels, so the frame code stays sharp), keyframe every 250 frames, 3 B-frames, AAC tone. */
    public static Path longGop1080(Path dir) throws IOException {
        return make(dir.resolve("long-gop-1080p.mp4"), "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-filter_complex", "[0:v]scale=1920:1080:flags=neighbor[v]", "-map", "[v]", "-map", "1:a", "-shortest",
                "-c:v", "libx264", "-preset", "veryfast", "-g", "250", "-keyint_min", "250", "-sc_threshold", "0", "-bf", "3",
                "-pix_fmt", "yuv420p", "-c:a", "aac");
    }

    /** As {@link #longGop1080} without the sound track (JavaFX's player halts on sound where there is no audio device, as headless here). */
    public static Path longGop1080Silent(Path dir) throws IOException {
        return make(dir.resolve("long-gop-1080p-silent.mp4"), "-vf", "scale=1920:1080:flags=neighbor",
                "-c:v", "libx264", "-preset", "veryfast", "-g", "250", "-keyint_min", "250", "-sc_threshold", "0", "-bf", "3",
                "-pix_fmt", "yuv420p", "-an");
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
        return out;
    }
}
