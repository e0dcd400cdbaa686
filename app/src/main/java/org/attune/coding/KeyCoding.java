package org.attune.coding;

import java.util.List;
import java.util.Optional;
import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;

/**
 * What a key press means while coding (issue 4): a point code logs an event at the stamped time;
 * a state code's key starts the state, or stops it when it is running; starting a state ends the
 * running states it excludes at the same instant (the study file does that in one undo step); a code
 * with modifiers first asks for them. Pure decision — the workspace applies the action to the study.
 */
public final class KeyCoding {

    /** The outcome of one key press. */
    public sealed interface Action permits LogPoint, StartState, StopState, ChooseModifiers, Refused, NotACodeKey {
    }

    /** Log a point event. */
    public record LogPoint(EventDraft event) implements Action {
    }

    /** Start a state; {@code ends} are the running states it ends at its onset. */
    public record StartState(EventDraft event, List<CodedEvent> ends) implements Action {
    }

    /** Stop a running state at {@code offsetMs}. */
    public record StopState(CodedEvent running, long offsetMs) implements Action {
    }

    /** The code has modifiers: ask for them (then call {@link #withModifiers}). */
    public record ChooseModifiers(Code code, long atMs) implements Action {
    }

    /** The press cannot be applied; {@code why} says what to do instead. */
    public record Refused(String why) implements Action {
    }

    /** The key is not a code's key (it may be a transport key). */
    public record NotACodeKey(String keyCode) implements Action {
    }

    private KeyCoding() {
    }

    /**
     * @param keyCode  the physical key ({@code KeyboardEvent.code}, e.g. "KeyG")
     * @param stampMs  the start of the frame on screen
     * @param events   the pass's events (its running states are those without an offset)
     */
    public static Action onKey(CodingScheme scheme, String keyCode, long stampMs, List<CodedEvent> events) {
        return onKey(scheme, keyCode, stampMs, index(scheme, events));
    }

    /** As {@link #onKey(CodingScheme, String, long, List)}, with the pass as an index kept up to date by the caller. */
    public static Action onKey(CodingScheme scheme, String keyCode, long stampMs, PassIndex pass) {
        Optional<Code> found = scheme.codes().stream().filter(c -> !c.isRating() && c.physicalKey().map(k -> k.code().equals(keyCode)).orElse(false)).findFirst();
        if (found.isEmpty()) return new NotACodeKey(keyCode);
        return onCode(scheme, found.get(), stampMs, pass);
    }

    /** A code's key was pressed (found through the coder's {@link KeyMap}). */
    public static Action onCode(CodingScheme scheme, Code code, long stampMs, PassIndex pass) {
        Optional<CodedEvent> same = pass.running(code.id());
        if (code.isState() && same.isPresent()) return stop(code, same.get(), stampMs, pass);
        if (code.isState()) {
            // a new bout may not start inside a bout of its code; whether it runs into a later one is
            // decided when it ends (a coder going back to code an earlier stretch must be able to start)
            Optional<CodedEvent> inside = pass.boutAt(code.id(), stampMs);
            if (inside.isPresent()) {
                CodedEvent e = inside.get();
                return new Refused("Cannot start " + code.id() + " at " + TimeFormat.clock(stampMs) + ": it is already coded from "
                        + TimeFormat.clock(e.onsetMs()) + " to " + TimeFormat.clock(e.offsetMs()) + ", and the new bout would overlap it. "
                        + "Change that bout in the event table instead.");
            }
        }
        if (!code.modifiers().isEmpty()) return new ChooseModifiers(code, stampMs);
        return withModifiers(scheme, code, stampMs, Modifiers.NONE, pass);
    }

    /** Completes a press once the coder has chosen the modifiers (or none); {@code events} as for {@link #onKey}. */
    public static Action withModifiers(CodingScheme scheme, Code code, long atMs, Modifiers modifiers, List<CodedEvent> events) {
        return withModifiers(scheme, code, atMs, modifiers, index(scheme, events));
    }

    public static Action withModifiers(CodingScheme scheme, Code code, long atMs, Modifiers modifiers, PassIndex pass) {
        if (code.isPoint()) return new LogPoint(EventDraft.point(code.id(), atMs).withModifiers(modifiers));
        List<String> excluded = scheme.statesEndedBy(code).stream().map(Code::id).toList();
        List<CodedEvent> ends = pass.runningStates().stream().filter(e -> excluded.contains(e.code())).sorted(java.util.Comparator.comparingLong(CodedEvent::id)).toList();
        for (CodedEvent e : ends) {
            if (e.onsetMs() > atMs) {
                return new Refused("Cannot start " + code.id() + " at " + TimeFormat.clock(atMs) + ": it would end " + e.code() + ", which starts later, at "
                        + TimeFormat.clock(e.onsetMs()) + ". Move the video past " + TimeFormat.clock(e.onsetMs()) + ", or end " + e.code() + " first.");
            }
            Optional<CodedEvent> next = runInto(e, atMs, pass);
            if (next.isPresent()) {
                return new Refused("Cannot start " + code.id() + " at " + TimeFormat.clock(atMs) + ": it would end " + e.code() + " there, but " + e.code()
                        + " is coded again from " + TimeFormat.clock(next.get().onsetMs()) + " and the two bouts would overlap. End " + e.code()
                        + " before " + TimeFormat.clock(next.get().onsetMs()) + " first.");
            }
        }
        return new StartState(EventDraft.state(code.id(), atMs, null).withModifiers(modifiers), ends);
    }

    /** An index of a list of events (tests and one-off callers; the workspace keeps its own). */
    public static PassIndex index(CodingScheme scheme, List<CodedEvent> events) {
        return PassIndex.of(events, id -> scheme.code(id).map(Code::isState).orElse(false));
    }

    private static Action stop(Code code, CodedEvent running, long atMs, PassIndex pass) {
        if (atMs < running.onsetMs()) {
            return new Refused("Cannot end " + code.id() + " at " + TimeFormat.clock(atMs) + ": it started at " + TimeFormat.clock(running.onsetMs())
                    + ". Move the video past its start, or edit the event in the table.");
        }
        Optional<CodedEvent> next = runInto(running, atMs, pass);
        if (next.isPresent()) {
            return new Refused("Cannot end " + code.id() + " at " + TimeFormat.clock(atMs) + ": " + code.id() + " is coded again from "
                    + TimeFormat.clock(next.get().onsetMs()) + ", and the bout from " + TimeFormat.clock(running.onsetMs())
                    + " would overlap it. Go back to before " + TimeFormat.clock(next.get().onsetMs()) + " and press again, or set the offset in the event table.");
        }
        return new StopState(running, atMs);
    }

    /** The later bout of the same code that a running state would overlap if it ended at {@code atMs}. */
    private static Optional<CodedEvent> runInto(CodedEvent running, long atMs, PassIndex pass) {
        return pass.nextBout(running.code(), running.onsetMs()).filter(next -> next.onsetMs() < atMs);
    }
}
