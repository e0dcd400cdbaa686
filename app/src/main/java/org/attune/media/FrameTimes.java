package org.attune.media;

/**
 * Where a video's frames lie on its clock (ADR 2): the frame on screen at a time, a frame's start as
 * stored (whole ms), and where to seek to show it. {@link FrameClock} for a constant frame rate;
 * {@link TimestampClock} for a variable one (phones), from each frame's own timestamp.
 */
public interface FrameTimes {

    /** The frame on screen at a player time (ms, as precise as the player gives it). */
    long frameAt(double timeMs);

    /** Frame n's start, in whole ms (rounded). */
    long startMs(long frame);

    /** A player time snapped down to the start of its frame: what a key press stores. */
    default long snap(double timeMs) {
        return startMs(frameAt(timeMs));
    }

    /** The frame a stored (snapped) time belongs to. */
    long frameOfStored(long ms);

    /** Where to seek to show frame n: its middle (seeking to the boundary often shows the frame before). */
    double seekTargetMs(long frame);

    /** A frame's duration in ms (the typical one where it varies). */
    double frameMs();

    /** Frames a second (the average where it varies). */
    double fps();
}
