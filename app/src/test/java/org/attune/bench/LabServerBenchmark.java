package org.attune.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.attune.cli.LabCoder;
import org.attune.coding.CodedEvent;
import org.attune.coding.EventDraft;
import org.attune.coding.Session;
import org.attune.scheme.json.BundledSchemes;
import org.attune.store.Study;
import org.attune.store.StudyException;
import org.attune.store.pg.PgCluster;
import org.attune.store.pg.ServerUrl;

/**
 * Issue 18's measurement: 20 simulated coders, each its own connection and study thread (its own app, as far as
 * the server can tell), coding 5 events per second into their own pass for 2 minutes against a local server that
 * makes every commit durable (fsync on). Reports the commit time per key press (call to return: lease, event, undo
 * step, commit), checks that no event was lost or duplicated (count and ids), the server's CPU; then kills a coding
 * process with kill -9 and measures how long until another app may take its pass. Figures: docs/benchmarks.md.
 * Run: {@code mvn -q -pl app test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.attune.bench.LabServerBenchmark [-Dexec.args=SECONDS]}
 */
public final class LabServerBenchmark {

    static final int CODERS = 20;
    static final int PER_SECOND = 5;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        PgCluster pg = PgCluster.startDurable();
        ServerUrl url = ServerUrl.parse("postgresql://attune@127.0.0.1:" + pg.port() + "/postgres?study=bench");
        Path here = Files.createTempDirectory("attune-lab-bench");
        long[] passes = new long[CODERS];
        try (Study lab = Study.create(url, here, Optional.empty(), BundledSchemes.defaultScheme(), "bench")) {
            for (int s = 0; s < 4; s++) {
                Session session = lab.addSession(new Session(0, "S0" + (s + 1), "", "", null, "", "", Map.of()));
                for (int k = 0; k < 5; k++) {
                    int i = s * 5 + k;
                    passes[i] = lab.pass(session.id(), lab.addCoder("Coder " + i, "C" + i).id()).id();
                }
            }
        }
        List<Study> apps = new ArrayList<>();
        for (int i = 0; i < CODERS; i++) apps.add(Study.open(url, here, Optional.empty(), false));
        // warm-up: each app codes 20 events first (connections, JIT, plans)
        for (int i = 0; i < CODERS; i++) for (int n = 0; n < 20; n++) apps.get(i).events().add(passes[i], EventDraft.point("C_BID", 10L * n));

        int perCoder = seconds * PER_SECOND;
        long[] nanos = new long[CODERS * perCoder];
        AtomicInteger failures = new AtomicInteger();
        Set<Long> acked = ConcurrentHashMap.newKeySet();
        CountDownLatch done = new CountDownLatch(CODERS);
        ScheduledExecutorService pace = Executors.newScheduledThreadPool(CODERS);
        long cpuBefore = serverCpuTicks(pg.serverPid());
        long wallStart = System.nanoTime();
        List<ScheduledFuture<?>> runs = new ArrayList<>();
        for (int i = 0; i < CODERS; i++) {
            int coder = i;
            AtomicInteger next = new AtomicInteger();
            long offset = 1000L / PER_SECOND * coder / CODERS; // the coders' presses spread over each 200 ms
            runs.add(pace.scheduleAtFixedRate(() -> {
                int n = next.getAndIncrement();
                if (n >= perCoder) return;
                EventDraft d = n % 5 == 4 ? EventDraft.state(n % 10 == 4 ? "C_EXPLORE" : "C_DIST", 100_000L + 200L * n, 100_000L + 200L * n + 150)
                        : EventDraft.point(n % 2 == 0 ? "C_BID" : "P_RESP", 100_000L + 200L * n);
                long t0 = System.nanoTime();
                try {
                    CodedEvent e = apps.get(coder).events().add(passes[coder], d);
                    nanos[coder * perCoder + n] = System.nanoTime() - t0;
                    if (!acked.add(e.id())) throw new IllegalStateException("id " + e.id() + " handed out twice");
                } catch (StudyException | RuntimeException e) {
                    failures.incrementAndGet();
                    System.err.println(e.getMessage());
                }
                if (n == perCoder - 1) done.countDown();
            }, offset, 1000L / PER_SECOND, TimeUnit.MILLISECONDS));
        }
        done.await();
        double wall = (System.nanoTime() - wallStart) / 1e9;
        long cpuAfter = serverCpuTicks(pg.serverPid());
        runs.forEach(r -> r.cancel(false));
        pace.shutdown();

