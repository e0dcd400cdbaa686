package org.attune.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.attune.agreement.Mark;
import org.attune.coding.EventDraft;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.json.BundledSchemes;
import org.attune.store.EventRepository;
import org.attune.store.Study;

/**
 * Writes a synthetic double-coded study for looking at the agreement view (not sample data: the
 * sample sessions with real videos come with the coding workspace). Three 10-minute sessions,
 * coders AL and BK, BK's coding a perturbed copy of AL's, plus gaze and parent positive-affect bouts.
 * Run: {@code mvn -q -pl app test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.attune.bench.DemoStudy -Dexec.args=/tmp/demo.attune}
 */
public final class DemoStudy {
    public static void main(String[] args) throws Exception {
        CodingScheme scheme = BundledSchemes.defaultScheme();
        Random random = new Random(3);
        try (Study s = Study.create(Path.of(args[0]), scheme, "Free play (demo)")) {
            for (int i = 1; i <= 4; i++) {
                s.addSession(new org.attune.coding.Session(0, String.format("S%02d", i), String.format("D%02d", i), "2026-03-0" + i, 14.0 + i, "free play", "", Map.of()));
            }
            List<EventRepository.ImportRow> rows = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                String label = String.format("S%02d", i);
                List<Mark> a = AgreementBenchmark.generate(scheme, random, 600, 600_000);
                List<Mark> b = AgreementBenchmark.perturb(scheme, a, random);
                for (Mark m : a) rows.add(new EventRepository.ImportRow(label, "AL", draft(m)));
                for (Mark m : b) rows.add(new EventRepository.ImportRow(label, "BK", draft(m)));
                for (String code : List.of("P_GAZE", "C_GAZE", "P_POS")) { // so mutual gaze, shared affect and synchrony have something to show
                    long t = random.nextInt(5000);
                    while (t < 590_000) {
                        long d = 2000 + random.nextInt(10_000);
                        long on = Math.max(0, t + random.nextInt(1200) - 600);
                        long off = Math.max(on + 500, t + d + random.nextInt(1600) - 800);
                        rows.add(new EventRepository.ImportRow(label, "AL", EventDraft.state(code, t, t + d)));
                        if (random.nextDouble() > 0.06) rows.add(new EventRepository.ImportRow(label, "BK", EventDraft.state(code, on, off)));
                        t += d + 1000 + random.nextInt(12_000);
                    }
                }
            }
            s.events().importAll(rows);
        }
    }

    private static EventDraft draft(Mark m) {
        return m.point() ? EventDraft.point(m.code(), m.onsetMs()) : EventDraft.state(m.code(), m.onsetMs(), m.offsetMs());
    }
}
