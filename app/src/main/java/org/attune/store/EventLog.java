package org.attune.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.attune.coding.CodedEvent;
import org.attune.coding.Coder;
import org.attune.coding.CodingPass;
import org.attune.coding.EventDraft;
import org.attune.coding.EventRules;
import org.attune.coding.ImportMerge;
import org.attune.coding.Modifiers;
import org.attune.coding.Session;
import org.attune.coding.SessionEvent;
import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.RatingScale;

/**
 * The events and ratings of a study's coding passes, and their undo history. Each method that
 * changes something is one transaction, committed before it returns, and one undo step.
 *
 * <p>Undo and redo live in the {@code history} table, so they survive closing the study and a crash:
 * undo takes the newest step not yet undone and restores its before-images; redo re-applies the
 * oldest undone step; any new edit discards the undone steps (the redo branch).
 */
public final class EventLog implements EventRepository {

    static final String EVENT_COLUMNS = "id, pass_id, code, onset_ms, offset_ms, modifiers, comment";

    private final StudyFile file;
    private final CodingScheme scheme;

    EventLog(StudyFile file, CodingScheme scheme) {
        this.file = file;
        this.scheme = scheme;
    }

    // ------------------------------------------------------------------ edits

    /** Logs an event. */
    public CodedEvent add(long passId, EventDraft draft) throws StudyException {
        check(draft);
        return file.write("save the " + draft.code() + " event", c -> {
            file.claimPass(c, passId);
            long step = UndoHistory.newStep(c, passId);
            CodedEvent e = insert(c, passId, draft, null);
            UndoHistory.record(c, passId, step, "add", e.id(), null, draft);
            return e;
        });
    }

    /**
     * Starts a state and, in the same instant and the same undo step, ends the running states it
     * excludes (the other members of its exclusive group and its exclusion partners).
     */
    public CodedEvent startState(long passId, EventDraft state) throws StudyException {
        check(state);
        Code code = scheme.code(state.code()).orElseThrow();
        Set<String> ended = scheme.statesEndedBy(code).stream().map(Code::id).collect(Collectors.toSet());
        return file.write("start " + state.code(), c -> {
            file.claimPass(c, passId);
            long step = UndoHistory.newStep(c, passId);
            for (CodedEvent running : running(c, passId)) {
                if (!ended.contains(running.code())) continue;
                EventDraft before = EventDraft.of(running);
                EventDraft after = new EventDraft(running.code(), running.onsetMs(), Math.max(running.onsetMs(), state.onsetMs()),
                        running.modifiers(), running.comment());
                update(c, running.id(), after);
                UndoHistory.record(c, passId, step, "change", running.id(), before, after);
            }
            CodedEvent e = insert(c, passId, state, null);
            UndoHistory.record(c, passId, step, "add", e.id(), null, state);
            return e;
        });
    }

    /** Replaces an event's code, times, modifiers or comment. */
    public CodedEvent change(long eventId, EventDraft draft) throws StudyException {
        check(draft);
        return file.write("change the event", c -> {
            CodedEvent old = find(c, eventId).orElseThrow(() -> noEvent(eventId));
            file.claimPass(c, old.passId());
            long step = UndoHistory.newStep(c, old.passId());
            update(c, eventId, draft);
            UndoHistory.record(c, old.passId(), step, "change", eventId, EventDraft.of(old), draft);
            return new CodedEvent(eventId, old.passId(), draft.code(), draft.onsetMs(), draft.offsetMs(), draft.modifiers(), draft.comment());
        });
    }

