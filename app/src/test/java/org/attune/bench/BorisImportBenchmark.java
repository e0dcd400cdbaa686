package org.attune.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.attune.exchange.boris.BorisFixtures;
import org.attune.scheme.KeyboardLayout;
import org.attune.service.BorisProjectImport;

/**
 * Importing a large BORIS project (issue 15: 20,000 events in under 3 s): 10 observations of an hour, each
 * 2,000 events (about 3,300 rows) — states of play and look (a start and a stop row each) and touches with modifiers — into a new
 * study made from its ethogram, whole process from reading the file to the study committed; 5 runs, each into
 * a fresh study. Run: {@code mvn -q -pl app test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.attune.bench.BorisImportBenchmark}
 */
public final class BorisImportBenchmark {

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("boris-bench");
        Path project = dir.resolve("big.boris");
        Files.writeString(project, project(10, 2_000, new Random(15)), StandardCharsets.UTF_8);
        List<Double> ms = new ArrayList<>();
        int events = 0;
        for (int run = 0; run < 5; run++) {
            Path study = dir.resolve("big-" + run + ".attune");
            long t = System.nanoTime();
            BorisProjectImport.Result r = BorisProjectImport.run(study, project, "AL", Set.of(), List.of(), KeyboardLayout.US_QWERTY);
            ms.add((System.nanoTime() - t) / 1e6);
            if (!r.imported()) throw new IllegalStateException(r.problems().toString());
            events = r.events();
        }
        System.out.printf(Locale.ROOT, "project %.1f MB, %d events imported: runs %s ms; median %.0f ms%n", Files.size(project) / 1e6, events,
                ms.stream().map(x -> String.format(Locale.ROOT, "%.0f", x)).toList(), median(ms));
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    /** A project of {@code observations} observations with {@code rows} events each (a state two rows). */
    static String project(int observations, int rows, Random random) {
        StringBuilder b = new StringBuilder("{\"time_format\":\"hh:mm:ss\",\"project_date\":\"\",\"project_name\":\"big\",\"project_description\":\"\","
                + "\"project_format_version\":\"7.0\",").append(BorisFixtures.ETHOGRAM).append("\"observations\":{");
        for (int o = 0; o < observations; o++) {
            if (o > 0) b.append(',');
            b.append("\"obs ").append(o).append("\":{\"date\":\"2026-03-02T10:00:00\",\"description\":\"\",\"type\":\"MEDIA\",\"file\":{\"1\":[\"cam")
                    .append(o).append(".mp4\"]},\"media_info\":{\"offset\":{\"1\":0.0}},\"events\":[");
            double t = 0;
            boolean first = true;
            int written = 0;
            while (written < rows) {
                t += 0.2 + random.nextInt(1500) / 1000.0;
                int kind = random.nextInt(3);
                String row;
                if (kind == 2) {
                    row = String.format(Locale.ROOT, "[%.3f,\"parent\",\"touch\",\"%s\",\"\",\"NA\"]", t, random.nextBoolean() ? "hand" : "face");
                    written++;
                } else {
                    String code = kind == 0 ? "play" : "look";
                    String mods = kind == 0 ? "" : "face";
                    double end = t + 0.1 + random.nextInt(800) / 1000.0;
                    row = String.format(Locale.ROOT, "[%.3f,\"child\",\"%s\",\"%s\",\"\",\"NA\"],[%.3f,\"child\",\"%s\",\"%s\",\"\",\"NA\"]", t, code, mods, end, code, mods);
                    t = end;
                    written++;
                }
                if (!first) b.append(',');
                b.append(row);
                first = false;
            }
            b.append("]}");
        }
        return b.append("}}").toString();
    }
}
