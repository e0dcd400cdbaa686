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
 * one; until its frame is ready the frame shown before stays (the player's own picture is moved only
 * after it, see {@link VideoPlayer}). Where FFmpeg cannot read the file, or counts its frames
 * differently from the player (a variable frame rate), it stays off.
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
    private LongConsumer onFailed = f -> { };
    /** The exact frame shown last (-1: none yet): a request just before it is a step back. */
    private long shownLast = -1;

    /**
     * Opens the file for exact frames in the background; until it is open (or if it cannot be), nothing shows.
     * A variable-rate file is shown only if the player too counts its frames by timestamps.
     */
    ExactFrames(Path file, long frameCount, long cacheBytes, boolean playerUsesTimestamps) {
        this(file);
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

    /** Shows the frames of a file FFmpeg has opened already (the picture is FFmpeg's alone: {@link SilentPlayback}). */
    ExactFrames(Path file, FrameServer opened) {
        this(file);
        server = opened;
    }

    private ExactFrames(Path file) {
        overlay.setVisible(false);
        overlay.setPreserveRatio(true);
        overlay.setMouseTransparent(true);
        decoder = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "attune-frames-" + file.getFileName());
            t.setDaemon(true);
            return t;
        });
    }

    ImageView overlay() {
        return overlay;
    }

    /** Tells {@code then} (on the FX thread) the frame number each time an exact frame is laid over the picture. */
    void setOnShown(LongConsumer then) {
        onShown = then;
    }

    /** Tells {@code then} (on the FX thread) a frame asked for that could not be decoded (the player's own picture must show it). */
    void setOnFailed(LongConsumer then) {
        onFailed = then;
    }

    /**
     * Shows frame {@code n} exactly as soon as it is decoded; meanwhile the exact frame shown before stays
     * (after playing, the paused picture). Call on the FX thread.
     */
    void show(long n) {
        long before = latest.get() >= 0 ? latest.get() : shownLast;
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
                Platform.runLater(() -> {
                    if (latest.get() != n) return;
                    overlay.setVisible(false); // no exact frame: the player's own picture, not a stale one
                    onFailed.accept(n);
                });
                return;
            }
            Platform.runLater(() -> put(f));
            // stepping back, while the coder looks at n, make the next steps back ready (at a GOP's start: the
            // previous GOP); not after a step forward or a jump, where it would take the decoder from the frames ahead
            if (!(n < before && n >= before - 2)) return;
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
        shownLast = f.index();
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
