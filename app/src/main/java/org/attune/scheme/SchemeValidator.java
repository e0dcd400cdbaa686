package org.attune.scheme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules a scheme must follow, checked all at once so a lab fixes every problem in one pass.
 * Problems are addressed by file path ({@code codes[3].key}); the file reader turns paths into
 * line and column.
 */
public final class SchemeValidator {

    /** Identifiers: a letter, then letters, digits, {@code _ . -}; at most 64 characters. */
    public static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-]{0,63}");

    /** Modifier values are chosen with the number keys 1–9. */
    public static final int MAX_MODIFIER_VALUES = 9;

    private final CodingScheme scheme;
    private final List<SchemeProblem> problems = new ArrayList<>();

    private SchemeValidator(CodingScheme scheme) {
        this.scheme = scheme;
    }

    /** Every problem found, errors and warnings, in file order within each rule. */
    public static List<SchemeProblem> validate(CodingScheme scheme) {
        SchemeValidator v = new SchemeValidator(scheme);
        v.checkHeader();
        v.checkReferences();
        v.checkInstruments();
        v.checkFamilies();
        v.checkGroups();
        v.checkCodes();
        v.checkExclusions();
        return List.copyOf(v.problems);
    }

    public static boolean hasErrors(List<SchemeProblem> problems) {
        return problems.stream().anyMatch(SchemeProblem::isError);
    }

    private void checkHeader() {
        checkId("id", scheme.id(), "scheme id");
        if (scheme.name().isBlank()) error("name", "the scheme has no name", "Give it a name coders will recognise, e.g. \"Free-play interaction v2\".");
        if (scheme.version().isBlank()) error("version", "the scheme has no version", "Give it a version such as \"1.0.0\"; studies record which version their events were coded with.");
        if (scheme.families().isEmpty()) error("families", "the scheme has no families", "Add at least one family, e.g. {\"id\": \"MAIN\", \"label\": \"Behaviours\", \"color\": \"#4477AA\"}.");
        if (scheme.codes().isEmpty()) error("codes", "the scheme has no codes", "Add the codes coders will log.");
        if (scheme.codes().stream().noneMatch(c -> c.hasRole(CodeRole.UNCODABLE))) {
            warning("codes", "no code has the role \"uncodable\"",
                    "Add a state code for off-camera or hidden time with \"roles\": [\"uncodable\"] so analyses can exclude that time.");
        }
    }

    private void checkReferences() {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < scheme.references().size(); i++) {
            Reference r = scheme.references().get(i);
            String path = "references[" + i + "]";
            checkId(path + ".id", r.id(), "reference id");
            duplicate(seen, r.id(), i, path + ".id", "reference", "references");
            if (r.citation().isBlank()) error(path + ".citation", "reference " + r.id() + " has no citation", "Write the full citation of the source.");
        }
    }

    private void checkInstruments() {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < scheme.instruments().size(); i++) {
            Instrument in = scheme.instruments().get(i);
            String path = "instruments[" + i + "]";
            checkId(path + ".id", in.id(), "instrument id");
            duplicate(seen, in.id(), i, path + ".id", "instrument", "instruments");
            if (in.name().isBlank()) error(path + ".name", "instrument " + in.id() + " has no name", "Write how the text names it, e.g. \"the Emotional Availability Scales\".");
            if (in.citation().isBlank()) error(path + ".citation", "instrument " + in.id() + " has no citation", "Write the reference a methods section cites.");
            if (in.codes().isEmpty()) warning(path + ".codes", "instrument " + in.id() + " lists no codes", "List the ids of the codes that correspond to it, or remove it.");
            for (int k = 0; k < in.codes().size(); k++) {
                String code = in.codes().get(k);
                if (scheme.code(code).isEmpty()) {
                    error(path + ".codes[" + k + "]", "instrument " + in.id() + " lists \"" + code + "\", which is not a code of this scheme",
                            "Use the id of one of the scheme's codes, or remove it.");
                }
            }
        }
    }

    private void checkFamilies() {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < scheme.families().size(); i++) {
            Family f = scheme.families().get(i);
            String path = "families[" + i + "]";
            checkId(path + ".id", f.id(), "family id");
            duplicate(seen, f.id(), i, path + ".id", "family", "families");
            if (f.label().isBlank()) error(path + ".label", "family " + f.id() + " has no label", "Give it the name shown above its codes, e.g. \"Synchronicity\".");
            if (!f.id().isEmpty() && scheme.codes().stream().noneMatch(c -> c.family().equals(f.id()))) {
                warning(path, "family " + f.id() + " has no codes", "Add codes to it or remove it.");
            }
        }
    }

    private void checkGroups() {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < scheme.groups().size(); i++) {
            ExclusiveGroup g = scheme.groups().get(i);
            String path = "groups[" + i + "]";
            checkId(path + ".id", g.id(), "group id");
            duplicate(seen, g.id(), i, path + ".id", "group", "groups");
            long members = scheme.codes().stream().filter(c -> g.id().equals(c.group())).count();
            if (members < 2 && !g.id().isEmpty()) {
                warning(path, "exclusive group " + g.id() + " has " + members + " member" + (members == 1 ? "" : "s"),
                        "A group only matters with two or more state codes; add members or remove the group.");
            }
        }
    }

    private void checkCodes() {
        Map<String, Integer> seenIds = new HashMap<>();
        Map<PhysicalKey, Integer> seenKeys = new HashMap<>();
        Set<String> familyIds = scheme.families().stream().map(Family::id).collect(Collectors.toSet());
        Set<String> groupIds = scheme.groups().stream().map(ExclusiveGroup::id).collect(Collectors.toSet());
        for (int i = 0; i < scheme.codes().size(); i++) {
            Code c = scheme.codes().get(i);
            String path = "codes[" + i + "]";
            checkId(path + ".id", c.id(), "code id");
            duplicate(seenIds, c.id(), i, path + ".id", "code", "codes");
            if (c.label().isBlank()) error(path + ".label", "code " + c.id() + " has no label", "Give it the short name shown on the palette, e.g. \"Child bid\".");
            if (!familyIds.contains(c.family())) {
                error(path + ".family", "code " + c.id() + " names family \"" + c.family() + "\", which the scheme does not define",
                        "Use one of the families' ids (" + String.join(", ", familyIds.stream().sorted().toList()) + ") or add that family to \"families\".");
            }
            checkGroupMembership(c, path, groupIds);
            checkKey(c, i, path, seenKeys);
            checkScale(c, path);
            checkModifiers(c, path);
            checkDefinition(c, path);
            checkRoles(c, path);
            c.sourceNote().ifPresent(s -> {
                if (scheme.reference(s.ref()).isEmpty()) {
                    error(path + ".source.ref", "code " + c.id() + " cites reference \"" + s.ref() + "\", which the scheme does not define",
                            "Add it to \"references\" or correct the id.");
                }
            });
        }
    }

    private void checkGroupMembership(Code c, String path, Set<String> groupIds) {
        if (c.group() == null) return;
        if (!groupIds.contains(c.group())) {
            error(path + ".group", "code " + c.id() + " names exclusive group \"" + c.group() + "\", which the scheme does not define",
                    "Add {\"id\": \"" + c.group() + "\", \"label\": …} to \"groups\", or correct the name.");
        } else if (c.kind() == CodeKind.POINT) {
            error(path + ".group", "point code " + c.id() + " is in exclusive group " + c.group(),
                    "Exclusive groups hold state codes only (a point has no duration to end); remove \"group\" or make the code a state.");
        } else if (c.kind() == CodeKind.RATING) {
            error(path + ".group", "rating code " + c.id() + " is in exclusive group " + c.group(),
                    "Ratings are session-level scores, not states; remove \"group\".");
        }
    }

    private void checkKey(Code c, int index, String path, Map<PhysicalKey, Integer> seenKeys) {
        if (c.key() == null) {
            if (c.kind().isTimed()) {
                warning(path + ".key", "code " + c.id() + " has no key", "Coders can then log it only by clicking the palette; give it a key such as \"KeyQ\".");
            }
            return;
        }
        if (c.kind() == CodeKind.RATING) {
            error(path + ".key", "rating code " + c.id() + " has a key",
                    "Ratings are entered once per session in the ratings panel, not with a key; remove \"key\".");
            return;
        }
        Integer first = seenKeys.putIfAbsent(c.key(), index);
        if (first != null) {
            Code other = scheme.codes().get(first);
            error(path + ".key", "key " + c.key().code() + " (" + c.key().usLabel() + ") is already used by codes[" + first + "] " + other.id(),
                    "Give each code its own key; free keys can be listed with 'attune scheme manual'.");
        }
    }

    private void checkScale(Code c, String path) {
        RatingScale s = c.scale();
        if (c.kind() != CodeKind.RATING) {
            if (s != null) error(path + ".scale", c.kind().jsonName() + " code " + c.id() + " has a rating scale",
                    "Only codes with \"kind\": \"rating\" have a scale; remove \"scale\" or change the kind.");
            return;
        }
        if (s == null) {
            error(path + ".scale", "rating code " + c.id() + " has no scale", "Add e.g. \"scale\": {\"min\": 1, \"max\": 5, \"anchors\": [{\"value\": 1, \"label\": \"…\"}, …]}.");
            return;
        }
        if (s.max() <= s.min()) {
            error(path + ".scale", "rating scale of " + c.id() + " is empty (min " + s.min() + ", max " + s.max() + ")",
                    "Set max above min, e.g. min 1 and max 5.");
            return;
        }
        if (s.points() > 101) {
            error(path + ".scale", "rating scale of " + c.id() + " has " + s.points() + " points", "Use an ordinal scale of at most 101 points.");
        }
        if (s.anchors().isEmpty()) {
            warning(path + ".scale.anchors", "rating scale of " + c.id() + " has no anchor labels",
                    "Describe at least both ends of the scale so raters share a meaning.");
        }
        Set<Integer> anchorValues = new HashSet<>();
        for (int a = 0; a < s.anchors().size(); a++) {
            RatingScale.Anchor anchor = s.anchors().get(a);
            String apath = path + ".scale.anchors[" + a + "]";
            if (!s.contains(anchor.value())) {
                error(apath + ".value", "anchor " + anchor.value() + " lies outside the scale " + s.min() + "–" + s.max(),
                        "Use a value between min and max.");
            }
            if (!anchorValues.add(anchor.value())) {
                error(apath + ".value", "anchor " + anchor.value() + " is described twice", "Keep one label per scale value.");
            }
            if (anchor.label().isBlank()) error(apath + ".label", "anchor " + anchor.value() + " has no label", "Describe what this score means.");
        }
    }

    private void checkModifiers(Code c, String path) {
        if (c.kind() == CodeKind.RATING && !c.modifiers().isEmpty()) {
            error(path + ".modifiers", "rating code " + c.id() + " has modifiers", "Ratings take one value on their scale; remove \"modifiers\".");
            return;
        }
        Map<String, Integer> seenSets = new HashMap<>();
        for (int m = 0; m < c.modifiers().size(); m++) {
            ModifierSet set = c.modifiers().get(m);
            String mpath = path + ".modifiers[" + m + "]";
            checkId(mpath + ".id", set.id(), "modifier set id");
            duplicate(seenSets, set.id(), m, mpath + ".id", "modifier set", path + ".modifiers");
            if (set.values().isEmpty()) {
                error(mpath + ".values", "modifier set " + set.id() + " of " + c.id() + " has no values", "List the values a coder chooses from, or remove the set.");
            }
            if (set.values().size() > MAX_MODIFIER_VALUES) {
                error(mpath + ".values", "modifier set " + set.id() + " of " + c.id() + " has " + set.values().size() + " values",
                        "Coders pick values with the number keys 1–9: keep at most 9, or split the set.");
            }
            Map<String, Integer> seenValues = new HashMap<>();
            for (int v = 0; v < set.values().size(); v++) {
                ModifierSet.Value value = set.values().get(v);
                checkId(mpath + ".values[" + v + "].id", value.id(), "modifier value id");
                duplicate(seenValues, value.id(), v, mpath + ".values[" + v + "].id", "modifier value", mpath + ".values");
            }
        }
    }

    private void checkDefinition(Code c, String path) {
        Definition d = c.definition();
        String dpath = path + ".definition";
        if (d.summary().isBlank()) {
            error(dpath + ".summary", "code " + c.id() + " has no definition", "Write at least a one-sentence summary of the observable behaviour.");
        }
        if (c.kind() == CodeKind.POINT && !d.offset().isBlank()) {
            error(dpath + ".offset", "point code " + c.id() + " has an offset rule", "Point codes are instants with no offset; remove \"offset\" or make the code a state.");
        }
        if (c.kind() == CodeKind.RATING && (!d.onset().isBlank() || !d.offset().isBlank())) {
            error(dpath, "rating code " + c.id() + " has onset/offset rules", "Ratings are not timed; describe the scale in \"scale.anchors\" instead.");
        }
        if (c.kind() == CodeKind.STATE && d.offset().isBlank() && !d.summary().isBlank()) {
            warning(dpath + ".offset", "state code " + c.id() + " has no offset rule", "Say when a bout ends, so coders stop it at the same moment.");
        }
    }

    private void checkRoles(Code c, String path) {
        Set<CodeRole> seen = new HashSet<>();
        for (int r = 0; r < c.roles().size(); r++) {
            CodeRole role = c.roles().get(r);
            if (!seen.add(role)) warning(path + ".roles[" + r + "]", "role " + role.jsonName() + " is listed twice", "List each role once.");
            if (role == CodeRole.UNCODABLE && c.kind() != CodeKind.STATE) {
                error(path + ".roles[" + r + "]", "uncodable time must be a state code, but " + c.id() + " is a " + c.kind().jsonName(),
                        "Make the code a state (onset = camera lost, offset = camera back).");
            }
        }
    }

    private void checkExclusions() {
        Set<Set<String>> seen = new HashSet<>();
        for (int i = 0; i < scheme.exclusions().size(); i++) {
            Exclusion e = scheme.exclusions().get(i);
            String path = "exclusions[" + i + "]";
            if (e.first().equals(e.second())) {
                error(path, "exclusion pairs " + e.first() + " with itself", "Name two different state codes.");
                continue;
            }
            boolean bothKnown = true;
            for (int side = 0; side < 2; side++) {
                String codeId = side == 0 ? e.first() : e.second();
                var code = scheme.code(codeId);
                if (code.isEmpty()) {
                    error(path + "[" + side + "]", "exclusion names code \"" + codeId + "\", which the scheme does not define", "Use the id of a state code.");
                    bothKnown = false;
                } else if (!code.get().isState()) {
                    error(path + "[" + side + "]", "exclusion names " + code.get().kind().jsonName() + " code " + codeId,
                            "Only state codes can exclude each other; remove the pair.");
                    bothKnown = false;
                }
            }
            if (!seen.add(Set.of(e.first(), e.second()))) {
                warning(path, "exclusion " + e.first() + " / " + e.second() + " is listed twice", "Remove the repeat.");
            } else if (bothKnown) {
                String g1 = scheme.code(e.first()).map(Code::group).orElse(null);
                String g2 = scheme.code(e.second()).map(Code::group).orElse(null);
                if (g1 != null && g1.equals(g2)) {
                    warning(path, e.first() + " and " + e.second() + " are already in exclusive group " + g1, "Remove the redundant exclusion.");
                }
            }
        }
    }

    private void checkId(String path, String id, String what) {
        if (id.isEmpty()) return; // missing ids are reported by whoever built the scheme (e.g. the file reader)
        if (!ID.matcher(id).matches()) {
            error(path, "\"" + id + "\" is not a valid " + what,
                    "Use a letter followed by letters, digits, '_', '.' or '-' (at most 64 characters), e.g. \"C_BID\".");
        }
    }

    private void duplicate(Map<String, Integer> seen, String id, int index, String path, String what, String listPath) {
        if (id.isEmpty()) return;
        Integer first = seen.putIfAbsent(id, index);
        if (first != null) {
            error(path, "duplicate " + what + " id \"" + id + "\" (first used at " + listPath + "[" + first + "])",
                    "Ids must be unique; rename one of them.");
        }
    }

    private void error(String path, String message, String hint) {
        problems.add(SchemeProblem.error(path, message, hint));
    }

    private void warning(String path, String message, String hint) {
        problems.add(SchemeProblem.warning(path, message, hint));
    }
}
