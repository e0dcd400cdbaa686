package org.attune.coding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The modifier values chosen for one event: modifier-set id → value ids (one for a single-choice
 * set, any number for a multiple-choice set). Stored and compared in one canonical text form,
 * {@code form=mirror+verbal;type=social}: sets and values sorted, ids only (they cannot contain
 * {@code ; = +}).
 */
public final class Modifiers {

    public static final Modifiers NONE = new Modifiers(new TreeMap<>());

    private final TreeMap<String, List<String>> values;

    private Modifiers(TreeMap<String, List<String>> values) {
        this.values = values;
    }

    public static Modifiers of(Map<String, List<String>> chosen) {
        TreeMap<String, List<String>> copy = new TreeMap<>();
        chosen.forEach((set, vals) -> {
            if (vals.isEmpty()) return;
            List<String> sorted = new ArrayList<>(vals);
            Collections.sort(sorted);
            for (String v : sorted) requireId(v);
            copy.put(requireId(set), List.copyOf(sorted));
        });
        return copy.isEmpty() ? NONE : new Modifiers(copy);
    }

    public static Modifiers single(String set, String value) {
        return of(Map.of(set, List.of(value)));
    }

    /** Parses the canonical form; the empty string is {@link #NONE}. */
    public static Modifiers parse(String text) {
        if (text == null || text.isEmpty()) return NONE;
        TreeMap<String, List<String>> map = new TreeMap<>();
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) throw new IllegalArgumentException("not a modifier list: " + text);
            map.put(part.substring(0, eq), List.of(part.substring(eq + 1).split("\\+")));
        }
        return of(map);
    }

    public String encode() {
        StringBuilder b = new StringBuilder();
        values.forEach((set, vals) -> {
            if (b.length() > 0) b.append(';');
            b.append(set).append('=').append(String.join("+", vals));
        });
        return b.toString();
    }

    public Map<String, List<String>> asMap() {
        return Collections.unmodifiableMap(values);
    }

    public List<String> valuesOf(String set) {
        return values.getOrDefault(set, List.of());
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    private static String requireId(String id) {
        Objects.requireNonNull(id, "modifier id");
        if (id.isEmpty() || id.chars().anyMatch(c -> c == ';' || c == '=' || c == '+' || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("not a modifier id: '" + id + "'");
        }
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Modifiers m && m.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return encode();
    }
}
