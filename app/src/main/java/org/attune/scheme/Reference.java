package org.attune.scheme;

import java.util.Objects;

/** A source text the scheme's codes are traced to, cited by short id (e.g. {@code S3}). */
public record Reference(String id, String citation) {
    public Reference {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(citation, "citation");
    }
}
