package org.attune.scheme;

import java.util.Locale;
import java.util.Optional;

/** An enum written in scheme files by its lower-case name ({@code STATE} → {@code "state"}). */
public interface JsonNamed {

    String name();

    default String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E> & JsonNamed> Optional<E> fromJsonName(Class<E> type, String jsonName) {
        for (E e : type.getEnumConstants()) {
            if (e.jsonName().equals(jsonName)) return Optional.of(e);
        }
        return Optional.empty();
    }
}
