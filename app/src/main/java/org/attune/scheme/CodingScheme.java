package org.attune.scheme;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A coding scheme: the families, codes, keys and manual text a lab codes with.
 *
 * <p>Instances are plain immutable data and may be invalid (a scheme being edited or imported);
 * {@link SchemeValidator} says what is wrong. Schemes read from files are only handed out once
 * they validate without errors.
 */
public record CodingScheme(
        String id,
        String name,
        String version,
        String description,
        List<Reference> references,
        List<Family> families,
        List<ExclusiveGroup> groups,
        List<Exclusion> exclusions,
        List<Code> codes) {

    /** The version of the scheme file format this build reads and writes. */
    public static final int FORMAT_VERSION = 1;

    public CodingScheme {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        description = description == null ? "" : description;
        references = List.copyOf(references);
        families = List.copyOf(families);
        groups = List.copyOf(groups);
        exclusions = List.copyOf(exclusions);
        codes = List.copyOf(codes);
    }

    public Optional<Code> code(String codeId) {
        return codes.stream().filter(c -> c.id().equals(codeId)).findFirst();
    }

    public Optional<Family> family(String familyId) {
        return families.stream().filter(f -> f.id().equals(familyId)).findFirst();
    }

    public Optional<ExclusiveGroup> group(String groupId) {
        return groups.stream().filter(g -> g.id().equals(groupId)).findFirst();
    }

    public Optional<Reference> reference(String refId) {
        return references.stream().filter(r -> r.id().equals(refId)).findFirst();
    }

    /** Codes of one family, in scheme order. */
    public List<Code> codesIn(Family family) {
        return codes.stream().filter(c -> c.family().equals(family.id())).toList();
    }

    /** Members of one exclusive group, in scheme order. */
    public List<Code> membersOf(ExclusiveGroup group) {
        return codes.stream().filter(c -> group.id().equals(c.group())).toList();
    }

    /** Timed (point and state) codes, in scheme order. */
    public List<Code> timedCodes() {
        return codes.stream().filter(c -> c.kind().isTimed()).toList();
    }

    public List<Code> ratingCodes() {
        return codes.stream().filter(Code::isRating).toList();
    }

    public List<Code> codesWithRole(CodeRole role) {
        return codes.stream().filter(c -> c.hasRole(role)).toList();
    }

    /** The code's display colour: its own, or its family's. */
    public HexColor colorOf(Code code) {
        if (code.color() != null) return code.color();
        return family(code.family()).map(Family::color).orElse(new HexColor("#808080"));
    }

    /**
     * The state codes that end when {@code code} starts: the other members of its exclusive group
     * and its exclusion partners. Empty for point and rating codes.
     */
    public List<Code> statesEndedBy(Code code) {
        if (!code.isState()) return List.of();
        List<Code> ended = new ArrayList<>();
        for (Code other : codes) {
            if (other.id().equals(code.id()) || !other.isState()) continue;
            boolean sameGroup = code.group() != null && code.group().equals(other.group());
            boolean excluded = exclusions.stream()
                    .anyMatch(e -> e.involves(code.id()) && e.partnerOf(code.id()).equals(other.id()));
            if (sameGroup || excluded) ended.add(other);
        }
        return ended;
    }
}
