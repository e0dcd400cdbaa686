package org.attune.coding;

import java.util.Objects;

/**
 * A video of a session. {@code path} is relative to the study file's folder when the video lies
 * under it (or beside it), so a study folder can be moved or shared without breaking links.
 *
 * @param position   1–4: camera slot
 * @param offsetMs   where this file's time 0 lies on the session's master clock
 * @param fps        frames per second, {@code null} until known
 * @param durationMs {@code null} until known
 * @param codingCopy the coding copy the player uses instead of the original (stored like {@code path}), or
 *                   {@code null}: the original is played. Times are the original's either way.
 */
public record MediaFile(long id, long sessionId, int position, String path, long offsetMs, Double fps, Long durationMs, String codingCopy) {
    public MediaFile {
        Objects.requireNonNull(path, "path");
        if (position < 1 || position > 4) throw new IllegalArgumentException("a session has camera positions 1–4, not " + position);
    }

    /** A video without a coding copy. */
    public MediaFile(long id, long sessionId, int position, String path, long offsetMs, Double fps, Long durationMs) {
        this(id, sessionId, position, path, offsetMs, fps, durationMs, null);
    }
}
