package org.attune.ui.player;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.layout.StackPane;
import javafx.scene.media.Media;
import javafx.scene.media.MediaException;
import javafx.scene.media.MediaPlayer;
import javafx.scene.media.MediaView;
import javafx.util.Duration;
import org.attune.media.FrameClock;
import org.attune.media.FrameTimes;
import org.attune.media.TimestampClock;
import org.attune.media.Mp4Info;

/**
 * One video file in JavaFX's media stack, with frame-exact positioning (ADR 2, platform notes):
 * the time is read on demand from the player (its property fires only ~10 times a second), a frame
 * is shown by seeking to its middle, and the frame rate comes from the file because JavaFX does not
 * report it. Call from the FX thread. Opening is asynchronous: exactly one of the callbacks runs.
 */
public final class VideoPlayer implements AutoCloseable {

    /** Players still opening: JavaFX holds them only weakly, and one collected before READY never reports. */
    private static final java.util.Set<MediaPlayer> OPENING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path file;
    private final MediaPlayer player;
    private final MediaView view;
    private final FrameTimes clock;
    private final long durationMs;
    /** Exact frames over the paused picture, decoded by FFmpeg (ADR 7). */
    private final ExactFrames exact;
    private final StackPane node;
    /** Play was asked for and not since paused or stepped: no exact frame is laid over the moving picture. */
    private boolean wantPlaying;
    /**
     * While paused with exact frames on: the time of the frame asked for last (its middle). The player's
     * own picture, hidden under the exact frame, is moved there only when playing starts (or if the exact
     * frame cannot be decoded): its seek would decode the same group of pictures at the same time on the
     * same cores (a 1080p long-GOP jump took twice as long). -1 when the player's own clock is the position.
     */
    private double heldMs = -1;
    private java.util.function.LongConsumer onExactFrame = n -> { };

    /** Memory each camera's exact frames may keep (as decoded, YUV: 3.1 MB a 1080p frame, so 64 frames). */
    static final long EXACT_FRAME_CACHE_BYTES = 192L << 20;

    private VideoPlayer(Path file, MediaPlayer player, FrameTimes clock, long durationMs) {
        this.file = file;
        this.player = player;
        this.view = new MediaView(player);
        this.clock = clock;
        this.durationMs = durationMs;
        view.setPreserveRatio(true);
        this.exact = new ExactFrames(file, frameCount(), EXACT_FRAME_CACHE_BYTES, clock instanceof TimestampClock);
        exact.overlay().fitWidthProperty().bind(view.fitWidthProperty());
        exact.overlay().fitHeightProperty().bind(view.fitHeightProperty());
        this.node = new StackPane(view, exact.overlay());
        node.setMinSize(0, 0);
        exact.setOnShown(n -> onExactFrame.accept(n));
        exact.setOnFailed(n -> {
            // no exact frame: the player's own picture must show it
            if (heldMs >= 0 && clock.frameAt(heldMs) == n) player.seek(Duration.millis(heldMs));
        });
    }

    /** What the coder sees of the picture now: the exact frame while it is laid over, else the player's own (tests read its frame code). */
    javafx.scene.Node shownPicture() {
        return exact.overlay().isVisible() ? exact.overlay() : view;
    }

