package org.attune.coding;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One coded event of a coding pass. Times are milliseconds on the session's master clock.
 *
 * @param offsetMs {@code null} for a point event (offset = onset) written as such, or for a state
 *                 that is still running; see {@link #isRunning()}
 */
public record CodedEvent(long id, long passId, String code, long onsetMs, Long offsetMs, Modifiers modifiers, String comment) {

    public CodedEvent {
        Objects.requireNonNull(code, "code");
        EventDraft.checkTimes(onsetMs, offsetMs);
        modifiers = modifiers == null ? Modifiers.NONE : modifiers;
        comment = comment == null ? "" : comment;
    }

    public OptionalLong offset() {
        return offsetMs == null ? OptionalLong.empty() : OptionalLong.of(offsetMs);
    }

    /** A state whose offset has not been coded yet. Only meaningful for state codes. */
    public boolean isRunning() {
        return offsetMs == null;
    }

    public CodedEvent withOffset(Long newOffsetMs) {
        return new CodedEvent(id, passId, code, onsetMs, newOffsetMs, modifiers, comment);
    }
}
