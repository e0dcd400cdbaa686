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
import org.attune.store.EventRepository;
import org.attune.store.Study;
import org.attune.ui.Styles;
import org.attune.ui.coding.CodingWorkspace;

/**
 * One key press in the coding workspace with 100,000 events in the pass: the commit to the study file,
 * the in-place table update, the timeline's repaint and then a real toolkit pulse (CSS of what changed,
 * layout, scene-graph sync, render queued), measured on the FX thread, headless (Monocle, software pipeline;
 * rasterising is left out, as the software renderer says nothing about a GPU desktop). Presses the
 * workspace refuses (a state whose stop would overlap a later bout) are counted and reported, not timed.
 * Target: under one 60-Hz frame, 16 ms. Figures and method: docs/benchmarks.md.
 * Run: {@code mvn -q -pl app test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.attune.bench.CodingBenchmark}
 */
public final class CodingBenchmark {

    /** Records what the workspace would have shown; a benchmark that showed an error is void (checked at the end). */
    static final org.attune.ui.RecordingDialogs DIALOGS = new org.attune.ui.RecordingDialogs();

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
            List<EventRepository.ImportRow> rows = new ArrayList<>();
            for (int i = 0; i < existing; i++) rows.add(new EventRepository.ImportRow("S01", "AL", EventDraft.point(i % 2 == 0 ? "C_RESP" : "P_RESP", r.nextInt((int) (sessionMs - 600_000)))));
            s.events().importAll(rows);
        }
        CompletableFuture<CodingWorkspace> ready = new CompletableFuture<>();
        Platform.startup(() -> {
            CodingWorkspace w = new CodingWorkspace(DIALOGS, KeyboardLayout.US_QWERTY);
            Stage stage = new Stage();
            Scene scene = new Scene(w, 1280, 800);
            scene.getStylesheets().add(Styles.STYLESHEET);
            stage.setScene(scene);
            stage.show();
            w.open(file);
            ready.complete(w);
        });
        CodingWorkspace w = ready.get();
        pulse = new Pulse();
        CompletableFuture<Void> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            long t0 = System.nanoTime();
            w.openPass(w.passChoices().get(0));
            System.out.printf("opening the pass of %,d events: %.0f ms%n", existing, (System.nanoTime() - t0) / 1e6);
            // 1. coding at the playhead, as a coder does: it moves on 40-400 ms per press, points and a state
            //    starting or stopping at it; every 20th press or so follows a jump to anywhere in the session
            //    (once the state is stopped: a coder stops a running state before jumping away from it)
            Random r = new Random(2);
            long[] playhead = {3_600_000};
            boolean[] jumped = new boolean[PRESSES];
            boolean[] jumpDue = new boolean[1];
            run(w, "at the playhead", i -> {
                if (i % 20 == 0) jumpDue[0] = true;
                boolean state = i % 2 == 1 || running(w, "Affectionate touch");
                if (jumpDue[0] && !running(w, "Affectionate touch")) {
                    jumped[i] = true;
                    jumpDue[0] = false;
                    playhead[0] = r.nextInt((int) (sessionMs - 600_000)) / 40 * 40L;
                    state = false;
                } else {
                    playhead[0] += 40L * (1 + r.nextInt(10));
                }
                w.code(state ? "KeyT" : "KeyE", playhead[0]);
            }, i -> jumped[i]);
            // 2. the worst case: every press far from the one before (a point in one place, a state at the
            //    session's end), so the table scrolls on every press
            if (running(w, "Affectionate touch")) w.code("KeyT", playhead[0] + 40); // stop the first scenario's running state (untimed)
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
            // 3. the whole timeline drawn again (a zoom, a scroll, a page turn while playing), 100,000 events on screen
            double[] whole = new double[200];
            for (int i = 0; i < whole.length; i++) {
                long drawStart = System.nanoTime();
                w.redrawTimeline();
                pulse.run();
                whole[i] = (System.nanoTime() - drawStart) / 1e6;
                pulse.awaitRendering();
            }
            System.out.printf("whole timeline drawn again (8 h, 100,000 events on screen), with its pulse: %s%n", stats(Arrays.copyOfRange(whole, 50, whole.length)));
            result.complete(null);
        });
        result.get();
        Platform.exit();
        if (!DIALOGS.shown.isEmpty()) throw new IllegalStateException("the workspace showed dialogs during the benchmark: " + DIALOGS.shown);
    }

    /**
     * The next frame's pulse, as the toolkit runs it 60 times a second ({@code QuantumToolkit.pulse(true)}): the
     * animation timers, CSS for the branches marked dirty, layout, synchronising the scene graph with the render
     * tree (the timeline canvas hands over its drawing commands) and queueing the render. Rasterising happens on
     * the render thread, outside the timed part: the benchmark waits for it before the next press, so that the
     * software renderer's CPU time does not stand in for a GPU's. (Before session 3 the benchmark called
     * {@code root.applyCss()}, which re-styles every node of the scene — no pulse does that — and skipped the
     * synchronisation.)
     */
    private static final class Pulse {
        private final Object toolkit = com.sun.javafx.tk.Toolkit.getToolkit();
        private final java.lang.reflect.Method pulse;
        private final Object collector;
        private final java.lang.reflect.Method awaitRendering;

        Pulse() throws ReflectiveOperationException {
            pulse = toolkit.getClass().getDeclaredMethod("pulse", boolean.class);
            pulse.setAccessible(true);
            Class<?> pc = Class.forName("com.sun.javafx.tk.quantum.PaintCollector");
            java.lang.reflect.Method instance = pc.getDeclaredMethod("getInstance");
            instance.setAccessible(true);
            collector = instance.invoke(null);
            awaitRendering = pc.getDeclaredMethod("waitForRenderingToComplete");
            awaitRendering.setAccessible(true);
        }

        void run() {
            call(pulse, toolkit, true);
        }

        void awaitRendering() {
            call(awaitRendering, collector);
        }

        private static void call(java.lang.reflect.Method m, Object target, Object... args) {
            try {
                m.invoke(target, args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Pulse pulse;

    private static final int PRESSES = 2000;

    /** Whether a state (by its name) is running, as the workspace's status line said after the last press ("Coded X …" / "Ended X …"). */
    private static boolean running(CodingWorkspace w, String code) {
        String said = status(w);
        if (said.startsWith("Coded " + code + " ")) runningNow = true;
        else if (said.startsWith("Ended " + code + " ")) runningNow = false;
        return runningNow;
    }

    private static boolean runningNow;

    private static String status(CodingWorkspace w) {
        return ((javafx.scene.control.Label) w.lookup("#saveStatus")).getText();
    }

    /** Times 2,000 presses (the first 200 are warm-up) from the key handler through commit, table, CSS/layout and timeline repaint. */
    private static void run(CodingWorkspace w, String scenario, java.util.function.IntConsumer press, java.util.function.IntPredicate jumps) {
        final int presses = PRESSES;
        int refused = 0;
        boolean[] collected = new boolean[presses];
        double[] whole = new double[presses];
        double[] coded = new double[presses];
        double[] paint = new double[presses];
        for (int i = 0; i < presses; i++) {
            long gcBefore = collections();
            long start = System.nanoTime();
            press.accept(i);
            long afterCode = System.nanoTime();
            w.repaintTimeline(); // what the workspace's animation timer does at the start of the pulse
            long drawn = System.nanoTime();
            pulse.run();
            long end = System.nanoTime();
            String said = status(w);
            if (!said.startsWith("Coded ") && !said.startsWith("Ended ")) refused++;
            whole[i] = (end - start) / 1e6;
            collected[i] = collections() != gcBefore;
            coded[i] = (afterCode - start) / 1e6;
            paint[i] = (drawn - afterCode) / 1e6;
            pulse.awaitRendering();
        }
        java.util.List<Double> near = new java.util.ArrayList<>();
        java.util.List<Double> jumped = new java.util.ArrayList<>();
        for (int i = 200; i < presses; i++) (jumps.test(i) ? jumped : near).add(whole[i]);
        if (refused > 0) System.out.printf("%s: %d presses were refused (%s): the scenario is wrong%n", scenario, refused, status(w));
        System.out.printf("%s: whole press %s; of which commit + table update %s, timeline repaint %s%n", scenario,
                stats(Arrays.copyOfRange(whole, 200, presses)), stats(Arrays.copyOfRange(coded, 200, presses)), stats(Arrays.copyOfRange(paint, 200, presses)));
        // what the slowest 1% of presses spent their time on
        Integer[] order = new Integer[presses - 200];
        for (int i = 0; i < order.length; i++) order[i] = i + 200;
        Arrays.sort(order, (a, b) -> Double.compare(whole[b], whole[a]));
        double sc = 0, sl = 0, sp = 0;
        int withGc = 0;
        int slow = Math.max(1, order.length / 100);
        for (int k = 0; k < slow; k++) {
            int i = order[k];
            sc += coded[i];
            if (collected[i]) withGc++;
            sp += paint[i];
            sl += whole[i] - coded[i] - paint[i];
        }
        int gcs = 0;
        for (int i = 200; i < presses; i++) if (collected[i]) gcs++;
        System.out.printf("  slowest 1%% (n=%d), on average: commit + table update %.2f ms, pulse (CSS, layout, sync) %.2f ms, timeline repaint %.2f ms; %d of them had a GC pause in them (%d presses in all did)%n",
                slow, sc / slow, sl / slow, sp / slow, withGc, gcs);
        if (!near.isEmpty() && !jumped.isEmpty()) {
            System.out.printf("  presses near the last: %s; presses after a jump (the table turns to another page): %s%n",
                    stats(near.stream().mapToDouble(Double::doubleValue).toArray()), stats(jumped.stream().mapToDouble(Double::doubleValue).toArray()));
        }
    }

    /** Garbage collections so far (all collectors). */
    private static long collections() {
        long n = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) n += gc.getCollectionCount();
        return n;
    }

    private static String stats(double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return String.format("median %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms (n=%d)", s[s.length / 2], s[(int) (s.length * 0.99)],
                s[Math.min(s.length - 1, (int) (s.length * 0.999))], s[s.length - 1], s.length);
    }
}
