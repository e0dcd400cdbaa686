package org.attune.ui.player;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.scene.layout.StackPane;
import javafx.scene.media.Media;
import javafx.scene.media.MediaException;
import javafx.scene.media.MediaPlayer;
import javafx.scene.media.MediaView;
import javafx.util.Duration;
import org.attune.media.FrameServer;
import org.attune.media.FrameTimes;
import org.attune.media.Mp4Info;
import org.attune.media.TimestampClock;

/**
 * One video file, with frame-exact positioning (ADR 2, platform notes): the time is read on demand
 * (JavaFX's property fires only ~10 times a second), a frame is shown by seeking to its middle, and
 * the frame rate comes from the file because JavaFX does not report it. While paused, the exact frame
 * decoded by FFmpeg is laid over the picture (ADR 7). It plays through JavaFX's player, with sound;
 * where that cannot play the file (a format it does not know, a sound track and no sound device) it
 * plays silently through FFmpeg's frames ({@link SilentPlayback}) and {@link #notice()} says why. Call
 * from the FX thread. Opening is asynchronous: exactly one of the callbacks runs.
 */
public final class VideoPlayer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(VideoPlayer.class.getName());

    /** Players still opening: JavaFX holds them only weakly, and one collected before READY never reports. */
    private static final java.util.Set<MediaPlayer> OPENING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path file;
    private final Playback playback;
    private final MediaView view;
    private final FrameTimes clock;
    private final long durationMs;
    /** Exact frames over the paused picture, decoded by FFmpeg (ADR 7); the whole picture when silent. */
    private final ExactFrames exact;
    private final StackPane node;
    private final String notice;
    /** Play was asked for and not since paused or stepped: no exact frame is laid over the moving picture. */
    private boolean wantPlaying;
    /**
     * While paused with exact frames on: the time of the frame asked for last (its middle). JavaFX's
     * picture, hidden under the exact frame, is moved there only when playing starts (or if the exact
     * frame cannot be decoded): its seek would decode the same group of pictures at the same time on the
     * same cores (a 1080p long-GOP jump took twice as long). -1 when the playback's clock is the position.
     */
    private double heldMs = -1;
    private java.util.function.LongConsumer onExactFrame = n -> { };

    /** Memory each camera's exact frames may keep (as decoded, YUV: 3.1 MB a 1080p frame, so 64 frames). */
    static final long EXACT_FRAME_CACHE_BYTES = 192L << 20;

    /** Through JavaFX's player (exact frames opened beside it). */
    private VideoPlayer(Path file, MediaPlayer player, FrameTimes clock, long durationMs) {
        this(file, new MediaView(player), clock, durationMs, null,
                new ExactFrames(file, clock.frameAt(durationMs - 0.001) + 1, EXACT_FRAME_CACHE_BYTES, clock instanceof TimestampClock),
                exact -> new JavaFxPlayback(player));
    }

    /** Silently through FFmpeg's frames ({@code notice} says why). */
    private VideoPlayer(Path file, FrameServer frames, FrameTimes clock, long durationMs, String notice) {
        this(file, new MediaView(), clock, durationMs, notice, new ExactFrames(file, frames),
                exact -> new SilentPlayback(clock, durationMs, exact::show));
    }

    private VideoPlayer(Path file, MediaView view, FrameTimes clock, long durationMs, String notice, ExactFrames exact,
            java.util.function.Function<ExactFrames, Playback> playback) {
        this.file = file;
        this.view = view;
        this.clock = clock;
        this.durationMs = durationMs;
        this.notice = notice;
        this.exact = exact;
        this.playback = playback.apply(exact);
        view.setPreserveRatio(true);
        exact.overlay().fitWidthProperty().bind(view.fitWidthProperty());
        exact.overlay().fitHeightProperty().bind(view.fitHeightProperty());
        this.node = new StackPane(view, exact.overlay());
        node.setMinSize(0, 0);
        exact.setOnShown(n -> onExactFrame.accept(n));
        exact.setOnFailed(n -> {
            // no exact frame: JavaFX's own picture must show it
            if (heldMs >= 0 && clock.frameAt(heldMs) == n) this.playback.seek(heldMs);
        });
    }

    /**
     * Opens a video: an MP4/MOV through JavaFX's player, on the clock its boxes state; a file JavaFX cannot
     * play opens silently through FFmpeg, on its frames' own times; only a file FFmpeg cannot read either
     * fails: {@code onError} explains.
     */
    public static void open(Path file, Consumer<VideoPlayer> onReady, Consumer<String> onError) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            onError.accept("The video " + name + " is not where the study expects it (" + file + "). Relink it to its new place, or put it back.");
            return;
        }
        Optional<Mp4Info.VideoTiming> timing;
        try {
            timing = Mp4Info.read(file);
        } catch (IOException e) {
            timing = Optional.empty(); // FFmpeg may still read it (its header is not MP4's)
        }
        if (timing.isEmpty()) {
            // not MP4/MOV (AVI, MTS, MKV …): JavaFX's player does not play these; FFmpeg reads its frames' own times
            openSilently(file, timing, name + " plays without sound: it is not an MP4 file, which is all this computer's player plays with sound. "
                    + soundRemedy(name), onReady, onError);
            return;
        }
        boolean sound = Mp4Info.hasSound(file);
        if (sound && !SoundOutput.found()) {
            openSilently(file, timing, noSoundDevice(name), onReady, onError);
            return;
        }
        MediaPlayer player;
        try {
            player = new MediaPlayer(new Media(file.toUri().toString()));
        } catch (MediaException | IllegalArgumentException e) {
            openSilently(file, timing, describe(file, e), onReady, onError);
            return;
        }
        // a variable frame rate (phones) goes by each frame's own timestamp; a constant one by the rate
        Optional<Mp4Info.VideoTiming> known = timing;
        FrameTimes clock = known.get().clock();
        boolean[] done = {false};
        OPENING.add(player);
        // JavaFX's player never becomes ready (and never fails) on a sound track where there is no sound device it
        // can use, and now and then not at all (seen under the headless test platform on a loaded machine, with a
        // silent MP4): after a while, show the video through FFmpeg's exact frames instead of waiting for ever
        javafx.animation.PauseTransition watchdog = new javafx.animation.PauseTransition(Duration.seconds(WATCHDOG_SECONDS));
        watchdog.setOnFinished(e -> {
            if (done[0]) return;
            done[0] = true;
            OPENING.remove(player);
            player.dispose();
            openSilently(file, known, sound ? noSoundDevice(name) : name + " is shown by Attune's own decoder: this computer's video player did not open it within "
                    + (int) WATCHDOG_SECONDS + " s (it has no sound to lose).", onReady, onError);
        });
        watchdog.play();
        player.setOnReady(() -> {
            OPENING.remove(player);
            if (done[0]) return;
            done[0] = true;
            onReady.accept(new VideoPlayer(file, player, clock, known.get().durationMs()));
        });
        player.setOnError(() -> {
            OPENING.remove(player);
            if (done[0]) return;
            done[0] = true;
            String why = describe(file, player.getError());
            player.dispose();
            openSilently(file, known, why, onReady, onError);
        });
    }

    /**
     * Opens a video for FFmpeg's frames alone, off the FX thread (indexing reads the whole file once):
     * the clock is the MP4's where it states one, else the frames' own times.
     */
    private static void openSilently(Path file, Optional<Mp4Info.VideoTiming> timing, String why, Consumer<VideoPlayer> onReady, Consumer<String> onError) {
        Thread t = new Thread(() -> {
            try {
                FrameServer frames = FrameServer.open(file, EXACT_FRAME_CACHE_BYTES);
                FrameTimes clock = timing.filter(t2 -> t2.frames() == frames.frames()).map(Mp4Info.VideoTiming::clock).orElseGet(frames::clock);
                long duration = timing.filter(t2 -> t2.frames() == frames.frames()).map(Mp4Info.VideoTiming::durationMs)
                        .orElse(Math.round(frames.durationMicros() / 1000.0));
                LOG.info(() -> file.getFileName() + " plays silently through FFmpeg: " + why);
                Platform.runLater(() -> onReady.accept(new VideoPlayer(file, frames, clock, duration, why)));
            } catch (IOException | RuntimeException | LinkageError e) {
                LOG.log(Level.INFO, file.getFileName() + ": FFmpeg cannot read it either", e);
                String said = e instanceof IOException && e.getMessage() != null ? " " + e.getMessage() : "";
                Platform.runLater(() -> onError.accept(file.getFileName() + " cannot be played." + said + " " + transcodeHint(file)));
            }
        }, "attune-open-" + file.getFileName());
        t.setDaemon(true);
        t.start();
    }

    /** How long JavaFX's player may take to open a video before it is taken to have halted on it (then FFmpeg shows it). */
    static final double WATCHDOG_SECONDS = 12;

    /** Why a video with a sound track plays silently: no sound device for JavaFX's player. */
    static String noSoundDevice(String name) {
        return name + " plays without sound: this computer seems to have no sound device, and the player cannot play its sound track without one. "
                + "The picture is exact; connect or switch on a sound device and open it again for sound.";
    }

    private static String soundRemedy(String name) {
        return "For sound, make a coding copy (Study tab: select the session, then Make coding copy… beside the video; or attune media prepare \""
                + name + "\" -o \"" + org.attune.media.CodingCopy.besideOriginal(Path.of(name)).getFileName() + "\").";
    }

    /** Why JavaFX cannot play a video (which then plays silently), with the remedy. */
    static String describe(Path file, Throwable e) {
        String name = file.getFileName().toString();
        String why = e == null || e.getMessage() == null ? "" : e.getMessage();
        if (why.contains("audio device")) return noSoundDevice(name);
        if (e instanceof MediaException m && m.getType() == MediaException.Type.MEDIA_UNSUPPORTED || why.contains("nsupported")) {
            return name + " plays without sound: it is in a format this computer's player cannot play. " + soundRemedy(name);
        }
        return name + " plays without sound: the player cannot play it" + (why.isEmpty() ? "." : " (" + why + ").")
                + " On Linux, H.264 playback needs the libavcodec59 and libavformat59 packages. " + soundRemedy(name);
    }

    /** The ffmpeg command line that makes a playable copy of {@code file}. */
    public static String transcodeHint(Path file) {
        return org.attune.media.VideoReport.transcodeHint(file.getFileName().toString());
    }

    /** Why this video plays without sound (FFmpeg's frames alone), or empty: it plays through JavaFX's player with its sound. */
    public Optional<String> notice() {
        return Optional.ofNullable(notice);
    }

    public MediaView view() {
        return view;
    }

    /** The picture as shown: the player's view with the exact frame laid over it while paused. */
    public javafx.scene.Node node() {
        return node;
    }

    /** What the coder sees of the picture now: the exact frame while it is laid over, else the player's own (tests read its frame code). */
    javafx.scene.Node shownPicture() {
        return exact.overlay().isVisible() || playback.silent() ? exact.overlay() : view;
    }

    /** Tells {@code then} each frame number laid over the paused picture (tests and benchmarks wait on it). */
    public void setOnExactFrame(java.util.function.LongConsumer then) {
        onExactFrame = then;
    }

    /** Whether exact frames are on for this file (FFmpeg opened it and counts its frames as the player does). */
    public boolean exactFramesOn() {
        return exact.isOn();
    }

    public Path file() {
        return file;
    }

    public FrameTimes clock() {
        return clock;
    }

    public long durationMs() {
        return durationMs;
    }

    public long frameCount() {
        return clock.frameAt(durationMs - 0.001) + 1;
    }

    /** The media time now, read on demand (fresh to the millisecond, unlike JavaFX's time property). */
    public double currentMs() {
        return heldMs >= 0 ? heldMs : playback.currentMs();
    }

    /** The frame on screen. */
    public long currentFrame() {
        return clock.frameAt(currentMs());
    }

    /** The time a key press now stores: the start of the frame on screen. */
    public long stampMs() {
        return clock.snap(currentMs());
    }

    /** Shows frame n (clamped to the video), seeking to the frame's middle. */
    public void showFrame(long frame) {
        long n = Math.max(0, Math.min(frameCount() - 1, frame));
        double target = clock.seekTargetMs(n);
        if (playback.silent()) {
            playback.seek(target); // playing goes on from there
            exact.show(n);
            return;
        }
        if (!wantPlaying && exact.isOn()) {
            heldMs = target; // JavaFX's picture follows when playing starts
            exact.show(n);
            return;
        }
        heldMs = -1;
        playback.seek(target);
        if (!wantPlaying) exact.show(n);
    }

    /** Steps frames (negative back); pauses first, as stepping is for looking closely. */
    public void step(int frames) {
        long from = currentFrame();
        wantPlaying = false;
        playback.pause(() -> { });
        showFrame(from + frames);
    }

    /** Moves by a time (negative back), landing on the middle of the frame there. */
    public void jump(long deltaMs) {
        showFrame(clock.frameAt(currentMs() + deltaMs));
    }

    /** Shows the frame a stored time was coded on. */
    public void seekStored(long ms) {
        showFrame(clock.frameOfStored(ms));
    }

    public void play() {
        wantPlaying = true;
        if (!playback.silent()) exact.hide();
        if (heldMs >= 0) playback.seek(heldMs); // from the frame on screen
        heldMs = -1;
        playback.play();
    }

    /**
     * Pauses, then shows the frame the clock stopped in: JavaFX leaves the next decoded frame on
     * screen, one frame ahead of its clock (measured: frame 53 shown at a clock in frame 52), and a
     * key press must stamp the frame the coder sees.
     */
    public void pause() {
        wantPlaying = false;
        if (!playback.isPlaying()) return;
        playback.pause(() -> showFrame(currentFrame()));
    }

    public boolean isPlaying() {
        return playback.isPlaying();
    }

    /** Playback rate, 1/8× to 8× (JavaFX plays faster rates at 8×). */
    public void setRate(double rate) {
        playback.setRate(Math.max(0.125, Math.min(8, rate)));
    }

    public double rate() {
        return playback.rate();
    }

    public void setVolume(double v) {
        playback.setVolume(Math.max(0, Math.min(1, v)));
    }

    public void setMute(boolean mute) {
        playback.setMute(mute);
    }

    @Override
    public void close() {
        exact.close();
        playback.close();
    }
}
