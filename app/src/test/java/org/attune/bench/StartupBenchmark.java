package org.attune.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.attune.agreement.Mark;
import org.attune.coding.EventDraft;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.json.BundledSchemes;
import org.attune.store.EventRepository;
import org.attune.store.Study;

/**
 * The start-up figures of docs/benchmarks.md (issue 16): whole-process runs, from starting the process to
 * its end (or, for the app, to its line "study browser painted"), median of 10 after one warm-up run, of
 * <ul>
 *   <li>{@code attune --version};</li>
 *   <li>{@code attune agreement events STUDY --coders AL,BK --method time-unit --unit 1 --json} on a study of
 *       2 coders × 20,000 events (AgreementBenchmark's generator);</li>
 *   <li>the app, from launch to the study browser painted with the sample study ({@code -Dattune.startup=exit};
 *       only where there is a display, e.g. Xvfb);</li>
 * </ul>
 * for each way of starting Attune: the jar on the system's Java, the same with a class-data sharing archive
 * made as the README says (one run of the app with {@code -XX:ArchiveClassesAtExit}), and, given
 * {@code -Dattune.installed=ROOT} (a .deb unpacked with {@code dpkg -x}), the installed app with and without
 * the archive its postinst makes ({@code ROOT/opt/attune/lib/app/make-cds-archive.sh}, run here if missing).
 * Run: {@code mvn -q -Pdist -DskipTests package} first, then {@code mvn -q -pl app test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=org.attune.bench.StartupBenchmark [-Dattune.installed=ROOT]}.
 */
public final class StartupBenchmark {

    private static final int RUNS = 10;

    private record Way(String name, List<String> command, Path archiveToHide) {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Files.exists(Path.of("target/attune.jar")) ? Path.of("target/attune.jar") : Path.of("app/target/attune.jar");
        if (!Files.exists(jar)) throw new IllegalStateException("build the jar first: mvn -q -DskipTests package");
        jar = jar.toAbsolutePath();
        Path work = Files.createTempDirectory("attune-startup-bench");
        Path study = twoCodersTwentyThousandEvents(work.resolve("agreement.attune"));
        boolean display = !System.getenv().getOrDefault("DISPLAY", "").isBlank();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        List<Way> ways = new ArrayList<>();
        ways.add(new Way("jar", List.of(java, "-jar", jar.toString()), null));
        if (display) { // the README's way: run the app once with -XX:ArchiveClassesAtExit, then start it with the archive
            Path archive = work.resolve("attune.jsa");
            run(List.of(java, "-XX:ArchiveClassesAtExit=" + archive, "-jar", jar.toString()), List.of(), true, work.resolve("home-archive"));
            ways.add(new Way("jar + archive", List.of(java, "-XX:SharedArchiveFile=" + archive, "-jar", jar.toString()), null));
        }
        String installed = System.getProperty("attune.installed");
        if (installed != null) {
            Path root = Path.of(installed).toAbsolutePath().resolve("opt/attune");
            Path archive = root.resolve("lib/app/attune.jsa");
            if (!Files.exists(archive)) {
                Process p = new ProcessBuilder(root.resolve("lib/app/make-cds-archive.sh").toString()).inheritIO().start();
                if (p.waitFor() != 0) throw new IllegalStateException("make-cds-archive.sh failed");
            }
            ways.add(new Way("installed .deb, no archive", List.of(root.resolve("bin/Attune").toString()), archive));
            ways.add(new Way("installed .deb", List.of(root.resolve("bin/Attune").toString()), null));
        }

        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("--version", List.of("--version"));
        commands.put("agreement events (2 × 20,000 events, 1-s units)",
                List.of("agreement", "events", study.toString(), "--coders", "AL,BK", "--method", "time-unit", "--unit", "1", "--json"));
        if (display) commands.put("app: launch to study browser painted", List.of());

        System.out.printf(Locale.ROOT, "%s, %d cores, median of %d whole-process runs (min–max), ms%n", java, Runtime.getRuntime().availableProcessors(), RUNS);
        for (Map.Entry<String, List<String>> c : commands.entrySet()) {
            for (Way way : ways) {
                Path hidden = way.archiveToHide() == null ? null : way.archiveToHide().resolveSibling("attune.jsa.hidden");
                if (hidden != null) Files.move(way.archiveToHide(), hidden);
                try {
                    boolean app = c.getValue().isEmpty();
                    Path home = work.resolve("home-" + way.name().replace(' ', '-'));
                    run(way.command(), c.getValue(), app, home); // warm-up: the file cache, the sample study's first copy
                    long[] ms = new long[RUNS];
                    for (int i = 0; i < RUNS; i++) ms[i] = run(way.command(), c.getValue(), app, home);
                    Arrays.sort(ms);
                    System.out.printf(Locale.ROOT, "| %s | %s | %d (%d–%d) |%n", c.getKey(), way.name(), (ms[RUNS / 2 - 1] + ms[RUNS / 2]) / 2, ms[0], ms[RUNS - 1]);
                } finally {
                    if (hidden != null) Files.move(hidden, way.archiveToHide());
                }
            }
        }
    }

    /** One whole-process run in ms: to the process's end, or for the app to its "painted" line. */
    private static long run(List<String> way, List<String> args, boolean app, Path home) throws Exception {
        List<String> command = new ArrayList<>(way);
        ProcessBuilder pb = new ProcessBuilder();
        String props = "-Duser.home=" + home + (app ? " -Dattune.startup=exit" : "");
        if (command.size() == 1) { // an installed launcher: the Java options go by the JVM's own variable
            pb.environment().put("JAVA_TOOL_OPTIONS", props);
        } else {
            command.addAll(1, List.of(props.split(" ")));
        }
        command.addAll(args);
        pb.command(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (!app) pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        long t0 = System.nanoTime();
        Process p = pb.start();
        long painted = -1;
        if (app) {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("attune: study browser painted") && painted < 0) painted = System.nanoTime();
                }
            }
        }
        int status = p.waitFor();
        long end = app ? painted : System.nanoTime();
        if (status != 0 || end < 0) throw new IllegalStateException("failed (" + status + "): " + command);
        return (end - t0) / 1_000_000;
    }

    /** Two coders × 20,000 events in one 5.4-hour session, as AgreementBenchmark makes them. */
    static Path twoCodersTwentyThousandEvents(Path file) throws Exception {
        CodingScheme scheme = BundledSchemes.defaultScheme();
        Random random = new Random(42);
        List<Mark> a = AgreementBenchmark.generate(scheme, random, 20_000, AgreementBenchmark.SESSION_MS);
        List<Mark> b = AgreementBenchmark.perturb(scheme, a, random);
        try (Study s = Study.create(file, scheme, "Start-up benchmark")) {
            s.addSession(new org.attune.coding.Session(0, "S01", "D01", "2026-03-01", 14.0, "free play", "", Map.of()));
            List<EventRepository.ImportRow> rows = new ArrayList<>();
            for (Mark m : a) rows.add(new EventRepository.ImportRow("S01", "AL", draft(m)));
            for (Mark m : b) rows.add(new EventRepository.ImportRow("S01", "BK", draft(m)));
            s.events().importAll(rows);
        }
        return file;
    }

    private static EventDraft draft(Mark m) {
        return m.point() ? EventDraft.point(m.code(), m.onsetMs()) : EventDraft.state(m.code(), m.onsetMs(), m.offsetMs());
    }
}
