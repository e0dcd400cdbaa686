package org.attune.coding;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.ModifierSet;

/** Whether an event fits the scheme: a timed code, point/state timing, modifier values the code offers. */
public final class EventRules {

    private EventRules() {
    }

    /** The problem with {@code draft} in words, or empty when it fits the scheme. */
    public static Optional<String> problem(CodingScheme scheme, EventDraft draft) {
        Optional<Code> found = scheme.code(draft.code());
        if (found.isEmpty()) return Optional.of("code \"" + draft.code() + "\" is not in scheme " + scheme.id() + " " + scheme.version());
        Code code = found.get();
        if (code.isRating()) return Optional.of(code.id() + " is a session rating, not a timed event; enter it as a rating");
        if (code.isPoint() && (draft.offsetMs() == null || draft.offsetMs() != draft.onsetMs())) {
            return Optional.of(code.id() + " is a point code: its offset must equal its onset");
        }
        for (Map.Entry<String, List<String>> chosen : draft.modifiers().asMap().entrySet()) {
            Optional<ModifierSet> set = code.modifiers().stream().filter(m -> m.id().equals(chosen.getKey())).findFirst();
            if (set.isEmpty()) return Optional.of(code.id() + " has no modifier set \"" + chosen.getKey() + "\"");
            if (set.get().choice() == ModifierSet.Choice.SINGLE && chosen.getValue().size() > 1) {
                return Optional.of("modifier " + chosen.getKey() + " of " + code.id() + " takes one value, not " + String.join("+", chosen.getValue()));
            }
            for (String v : chosen.getValue()) {
                if (set.get().value(v).isEmpty()) {
                    return Optional.of("modifier " + chosen.getKey() + " of " + code.id() + " has no value \"" + v + "\" (values: "
                            + String.join(", ", set.get().values().stream().map(ModifierSet.Value::id).toList()) + ")");
                }
            }
        }
        return Optional.empty();
    }
}
