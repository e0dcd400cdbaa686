package org.attune.scheme;

import java.util.List;
import java.util.Optional;

/** The ordinal scale of a rating code, e.g. 1–5, with labelled anchor points. */
public record RatingScale(int min, int max, List<Anchor> anchors) {

    /** A labelled point on the scale ("1 = consistently insensitive"). */
    public record Anchor(int value, String label) {
        public Anchor {
            label = label == null ? "" : label;
        }
    }

    public RatingScale {
        anchors = List.copyOf(anchors);
    }

    public boolean contains(int value) {
        return value >= min && value <= max;
    }

    public int points() {
        return max - min + 1;
    }

    public Optional<Anchor> anchor(int value) {
        return anchors.stream().filter(a -> a.value() == value).findFirst();
    }
}
