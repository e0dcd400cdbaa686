package org.attune.scheme;

import java.util.Optional;

/** Whose behaviour a code describes. */
public enum Subject implements JsonNamed {
    PARENT, CHILD, DYAD;

    public static Optional<Subject> fromJsonName(String name) {
        return JsonNamed.fromJsonName(Subject.class, name);
    }

    public String label() {
        return switch (this) {
            case PARENT -> "Parent";
            case CHILD -> "Child";
            case DYAD -> "Dyad";
        };
    }
}
