package org.attune.scheme.json;

import java.util.Objects;
import org.attune.scheme.SchemeProblem;

/** A {@link SchemeProblem} placed in a file: file name, line and column. */
public record SchemeFileProblem(String file, int line, int column, SchemeProblem problem) {

    public SchemeFileProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(problem, "problem");
    }

    public boolean isError() {
        return problem.isError();
    }

    /**
     * One line in the style of compilers, so editors can jump to it:
     * {@code scheme.json:12:7: error: codes[3].key: key KeyG … — Give each code its own key.}
     */
    public String format() {
        String severity = problem.isError() ? "error" : "warning";
        String hint = problem.hint().isEmpty() ? "" : " — " + problem.hint();
        return file + ":" + line + ":" + column + ": " + severity + ": " + problem.path() + ": " + problem.message() + hint;
    }

    @Override
    public String toString() {
        return format();
    }
}
