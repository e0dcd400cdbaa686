package org.attune.scheme;

import java.util.Objects;

/**
 * State codes of which at most one runs at a time: starting one ends the running one at the same
 * instant (e.g. child affect: positive or distressed; neither = neutral).
 */
public record ExclusiveGroup(String id, String label, String description) {
    public ExclusiveGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        description = description == null ? "" : description;
    }
}
