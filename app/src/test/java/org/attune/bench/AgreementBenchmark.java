package org.attune.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.attune.agreement.EventAgreement;
import org.attune.agreement.Mark;
import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.json.BundledSchemes;

/**
 * The agreement figures of docs/benchmarks.md: two coders × 20,000 events over 5.4 hours, 12 codes
 * of the default scheme (7 states in 3 exclusive groups, 5 point codes), 2 subjects. Times each
 * method in-process (median of 7 runs after 3 warm-ups) and the whole CLI run in a fresh JVM.
 * Run (the CLI timing uses the built jar): {@code mvn -q -DskipTests package && mvn -q -pl app test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=org.attune.bench.AgreementBenchmark}
 */
public final class AgreementBenchmark {

    static final List<String> STATES = List.of("C_POS", "C_DIST", "P_DISENG", "P_WITHDRAW", "C_EXPLORE", "C_CLING", "C_WITHDRAW");
    static final List<String> POINTS = List.of("C_BID", "P_BID", "P_RESP", "C_RESP", "P_INTRUDE");
    static final long SESSION_MS = (long) (5.4 * 3600 * 1000);

    public static void main(String[] args) throws Exception {
        CodingScheme scheme = BundledSchemes.defaultScheme();
        Random random = new Random(42);
        List<Mark> a = generate(scheme, random, 20_000, SESSION_MS);
        List<Mark> b = perturb(scheme, a, random);
        System.out.printf(Locale.ROOT, "coder A %,d events, coder B %,d events, %.1f h, 12 codes, 2 subjects%n", a.size(), b.size(), SESSION_MS / 3.6e6);
        List<EventAgreement.SessionMarks> session = List.of(new EventAgreement.SessionMarks("S01", a, b, SESSION_MS));
        time("time-unit, 1 s units, ±2 s", scheme, session, new EventAgreement.Parameters(EventAgreement.Method.TIME_UNIT, 1000, 2000, 0.6, true));
        time("time-unit, 0.1 s units, ±2 s", scheme, session, new EventAgreement.Parameters(EventAgreement.Method.TIME_UNIT, 100, 2000, 0.6, true));
        time("boris, 1 s", scheme, session, new EventAgreement.Parameters(EventAgreement.Method.BORIS, 1000, 0, 0.6, true));
        time("alignment, ±2 s", scheme, session, new EventAgreement.Parameters(EventAgreement.Method.ALIGNMENT, 1000, 2000, 0.6, true));
        time("overlap, 60 %", scheme, session, new EventAgreement.Parameters(EventAgreement.Method.OVERLAP, 1000, 0, 0.6, true));

        Path jar = Files.exists(Path.of("target/attune.jar")) ? Path.of("target/attune.jar") : Path.of("app/target/attune.jar");
        if (!Files.exists(jar)) throw new IllegalStateException("build the jar first: mvn -q -DskipTests package");
        Path csv = Files.createTempFile("agreement-bench", ".csv");
        writeCsv(csv, a, b);
        for (String method : List.of("time-unit", "boris", "alignment", "overlap")) {
            long[] ms = new long[3];
            for (int i = 0; i < ms.length; i++) {
                long t0 = System.nanoTime();
                Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(), "agreement", "events", csv.toString(), "--coders", "AL,BK", "--method", method, "--unit", "0.1", "--json")
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                if (p.waitFor() != 0) throw new IllegalStateException("CLI failed");
                ms[i] = (System.nanoTime() - t0) / 1_000_000;
            }
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "whole CLI run (JVM start, read CSV, compute, write JSON), %-9s: median %d ms (runs %s)%n", method, ms[1], Arrays.toString(ms));
        }
    }

    static void time(String label, CodingScheme scheme, List<EventAgreement.SessionMarks> session, EventAgreement.Parameters p) {
        for (int i = 0; i < 3; i++) EventAgreement.compute(scheme, session, p);
        long[] ns = new long[7];
        int rows = 0;
        for (int i = 0; i < ns.length; i++) {
            long t0 = System.nanoTime();
            rows = EventAgreement.compute(scheme, session, p).size();
            ns[i] = System.nanoTime() - t0;
        }
        Arrays.sort(ns);
        System.out.printf(Locale.ROOT, "%-32s median %6.1f ms, max %6.1f ms (%d result rows)%n", label, ns[3] / 1e6, ns[6] / 1e6, rows);
    }

    /** Each state group runs back to back (a bout every few seconds); points scattered. */
    static List<Mark> generate(CodingScheme scheme, Random random, int total, long sessionMs) {
        List<Mark> out = new ArrayList<>();
        int points = total / 2;
        int states = total - points;
        long step = sessionMs / (states / 3);
        for (String[] group : new String[][] {{"C_POS", "C_DIST"}, {"P_DISENG", "P_WITHDRAW"}, {"C_EXPLORE", "C_CLING", "C_WITHDRAW"}}) {
            long t = 0;
            for (int i = 0; i < states / 3 && t < sessionMs - step; i++) {
                long d = step / 2 + random.nextInt((int) (step / 2));
                out.add(mark(scheme, group[random.nextInt(group.length)], t, t + d));
                t += step;
            }
        }
        for (int i = 0; i < points; i++) {
            long t = (long) (random.nextDouble() * sessionMs);
            out.add(mark(scheme, POINTS.get(random.nextInt(POINTS.size())), t, t));
        }
        out.sort(java.util.Comparator.comparingLong(Mark::onsetMs));
        return out;
    }

    /** The second coder: onsets jittered ±0.5 s, 8 % missed, 5 % confused with another code of its kind. */
    static List<Mark> perturb(CodingScheme scheme, List<Mark> a, Random random) {
        List<Mark> out = new ArrayList<>();
        for (Mark m : a) {
            if (random.nextDouble() < 0.08) continue;
            String code = m.code();
            if (random.nextDouble() < 0.05) {
                List<String> pool = m.point() ? POINTS : STATES;
                code = pool.get(random.nextInt(pool.size()));
                if (!m.point()) {
                    Code original = scheme.code(m.code()).orElseThrow();
                    if (!java.util.Objects.equals(original.group(), scheme.code(code).orElseThrow().group())) code = m.code();
                }
            }
            long jitter = random.nextInt(1000) - 500;
            long on = Math.max(0, m.onsetMs() + jitter);
            long off = m.point() ? on : Math.max(on, m.offsetMs() + random.nextInt(1000) - 500);
            out.add(mark(scheme, code, on, off));
        }
        // jitter must not make states of one exclusive group overlap: end each bout where the next one starts
        out.sort(java.util.Comparator.comparingLong(Mark::onsetMs));
        List<Mark> clipped = new ArrayList<>();
        java.util.Map<String, Integer> lastOfGroup = new java.util.HashMap<>();
        for (Mark m : out) {
            if (m.point()) {
                clipped.add(m);
                continue;
            }
            String group = scheme.code(m.code()).orElseThrow().group();
            Integer prev = lastOfGroup.get(group);
            if (prev != null && clipped.get(prev).offsetMs() > m.onsetMs()) {
                Mark p = clipped.get(prev);
                clipped.set(prev, mark(scheme, p.code(), p.onsetMs(), m.onsetMs()));
            }
            lastOfGroup.put(group, clipped.size());
            clipped.add(m);
        }
        return clipped;
    }

    static Mark mark(CodingScheme scheme, String code, long on, long off) {
        Code c = scheme.code(code).orElseThrow();
        return new Mark(code, c.subject().jsonName(), on, off, c.isPoint());
    }

    static void writeCsv(Path file, List<Mark> a, List<Mark> b) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("session,coder,code,onset_s,offset_s\n");
            for (List<Mark> coder : List.of(a, b)) {
                String initials = coder == a ? "AL" : "BK";
                for (Mark m : coder) {
                    w.write("S01," + initials + "," + m.code() + "," + org.attune.coding.TimeFormat.seconds(m.onsetMs()) + ","
                            + (m.point() ? "" : org.attune.coding.TimeFormat.seconds(m.offsetMs())) + "\n");
                }
            }
        }
    }
}
