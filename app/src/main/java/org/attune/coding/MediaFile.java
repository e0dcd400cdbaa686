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
 */
public record MediaFile(long id, long sessionId, int position, String path, long offsetMs, Double fps, Long durationMs) {
    public MediaFile {
        Objects.requireNonNull(path, "path");
        if (position < 1 || position > 4) throw new IllegalArgumentException("a session has camera positions 1–4, not " + position);
    }
}
