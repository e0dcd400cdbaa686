package org.attune.media;

import java.util.Arrays;

/**
 * The frames of a variable-frame-rate video (as phones record) at their own presentation times: frame
 * n starts at {@code startsMicros[n]} and lasts until the next one (the last until the video's end). A
 * key press stores the start of the frame on screen, rounded to whole ms; frames are at least a
 * millisecond apart, so a stored time maps back to its frame.
 */
public record TimestampClock(long[] startsMicros, long durationMicros) implements FrameTimes {

    public TimestampClock {
        if (startsMicros.length == 0) throw new IllegalArgumentException("a video has at least one frame");
        startsMicros = startsMicros.clone();
        for (int i = 1; i < startsMicros.length; i++) {
            if (startsMicros[i] <= startsMicros[i - 1]) throw new IllegalArgumentException("frame times must increase (frame " + i + ")");
        }
    }

    @Override
    public long frameAt(double timeMs) {
        long us = (long) Math.floor(timeMs * 1000 + 1e-6);
        int i = Arrays.binarySearch(startsMicros, us);
        return i >= 0 ? i : Math.max(0, -i - 2);
    }

    @Override
    public long startMs(long frame) {
        return Math.round(startsMicros[(int) clamp(frame)] / 1000.0);
    }

    @Override
    public long frameOfStored(long ms) {
        return frameAt(ms + 0.5);
    }

    @Override
    public double seekTargetMs(long frame) {
        int n = (int) clamp(frame);
        long end = n + 1 < startsMicros.length ? startsMicros[n + 1] : Math.max(durationMicros, startsMicros[n] + 1);
        return (startsMicros[n] + end) / 2000.0;
    }

    @Override
    public double frameMs() {
        return startsMicros.length < 2 ? durationMicros / 1000.0 : (startsMicros[startsMicros.length - 1] - startsMicros[0]) / 1000.0 / (startsMicros.length - 1);
    }

    @Override
    public double fps() {
        return 1000 / frameMs();
    }

    public int frames() {
        return startsMicros.length;
    }

    private long clamp(long frame) {
        return Math.max(0, Math.min(startsMicros.length - 1, frame));
    }
}
