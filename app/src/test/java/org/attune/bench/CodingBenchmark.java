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
        CompletableFuture<Void> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            long t0 = System.nanoTime();
            w.openPass(w.passChoices().get(0));
            System.out.printf("opening the pass of %,d events: %.0f ms%n", existing, (System.nanoTime() - t0) / 1e6);
            // 1. coding at the playhead, as a coder does: it moves on 40-400 ms per press, points and a state
            //    starting or stopping at it; every 20th press follows a jump to anywhere in the session
            Random r = new Random(2);
            long[] playhead = {3_600_000};
            boolean[] far = new boolean[1];
            run(w, "at the playhead", i -> {
                far[0] = i % 20 == 0;
                playhead[0] = far[0] ? r.nextInt((int) (sessionMs - 600_000)) / 40 * 40L : playhead[0] + 40L * (1 + r.nextInt(10));
                w.code(i % 2 == 0 ? "KeyE" : "KeyT", playhead[0]);
            }, i -> i % 20 == 0);
            // 2. the worst case: every press far from the one before (a point in one place, a state at the
            //    session's end), so the table scrolls on every press
            long[] pointAt = {3_600_000};
            long[] stateAt = {sessionMs - 590_000};
            run(w, "alternating far apart", i -> {
                if (i % 2 == 0) {
                    pointAt[0] = pointAt[0] + 40L * r.nextInt(50);
                    w.code("KeyE", pointAt[0]);
                } else {
                    w.code("KeyT", stateAt[0]);
                    stateAt[0] += 200;
                }
            }, i -> true);
            result.complete(null);
        });
        result.get();
        Platform.exit();
    }

    /** Times 2,000 presses (the first 200 are warm-up) from the key handler through commit, table, CSS/layout and timeline repaint. */
    private static void run(CodingWorkspace w, String scenario, java.util.function.IntConsumer press, java.util.function.IntPredicate jumps) {
        int presses = 2000;
        double[] whole = new double[presses];
        double[] coded = new double[presses];
        double[] paint = new double[presses];
        for (int i = 0; i < presses; i++) {
            long start = System.nanoTime();
            press.accept(i);
            long afterCode = System.nanoTime();
            w.getScene().getRoot().applyCss();
            w.getScene().getRoot().layout();
            long laidOut = System.nanoTime();
            w.repaintTimeline();
            long end = System.nanoTime();
            whole[i] = (end - start) / 1e6;
            coded[i] = (afterCode - start) / 1e6;
            paint[i] = (end - laidOut) / 1e6;
        }
        java.util.List<Double> near = new java.util.ArrayList<>();
        java.util.List<Double> jumped = new java.util.ArrayList<>();
        for (int i = 200; i < presses; i++) (jumps.test(i) ? jumped : near).add(whole[i]);
        System.out.printf("%s: whole press %s; of which commit + table update %s, timeline repaint %s%n", scenario,
                stats(Arrays.copyOfRange(whole, 200, presses)), stats(Arrays.copyOfRange(coded, 200, presses)), stats(Arrays.copyOfRange(paint, 200, presses)));
        if (!near.isEmpty() && !jumped.isEmpty()) {
            System.out.printf("  presses near the last: %s; presses after a jump (the table scrolls): %s%n",
                    stats(near.stream().mapToDouble(Double::doubleValue).toArray()), stats(jumped.stream().mapToDouble(Double::doubleValue).toArray()));
        }
    }

    private static String stats(double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return String.format("median %.2f ms, p99 %.2f ms, max %.2f ms (n=%d)", s[s.length / 2], s[(int) (s.length * 0.99)], s[s.length - 1], s.length);
    }
}
