package org.attune.scheme;

import java.util.List;
import java.util.Objects;

/**
 * The coding-manual text of a code: what a coder must see to log it, what does not count, when a
 * bout starts and ends, worked examples, and boundary cases. Only {@code summary} is required;
 * the rest may be empty (e.g. in a scheme imported from another tool).
 */
public record Definition(
        String summary,
        String counts,
        String doesNotCount,
        String onset,
        String offset,
        List<String> examples,
        List<String> boundaryCases) {

    public Definition {
        Objects.requireNonNull(summary, "summary");
        counts = nullToEmpty(counts);
        doesNotCount = nullToEmpty(doesNotCount);
        onset = nullToEmpty(onset);
        offset = nullToEmpty(offset);
        examples = List.copyOf(examples);
        boundaryCases = List.copyOf(boundaryCases);
    }

    public static Definition ofSummary(String summary) {
        return new Definition(summary, "", "", "", "", List.of(), List.of());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
