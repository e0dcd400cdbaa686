package org.attune.coding;

import java.nio.file.Path;

/**
 * A video to attach to a session, not yet stored: the file where it is on this computer (the study
 * keeps the path relative to itself), its camera position (1 = the session clock's camera), its
 * offset on the session clock, and the frame rate and duration read from the file ({@code null} when
 * unknown). The study's session repository turns it into a {@link MediaFile}.
 */
public record NewMedia(Path file, int position, long offsetMs, Double fps, Long durationMs) {
}
