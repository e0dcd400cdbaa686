package org.attune.coding;

import java.util.Objects;

/** A person who codes; initials identify them in exports and agreement tables. */
public record Coder(long id, String name, String initials) {
    public Coder {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(initials, "initials");
        if (initials.isBlank()) throw new IllegalArgumentException("a coder needs initials");
    }
}
