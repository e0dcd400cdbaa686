package org.attune.coding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongUnaryOperator;
import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.ModifierSet;

/**
 * An edit of one field of a coded event, typed in the event table or made with "set onset/offset
 * to the frame on screen": the new event, or what is wrong with the input and what to do. Times are
 * snapped to a frame boundary like key presses; a state may not be moved over another bout of its code.
 */
public final class EventEdit {

    /** The editable fields of an event. */
    public enum Field { ONSET, OFFSET, CODE, MODIFIERS, COMMENT }

    /** The edited event, with a note for the coder when the edit changed more than the field (e.g. a duration dropped); or the problem. */
    public record Result(Optional<EventDraft> draft, String message) {
        static Result ok(EventDraft d, String note) {
            return new Result(Optional.of(d), note);
        }

        static Result problem(String why) {
            return new Result(Optional.empty(), why);
        }

        public boolean ok() {
            return draft.isPresent();
        }
    }

    private EventEdit() {
    }

    /**
     * @param snap  the frame boundary of a time (identity without video)
     * @param pass  the pass, for the bouts a moved state must not overlap
     */
    public static Result apply(CodingScheme scheme, CodedEvent e, Field field, String text, LongUnaryOperator snap, PassIndex pass) {
        EventDraft was = EventDraft.of(e);
        Code code = scheme.code(e.code()).orElse(null);
        switch (field) {
            case COMMENT:
                return Result.ok(was.withComment(text.strip()), "");
            case ONSET, OFFSET: {
                Optional<Long> t = TimeFormat.parseClock(text);
                if (t.isEmpty()) return Result.problem("\"" + text.strip() + "\" is not a time: write 00:01:23.456, 1:23.456 or 83.456 (seconds).");
                return setTime(scheme, e, field, snap.applyAsLong(t.get()), pass);
            }
            case CODE: {
                String id = text.strip();
                Optional<Code> to = scheme.code(id).or(() -> scheme.timedCodes().stream().filter(c -> c.label().equalsIgnoreCase(id)).findFirst());
                if (to.isEmpty() || to.get().isRating()) {
                    return Result.problem("\"" + id + "\" is not a timed code of " + scheme.name() + "; type a code id such as " + e.code() + ".");
                }
                Code c = to.get();
                Long offset = c.isPoint() ? Long.valueOf(e.onsetMs()) : e.offsetMs() == null ? null : e.offsetMs();
                String note = code != null && code.isState() && c.isPoint() && e.offsetMs() != null && e.offsetMs() != e.onsetMs()
                        ? " Its duration was dropped: " + c.id() + " is a point code." : "";
                Map<String, List<String>> kept = new LinkedHashMap<>();
                StringBuilder dropped = new StringBuilder();
                e.modifiers().asMap().forEach((set, values) -> {
                    if (c.modifiers().stream().anyMatch(m -> m.id().equals(set) && values.stream().allMatch(v -> m.value(v).isPresent()))) kept.put(set, values);
                    else dropped.append(dropped.length() == 0 ? "" : ", ").append(set).append('=').append(String.join("+", values));
                });
                if (dropped.length() > 0) note += " Modifiers " + dropped + " were dropped: " + c.id() + " does not have them.";
                EventDraft d = new EventDraft(c.id(), e.onsetMs(), offset, Modifiers.of(kept), e.comment());
                if (c.isState() && offset != null) {
                    Optional<String> clash = overlap(c.id(), e.id(), e.onsetMs(), offset, pass);
                    if (clash.isPresent()) return Result.problem(clash.get());
                }
                return checked(scheme, d, note.strip());
            }
            case MODIFIERS: {
                Modifiers m;
                try {
                    m = parseModifiers(code, text.strip());
                } catch (IllegalArgumentException ex) {
                    return Result.problem("\"" + text.strip() + "\" is not a modifier list: write set=value (e.g. type=help), several joined by ;");
                }
                return checked(scheme, was.withModifiers(m), "");
            }
            default:
                throw new IllegalArgumentException(field.name());
        }
    }

    /** Moves an event's onset or offset to a time (already on a frame boundary). */
    public static Result setTime(CodingScheme scheme, CodedEvent e, Field which, long ms, PassIndex pass) {
        Code code = scheme.code(e.code()).orElse(null);
        boolean point = code != null && code.isPoint();
        if (which == Field.OFFSET && point) return Result.problem(e.code() + " is a point code: it has no offset to set. Set its onset instead.");
        long onset = which == Field.ONSET ? ms : e.onsetMs();
        Long offset = point ? Long.valueOf(onset) : which == Field.OFFSET ? Long.valueOf(ms) : e.offsetMs();
        if (onset < 0) return Result.problem("An event cannot start before the session does (00:00:00.000).");
        if (offset != null && offset < onset) {
            return Result.problem(which == Field.ONSET
                    ? "The onset " + TimeFormat.clock(onset) + " would come after the offset " + TimeFormat.clock(offset) + "; move the offset first."
                    : "The offset " + TimeFormat.clock(offset) + " would come before the onset " + TimeFormat.clock(onset) + "; move the onset first.");
        }
        if (!point) {
            Optional<String> clash = overlap(e.code(), e.id(), onset, offset, pass);
            if (clash.isPresent()) return Result.problem(clash.get());
        }
        return checked(scheme, new EventDraft(e.code(), onset, offset, e.modifiers(), e.comment()), "");
    }

    /** The other bout of {@code code} that [onset, offset) would overlap, in words. A running bout reaches to the end. */
    private static Optional<String> overlap(String code, long id, long onset, Long offset, PassIndex pass) {
        long end = offset == null ? Long.MAX_VALUE : offset;
        for (CodedEvent b : pass.bouts(code)) {
            if (b.id() == id) continue;
            long bEnd = b.offsetMs() == null ? Long.MAX_VALUE : b.offsetMs();
            if (b.onsetMs() < end && onset < bEnd) {
                return Optional.of(code + " is also coded from " + TimeFormat.clock(b.onsetMs()) + (b.offsetMs() == null ? " (still running)" : " to "
                        + TimeFormat.clock(b.offsetMs())) + "; bouts of one code cannot overlap. Change that bout first, or delete it.");
            }
            if (b.onsetMs() >= end) break;
        }
        return Optional.empty();
    }

    /** {@code set=value;set2=a+b}, or just the value(s) when the code has a single modifier set. */
    static Modifiers parseModifiers(Code code, String text) {
        if (text.isEmpty()) return Modifiers.NONE;
        if (!text.contains("=") && code != null && code.modifiers().size() == 1) {
            ModifierSet only = code.modifiers().get(0);
            return Modifiers.of(Map.of(only.id(), List.of(text.replace(" ", "").split("[+,]"))));
        }
        return Modifiers.parse(text.replace(" ", ""));
    }

    private static Result checked(CodingScheme scheme, EventDraft d, String note) {
        Optional<String> problem = EventRules.problem(scheme, d);
        return problem.map(p -> Result.problem(Character.toUpperCase(p.charAt(0)) + p.substring(1) + ".")).orElseGet(() -> Result.ok(d, note));
    }
}
