package org.attune.media;

/**
 * Frame arithmetic for one video (ADR 2): an event is stamped at the start of the frame on screen,
 * stored as integer ms, and a frame is displayed by seeking to its middle.
 *
 * <p>Frame n starts at n·1000/fps ms, which for 29.97 fps is not a whole millisecond; stored times
 * are rounded ({@link #startMs}), and {@link #frameOfStored} maps them back to n, so a stored
 * time always re-displays the frame it was coded on.
 */
public record FrameClock(double fps) implements FrameTimes {

    public FrameClock {
        if (!(fps > 0 && fps < 1000)) throw new IllegalArgumentException("frame rate must be between 0 and 1000, not " + fps);
    }

    /** The frame on screen at a player time (ms, as precise as the player gives it). */
    public long frameAt(double timeMs) {
        return (long) Math.floor(timeMs * fps / 1000 + 1e-9);
    }

    /** Frame n's start, in whole ms (rounded). */
    public long startMs(long frame) {
        return Math.round(frame * 1000 / fps);
    }

    /** A player time snapped down to the start of its frame: what a key press stores. */
    public long snap(double timeMs) {
        return startMs(frameAt(timeMs));
    }

    /** The frame a stored (snapped) time belongs to. */
    public long frameOfStored(long ms) {
        return (long) Math.floor((ms + 0.5) * fps / 1000);
    }

    /** Where to seek to show frame n: its middle (seeking to the boundary often shows the frame before). */
    public double seekTargetMs(long frame) {
        return (frame + 0.5) * 1000 / fps;
    }

    /** One frame's duration in ms. */
    public double frameMs() {
        return 1000 / fps;
    }
}
