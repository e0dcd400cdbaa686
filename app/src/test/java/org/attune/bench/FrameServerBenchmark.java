package org.attune.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.attune.media.FrameServer;
import org.attune.media.TestVideos;

/**
 * Frame steps through FFmpeg ({@link FrameServer}) on the worst file a lab brings: 1920×1080, a keyframe
 * every 250 frames, 3 B-frames (issue 21). Decode to BGRA pixels, not yet on screen: one frame forward
 * and back 25 times each from the middle of a group of pictures, and 25 jumps anywhere; then the same
 * on the sample (640×360, GOP 15). Prints median and max per kind, frames decoded, and the cache's bytes.
 * Run: {@code mvn -q -pl app test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.attune.bench.FrameServerBenchmark}
 * (needs ffmpeg to make the 1080p file).
 */
public final class FrameServerBenchmark {

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("frames-bench");
        long cache = 512L << 20;
        run("1080p, GOP 250, B-frames", TestVideos.longGop1080(dir), cache);
        run("sample 640x360, GOP 15", TestVideos.S01, cache);
    }

    private static void run(String name, Path file, long cacheBytes) throws Exception {
        long t0 = System.nanoTime();
        try (FrameServer s = FrameServer.open(file, cacheBytes)) {
            System.out.printf(Locale.ROOT, "%s: opened and indexed %d frames in %.0f ms%n", name, s.frames(), (System.nanoTime() - t0) / 1e6);
            for (int warm = 0; warm < 3; warm++) s.frame(100 + warm);
            int start = 700; // mid-GOP in the 250-frame file (keyframes at 500, 750)
            s.frame(start);
            List<Double> forward = new ArrayList<>();
            for (int i = 1; i <= 25; i++) forward.add(time(s, start + i));
            List<Double> back = new ArrayList<>();
            s.frame(start + 200);
            for (int i = 1; i <= 25; i++) back.add(time(s, start + 200 - i));
            List<Double> jump = new ArrayList<>();
            Random random = new Random(21);
            for (int i = 0; i < 25; i++) jump.add(time(s, random.nextInt(s.frames())));
            // back across the start of a group of pictures, after a jump: the GOP before must be decoded
            List<Double> backAcross = new ArrayList<>();
            int key = 0;
            for (int k = s.frames() / 2; k > 0; k--) {
                if (s.index().keyframe()[k]) {
                    key = k;
                    break;
                }
            }
            s.frame(key + 10);
            for (int i = 1; i <= 25; i++) backAcross.add(time(s, key + 10 - i));
            // the same, with the prefetch the player runs between two key presses (untimed: the coder looks meanwhile)
            List<Double> backPrefetched = new ArrayList<>();
            int key2 = 0;
            for (int k = s.frames() / 2 + 260; k > 0; k--) {
                if (s.index().keyframe()[k]) {
                    key2 = k;
                    break;
                }
            }
            s.frame(key2 + 10);
            s.prefetchBefore(key2 + 10, () -> false);
            for (int i = 1; i <= 25; i++) {
                backPrefetched.add(time(s, key2 + 10 - i));
                s.prefetchBefore(key2 + 10 - i, () -> false);
            }
            report(name, "one frame forward", forward);
            report(name, "back across a GOP start", backAcross);
            report(name, "  with prefetch", backPrefetched);
            report(name, "one frame back", back);
            report(name, "a jump anywhere", jump);
            System.out.printf(Locale.ROOT, "  frames decoded %d, cache %.0f MB of %.0f MB%n", s.framesDecoded(), s.cachedBytes() / 1e6, cacheBytes / 1e6);
        }
    }

    private static double time(FrameServer s, int n) throws Exception {
        long t = System.nanoTime();
        s.frame(n);
        return (System.nanoTime() - t) / 1e6;
    }

    private static void report(String name, String what, List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "  %-18s median %6.1f ms  max %6.1f ms%n", what, sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
    }
}
