package org.attune.scheme;

import java.util.Optional;

/** What a press of a code's key records. */
public enum CodeKind implements JsonNamed {
    /** An instant: one timestamp (a bid, an intrusion). */
    POINT,
    /** A bout with onset and offset (gaze, distress, exploration); a second press ends it. */
    STATE,
    /** A session-level ordinal judgement on a scale (e.g. overall sensitivity 1–5); no timestamp. */
    RATING;

    public static Optional<CodeKind> fromJsonName(String name) {
        return JsonNamed.fromJsonName(CodeKind.class, name);
    }

    /** Point and state codes are timed events that a coder logs against the video. */
    public boolean isTimed() {
        return this != RATING;
    }
}
