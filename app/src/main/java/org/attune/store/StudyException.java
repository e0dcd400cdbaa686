package org.attune.store;

/**
 * Something a user must know about a study file, in words: what happened and what to do. The
 * message is fit for a dialog or the command line; the cause (if any) is for the log.
 */
public final class StudyException extends Exception {

    /** What kind of problem, for callers that react differently (e.g. offer read-only access). */
    public enum Kind {
        NOT_FOUND, NOT_A_STUDY, DAMAGED, TOO_NEW, LOCKED, READ_ONLY, DISK_FULL, FILE_GONE, INVALID_INPUT, IO,
        /** A lab study's server is out of reach: nothing of the edit was saved; it may answer again (ADR 12). */
        UNREACHABLE
    }

    private final Kind kind;

    public StudyException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public StudyException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
