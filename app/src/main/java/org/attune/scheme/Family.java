package org.attune.scheme;

import java.util.Objects;

/** A group of related codes shown together (e.g. Synchronicity); the scheme's order is display order. */
public record Family(String id, String label, HexColor color, String description) {
    public Family {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(color, "color");
        description = description == null ? "" : description;
    }
}
