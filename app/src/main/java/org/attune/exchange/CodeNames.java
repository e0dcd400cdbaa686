package org.attune.exchange;

import java.util.List;
import java.util.Optional;
import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.Family;
import org.attune.scheme.ModifierSet;

/**
 * How a peer's file names a code or a family of the scheme (a BORIS behaviour, an ELAN annotation or tier
 * map, a Datavyu column or cell): by id, then by label, then either ignoring case.
 */
public final class CodeNames {

    private CodeNames() {
    }

    /** The code among {@code codes} that {@code name} names. */
    public static Optional<Code> code(List<Code> codes, String name) {
        for (Code c : codes) if (c.id().equals(name)) return Optional.of(c);
        for (Code c : codes) if (c.label().equals(name)) return Optional.of(c);
        for (Code c : codes) if (c.id().equalsIgnoreCase(name) || c.label().equalsIgnoreCase(name)) return Optional.of(c);
        return Optional.empty();
    }

    /** The family {@code name} names (its id, or its label ignoring case). */
    public static Optional<Family> family(CodingScheme scheme, String name) {
        return scheme.families().stream().filter(f -> f.id().equals(name) || f.label().equalsIgnoreCase(name)).findFirst();
    }

    /** The point and state codes of a family. */
    public static List<Code> timedCodesOf(CodingScheme scheme, Family family) {
        return scheme.timedCodes().stream().filter(c -> c.family().equals(family.id())).toList();
    }

    /** The value of a modifier set that {@code text} names (its id or label, ignoring case). */
    public static Optional<ModifierSet.Value> value(ModifierSet set, String text) {
        return set.values().stream().filter(v -> v.id().equalsIgnoreCase(text) || v.label().equalsIgnoreCase(text)).findFirst();
    }
}