    /**
     * Opens a video. {@code fallbackFps} is used when the file does not state its frame rate (not MP4/MOV);
     * null then means the video cannot be coded frame-exactly and {@code onError} explains.
     */
    public static void open(Path file, Double fallbackFps, Consumer<VideoPlayer> onReady, Consumer<String> onError) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            onError.accept("The video " + name + " is not where the study expects it (" + file + "). Relink it to its new place, or put it back.");
            return;
        }
        Optional<Mp4Info.VideoTiming> timing;
        try {
            timing = Mp4Info.read(file);
        } catch (IOException e) {
            onError.accept("The video " + name + " cannot be read: " + e.getMessage() + ". Check that the file is readable.");
            return;
        }
        Double fps = timing.map(Mp4Info.VideoTiming::fps).orElse(fallbackFps);
        if (fps == null) {
            onError.accept(name + " does not state its frame rate (it is not an MP4/MOV file, or it is damaged). " + transcodeHint(file));
            return;
        }
        MediaPlayer player;
        try {
            player = new MediaPlayer(new Media(file.toUri().toString()));
        } catch (MediaException | IllegalArgumentException e) {
            onError.accept(describe(file, e));
            return;
        }
        // a variable frame rate (phones) goes by each frame's own timestamp; a constant one by the rate
        FrameTimes clock = timing.map(Mp4Info.VideoTiming::clock).orElse(new FrameClock(fps));
        boolean[] done = {false};
        OPENING.add(player);
        if (Mp4Info.hasSound(file)) {
            // JavaFX's player never becomes ready (and never fails) on a sound track where there is no sound
            // device: say so instead of waiting for ever
            javafx.animation.PauseTransition watchdog = new javafx.animation.PauseTransition(Duration.seconds(SOUND_WATCHDOG_SECONDS));
            watchdog.setOnFinished(e -> {
                if (done[0]) return;
                done[0] = true;
                OPENING.remove(player);
                player.dispose();
                onError.accept(noSoundDevice(name));
            });
            watchdog.play();
        }
        player.setOnReady(() -> {
            OPENING.remove(player);
            if (done[0]) return;
            done[0] = true;
            long duration = timing.map(Mp4Info.VideoTiming::durationMs).orElse(Math.round(player.getTotalDuration().toMillis()));
            onReady.accept(new VideoPlayer(file, player, clock, duration));
        });
        player.setOnError(() -> {
            OPENING.remove(player);
            if (done[0]) return;
            done[0] = true;
            onError.accept(describe(file, player.getError()));
            player.dispose();
        });
    }

    /** How long a video with sound may take to open before the player is taken to have halted on it. */
    static final double SOUND_WATCHDOG_SECONDS = 12;

    /** What to do when the player halts on a sound track (no sound device). */
    static String noSoundDevice(String name) {
        return name + " has a sound track and this computer seems to have no sound device to play it on, so the player cannot open it. "
                + "Make a video-only copy to code from (the original stays untouched): ffmpeg -i \"" + name + "\" -an -c:v copy \""
                + stem(name) + "-video-only.mp4\"";
    }

    /** A message for a video JavaFX cannot play, with the remedy. */
    static String describe(Path file, Throwable e) {
        String name = file.getFileName().toString();
        String why = e == null || e.getMessage() == null ? "" : e.getMessage();
        if (why.contains("audio device")) return noSoundDevice(name);
        if (e instanceof MediaException m && m.getType() == MediaException.Type.MEDIA_UNSUPPORTED || why.contains("nsupported")) {
            return name + " is in a format this computer cannot play. " + transcodeHint(file);
        }
        return name + " cannot be played" + (why.isEmpty() ? "." : " (" + why + ").") + " " + transcodeHint(file)
                + " On Linux, H.264 playback also needs the libavcodec59 and libavformat59 packages.";
    }

    /** The ffmpeg command line that makes a playable copy of {@code file}. */
    public static String transcodeHint(Path file) {
        return org.attune.media.VideoReport.transcodeHint(file.getFileName().toString());
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    public MediaView view() {
        return view;
    }

    /** The picture as shown: the player's view with the exact frame laid over it while paused. */
    public javafx.scene.Node node() {
        return node;
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

    /** The media time now, read on demand (fresh to the millisecond, unlike the time property). */
    public double currentMs() {
        return heldMs >= 0 ? heldMs : player.getCurrentTime().toMillis();
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
        if (!wantPlaying && exact.isOn()) {
            heldMs = target; // the player's own picture follows when playing starts
            exact.show(n);
            return;
        }
        heldMs = -1;
        player.seek(Duration.millis(target));
        if (!wantPlaying) exact.show(n);
    }

    /** Steps frames (negative back); pauses first, as stepping is for looking closely. */
    public void step(int frames) {
        long from = currentFrame();
        wantPlaying = false;
        player.pause();
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
        exact.hide();
        if (heldMs >= 0) player.seek(Duration.millis(heldMs)); // from the frame on screen
        heldMs = -1;
        player.play();
    }

    /**
     * Pauses, then shows the frame the clock stopped in: JavaFX leaves the next decoded frame on
     * screen, one frame ahead of its clock (measured: frame 53 shown at a clock in frame 52), and a
     * key press must stamp the frame the coder sees.
     */
    public void pause() {
        wantPlaying = false;
        if (player.getStatus() != MediaPlayer.Status.PLAYING) return;
        player.setOnPaused(() -> {
            player.setOnPaused(null);
            showFrame(currentFrame());
        });
        player.pause();
    }

    public boolean isPlaying() {
        return player.getStatus() == MediaPlayer.Status.PLAYING;
    }

    /** Playback rate, 1/8× to 8× (JavaFX plays faster rates at 8×). */
    public void setRate(double rate) {
        player.setRate(Math.max(0.125, Math.min(8, rate)));
    }

    public double rate() {
        return player.getRate();
    }

    public void setVolume(double v) {
        player.setVolume(Math.max(0, Math.min(1, v)));
    }

    public void setMute(boolean mute) {
        player.setMute(mute);
    }

    MediaPlayer mediaPlayer() {
        return player;
    }

    @Override
    public void close() {
        exact.close();
        player.dispose();
    }
}
