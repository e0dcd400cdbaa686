package org.attune.scheme.json;

import java.util.List;
import java.util.stream.Collectors;

/** A scheme file that cannot be used; the message lists every located error. */
public final class InvalidSchemeException extends RuntimeException {
    private final List<SchemeFileProblem> errors;

    public InvalidSchemeException(List<SchemeFileProblem> errors) {
        super(errors.stream().map(SchemeFileProblem::format).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<SchemeFileProblem> errors() {
        return errors;
    }
}
