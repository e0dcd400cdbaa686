package org.attune.agreement;

import java.util.Objects;

/**
 * One coded event as the timed agreement methods see it: a code, its subject and onset/offset in
 * milliseconds (offset = onset for a point event). Running states (no offset) are not marks; callers
 * report them instead of guessing an end.
 */
public record Mark(String code, String subject, long onsetMs, long offsetMs, boolean point) {
    public Mark {
        Objects.requireNonNull(code, "code");
        subject = subject == null ? "" : subject;
        if (offsetMs < onsetMs) throw new IllegalArgumentException("offset before onset: " + code + " " + onsetMs + "–" + offsetMs);
        if (point && offsetMs != onsetMs) throw new IllegalArgumentException("a point mark has offset = onset");
    }

    public static Mark point(String code, long atMs) {
        return new Mark(code, "", atMs, atMs, true);
    }

    public static Mark state(String code, long onsetMs, long offsetMs) {
        return new Mark(code, "", onsetMs, offsetMs, false);
    }
}
