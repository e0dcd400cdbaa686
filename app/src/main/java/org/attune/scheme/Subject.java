package org.attune.scheme;

import java.util.Locale;
import java.util.Optional;

/** Whose behaviour a code describes. */
public enum Subject {
    PARENT, CHILD, DYAD;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Subject> fromJsonName(String name) {
        for (Subject s : values()) {
            if (s.jsonName().equals(name)) return Optional.of(s);
        }
        return Optional.empty();
    }

    public String label() {
        return switch (this) {
            case PARENT -> "Parent";
            case CHILD -> "Child";
            case DYAD -> "Dyad";
        };
    }
}
