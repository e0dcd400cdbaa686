package org.attune.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.attune.coding.EventDraft;
import org.attune.coding.Session;
import org.attune.scheme.KeyboardLayout;
import org.attune.scheme.json.BundledSchemes;
import org.attune.store.EventLog;
import org.attune.store.Study;
import org.attune.ui.AttuneApp;
import org.attune.ui.DialogService;
import org.attune.ui.coding.CodingWorkspace;

/**
 * One key press in the coding workspace with 100,000 events in the pass: the commit to the study file,
 * the in-place table update, and CSS + layout of the whole workspace (the work of the next frame, short
 * of painting), measured on the FX thread, headless (Monocle, software pipeline; painting is left out as the
 * software renderer says nothing about a GPU desktop). Target: under one 60-Hz frame, 16 ms.
 * Run: {@code mvn -q -pl app test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.attune.bench.CodingBenchmark}
 */
public final class CodingBenchmark {

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        int existing = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("coding-bench");
        Path file = dir.resolve("bench.attune");
        long sessionMs = 8L * 3600_000;
        try (Study s = Study.create(file, BundledSchemes.defaultScheme(), "bench")) {
            s.addSession(new Session(0, "S01", "", "", null, "", "", Map.of()));
            s.addCoder("A", "AL");
            Random r = new Random(1);
            List<EventLog.ImportRow> rows = new ArrayList<>();
            for (int i = 0; i < existing; i++) rows.add(new EventLog.ImportRow("S01", "AL", EventDraft.point(i % 2 == 0 ? "C_RESP" : "P_RESP", r.nextInt((int) (sessionMs - 600_000)))));
            s.events().importAll(rows);
        }
        CompletableFuture<CodingWorkspace> ready = new CompletableFuture<>();
        Platform.startup(() -> {
            CodingWorkspace w = new CodingWorkspace(new DialogService() {
                @Override
                public void showError(String title, String whatToDo) {
                    throw new IllegalStateException(title + ": " + whatToDo);
                }

                @Override
                public void showProblems(String title, String whatToDo, List<String> problems) {
                    throw new IllegalStateException(title);
                }

                @Override
                public boolean confirm(String title, String question, String yes) {
                    return true;
                }
            }, KeyboardLayout.US_QWERTY);
            Stage stage = new Stage();
            Scene scene = new Scene(w, 1280, 800);
            scene.getStylesheets().add(AttuneApp.STYLESHEET);
            stage.setScene(scene);
            stage.show();
            w.open(file);
            ready.complete(w);
        });
        CodingWorkspace w = ready.get();
        CompletableFuture<double[]> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            long t0 = System.nanoTime();
            w.openPass(w.passChoices().get(0));
            System.out.printf("opening the pass of %,d events: %.0f ms%n", existing, (System.nanoTime() - t0) / 1e6);
            Random r = new Random(2);
            int presses = 2000;
            double[] ms = new double[presses];
            double[] codeMs = new double[presses];
            long stateAt = sessionMs - 590_000;
            long pointAt = 3_600_000;
            for (int i = 0; i < presses; i++) {
                long start = System.nanoTime();
                if (i % 2 == 0) {
                    // a point: as when coding, near the last one (every 20th far away, as after a jump)
                    long at = i % 40 == 0 ? r.nextInt((int) (sessionMs - 600_000)) / 40 * 40L : pointAt + 40L * r.nextInt(50);
                    pointAt = at;
                    w.code("KeyE", at);
                } else {
                    w.code("KeyT", stateAt);                                           // a state starting, then stopping
                    stateAt += 200;
                }
                long coded = System.nanoTime();
                w.getScene().getRoot().applyCss();
                w.getScene().getRoot().layout();
                w.repaintTimeline();
                ms[i] = (System.nanoTime() - start) / 1e6;
                codeMs[i] = (coded - start) / 1e6;
            }
            double[] points = new double[(presses - 200) / 2];
            double[] states = new double[(presses - 200) / 2];
            for (int i = 200; i < presses; i++) (i % 2 == 0 ? points : states)[(i - 200) / 2] = codeMs[i];
            Arrays.sort(points);
            Arrays.sort(states);
            System.out.printf("  commit + table update, points: median %.2f ms, p99 %.2f ms; state start/stop: median %.2f ms, p99 %.2f ms%n",
                    points[points.length / 2], points[(int) (points.length * 0.99)], states[states.length / 2], states[(int) (states.length * 0.99)]);
            double[] c = Arrays.copyOfRange(codeMs, 200, presses);
            Arrays.sort(c);
            System.out.printf("  of which commit + table update: median %.2f ms, p99 %.2f ms%n", c[c.length / 2], c[(int) (c.length * 0.99)]);
            result.complete(ms);
        });
        double[] ms = result.get();
        double[] warm = Arrays.copyOfRange(ms, 200, ms.length);
        Arrays.sort(warm);
        System.out.printf("key press with %,d events in the pass (n=%d after 200 warm-up): median %.2f ms, p99 %.2f ms, max %.2f ms%n", existing,
                warm.length, warm[warm.length / 2], warm[(int) (warm.length * 0.99)], warm[warm.length - 1]);
        Platform.exit();
    }
}