    public void delete(long eventId) throws StudyException {
        file.write("delete the event", c -> {
            CodedEvent old = find(c, eventId).orElseThrow(() -> noEvent(eventId));
            file.claimPass(c, old.passId());
            long step = UndoHistory.newStep(c, old.passId());
            // recorded first: the history keeps the event's uid, read from its row (undo brings it back with it)
            UndoHistory.record(c, old.passId(), step, "delete", eventId, EventDraft.of(old), null);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM events WHERE id = ?")) {
                ps.setLong(1, eventId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Sets a session rating of a pass; {@code null} clears it. */
    public void setRating(long passId, String codeId, Integer value) throws StudyException {
        Code code = scheme.code(codeId).filter(Code::isRating)
                .orElseThrow(() -> new StudyException(StudyException.Kind.INVALID_INPUT, codeId + " is not a rating code of scheme " + scheme.id() + "."));
        RatingScale scale = code.scale();
        if (value != null && !scale.contains(value)) {
            throw new StudyException(StudyException.Kind.INVALID_INPUT, code.label() + " is rated " + scale.min() + "–" + scale.max() + ", not " + value + ".");
        }
        file.write("save the rating " + codeId, c -> {
            file.claimPass(c, passId);
            Integer before = rating(c, passId, codeId);
            long step = UndoHistory.newStep(c, passId);
            writeRating(c, passId, codeId, value);
            UndoHistory.recordRating(c, passId, step, codeId, before, value);
            return null;
        });
    }

    // ------------------------------------------------------------------ undo and redo

    public boolean canUndo(long passId) throws StudyException {
        return file.read(c -> UndoHistory.latestStep(c, passId, false).isPresent());
    }

    public boolean canRedo(long passId) throws StudyException {
        return file.read(c -> UndoHistory.latestStep(c, passId, true).isPresent());
    }

    /** "delete P_GAZE, add C_BID": a step's changes by code id, for logs and tests (the UI names the codes). */
    public static String describe(List<Change> step) {
        return step.stream().map(Change::toString).collect(java.util.stream.Collectors.joining(", "));
    }

    /** Undoes the newest step of the pass; empty when there is nothing to undo. Returns the changes undone. */
    @Override
    public Optional<List<Change>> nextUndo(long passId) throws StudyException {
        return next(passId, false, "DESC");
    }

    @Override
    public Optional<List<Change>> nextRedo(long passId) throws StudyException {
        return next(passId, true, "ASC");
    }

    private Optional<List<Change>> next(long passId, boolean undone, String order) throws StudyException {
        return file.read(c -> {
            Optional<Long> step = UndoHistory.latestStep(c, passId, undone);
            if (step.isEmpty()) return Optional.<List<Change>>empty();
            return Optional.of(UndoHistory.changes(UndoHistory.historyOf(c, passId, step.get(), order)));
        });
    }

    public Optional<List<Change>> undo(long passId) throws StudyException {
        return file.write("undo", c -> {
            file.claimPass(c, passId);
            Optional<Long> step = UndoHistory.latestStep(c, passId, false);
            if (step.isEmpty()) return Optional.<List<Change>>empty();
            List<UndoHistory.Row> rows = UndoHistory.historyOf(c, passId, step.get(), "DESC");
            for (UndoHistory.Row h : rows) h.revert(c);
            UndoHistory.markStep(c, passId, step.get(), 1);
            return Optional.of(UndoHistory.changes(rows));
        });
    }

    /** Redoes the oldest undone step; empty when there is nothing to redo. Returns the changes redone. */
    public Optional<List<Change>> redo(long passId) throws StudyException {
        return file.write("redo", c -> {
            file.claimPass(c, passId);
            Optional<Long> step = UndoHistory.latestStep(c, passId, true);
            if (step.isEmpty()) return Optional.<List<Change>>empty();
            List<UndoHistory.Row> rows = UndoHistory.historyOf(c, passId, step.get(), "ASC");
            for (UndoHistory.Row h : rows) h.reapply(c);
            UndoHistory.markStep(c, passId, step.get(), 0);
            return Optional.of(UndoHistory.changes(rows));
        });
    }

    // ------------------------------------------------------------------ reading

    /** All events of a pass in onset order. */
    public List<CodedEvent> list(long passId) throws StudyException {
        return file.read(c -> {
            List<CodedEvent> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + EVENT_COLUMNS + " FROM events WHERE pass_id = ? ORDER BY onset_ms, id")) {
                ps.setLong(1, passId);
                ResultSet rs = ps.executeQuery();
                while (rs.next()) out.add(eventFrom(rs));
            }
            return out;
        });
    }

    public long count(long passId) throws StudyException {
        return file.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM events WHERE pass_id = ?")) {
                ps.setLong(1, passId);
                ResultSet rs = ps.executeQuery();
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public Optional<CodedEvent> get(long eventId) throws StudyException {
        return file.read(c -> find(c, eventId));
    }

    /** States of the pass that have an onset but no offset yet (e.g. still running when the app closed). */
    public List<CodedEvent> running(long passId) throws StudyException {
        return file.read(c -> running(c, passId));
    }

    public Map<String, Integer> ratings(long passId) throws StudyException {
        return file.read(c -> {
            Map<String, Integer> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT code, value FROM ratings WHERE pass_id = ? ORDER BY code")) {
                ps.setLong(1, passId);
                ResultSet rs = ps.executeQuery();
                while (rs.next()) out.put(rs.getString(1), rs.getInt(2));
            }
            return out;
        });
    }

    /** Every session rating in the study, by session label and coder initials; training sessions left out. */
    @Override
    public List<RatingRow> allRatings() throws StudyException {
        return allRatings(false);
    }

    /** Every session rating, by session label and coder initials; with {@code includeTraining}, training sessions' too. */
    @Override
    public List<RatingRow> allRatings(boolean includeTraining) throws StudyException {
        return file.read(c -> {
            Set<Long> training = includeTraining ? Set.of() : EventStreams.trainingSessions(c);
            List<RatingRow> out = new ArrayList<>();
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery("""
                    SELECT s.label, k.initials, r.code, r.value, s.id FROM ratings r
                    JOIN passes p ON p.id = r.pass_id JOIN sessions s ON s.id = p.session_id JOIN coders k ON k.id = p.coder_id
                    ORDER BY s.label, k.initials, r.code""")) {
                while (rs.next()) {
                    if (!training.contains(rs.getLong(5))) out.add(new RatingRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
                }
            }
            return out;
        });
    }

    /**
     * Streams events with their session, coder and pass, ordered by session label, coder initials and
     * onset, without holding them all in memory (exports of millions of events).
     *
     * @param sessions session labels to include; empty = all
     * @param coders   coder initials to include; empty = all
     */
    public void forEach(Set<String> sessions, Set<String> coders, Consumer<SessionEvent> sink) throws StudyException {
        forEach(sessions, coders, false, sink);
    }

    @Override
    public void forEach(Set<String> sessions, Set<String> coders, boolean includeTraining, Consumer<SessionEvent> sink) throws StudyException {
        file.read(c -> {
            EventStreams.forEach(c, sessions, coders, includeTraining, sink);
            return null;
        });
    }

    /** One event as agreement compares it: its pass's session and coder, code and times; {@code running} for a state not yet ended. */
    public interface Timing {
        void accept(String session, String coder, String code, long onsetMs, long offsetMs, boolean running);
    }

    @Override
    public void forEachTiming(Set<String> sessions, Set<String> coders, Timing sink) throws StudyException {
        forEachTiming(sessions, coders, false, sink);
    }

    @Override
    public void forEachTiming(Set<String> sessions, Set<String> coders, boolean includeTraining, Timing sink) throws StudyException {
        file.read(c -> {
            EventStreams.forEachTiming(c, sessions, coders, includeTraining, sink);
            return null;
        });
    }

    // ------------------------------------------------------------------ bulk import

    /**
     * How {@code rows} would merge with the events the study holds ({@link ImportMerge}): what is
     * added, what is already there and is skipped, and what is refused, with its line.
     */
    public ImportMerge.Plan planImport(List<ImportRow> rows) throws StudyException {
        return file.read(c -> EventImport.plan(c, scheme, rows));
    }

    /**
     * Imports already-validated events in one transaction: all or nothing. Events identical to stored
     * ones are skipped; any conflict with stored events ({@link #planImport}) refuses the whole import.
     * Sessions, coders and passes that do not exist yet are created. Imports are not undo steps.
     */
    public ImportSummary importAll(List<ImportRow> rows) throws StudyException {
        for (ImportRow r : rows) check(r.event());
        return file.write("import events", c -> EventImport.importAll(file, c, scheme, rows));
    }

    // ------------------------------------------------------------------ internals

    private void check(EventDraft d) throws StudyException {
        Optional<String> problem = EventRules.problem(scheme, d);
        if (problem.isPresent()) throw new StudyException(StudyException.Kind.INVALID_INPUT, "Cannot save the event: " + problem.get() + ".");
    }

    private static StudyException noEvent(long id) {
        return new StudyException(StudyException.Kind.INVALID_INPUT, "There is no event " + id + " (it may have been deleted or undone).");
    }

    static void bind(PreparedStatement ps, long passId, EventDraft d, long now) throws SQLException {
        ps.setLong(1, passId);
        ps.setString(2, d.code());
        ps.setLong(3, d.onsetMs());
        if (d.offsetMs() == null) ps.setNull(4, Types.INTEGER);
        else ps.setLong(4, d.offsetMs());
        ps.setString(5, d.modifiers().encode());
        ps.setString(6, d.comment());
        ps.setLong(7, now);
        ps.setLong(8, now);
    }

    static CodedEvent insert(Connection c, long passId, EventDraft d, Long withId) throws SQLException {
        return insert(c, passId, d, withId, null);
    }

    /** With {@code uid} null the event gets a new stable id (the table's trigger); else it keeps the one given (undo, redo). */
    static CodedEvent insert(Connection c, long passId, EventDraft d, Long withId, String uid) throws SQLException {
        String sql = "INSERT INTO events (pass_id, code, onset_ms, offset_ms, modifiers, comment, created_at, updated_at"
                + (withId == null ? "" : ", id") + (uid == null ? "" : ", uid") + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?"
                + (withId == null ? "" : ", ?") + (uid == null ? "" : ", ?") + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, passId, d, System.currentTimeMillis());
            int next = 9;
            if (withId != null) ps.setLong(next++, withId);
            if (uid != null) ps.setString(next, uid);
            ps.executeUpdate();
        }
        long id = withId != null ? withId : StudySchema.lastId(c);
        return new CodedEvent(id, passId, d.code(), d.onsetMs(), d.offsetMs(), d.modifiers(), d.comment());
    }

