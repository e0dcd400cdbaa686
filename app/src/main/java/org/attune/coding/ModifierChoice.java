package org.attune.coding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attune.scheme.Code;
import org.attune.scheme.ModifierSet;

/**
 * The keyboard modifier chooser of one key press, set by set in the scheme's order. In a
 * single-choice set 1–9 picks a value and moves on, 0 skips the set; in a multiple-choice set 1–9
 * ticks or unticks values and Enter (or 0 with nothing ticked) moves on. Esc cancels the whole press.
 * Pure: the workspace shows {@link #set()} and {@link #ticked()} and feeds it keys.
 */
public final class ModifierChoice {

    /** What a key did. */
    public enum Step { NEXT_SET, CHANGED, DONE, CANCELLED, IGNORED }

    private final List<ModifierSet> sets;
    private final Map<String, List<String>> chosen = new LinkedHashMap<>();
    private final Set<String> ticked = new LinkedHashSet<>();
    private int at;

    public ModifierChoice(Code code) {
        if (code.modifiers().isEmpty()) throw new IllegalArgumentException(code.id() + " has no modifiers");
        this.sets = code.modifiers();
    }

    /** The set being chosen now. */
    public ModifierSet set() {
        return sets.get(at);
    }

    /** "2 of 3" when the code has several sets, else "". */
    public String progress() {
        return sets.size() == 1 ? "" : (at + 1) + " of " + sets.size();
    }

    /** Values ticked so far in the current (multiple-choice) set. */
    public Set<String> ticked() {
        return Set.copyOf(ticked);
    }

    /** The choice once {@link Step#DONE}. */
    public Modifiers result() {
        return Modifiers.of(chosen);
    }

    /** A number key, 0–9. */
    public Step digit(int n) {
        ModifierSet set = set();
        if (n == 0) {
            if (set.choice() == ModifierSet.Choice.MULTIPLE && !ticked.isEmpty()) return Step.IGNORED; // Enter confirms ticked values
            return next();
        }
        if (n > set.values().size() || n > 9) return Step.IGNORED;
        String value = set.values().get(n - 1).id();
        if (set.choice() == ModifierSet.Choice.SINGLE) {
            chosen.put(set.id(), List.of(value));
            return next();
        }
        if (!ticked.remove(value)) ticked.add(value);
        return Step.CHANGED;
    }

    /** Enter: confirms a multiple-choice set (a single-choice set is confirmed by its digit). */
    public Step enter() {
        if (set().choice() != ModifierSet.Choice.MULTIPLE) return Step.IGNORED;
        if (!ticked.isEmpty()) {
            List<String> inSchemeOrder = new ArrayList<>();
            for (ModifierSet.Value v : set().values()) if (ticked.contains(v.id())) inSchemeOrder.add(v.id());
            chosen.put(set().id(), inSchemeOrder);
        }
        return next();
    }

    public Step escape() {
        return Step.CANCELLED;
    }

    private Step next() {
        ticked.clear();
        if (++at < sets.size()) return Step.NEXT_SET;
        at = sets.size() - 1;
        return Step.DONE;
    }
}
