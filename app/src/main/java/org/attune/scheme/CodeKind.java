package org.attune.scheme;

import java.util.Locale;
import java.util.Optional;

/** What a press of a code's key records. */
public enum CodeKind {
    /** An instant: one timestamp (a bid, an intrusion). */
    POINT,
    /** A bout with onset and offset (gaze, distress, exploration); a second press ends it. */
    STATE,
    /** A session-level ordinal judgement on a scale (e.g. overall sensitivity 1–5); no timestamp. */
    RATING;

    /** The name used in scheme files: {@code point}, {@code state}, {@code rating}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CodeKind> fromJsonName(String name) {
        for (CodeKind k : values()) {
            if (k.jsonName().equals(name)) return Optional.of(k);
        }
        return Optional.empty();
    }

    /** Point and state codes are timed events that a coder logs against the video. */
    public boolean isTimed() {
        return this != RATING;
    }
}
