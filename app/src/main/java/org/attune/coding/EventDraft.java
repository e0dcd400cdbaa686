package org.attune.coding;

import java.util.Objects;

/** The content of an event before (or apart from) its identity: what an add or a change writes. */
public record EventDraft(String code, long onsetMs, Long offsetMs, Modifiers modifiers, String comment) {

    public EventDraft {
        Objects.requireNonNull(code, "code");
        checkTimes(onsetMs, offsetMs);
        modifiers = modifiers == null ? Modifiers.NONE : modifiers;
        comment = comment == null ? "" : comment;
    }

    /** The rule every stored event obeys: onset in the session, offset (if any) not before it. */
    static void checkTimes(long onsetMs, Long offsetMs) {
        if (onsetMs < 0) throw new IllegalArgumentException("onset before the start of the session: " + onsetMs + " ms");
        if (offsetMs != null && offsetMs < onsetMs) {
            throw new IllegalArgumentException("offset " + offsetMs + " ms before onset " + onsetMs + " ms");
        }
    }

    public static EventDraft point(String code, long atMs) {
        return new EventDraft(code, atMs, atMs, Modifiers.NONE, "");
    }

    public static EventDraft state(String code, long onsetMs, Long offsetMs) {
        return new EventDraft(code, onsetMs, offsetMs, Modifiers.NONE, "");
    }

    public static EventDraft of(CodedEvent e) {
        return new EventDraft(e.code(), e.onsetMs(), e.offsetMs(), e.modifiers(), e.comment());
    }

    public EventDraft withModifiers(Modifiers m) {
        return new EventDraft(code, onsetMs, offsetMs, m, comment);
    }

    public EventDraft withComment(String c) {
        return new EventDraft(code, onsetMs, offsetMs, modifiers, c);
    }
}
