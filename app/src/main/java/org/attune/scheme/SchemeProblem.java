package org.attune.scheme;

import java.util.Objects;

/**
 * One thing wrong with a scheme, addressed by the path of the offending field in the scheme file
 * ({@code codes[3].key}), with what to do about it.
 */
public record SchemeProblem(Severity severity, String path, String message, String hint) {

    public enum Severity {
        /** The scheme cannot be used until this is fixed. */
        ERROR,
        /** The scheme works, but a coder or reader will likely trip over this. */
        WARNING
    }

    public SchemeProblem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
    }

    public static SchemeProblem error(String path, String message, String hint) {
        return new SchemeProblem(Severity.ERROR, path, message, hint);
    }

    public static SchemeProblem warning(String path, String message, String hint) {
        return new SchemeProblem(Severity.WARNING, path, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
