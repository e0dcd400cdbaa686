package org.attune.scheme;

import java.util.Objects;

/** Where a code comes from: a reference id and the words of that source it operationalises. */
public record SourceNote(String ref, String quote) {
    public SourceNote {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(quote, "quote");
    }
}
