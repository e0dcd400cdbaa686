package org.attune.scheme;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A qualifier the coder picks after pressing a code's key (e.g. bid type). Values are chosen with
 * the number keys 1–9 in the order listed.
 */
public record ModifierSet(String id, String label, Choice choice, List<Value> values) {

    public enum Choice {
        /** Exactly one value (or none, if the coder skips). */
        SINGLE,
        /** Any number of values. */
        MULTIPLE;

        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Choice> fromJsonName(String name) {
            for (Choice c : values()) {
                if (c.jsonName().equals(name)) return Optional.of(c);
            }
            return Optional.empty();
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
