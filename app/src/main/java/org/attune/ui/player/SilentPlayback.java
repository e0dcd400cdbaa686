package org.attune.ui.player;

import java.util.function.LongConsumer;
import javafx.animation.AnimationTimer;
import org.attune.media.FrameTimes;

/**
 * Playing without JavaFX's player: a clock of its own (the system's nanosecond timer times the rate)
 * asks for the frame it has reached at every pulse of the screen, and FFmpeg's exact frames show it
 * ({@link ExactFrames}: decoding on, a frame the decoder has not reached yet is overtaken by the next).
 * No sound. Used where JavaFX cannot play the file (AVI, MTS, MKV …) or halts on its sound track
 * (no sound device).
 */
final class SilentPlayback implements Playback {

    private final FrameTimes clock;
    private final long durationMs;
    private final LongConsumer show;
    private final AnimationTimer timer;
    /** The media time at {@link #anchorNanos} (while playing) or now (paused). */
    private double anchorMs;
    private long anchorNanos;
    private boolean playing;
    private double rate = 1;
    private long asked = -1;

    /** {@code show} lays frame n over the picture (it is asked again only for another frame). */
    SilentPlayback(FrameTimes clock, long durationMs, LongConsumer show) {
        this.clock = clock;
        this.durationMs = durationMs;
        this.show = show;
        this.timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulse();
            }
        };
    }

    private void pulse() {
        double ms = currentMs();
        if (ms >= durationMs) { // the end: stop on the last frame
            anchorMs = clock.seekTargetMs(clock.frameAt(durationMs - 0.001));
            playing = false;
            timer.stop();
            ms = anchorMs;
        }
        long n = clock.frameAt(ms);
        if (n != asked) {
            asked = n;
            show.accept(n);
        }
    }

    @Override
    public double currentMs() {
        return playing ? anchorMs + (System.nanoTime() - anchorNanos) / 1e6 * rate : anchorMs;
    }

    @Override
    public void seek(double ms) {
        anchorMs = Math.max(0, Math.min(durationMs, ms));
        anchorNanos = System.nanoTime();
        asked = clock.frameAt(anchorMs); // the caller shows it
    }

    @Override
    public void play() {
        if (playing) return;
        anchorNanos = System.nanoTime();
        playing = true;
        timer.start();
    }

    @Override
    public void pause(Runnable then) {
        if (!playing) return;
        anchorMs = currentMs();
        playing = false;
        timer.stop();
        then.run();
    }

    @Override
    public boolean isPlaying() {
        return playing;
    }

    @Override
    public void setRate(double rate) {
        anchorMs = currentMs();
        anchorNanos = System.nanoTime();
        this.rate = rate;
    }

    @Override
    public double rate() {
        return rate;
    }

    @Override
    public void setVolume(double volume) {
        // no sound
    }

    @Override
    public void setMute(boolean mute) {
        // no sound
    }

    @Override
    public boolean silent() {
        return true;
    }

    @Override
    public void close() {
        playing = false;
        timer.stop();
    }
}
