package org.attune.agreement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A units × raters table of categorical or numeric ratings, with missing values ({@code null}).
 * Units and raters keep the order in which they were first seen.
 */
public final class RatingData {

    private final List<String> units = new ArrayList<>();
    private final List<String> raters = new ArrayList<>();
    private final Map<String, Map<String, String>> values = new LinkedHashMap<>();

    /** Records {@code rater}'s value for {@code unit}; a second value for the same pair is an error. */
    public void add(String unit, String rater, String value) {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(rater, "rater");
        if (!values.containsKey(unit)) {
            units.add(unit);
            values.put(unit, new LinkedHashMap<>());
        }
        if (!raters.contains(rater)) raters.add(rater);
        if (value == null || value.isBlank()) return;
        String previous = values.get(unit).putIfAbsent(rater, value.trim());
        if (previous != null) throw new IllegalArgumentException("rater " + rater + " rated unit " + unit + " twice");
    }

    /** Builds a table from rows of one unit each, columns = raters, {@code null} = missing. */
    public static RatingData ofRows(String[][] rows) {
        RatingData d = new RatingData();
        for (int u = 0; u < rows.length; u++) {
            for (int r = 0; r < rows[u].length; r++) d.add("u" + (u + 1), "r" + (r + 1), rows[u][r]);
        }
        return d;
    }

    public List<String> units() {
        return List.copyOf(units);
    }

    public List<String> raters() {
        return List.copyOf(raters);
    }

    public String value(String unit, String rater) {
        return values.getOrDefault(unit, Map.of()).get(rater);
    }

    /** The values given to a unit, in rater order, missing ones left out. */
    public List<String> valuesOf(String unit) {
        List<String> out = new ArrayList<>();
        for (String r : raters) {
            String v = value(unit, r);
            if (v != null) out.add(v);
        }
        return out;
    }

    /** Whether every value parses as a number. */
    public boolean isNumeric() {
        return values.values().stream().flatMap(m -> m.values().stream()).allMatch(v -> parse(v).isPresent());
    }

    /** The categories observed, numbers in numeric order, otherwise in text order. */
    public List<String> observedCategories() {
        Set<String> seen = new LinkedHashSet<>();
        values.values().forEach(m -> seen.addAll(m.values()));
        List<String> out = new ArrayList<>(seen);
        if (isNumeric()) out.sort(Comparator.comparingDouble(v -> parse(v).orElseThrow()));
        else out.sort(Comparator.naturalOrder());
        return out;
    }

    static Optional<Double> parse(String v) {
        try {
            double d = Double.parseDouble(v.replace(',', '.'));
            return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