    static void update(Connection c, long eventId, EventDraft d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE events SET code = ?, onset_ms = ?, offset_ms = ?, modifiers = ?, comment = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, d.code());
            ps.setLong(2, d.onsetMs());
            if (d.offsetMs() == null) ps.setNull(3, Types.INTEGER);
            else ps.setLong(3, d.offsetMs());
            ps.setString(4, d.modifiers().encode());
            ps.setString(5, d.comment());
            ps.setLong(6, System.currentTimeMillis());
            ps.setLong(7, eventId);
            ps.executeUpdate();
        }
    }

    private static Optional<CodedEvent> find(Connection c, long eventId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + EVENT_COLUMNS + " FROM events WHERE id = ?")) {
            ps.setLong(1, eventId);
            ResultSet rs = ps.executeQuery();
            return rs.next() ? Optional.of(eventFrom(rs)) : Optional.empty();
        }
    }

    /** Ends {@code running} states of a pass at {@code atMs} (not before each one's onset), as one undo step. */
    static void endRunning(Connection c, long passId, List<CodedEvent> running, long atMs) throws SQLException {
        long step = UndoHistory.newStep(c, passId);
        for (CodedEvent r : running) {
            EventDraft before = EventDraft.of(r);
            EventDraft after = new EventDraft(r.code(), r.onsetMs(), Math.max(r.onsetMs(), atMs), r.modifiers(), r.comment());
            update(c, r.id(), after);
            UndoHistory.record(c, passId, step, "change", r.id(), before, after);
        }
    }

    static List<CodedEvent> running(Connection c, long passId) throws SQLException {
        List<CodedEvent> out = new ArrayList<>();
        // no ORDER BY: with it SQLite walks the whole pass in onset order (events_by_pass) instead of the
        // small partial index of running states — 100 ms vs 0.1 ms at 100,000 events (CodingBenchmark); PostgreSQL's planner finds it
        String index = StudySchema.onServer(c) ? "" : " INDEXED BY events_running";
        try (PreparedStatement ps = c.prepareStatement("SELECT " + EVENT_COLUMNS + " FROM events" + index + " WHERE pass_id = ? AND offset_ms IS NULL")) {
            ps.setLong(1, passId);
            ResultSet rs = ps.executeQuery();
            while (rs.next()) out.add(eventFrom(rs));
        }
        out.sort(java.util.Comparator.comparingLong(CodedEvent::onsetMs).thenComparingLong(CodedEvent::id));
        return out;
    }

    private static CodedEvent eventFrom(ResultSet rs) throws SQLException {
        return eventFrom(rs, null);
    }

    static CodedEvent eventFrom(ResultSet rs, Map<String, Modifiers> cache) throws SQLException {
        long offset = rs.getLong(5);
        Long offsetOrNull = rs.wasNull() ? null : offset;
        String mods = rs.getString(6);
        Modifiers m = cache == null ? Modifiers.parse(mods) : cache.computeIfAbsent(mods, Modifiers::parse);
        // a pass uses a few dozen codes: one shared string each keeps 100,000 events' codes in a few cache lines
        // (the timeline looks every event's lane up by its code on each repaint)
        String code = rs.getString(3).intern();
        return new CodedEvent(rs.getLong(1), rs.getLong(2), code, rs.getLong(4), offsetOrNull, m, rs.getString(7));
    }

    private static Integer rating(Connection c, long passId, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM ratings WHERE pass_id = ? AND code = ?")) {
            ps.setLong(1, passId);
            ps.setString(2, code);
            ResultSet rs = ps.executeQuery();
            return rs.next() ? rs.getInt(1) : null;
        }
    }

    static void writeRating(Connection c, long passId, String code, Integer value) throws SQLException {
        if (value == null) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM ratings WHERE pass_id = ? AND code = ?")) {
                ps.setLong(1, passId);
                ps.setString(2, code);
                ps.executeUpdate();
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO ratings (pass_id, code, value, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (pass_id, code) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")) {
                ps.setLong(1, passId);
                ps.setString(2, code);
                ps.setInt(3, value);
                ps.setLong(4, System.currentTimeMillis());
                ps.executeUpdate();
            }
        }
    }
}
