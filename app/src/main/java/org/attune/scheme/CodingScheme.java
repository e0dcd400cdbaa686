package org.attune.scheme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A coding scheme: the families, codes, keys and manual text a lab codes with.
 *
 * <p>Instances are immutable values (equal when all their parts are equal) and may be invalid (a scheme being edited or imported);
 * {@link SchemeValidator} says what is wrong. Schemes read from files are only handed out once
 * they validate without errors.
 */
public final class CodingScheme {

    /** The version of the scheme file format this build reads and writes. */
    public static final int FORMAT_VERSION = 1;

    private final String id;
    private final String name;
    private final String version;
    private final String description;
    private final List<Reference> references;
    private final List<Family> families;
    private final List<ExclusiveGroup> groups;
    private final List<Exclusion> exclusions;
    private final List<Code> codes;
    private final List<Instrument> instruments;
    /** Codes by id (the first, if a not-yet-validated scheme repeats an id): lookups run per exported or imported event. */
    private final Map<String, Code> codeById = new HashMap<>();

    public CodingScheme(String id, String name, String version, String description, List<Reference> references,
                        List<Family> families, List<ExclusiveGroup> groups, List<Exclusion> exclusions, List<Code> codes) {
        this(id, name, version, description, references, families, groups, exclusions, codes, List.of());
    }

    /** @param instruments the established instruments its codes correspond to (see {@link Instrument}) */
    public CodingScheme(String id, String name, String version, String description, List<Reference> references,
                        List<Family> families, List<ExclusiveGroup> groups, List<Exclusion> exclusions, List<Code> codes,
                        List<Instrument> instruments) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.version = Objects.requireNonNull(version, "version");
        this.description = description == null ? "" : description;
        this.references = List.copyOf(references);
        this.families = List.copyOf(families);
        this.groups = List.copyOf(groups);
        this.exclusions = List.copyOf(exclusions);
        this.codes = List.copyOf(codes);
        this.instruments = List.copyOf(instruments);
        for (Code c : this.codes) codeById.putIfAbsent(c.id(), c);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    public String description() {
        return description;
    }

    public List<Reference> references() {
        return references;
    }

    public List<Family> families() {
        return families;
    }

    public List<ExclusiveGroup> groups() {
        return groups;
    }

    public List<Exclusion> exclusions() {
        return exclusions;
    }

    public List<Code> codes() {
        return codes;
    }

    public Optional<Code> code(String codeId) {
        return Optional.ofNullable(codeById.get(codeId));
    }

    public Optional<Family> family(String familyId) {
        return families.stream().filter(f -> f.id().equals(familyId)).findFirst();
    }

    public Optional<ExclusiveGroup> group(String groupId) {
        return groups.stream().filter(g -> g.id().equals(groupId)).findFirst();
    }

    /** The established instruments the codes correspond to, in the file's order. */
    public List<Instrument> instruments() {
        return instruments;
    }

    /** The instruments a code corresponds to, in the file's order. */
    public List<Instrument> instrumentsOf(String codeId) {
        return instruments.stream().filter(i -> i.codes().contains(codeId)).toList();
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

    @Override
    public boolean equals(Object o) {
        return o instanceof CodingScheme other && id.equals(other.id) && name.equals(other.name) && version.equals(other.version)
                && description.equals(other.description) && references.equals(other.references) && families.equals(other.families)
                && groups.equals(other.groups) && exclusions.equals(other.exclusions) && codes.equals(other.codes)
                && instruments.equals(other.instruments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, version, description, references, families, groups, exclusions, codes, instruments);
    }

    @Override
    public String toString() {
        return "CodingScheme[" + id + " " + version + ", " + codes.size() + " codes]";
    }
}
