package org.attune.scheme;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One code of a scheme: what the coder logs with one key.
 *
 * @param id        stable identifier used in study files and exports (e.g. {@code C_BID})
 * @param group     id of the exclusive group this state belongs to, or {@code null}
 * @param key       the physical key that logs it, or {@code null} (ratings, or codes logged by click)
 * @param color     own colour, or {@code null} to use the family's
 * @param scale     the rating scale; {@code null} unless {@code kind} is {@link CodeKind#RATING}
 * @param source    where in the source texts the code comes from, or {@code null}
 * @param lineage   established instruments with related codes, free text
 */
public record Code(
        String id,
        String label,
        String family,
        Subject subject,
        CodeKind kind,
        String group,
        PhysicalKey key,
        HexColor color,
        List<ModifierSet> modifiers,
        List<CodeRole> roles,
        Definition definition,
        RatingScale scale,
        SourceNote source,
        String lineage) {

    public Code {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(definition, "definition");
        modifiers = List.copyOf(modifiers);
        roles = List.copyOf(roles);
        lineage = lineage == null ? "" : lineage;
    }

    public Optional<String> groupId() {
        return Optional.ofNullable(group);
    }

    public Optional<PhysicalKey> physicalKey() {
        return Optional.ofNullable(key);
    }

    public Optional<RatingScale> ratingScale() {
        return Optional.ofNullable(scale);
    }

    public Optional<SourceNote> sourceNote() {
        return Optional.ofNullable(source);
    }

    public boolean hasRole(CodeRole role) {
        return roles.contains(role);
    }

    public boolean isState() {
        return kind == CodeKind.STATE;
    }

    public boolean isPoint() {
        return kind == CodeKind.POINT;
    }

    public boolean isRating() {
        return kind == CodeKind.RATING;
    }
}
