package org.attune.media;

/**
 * Where a video's frames lie: their presentation times (µs from the first, sorted) and which are keyframes —
 * from an MP4's sample tables or by reading every packet ({@link FrameServer}).
 */
public record FrameIndex(long[] ptsMicros, boolean[] keyframe) {
    public int frames() {
        return ptsMicros.length;
    }

    /** The longest run of frames from one keyframe to the next (the group of pictures). */
    public int longestGop() {
        int longest = 0;
        int last = 0;
        for (int i = 1; i <= keyframe.length; i++) {
            if (i == keyframe.length || keyframe[i]) {
                longest = Math.max(longest, i - last);
                last = i;
            }
        }
        return longest;
    }

    /** Whether the frames are evenly spaced (constant frame rate) within a tenth of a millisecond. */
    public boolean constantRate() {
        if (ptsMicros.length < 3) return true;
        long first = ptsMicros[1] - ptsMicros[0];
        for (int i = 2; i < ptsMicros.length; i++) {
            if (Math.abs(ptsMicros[i] - ptsMicros[i - 1] - first) > 100) return false;
        }
        return true;
    }
}
