package org.attune.service;

import java.util.Optional;
import org.attune.coding.CodedEvent;
import org.attune.coding.EventDraft;
import org.attune.coding.KeyCoding;
import org.attune.store.EventRepository;
import org.attune.store.StudyException;

/**
 * Carries out what a key press decided ({@link KeyCoding}) on a pass's event log: logs a point,
 * starts a state (ending the states it excludes in the same undo step) or stops a running one.
 * Each is one committed, undoable step. The store knows events and steps, not keys; the coding
 * rules know keys, not storage; this joins the two.
 */
public final class KeyPresses {

    private KeyPresses() {
    }

    /** The event added or stopped; empty for actions that change nothing (chooser, refusal, other keys). */
    public static Optional<CodedEvent> apply(EventRepository log, long passId, KeyCoding.Action action) throws StudyException {
        if (action instanceof KeyCoding.LogPoint p) return Optional.of(log.add(passId, p.event()));
        if (action instanceof KeyCoding.StartState s) return Optional.of(log.startState(passId, s.event()));
        if (action instanceof KeyCoding.StopState s) {
            CodedEvent r = s.running();
            return Optional.of(log.change(r.id(), new EventDraft(r.code(), r.onsetMs(), s.offsetMs(), r.modifiers(), r.comment())));
        }
        return Optional.empty();
    }
}
