package org.attune.coding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;

/**
 * What moving a study from one scheme version to another does: codes added, removed and renamed,
 * and what stands in the way (events or ratings that would no longer fit). Computed before anything
 * changes, so the user sees the report first.
 *
 * @param renames   old code id → new code id, as the user declared them
 * @param blockers  reasons the change cannot be applied; empty when it can
 * @param suggestions likely renames the user did not declare (a removed and an added code with the same label)
 * @param removedInUse removed codes that events or ratings still use, with how many
 */
public record SchemeChange(CodingScheme from, CodingScheme to, List<String> added, List<String> removed, Map<String, String> renames,
                           List<String> blockers, List<String> suggestions, Map<String, Long> removedInUse) {

    public SchemeChange {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        renames = Map.copyOf(renames);
        blockers = List.copyOf(blockers);
        suggestions = List.copyOf(suggestions);
        removedInUse = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(removedInUse));
    }

    /** The likely renames of {@link #suggestions()} as old id → new id: a removed code and an added one with the same label. */
    public Map<String, String> suggestedRenames() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String[] pair : sameLabel(from, to, removed, added)) out.putIfAbsent(pair[0], pair[1]);
        return out;
    }

    /** Every removed code paired with each added code of the same label (case aside), in scheme order: {removed, added}. */
    private static List<String[]> sameLabel(CodingScheme from, CodingScheme to, List<String> removed, List<String> added) {
        List<String[]> out = new ArrayList<>();
        for (String r : removed) {
            String label = from.code(r).orElseThrow().label();
            for (String a : added) if (to.code(a).orElseThrow().label().equalsIgnoreCase(label)) out.add(new String[] {r, a});
        }
        return out;
    }

    public boolean canApply() {
        return blockers.isEmpty();
    }

    /** The code an event of {@code oldCode} has after the change. */
    public String newCodeOf(String oldCode) {
        return renames.getOrDefault(oldCode, oldCode);
    }

    /**
     * Compares the schemes.
     *
     * @param usage events (or ratings) per code id in the study, to tell which removals matter
     * @param check returns, for a code of the old scheme that stays or is renamed, why some of its stored
     *              events would not fit the new scheme (e.g. a modifier value that is gone); empty if they fit
     */
    public static SchemeChange compare(CodingScheme from, CodingScheme to, Map<String, String> renames, Map<String, Long> usage,
                                       java.util.function.BiFunction<String, String, Optional<String>> check) {
        List<String> blockers = new ArrayList<>();
        Map<String, String> validRenames = new LinkedHashMap<>();
        renames.forEach((oldId, newId) -> {
            Optional<Code> o = from.code(oldId);
            Optional<Code> n = to.code(newId);
            if (o.isEmpty()) blockers.add("--rename " + oldId + "=" + newId + ": " + oldId + " is not a code of the current scheme");
            else if (n.isEmpty()) blockers.add("--rename " + oldId + "=" + newId + ": " + newId + " is not a code of the new scheme");
            else if (o.get().kind() != n.get().kind()) {
                blockers.add("--rename " + oldId + "=" + newId + ": " + oldId + " is a " + o.get().kind().jsonName() + " code but " + newId + " is a " + n.get().kind().jsonName());
            } else validRenames.put(oldId, newId);
        });
        List<String> added = new ArrayList<>();
        for (Code c : to.codes()) {
            if (from.code(c.id()).isEmpty() && !validRenames.containsValue(c.id())) added.add(c.id());
        }
        List<String> removed = new ArrayList<>();
        for (Code c : from.codes()) {
            if (to.code(c.id()).isEmpty() && !validRenames.containsKey(c.id())) removed.add(c.id());
        }
        Map<String, Long> removedInUse = new LinkedHashMap<>();
        for (String r : removed) {
            long n = usage.getOrDefault(r, 0L);
            if (n > 0) removedInUse.put(r, n);
            if (n > 0) blockers.add(n + " events or ratings use " + r + ", which the new scheme removes: keep it, or map it with --rename " + r + "=NEW_CODE");
        }
        for (Code c : from.codes()) {
            if (removed.contains(c.id()) || usage.getOrDefault(c.id(), 0L) == 0) continue;
            String target = validRenames.getOrDefault(c.id(), c.id());
            Code n = to.code(target).orElseThrow();
            if (n.kind() != c.kind()) {
                blockers.add(usage.get(c.id()) + " events or ratings use " + c.id() + ", which changes from " + c.kind().jsonName() + " to " + n.kind().jsonName()
                        + " in the new scheme: keep its kind, or give the new kind a new code id");
                continue;
            }
            check.apply(c.id(), target).ifPresent(blockers::add);
        }
        List<String> suggestions = new ArrayList<>();
        for (String[] pair : sameLabel(from, to, removed, added)) {
            suggestions.add(pair[0] + " and " + pair[1] + " share the label \"" + from.code(pair[0]).orElseThrow().label() + "\"; if it is a rename, add --rename "
                    + pair[0] + "=" + pair[1]);
        }
        return new SchemeChange(from, to, added, removed, validRenames, blockers, suggestions, removedInUse);
    }
}
