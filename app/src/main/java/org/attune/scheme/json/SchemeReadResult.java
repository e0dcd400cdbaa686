package org.attune.scheme.json;

import java.util.List;
import java.util.Optional;
import org.attune.scheme.CodingScheme;

/**
 * What reading a scheme file gave: every problem found, and the scheme itself only when there
 * was no error (warnings alone do not stop a scheme from being used).
 */
public record SchemeReadResult(Optional<CodingScheme> scheme, List<SchemeFileProblem> problems) {

    public SchemeReadResult {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return scheme.isPresent();
    }

    public List<SchemeFileProblem> errors() {
        return problems.stream().filter(SchemeFileProblem::isError).toList();
    }

    public List<SchemeFileProblem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    /** The scheme, or an exception listing every error. */
    public CodingScheme orThrow() {
        return scheme.orElseThrow(() -> new InvalidSchemeException(errors()));
    }
}
