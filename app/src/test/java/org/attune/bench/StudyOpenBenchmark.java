package org.attune.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.attune.coding.EventDraft;
import org.attune.scheme.json.BundledSchemes;
import org.attune.store.EventRepository;
import org.attune.store.Study;
import org.attune.ui.OpenStudy;
import org.attune.ui.Styles;
import org.attune.ui.Tasks;
import org.attune.ui.UserSettings;
import org.attune.ui.study.StudyBrowser;
import org.attune.ui.study.StudyForms;

/**
 * Opening a large study in the study browser (100 sessions × 2 coders × 5,000 events): the longest gap
 * between two FX pulses while it opens, as the window would feel it — an {@code AnimationTimer} records
 * every frame. Once with the reads on the FX thread (as before issue 13), once in the background (the app).
 * {@code -Dsample=1} also samples the FX thread's stack every 4 ms while the study opens, to see what it waits for.
 * Run: {@code mvn -q -pl app test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.attune.bench.StudyOpenBenchmark}
 */
public final class StudyOpenBenchmark {

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        Path dir = Files.createTempDirectory("open-bench");
        Path file = dir.resolve("large.attune");
        try (Study s = Study.create(file, BundledSchemes.defaultScheme(), "large")) {
            for (int i = 0; i < 100; i++) {
                String label = String.format(Locale.ROOT, "S%03d", i);
                List<EventRepository.ImportRow> rows = new ArrayList<>();
                for (String coder : List.of("AL", "BK")) {
                    for (int e = 0; e < 5_000; e++) rows.add(new EventRepository.ImportRow(label, coder, EventDraft.point(e % 2 == 0 ? "C_BID" : "P_RESP", e * 300L)));
                }
                s.events().importAll(rows);
            }
        }
        System.out.printf(Locale.ROOT, "study: 100 sessions x 2 coders x 5,000 events, %.0f MB%n", Files.size(file) / 1e6);
        Platform.startup(() -> { });
        for (int run = 0; run < 3; run++) {
            measure(file, "reads on the FX thread (before)", Tasks.immediate());
            measure(file, "reads in the background (the app)", Tasks.background(Executors.newSingleThreadExecutor()));
        }
        Platform.exit();
        System.exit(0);
    }

    private static void measure(Path file, String label, Tasks tasks) throws Exception {
        OpenStudy open = new OpenStudy();
        CompletableFuture<StudyBrowser> ready = new CompletableFuture<>();
        Platform.runLater(() -> {
            StudyBrowser b = new StudyBrowser(open, UserSettings.memory(), new org.attune.ui.RecordingDialogs(), new NoForms(), tasks);
            Stage stage = new Stage();
            stage.setScene(new Scene(b, 1280, 800));
            stage.getScene().getStylesheets().add(Styles.STYLESHEET);
            stage.show();
            ready.complete(b);
        });
        StudyBrowser browser = ready.get(30, TimeUnit.SECONDS);
        List<Long> frames = new ArrayList<>();
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frames.add(System.nanoTime());
            }
        };
        CountDownLatch shown = new CountDownLatch(1);
        browser.setAfterRefresh(() -> {
            if (open.isOpen()) shown.countDown();
        });
        long[] start = new long[1];
        Platform.runLater(() -> {
            timer.start();
            start[0] = System.nanoTime();
            browser.openStudy(file);
        });
        if (System.getProperty("sample") != null) sampleFxThread(shown);
        if (!shown.await(120, TimeUnit.SECONDS)) throw new IllegalStateException("the study was not shown");
        long end = System.nanoTime();
        CountDownLatch stopped = new CountDownLatch(1);
        Platform.runLater(() -> {
            timer.stop();
            stopped.countDown();
        });
        stopped.await();
        long maxGap = 0;
        long gapAt = 0;
        long prev = start[0];
        for (long f : frames) {
            if (f < start[0]) continue;
            if (f - prev > maxGap) {
                maxGap = f - prev;
                gapAt = prev - start[0];
            }
            prev = f;
        }
        StringBuilder first = new StringBuilder();
        long p0 = start[0];
        int n = 0;
        for (long f : frames) {
            if (f < start[0] || n++ > 8) continue;
            first.append(String.format(Locale.ROOT, " %.0f", (f - p0) / 1e6));
            p0 = f;
        }
        System.out.printf(Locale.ROOT, "  (longest gap from %.0f ms after the click; shown at %.0f ms; first gaps:%s)%n", gapAt / 1e6, (end - start[0]) / 1e6, first);
        System.out.printf(Locale.ROOT, "%-36s opened and shown in %5.0f ms; longest gap between two FX pulses %5.0f ms (%d frames)%n",
                label, (end - start[0]) / 1e6, maxGap / 1e6, frames.size());
        // an edit elsewhere (the study's revision moves): the browser reads the study again
        List<Long> editFrames = new java.util.concurrent.CopyOnWriteArrayList<>();
        AnimationTimer editTimer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                editFrames.add(System.nanoTime());
            }
        };
        CountDownLatch refreshed = new CountDownLatch(1);
        browser.setAfterRefresh(refreshed::countDown);
        long[] editStart = new long[1];
        Platform.runLater(() -> {
            editTimer.start();
            editStart[0] = System.nanoTime();
            open.changed();
        });
        if (System.getProperty("sample") != null) sampleFxThread(refreshed);
        if (!refreshed.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("not refreshed");
        long editEnd = System.nanoTime();
        CountDownLatch editStopped = new CountDownLatch(1);
        Platform.runLater(() -> {
            editTimer.stop();
            editStopped.countDown();
        });
        editStopped.await();
        long editGap = 0;
        long last = editStart[0];
        for (long f : editFrames) {
            if (f < editStart[0]) continue;
            editGap = Math.max(editGap, f - last);
            last = f;
        }
        editGap = Math.max(editGap, editEnd - last);
        System.out.printf(Locale.ROOT, "%-36s refresh after an edit shown in %5.0f ms; longest gap between two FX pulses %5.0f ms%n",
                label, (editEnd - editStart[0]) / 1e6, editGap / 1e6);
        CountDownLatch closed = new CountDownLatch(1);
        Platform.runLater(() -> {
            open.close();
            closed.countDown();
        });
        closed.await();
    }

    /** Samples the FX thread's stack every 4 ms until {@code done}, and prints the stacks seen more than twice. */
    private static void sampleFxThread(CountDownLatch done) throws InterruptedException {
        Thread fx = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("JavaFX Application Thread")).findFirst().orElseThrow();
        java.util.Map<String, Integer> seen = new java.util.TreeMap<>();
        for (int i = 0; i < 60 && done.getCount() > 0; i++) {
            Thread.sleep(4);
            StackTraceElement[] st = fx.getStackTrace();
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < Math.min(st.length, 16); k++) b.append(st[k].getClassName().replaceAll(".*\\.", "")).append('.').append(st[k].getMethodName()).append(" < ");
            seen.merge(b.toString(), 1, Integer::sum);
        }
        seen.forEach((k, v) -> {
            if (v > 2) System.out.println(v + "x " + k);
        });
    }

    private static final class NoForms implements StudyForms {
        @Override
        public Optional<Path> studyToOpen(Window owner) {
            return Optional.empty();
        }

        @Override
        public Optional<NewStudy> newStudy(Window owner) {
            return Optional.empty();
        }

        @Override
        public Optional<org.attune.ui.study.SessionForm.Result> newSession(Window owner, java.util.Set<String> existingLabels) {
            return Optional.empty();
        }

        @Override
        public Optional<org.attune.coding.Session> editSession(Window owner, org.attune.coding.Session session, java.util.Set<String> otherLabels) {
            return Optional.empty();
        }

        @Override
        public Optional<NewCoder> newCoder(Window owner, java.util.Set<String> existingInitials) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> videoToAttach(Window owner) {
            return Optional.empty();
        }

        @Override
        public Optional<String> offset(Window owner, String videoName, String currentSeconds) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> relink(Window owner, String storedPath, Path expected) {
            return Optional.empty();
        }
    }
}