        long[] sorted = Arrays.stream(nanos).filter(x -> x > 0).sorted().toArray();
        long total = 0;
        Set<Long> stored = new HashSet<>();
        try (Study check = Study.open(url, here, Optional.empty(), true)) {
            for (long p : passes) {
                for (CodedEvent e : check.events().list(p)) stored.add(e.id());
                total += check.events().count(p);
            }
        }
        long expected = (long) CODERS * (perCoder + 20);
        System.out.printf("%d coders x %d events/s for %d s (%.1f s wall): %d key presses timed, %d failed%n", CODERS, PER_SECOND, seconds, wall, sorted.length,
                failures.get());
        System.out.printf("commit per key press: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n", pct(sorted, 50), pct(sorted, 90), pct(sorted, 99),
                pct(sorted, 99.9), sorted[sorted.length - 1] / 1e6);
        System.out.printf("events on the server: %d (expected %d), distinct ids %d, every acknowledged id there: %s%n", total, expected, stored.size(),
                stored.containsAll(acked));
        double cpu = (cpuAfter - cpuBefore) / 100.0;
        System.out.printf("server CPU: %.1f s over %.1f s = %.1f%% of one core%n", cpu, wall, 100 * cpu / wall);
        for (Study a : apps) a.close();

        // kill -9 of a coding process: how long until another app may code its pass
        String coderUrl = url.toString();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath(),
                LabCoder.class.getName(), coderUrl, "C0", "S01", "forever").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (int n = 0; n < 50; n++) {
            String line = out.readLine();
            if (line == null || !line.startsWith("acked ")) throw new IllegalStateException("the coding process stopped: " + line);
        }
        new ProcessBuilder("kill", "-9", Long.toString(p.pid())).start().waitFor();
        p.waitFor();
        long killed = System.nanoTime();
        int tries = 0;
        try (Study other = Study.open(url, here, Optional.empty(), false)) {
            while (true) {
                tries++;
                try {
                    other.events().add(passes[0], EventDraft.point("C_BID", 1));
                    break;
                } catch (StudyException e) {
                    Thread.sleep(100); // a benchmark's poll, not a test
                }
            }
        }
        System.out.printf("kill -9 mid-coding: the pass was free to another app after %.1f s (%d tries; bound 30 s)%n", (System.nanoTime() - killed) / 1e9, tries);
        System.exit(0);
    }

    /** This run's class path (under exec:java the JVM's own is Maven's). */
    private static String classPath() {
        if (LabServerBenchmark.class.getClassLoader() instanceof java.net.URLClassLoader u && u.getURLs().length > 1) {
            return String.join(java.io.File.pathSeparator, Arrays.stream(u.getURLs()).map(x -> {
                try {
                    return Path.of(x.toURI()).toString();
                } catch (java.net.URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }).toList());
        }
        return System.getProperty("java.class.path");
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** The user + system CPU ticks (1/100 s) of the server's main process and its children. */
    private static long serverCpuTicks(long postmaster) throws java.io.IOException {
        long ticks = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path d : procs.filter(x -> x.getFileName().toString().matches("\\d+")).toList()) {
                String stat;
                try {
                    stat = Files.readString(d.resolve("stat"));
                } catch (java.io.IOException e) {
                    continue; // ended meanwhile
                }
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long pid = Long.parseLong(d.getFileName().toString());
                long ppid = Long.parseLong(f[1]);
                if (pid == postmaster || ppid == postmaster) ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            }
        }
        return ticks;
    }
}
