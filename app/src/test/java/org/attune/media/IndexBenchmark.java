package org.attune.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Opening a long video for exact frames (issue 21): indexing an MP4 from its sample tables against reading
 * every packet, on the camcorder-like sample looped to ten minutes and to an hour (stream copy, no
 * re-encoding). Median of 5 opens each, the file in the page cache (a cold disk only widens the gap).
 * Run: {@code mvn -q -pl app test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.attune.media.IndexBenchmark}
 */
public final class IndexBenchmark {

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("index-bench");
        for (int loops : new int[] {10, 60}) {
            Path file = dir.resolve("camcorder-" + loops + "min.mp4");
            Process p = new ProcessBuilder("ffmpeg", "-y", "-loglevel", "error", "-stream_loop", Integer.toString(loops - 1), "-i",
                    TestVideos.CAMCORDER.toString(), "-c", "copy", file.toString()).inheritIO().start();
            if (p.waitFor() != 0) throw new IllegalStateException("ffmpeg failed");
            List<Double> tables = new ArrayList<>();
            List<Double> packets = new ArrayList<>();
            int frames = 0;
            for (int i = 0; i < 5; i++) {
                long t = System.nanoTime();
                try (FrameServer s = FrameServer.open(file, 1)) {
                    frames = s.frames();
                }
                tables.add((System.nanoTime() - t) / 1e6);
                t = System.nanoTime();
                try (FrameServer s = FrameServer.openReadingPackets(file, 1)) {
                    if (s.frames() != frames) throw new IllegalStateException("the indexes differ");
                }
                packets.add((System.nanoTime() - t) / 1e6);
            }
            Collections.sort(tables);
            Collections.sort(packets);
            System.out.printf(Locale.ROOT, "%d min (%d frames, %.0f MB): open from sample tables %.0f ms, reading every packet %.0f ms (median of 5)%n",
                    loops, frames, Files.size(file) / 1e6, tables.get(2), packets.get(2));
        }
    }
}
