package org.attune.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.attune.coding.Coder;
import org.attune.coding.CodingPass;
import org.attune.coding.Modifiers;
import org.attune.coding.Session;
import org.attune.coding.SessionEvent;

/**
 * The event log's streaming reads, pass by pass in session-label and coder order, for analyses and exports
 * ({@link EventLog#forEach}, {@link EventLog#forEachTiming}); training sessions (issue 19) are left out of
 * "all sessions" unless asked for.
 */
final class EventStreams {

    private EventStreams() {
    }

    /** The ids of the sessions marked for training; none in a study from before schema V6. */
    static Set<Long> trainingSessions(Connection c) throws SQLException {
        if (StudySchema.userVersion(c) < 6) return Set.of();
        Set<Long> out = new HashSet<>();
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM sessions WHERE training = 1")) {
            while (rs.next()) out.add(rs.getLong(1));
        }
        return out;
    }

    static void forEach(Connection c, Set<String> sessions, Set<String> coders, boolean includeTraining, Consumer<SessionEvent> sink) throws SQLException {
        Map<Long, Session> sessionById = new HashMap<>();
        Map<Long, Coder> coderById = new HashMap<>();
        List<CodingPass> passes = passesInOrder(c, sessions, coders, includeTraining, sessionById, coderById);
        Map<String, Modifiers> parsed = new HashMap<>(); // a study has few distinct modifier combinations
        try (PreparedStatement ps = c.prepareStatement("SELECT " + EventLog.EVENT_COLUMNS + " FROM events WHERE pass_id = ? ORDER BY onset_ms, id")) {
            for (CodingPass p : passes) {
                Session s = sessionById.get(p.sessionId());
                Coder k = coderById.get(p.coderId());
                ps.setLong(1, p.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) sink.accept(new SessionEvent(s, k, p, EventLog.eventFrom(rs, parsed)));
                }
            }
        }
    }

    /**
     * {@link #forEach} reading only what agreement compares — code, onset, offset — into a sink that makes no
     * objects of its own: the command line's agreement on 40,000 events spent half its reading time on the
     * other columns and objects (issue 16, docs/benchmarks.md).
     */
    static void forEachTiming(Connection c, Set<String> sessions, Set<String> coders, boolean includeTraining, EventLog.Timing sink) throws SQLException {
        Map<Long, Session> sessionById = new HashMap<>();
        Map<Long, Coder> coderById = new HashMap<>();
        List<CodingPass> passes = passesInOrder(c, sessions, coders, includeTraining, sessionById, coderById);
        try (PreparedStatement ps = c.prepareStatement("SELECT code, onset_ms, offset_ms FROM events WHERE pass_id = ? ORDER BY onset_ms, id")) {
            for (CodingPass p : passes) {
                String session = sessionById.get(p.sessionId()).label();
                String coder = coderById.get(p.coderId()).initials();
                ps.setLong(1, p.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long onset = rs.getLong(2);
                        long offset = rs.getLong(3);
                        boolean running = rs.wasNull();
                        sink.accept(session, coder, rs.getString(1), onset, offset, running);
                    }
                }
            }
        }
    }

    /**
     * The passes of the chosen sessions and coders (empty: all — but training sessions only with
     * {@code includeTraining}), by session label then coder initials; fills the two maps.
     */
    private static List<CodingPass> passesInOrder(Connection c, Set<String> sessions, Set<String> coders, boolean includeTraining,
                                                  Map<Long, Session> sessionById, Map<Long, Coder> coderById) throws SQLException {
        for (Session s : SqliteSessions.readSessions(c)) sessionById.put(s.id(), s);
        for (Coder k : SqlitePasses.readCoders(c)) coderById.put(k.id(), k);
        List<CodingPass> passes = new ArrayList<>(SqlitePasses.readPasses(c));
        if (sessions.isEmpty() && !includeTraining) {
            Set<Long> training = trainingSessions(c);
            passes.removeIf(p -> training.contains(p.sessionId()));
        }
        passes.removeIf(p -> !sessions.isEmpty() && !sessions.contains(sessionById.get(p.sessionId()).label())
                || !coders.isEmpty() && !coders.contains(coderById.get(p.coderId()).initials()));
        passes.sort((a, b) -> {
            int bySession = sessionById.get(a.sessionId()).label().compareTo(sessionById.get(b.sessionId()).label());
            return bySession != 0 ? bySession : coderById.get(a.coderId()).initials().compareTo(coderById.get(b.coderId()).initials());
        });
        return passes;
    }
}
