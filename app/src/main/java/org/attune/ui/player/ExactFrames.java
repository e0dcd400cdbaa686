package org.attune.ui.player;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.attune.media.FrameServer;

/**
 * The exact frame over a paused video (ADR 7): JavaFX's player steps by seeking, which takes 100–400 ms
 * a step; this decodes the frame asked for with FFmpeg ({@link FrameServer}) on a thread of its own and
 * lays it over the player's picture as soon as it is ready, so a step shows at once. While the video
 * plays the overlay is hidden and the player's own picture shows. A newer request overtakes an older
 * one; until its frame is ready nothing stale is shown (the overlay hides). Where FFmpeg cannot read
 * the file, or counts its frames differently from the player (a variable frame rate), it stays off.
 */
final class ExactFrames implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ExactFrames.class.getName());

    private final ImageView overlay = new ImageView();
    private final ExecutorService decoder;
    private final AtomicLong latest = new AtomicLong(-1);
    private volatile FrameServer server;
    private WritableImage image;
    private volatile boolean closed;
    private LongConsumer onShown = f -> { };

    /**
     * Opens the file for exact frames in the background; until it is open (or if it cannot be), nothing shows.
     * A variable-rate file is shown only if the player too counts its frames by timestamps.
     */
    ExactFrames(Path file, long frameCount, long cacheBytes, boolean playerUsesTimestamps) {
        overlay.setVisible(false);
        overlay.setPreserveRatio(true);
        overlay.setMouseTransparent(true);
        decoder = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "attune-frames-" + file.getFileName());
            t.setDaemon(true);
            return t;
        });
        decoder.execute(() -> {
            try {
                FrameServer s = FrameServer.open(file, cacheBytes);
                if (s.frames() != frameCount || !s.index().constantRate() && !playerUsesTimestamps) {
                    LOG.info(() -> file.getFileName() + ": exact frames off (FFmpeg counts " + s.frames() + " frames, the player " + frameCount + ")");
                    s.close();
                    return;
                }
                if (closed) {
                    s.close();
                    return;
                }
                server = s;
            } catch (IOException | RuntimeException | LinkageError e) {
                LOG.log(Level.INFO, file.getFileName() + ": exact frames off", e);
            }
        });
    }

    ImageView overlay() {
        return overlay;
    }

    /** Tells {@code then} the frame number each time an exact frame is laid over the picture (tests, benchmarks). */
    void setOnShown(LongConsumer then) {
        onShown = then;
    }

    /** Shows frame {@code n} exactly as soon as it is decoded (the overlay hides meanwhile). Call on the FX thread. */
    void show(long n) {
        overlay.setVisible(false);
        latest.set(n);
        if (closed) return;
        decoder.execute(() -> {
            FrameServer s = server;
            if (s == null || latest.get() != n) return; // not open (yet), or overtaken by a newer request
            FrameServer.Frame f;
            try {
                f = s.frame((int) n);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.INFO, "exact frame " + n, e);
                return;
            }
            Platform.runLater(() -> put(f));
            // while the coder looks at n, make the step back ready (at a GOP's start: the whole previous GOP)
            try {
                s.prefetchBefore((int) n, () -> latest.get() != n || closed);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "prefetch before " + n, e);
            }
        });
    }

    private void put(FrameServer.Frame f) {
        if (closed || latest.get() != f.index()) return;
        if (image == null || image.getWidth() != f.width() || image.getHeight() != f.height()) {
            image = new WritableImage(f.width(), f.height());
            overlay.setImage(image);
        }
        image.getPixelWriter().setPixels(0, 0, f.width(), f.height(), PixelFormat.getByteBgraInstance(), f.bgra(), 0, f.width() * 4);
        overlay.setVisible(true);
        onShown.accept(f.index());
    }

    /** The video plays: its own picture shows. */
    void hide() {
        latest.set(-1);
        overlay.setVisible(false);
    }

    /** Whether FFmpeg has the file open (frames can be shown). */
    boolean isOn() {
        return server != null;
    }

    @Override
    public void close() {
        closed = true;
        hide();
        decoder.execute(() -> {
            FrameServer s = server;
            server = null;
            if (s != null) s.close();
        });
        decoder.shutdown();
    }
}
