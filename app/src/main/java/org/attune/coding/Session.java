package org.attune.coding;

import java.util.Map;
import java.util.Objects;

/**
 * One recorded session of a dyad (e.g. a 10-minute free play).
 *
 * @param childAgeMonths {@code null} if unknown
 * @param metadata       the lab's own key–value fields (e.g. site, wave)
 */
public record Session(long id, String label, String dyad, String date, Double childAgeMonths, String context, String notes,
                      Map<String, String> metadata) {
    public Session {
        Objects.requireNonNull(label, "label");
        if (label.isBlank()) throw new IllegalArgumentException("a session needs a label");
        dyad = dyad == null ? "" : dyad;
        date = date == null ? "" : date;
        context = context == null ? "" : context;
        notes = notes == null ? "" : notes;
        metadata = Map.copyOf(metadata);
    }
}
