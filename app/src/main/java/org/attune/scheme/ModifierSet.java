package org.attune.scheme;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A qualifier the coder picks after pressing a code's key (e.g. bid type). Values are chosen with
 * the number keys 1–9 in the order listed.
 */
public record ModifierSet(String id, String label, Choice choice, List<Value> values) {

    public enum Choice implements JsonNamed {
        /** Exactly one value (or none, if the coder skips). */
        SINGLE,
        /** Any number of values. */
        MULTIPLE;

        public static Optional<Choice> fromJsonName(String name) {
            return JsonNamed.fromJsonName(Choice.class, name);
        }
    }

    /** One choice within a modifier set. */
    public record Value(String id, String label) {
        public Value {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
        }
    }

    public ModifierSet {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(choice, "choice");
        values = List.copyOf(values);
    }

    public Optional<Value> value(String valueId) {
        return values.stream().filter(v -> v.id().equals(valueId)).findFirst();
    }
}
