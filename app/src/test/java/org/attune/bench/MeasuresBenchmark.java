package org.attune.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.attune.agreement.Mark;
import org.attune.analysis.MeasureParameters;
import org.attune.analysis.SessionMeasures;
import org.attune.coding.CodedEvent;
import org.attune.coding.Modifiers;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.json.BundledSchemes;

/**
 * The measures figure of docs/benchmarks.md: all measures for 100 sessions × 2 coders × 2,000 events
 * (30-minute sessions), in-process; median of 5 after 2 warm-up runs.
 * Run: {@code mvn -q -pl app test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.attune.bench.MeasuresBenchmark}
 */
public final class MeasuresBenchmark {
    public static void main(String[] args) {
        CodingScheme scheme = BundledSchemes.defaultScheme();
        Random random = new Random(5);
        long sessionMs = 30 * 60_000;
        List<List<CodedEvent>> codings = new ArrayList<>();
        for (int s = 0; s < 100; s++) {
            List<Mark> a = AgreementBenchmark.generate(scheme, random, 2000, sessionMs);
            codings.add(events(a, random));
            codings.add(events(AgreementBenchmark.perturb(scheme, a, random), random));
        }
        int events = codings.stream().mapToInt(List::size).sum();
        long[] ns = new long[7];
        int rows = 0;
        for (int i = 0; i < ns.length; i++) {
            long t0 = System.nanoTime();
            rows = 0;
            for (List<CodedEvent> c : codings) rows += SessionMeasures.compute(scheme, c, sessionMs, MeasureParameters.DEFAULTS).size();
            ns[i] = System.nanoTime() - t0;
        }
        long[] measured = Arrays.copyOfRange(ns, 2, ns.length);
        Arrays.sort(measured);
        System.out.printf(Locale.ROOT, "%d session × coder codings, %,d events, %,d measure rows: median %.0f ms, max %.0f ms (first run %.0f ms)%n",
                codings.size(), events, rows, measured[2] / 1e6, measured[4] / 1e6, ns[0] / 1e6);
    }

    private static List<CodedEvent> events(List<Mark> marks, Random random) {
        String[] types = {"social", "need", "help", "share"};
        List<CodedEvent> out = new ArrayList<>();
        for (Mark m : marks) {
            Modifiers mods = m.code().equals("C_BID") ? Modifiers.single("type", types[random.nextInt(4)])
                    : m.code().equals("P_BID") ? Modifiers.single("type", random.nextBoolean() ? "directive" : "social") : Modifiers.NONE;
            out.add(new CodedEvent(0, 0, m.code(), m.onsetMs(), m.offsetMs(), mods, ""));
        }
        return out;
    }
}
