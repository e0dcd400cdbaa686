package org.attune.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.attune.coding.CodedEvent;
import org.attune.coding.EventDraft;
import org.attune.coding.ImportMerge;
import org.attune.coding.SessionEvent;

/**
 * The events and session ratings of a study's coding passes, and their undo history — one seam
 * because an undo step may hold both (ADR 6). Every method that changes something is one
 * transaction, committed before it returns, and one undo step. The study file is one implementation
 * ({@link EventLog}); a lab server can be another.
 */
public interface EventRepository {

    /** One change inside an undo step: what had been done ({@code add}, {@code delete}, {@code change}, {@code rating}) to which code. */
    record Change(String action, String code) {
        @Override
        public String toString() {
            return action + " " + code;
        }
    }

    /** One session rating: who rated which session how. */
    record RatingRow(String session, String coder, String code, int value) {
    }

    /** One event to import, addressed by session label and coder initials, with its file line (0 = not from a file). */
    record ImportRow(String sessionLabel, String coderInitials, EventDraft event, int line) {
        public ImportRow(String sessionLabel, String coderInitials, EventDraft event) {
            this(sessionLabel, coderInitials, event, 0);
        }
    }

    /** What an import created, and how many rows were already in the study (identical events, skipped). */
    record ImportSummary(int events, int alreadyThere, List<String> newSessions, List<String> newCoders, int newPasses) {
    }

    // ------------------------------------------------------------------ edits

    /** Logs an event. */
    CodedEvent add(long passId, EventDraft draft) throws StudyException;

    /** Starts a state, ending the running states it excludes at its onset, in one step. */
    CodedEvent startState(long passId, EventDraft state) throws StudyException;

    /** Changes an event (checked against the scheme and the pass's other events). */
    CodedEvent change(long eventId, EventDraft draft) throws StudyException;

    void delete(long eventId) throws StudyException;

    /** Sets (or, with {@code null}, clears) a session rating of a pass. */
    void setRating(long passId, String codeId, Integer value) throws StudyException;

    // ------------------------------------------------------------------ undo and redo

    boolean canUndo(long passId) throws StudyException;

    boolean canRedo(long passId) throws StudyException;

    /** What {@link #undo} would undo now, nothing changed (Edit ▸ Undo names it); empty when there is nothing to undo. */
    Optional<List<Change>> nextUndo(long passId) throws StudyException;

    /** What {@link #redo} would redo now, nothing changed; empty when there is nothing to redo. */
    Optional<List<Change>> nextRedo(long passId) throws StudyException;

    /** Undoes the newest step of the pass; empty when there is nothing to undo. Returns the changes undone. */
    Optional<List<Change>> undo(long passId) throws StudyException;

    /** Redoes the oldest undone step; empty when there is nothing to redo. Returns the changes redone. */
    Optional<List<Change>> redo(long passId) throws StudyException;

    // ------------------------------------------------------------------ reading

    /** All events of a pass in onset order (then id). */
    List<CodedEvent> list(long passId) throws StudyException;

    long count(long passId) throws StudyException;

    Optional<CodedEvent> get(long eventId) throws StudyException;

    /** States of the pass that have an onset but no offset yet (e.g. still running when the app closed). */
    List<CodedEvent> running(long passId) throws StudyException;

    /** A pass's session ratings, rating code → value. */
    Map<String, Integer> ratings(long passId) throws StudyException;

    /** Every session rating in the study, by session label and coder initials. */
    List<RatingRow> allRatings() throws StudyException;

    /** {@link #allRatings()}; with {@code includeTraining}, training sessions' ratings too. */
    List<RatingRow> allRatings(boolean includeTraining) throws StudyException;

    /**
     * Streams events with their session, coder and pass, ordered by session label, coder initials and
     * onset, without holding them all in memory (exports of millions of events).
     *
     * @param sessions session labels to include; empty = all
     * @param coders   coder initials to include; empty = all
     */
    void forEach(Set<String> sessions, Set<String> coders, Consumer<SessionEvent> sink) throws StudyException;

    /**
     * {@link #forEach}; training sessions (issue 19) are left out of "all sessions" unless {@code includeTraining}
     * (the plain form leaves them out); a session named in {@code sessions} is always in.
     */
    void forEach(Set<String> sessions, Set<String> coders, boolean includeTraining, Consumer<SessionEvent> sink) throws StudyException;

    /** {@link #forEach} handing over only each event's code and times, making no objects (agreement's hot path). */
    void forEachTiming(Set<String> sessions, Set<String> coders, EventLog.Timing sink) throws StudyException;

    /** {@link #forEachTiming}, with training sessions as {@link #forEach(Set, Set, boolean, Consumer)} takes them. */
    void forEachTiming(Set<String> sessions, Set<String> coders, boolean includeTraining, EventLog.Timing sink) throws StudyException;

    // ------------------------------------------------------------------ bulk import

    /** What importing rows would do: checked against what the study holds, nothing written. */
    ImportMerge.Plan planImport(List<ImportRow> rows) throws StudyException;

    /** Imports rows all or nothing (identical events already there are skipped and counted). */
    ImportSummary importAll(List<ImportRow> rows) throws StudyException;
}
