package org.attune.scheme;

import java.util.List;
import java.util.Objects;

/**
 * An established instrument or paper that codes of the scheme correspond to (Ainsworth's scales,
 * the Emotional Availability Scales, Feldman's CIB …): what a methods section cites as "codes adapted
 * from". The correspondence is of constructs, not of items: Attune's codes are timed behavioural
 * indicators; most instruments are global ratings.
 *
 * @param name     how it is named in text ("Ainsworth's maternal sensitivity scales")
 * @param citation the reference to cite
 * @param codes    ids of the codes that correspond to it
 */
public record Instrument(String id, String name, String citation, List<String> codes) {
    public Instrument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(citation, "citation");
        codes = List.copyOf(codes);
    }
}
