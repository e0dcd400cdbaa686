package org.attune.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.attune.media.TestVideos;
import org.attune.samples.SampleSessions;
import org.attune.ui.player.VideoPlayer;

/**
 * A frame step as the coder sees it (issue 21): from the step (a key's action) to the exact frame laid
 * over the paused picture (its pixels written; the next pulse shows them), headless (Monocle, software
 * renderer) in a 1280×720 window; each frame shown is checked by reading its burned-in frame code. On
 * the 1080p long-GOP file and on the sample: 25 steps forward, 25 back (with the pauses a coder makes, in
 * which the step back is prefetched), 10 jumps one after another and 10 after a look of a second each
 * (in which the player's own picture catches up and the stretch before is prefetched).
 * Run: {@code mvn -q -pl app test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.attune.bench.StepBenchmark}
 */
public final class StepBenchmark {

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        Path dir = Files.createTempDirectory("step-bench");
        Path long1080 = TestVideos.longGop1080Silent(dir); // JavaFX halts on its sound track where there is no audio device
        Platform.startup(() -> { });
        try {
            // the long file first: JavaFX's player under Monocle often never reports a second file ready in one process
            run("1080p, GOP 250, B-frames", long1080, 3);
            run("sample 640x360, GOP 15", TestVideos.S01, 1);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(String name, Path file, int scale) throws Exception {
        CompletableFuture<Object> opened = new CompletableFuture<>();
        StackPane root = new StackPane();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(root, 1280, 720));
            stage.show();
            VideoPlayer.open(file, opened::complete, opened::complete);
        });
        Object got = opened.get(30, TimeUnit.SECONDS);
        if (!(got instanceof VideoPlayer p)) throw new IllegalStateException("the player did not open " + file + ": " + got);
        LinkedBlockingQueue<long[]> shown = new LinkedBlockingQueue<>();
        Platform.runLater(() -> {
            root.getChildren().setAll(p.node());
            p.setOnExactFrame(n -> shown.add(new long[] {n, System.nanoTime()}));
        });
        long waitStart = System.nanoTime();
        while (!p.exactFramesOn()) {
            if (System.nanoTime() - waitStart > 30_000_000_000L) throw new IllegalStateException("FFmpeg did not open " + file);
            Thread.onSpinWait();
        }
        int start = 700;
        step(p, shown, start, -1, scale); // land
        List<Double> forward = new ArrayList<>();
        for (int i = 1; i <= 25; i++) forward.add(step(p, shown, start + i, 0, scale));
        List<Double> back = new ArrayList<>();
        for (int i = 24; i >= 0; i--) {
            back.add(step(p, shown, start + i, 0, scale));
            Thread.sleep(400); // the coder looks: the step back is prefetched meanwhile
        }
        List<Double> jump = new ArrayList<>();
        Random random = new Random(5);
        for (int i = 0; i < 10; i++) jump.add(step(p, shown, random.nextInt((int) p.frameCount()), 0, scale));
        List<Double> jumpAfterLook = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Thread.sleep(1000); // the coder looks at the frame jumped to (a disagreement, an event) before the next
            jumpAfterLook.add(step(p, shown, random.nextInt((int) p.frameCount()), 0, scale));
        }
        report(name, "one frame forward", forward);
        report(name, "one frame back", back);
        report(name, "a jump (one after another)", jump);
        report(name, "a jump (after a look)", jumpAfterLook);
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Platform.runLater(() -> {
            p.close();
            root.getScene().getWindow().hide();
            closed.complete(null);
        });
        closed.get();
    }

    /** Shows frame n (as a step or jump does) and returns the ms until its exact frame is laid over the picture; checks its frame code. */
    private static double step(VideoPlayer p, LinkedBlockingQueue<long[]> shown, int n, int unused, int scale) throws Exception {
        shown.clear();
        long[] t0 = new long[1];
        Platform.runLater(() -> {
            t0[0] = System.nanoTime();
            p.showFrame(n);
        });
        long[] got;
        do {
            got = shown.poll(30, TimeUnit.SECONDS);
            if (got == null) throw new IllegalStateException("frame " + n + " never shown");
        } while (got[0] != n);
        long at = got[1];
        CompletableFuture<Integer> code = new CompletableFuture<>();
        Platform.runLater(() -> {
            ImageView overlay = (ImageView) ((StackPane) p.node()).getChildren().get(1);
            WritableImage img = new WritableImage((int) overlay.getImage().getWidth(), (int) overlay.getImage().getHeight());
            var px = overlay.getImage().getPixelReader();
            code.complete(SampleSessions.decodeFrame((x, y) -> px.getArgb(x * scale + scale / 2, y * scale + scale / 2)));
            img.getPixelWriter();
        });
        int read = code.get(10, TimeUnit.SECONDS);
        if (read != n) throw new IllegalStateException("asked for frame " + n + ", the picture shows " + read);
        return (at - t0[0]) / 1e6;
    }

    private static void report(String name, String what, List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%-26s %-28s median %6.1f ms  max %6.1f ms%n", name, what, sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
    }
}
