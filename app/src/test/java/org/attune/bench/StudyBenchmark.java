package org.attune.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attune.cli.AttuneCommand;
import org.attune.coding.CodedEvent;
import org.attune.coding.EventDraft;
import org.attune.coding.Modifiers;
import org.attune.coding.Session;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.json.BundledSchemes;
import org.attune.store.EventRepository;
import org.attune.store.Study;

/**
 * The study-file figures of docs/benchmarks.md (a measurement, not a test):
 * <ol>
 *   <li>latency of adding one event (commit included) with 0, 10,000 and 100,000 events already in the pass;</li>
 *   <li>exporting 1,000,000 events to CSV, and importing that file into a new study (through the CLI code);</li>
 *   <li>time and heap to load a pass of 100,000 events.</li>
 * </ol>
 * Run: {@code mvn -q -pl app test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.attune.bench.StudyBenchmark}
 */
public final class StudyBenchmark {

    static final CodingScheme SCHEME = BundledSchemes.defaultScheme();
    static final String[] POINTS = {"C_BID", "P_RESP", "P_BID", "C_RESP", "P_INTRUDE", "C_CHECK"};

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("attune-bench");
        System.out.printf(Locale.ROOT, "machine: %d cores, Java %s, %s %s; folder %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"), dir);
        addLatency(dir);
        exportImport(dir, Integer.getInteger("events", 1_000_000));
        loadPass(dir);
    }

    static List<EventRepository.ImportRow> rows(String session, String coder, int n, long startMs) {
        List<EventRepository.ImportRow> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long t = startMs + i * 250L;
            EventDraft d = i % 4 == 3
                    ? EventDraft.state(i % 8 == 3 ? "C_POS" : "C_DIST", t, t + 200)
                    : EventDraft.point(POINTS[i % POINTS.length], t).withModifiers(i % POINTS.length == 0 ? Modifiers.single("type", "social") : Modifiers.NONE);
            out.add(new EventRepository.ImportRow(session, coder, d));
        }
        return out;
    }

    static void addLatency(Path dir) throws Exception {
        System.out.println("\n1. add one event and commit (synchronous=FULL, WAL); 2,000 adds per size after 500 warm-up adds");
        System.out.println("   events in pass |  median |     p99 |   p99.9 |     max");
        try (Study s = Study.create(dir.resolve("latency.attune"), SCHEME, "latency")) {
            Session warm = s.addSession(new Session(0, "warm", "", "", null, "", "", Map.of()));
            long warmPass = s.pass(warm.id(), s.addCoder("W", "W").id()).id();
            for (int i = 0; i < 500; i++) s.events().add(warmPass, EventDraft.point("C_BID", i * 100L));
            for (int size : new int[] {0, 10_000, 100_000}) {
                String label = "S" + size;
                if (size > 0) s.events().importAll(rows(label, "AL", size, 0));
                else s.addSession(new Session(0, label, "", "", null, "", "", Map.of()));
                long sessionId = s.session(label).orElseThrow().id();
                long coderId = s.coders().stream().filter(c -> c.initials().equals("AL")).findFirst()
                        .orElseGet(() -> { try { return s.addCoder("AL", "AL"); } catch (Exception e) { throw new RuntimeException(e); } }).id();
                long passId = s.pass(sessionId, coderId).id();
                long[] ns = new long[2000];
                long base = size * 250L + 1000;
                for (int i = 0; i < ns.length; i++) {
                    long t0 = System.nanoTime();
                    s.events().add(passId, EventDraft.point("C_BID", base + i * 40L));
                    ns[i] = System.nanoTime() - t0;
                }
                Arrays.sort(ns);
                System.out.printf(Locale.ROOT, "   %14d | %s | %s | %s | %s%n", size, ms(ns[ns.length / 2]), ms(ns[(int) (ns.length * 0.99)]),
                        ms(ns[(int) (ns.length * 0.999)]), ms(ns[ns.length - 1]));
            }
        }
    }

    static void exportImport(Path dir, int total) throws Exception {
        int sessions = 100;
        int perPass = total / (sessions * 2);
        Path source = dir.resolve("million.attune");
        try (Study s = Study.create(source, SCHEME, "million")) {
            for (int i = 0; i < sessions; i++) {
                String label = String.format("S%03d", i);
                s.events().importAll(rows(label, "AL", perPass, 0));
                s.events().importAll(rows(label, "BK", perPass, 100));
            }
        }
        System.out.printf(Locale.ROOT, "%n2. %,d events (%d sessions × 2 coders × %,d), study file %.0f MB%n", sessions * 2 * perPass, sessions, perPass,
                Files.size(source) / 1e6);
        Path csv = dir.resolve("million.csv");
        long t0 = System.nanoTime();
        run("events", "export", source.toString(), "-o", csv.toString());
        long exportNs = System.nanoTime() - t0;
        System.out.printf(Locale.ROOT, "   export to CSV: %.2f s (%.0f MB)%n", exportNs / 1e9, Files.size(csv) / 1e6);
        Path target = dir.resolve("imported.attune");
        run("study", "create", target.toString());
        t0 = System.nanoTime();
        run("events", "import", target.toString(), csv.toString());
        long importNs = System.nanoTime() - t0;
        System.out.printf(Locale.ROOT, "   import the CSV into a new study (validate all, one transaction): %.2f s%n", importNs / 1e9);
        t0 = System.nanoTime();
        run("events", "import", target.toString(), csv.toString());
        System.out.printf(Locale.ROOT, "   import the same CSV again (every event already there: checked against the stored ones, skipped): %.2f s%n",
                (System.nanoTime() - t0) / 1e9);
        for (int i = 0; i < 3; i++) {
            t0 = System.nanoTime();
            try (Study s = Study.openReadOnly(target)) {
                long openNs = System.nanoTime() - t0;
                System.out.printf(Locale.ROOT, "   open the %.0f-MB study (header, integrity and foreign-key checks, scheme): %.0f ms%n", Files.size(target) / 1e6, openNs / 1e6);
            }
        }
    }

    static void loadPass(Path dir) throws Exception {
        System.out.println("\n3. open a pass of 100,000 events");
        Path file = dir.resolve("pass.attune");
        try (Study s = Study.create(file, SCHEME, "pass")) {
            s.events().importAll(rows("S01", "AL", 100_000, 0));
        }
        try (Study s = Study.open(file)) {
            long passId = s.passes().get(0).id();
            s.events().list(passId); // warm up
            Runtime rt = Runtime.getRuntime();
            for (int i = 0; i < 3; i++) System.gc();
            long before = rt.totalMemory() - rt.freeMemory();
            long t0 = System.nanoTime();
            List<CodedEvent> events = s.events().list(passId);
            long loadNs = System.nanoTime() - t0;
            for (int i = 0; i < 3; i++) System.gc();
            long after = rt.totalMemory() - rt.freeMemory();
            System.out.printf(Locale.ROOT, "   %,d events loaded in %.0f ms, retained heap ≈ %.1f MB (%.0f bytes per event)%n", events.size(),
                    loadNs / 1e6, (after - before) / 1e6, (after - before) / (double) events.size());
        }
    }

    static void run(String... args) {
        StringWriter err = new StringWriter();
        int code = AttuneCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
        if (code != 0) throw new IllegalStateException(String.join(" ", args) + " failed: " + err);
    }

    static String ms(long ns) {
        return String.format(Locale.ROOT, "%5.2f ms", ns / 1e6);
    }
}
