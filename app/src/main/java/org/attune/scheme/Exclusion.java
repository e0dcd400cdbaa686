package org.attune.scheme;

import java.util.Objects;

/**
 * Two state codes that cannot run together although they are not in one exclusive group
 * (e.g. "follows child's lead" and "disengaged"); starting either ends the other.
 */
public record Exclusion(String first, String second) {
    public Exclusion {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
    }

    public boolean involves(String codeId) {
        return first.equals(codeId) || second.equals(codeId);
    }

    public String partnerOf(String codeId) {
        if (first.equals(codeId)) return second;
        if (second.equals(codeId)) return first;
        throw new IllegalArgumentException(codeId + " is not in " + this);
    }
}
