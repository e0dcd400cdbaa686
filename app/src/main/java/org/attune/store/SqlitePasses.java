package org.attune.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attune.coding.CodedEvent;
import org.attune.coding.Coder;
import org.attune.coding.CodingPass;
import org.attune.coding.PassStatus;

/** Coders and their coding passes in a study file (SQLite): the {@link PassRepository} of ADR 6. */
final class SqlitePasses implements PassRepository {

    private final StudyFile file;

    SqlitePasses(StudyFile file) {
        this.file = file;
    }

    public Coder addCoder(String name, String initials) throws StudyException {
        return file.write("add coder " + initials, c -> insertCoder(c, name, initials));
    }

    static Coder insertCoder(Connection c, String name, String initials) throws SQLException, StudyException {
        if (initials == null || initials.isBlank()) throw new StudyException(StudyException.Kind.INVALID_INPUT, "A coder needs initials.");
        try (PreparedStatement check = c.prepareStatement("SELECT 1 FROM coders WHERE initials = ?")) {
            check.setString(1, initials);
            if (check.executeQuery().next()) {
                throw new StudyException(StudyException.Kind.INVALID_INPUT, "There is already a coder with initials " + initials + ".");
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO coders (name, initials) VALUES (?, ?)")) {
            ps.setString(1, name == null || name.isBlank() ? initials : name);
            ps.setString(2, initials);
            ps.executeUpdate();
        }
        return new Coder(StudySchema.lastId(c), name == null || name.isBlank() ? initials : name, initials);
    }

    @Override
    public List<Coder> coders() throws StudyException {
        return file.read(SqlitePasses::readCoders);
    }

    static List<Coder> readCoders(Connection c) throws SQLException {
        List<Coder> out = new ArrayList<>();
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, name, initials FROM coders ORDER BY initials")) {
            while (rs.next()) out.add(new Coder(rs.getLong(1), rs.getString(2), rs.getString(3)));
        }
        return out;
    }

    /** The pass of this coder on this session, created (not started, blind) if there is none yet. */
    @Override
    public CodingPass pass(long sessionId, long coderId) throws StudyException {
        Optional<CodingPass> existing = file.read(c -> findPass(c, sessionId, coderId));
        if (existing.isPresent()) return existing.get();
        return file.write("create coding pass", c -> {
            Optional<CodingPass> again = findPass(c, sessionId, coderId);
            return again.isPresent() ? again.get() : insertPass(c, sessionId, coderId);
        });
    }

    static CodingPass insertPass(Connection c, long sessionId, long coderId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO passes (session_id, coder_id) VALUES (?, ?)")) {
            ps.setLong(1, sessionId);
            ps.setLong(2, coderId);
            ps.executeUpdate();
        }
        return new CodingPass(StudySchema.lastId(c), sessionId, coderId, PassStatus.NOT_STARTED, true, null, null);
    }

    static Optional<CodingPass> findPass(Connection c, long sessionId, long coderId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, session_id, coder_id, status, blind, started_at, finished_at FROM passes WHERE session_id = ? AND coder_id = ?")) {
            ps.setLong(1, sessionId);
            ps.setLong(2, coderId);
            ResultSet rs = ps.executeQuery();
            return rs.next() ? Optional.of(passFrom(rs)) : Optional.empty();
        }
    }

    @Override
    public List<CodingPass> passes() throws StudyException {
        return file.read(SqlitePasses::readPasses);
    }

    static List<CodingPass> readPasses(Connection c) throws SQLException {
        List<CodingPass> out = new ArrayList<>();
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT id, session_id, coder_id, status, blind, started_at, finished_at FROM passes ORDER BY session_id, coder_id")) {
            while (rs.next()) out.add(passFrom(rs));
        }
        return out;
    }

    private static CodingPass passFrom(ResultSet rs) throws SQLException {
        return new CodingPass(rs.getLong(1), rs.getLong(2), rs.getLong(3), PassStatus.fromJsonName(rs.getString(4)).orElseThrow(),
                rs.getInt(5) != 0, rs.getString(6), rs.getString(7));
    }

    /** How many events each pass holds (pass id → count; passes without events are absent). */
    @Override
    public Map<Long, Long> eventCounts() throws StudyException {
        return file.read(c -> {
            Map<Long, Long> out = new HashMap<>();
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, event_count FROM passes WHERE event_count > 0")) {
                while (rs.next()) out.put(rs.getLong(1), rs.getLong(2));
            }
            return out;
        });
    }

    /**
     * Moves a pass to a status, stamping when coding started and finished. A pass with states still
     * running is not marked done (they have no end, so agreement and measures would leave them out and
     * the export would have empty offsets): end them first, or use {@link #markDoneEndingRunning}.
     */
    @Override
    public CodingPass setPassStatus(long passId, PassStatus status) throws StudyException {
        return file.write("change the pass status", c -> {
            file.claimPass(c, passId);
            if (status == PassStatus.DONE) {
                List<CodedEvent> running = EventLog.running(c, passId);
                if (!running.isEmpty()) {
                    throw new StudyException(StudyException.Kind.INVALID_INPUT, "The pass is not marked done: " + describeRunning(running)
                            + " still running. End them in the Coding tab, or mark the pass done with them ended at the session end.");
                }
            }
            return writePassStatus(c, passId, status);
        });
    }

    /** "2 states (C_EXPLORE from 12.000 s, P_GAZE from 40.000 s)": for messages. */
    public static String describeRunning(List<CodedEvent> running) {
        String list = running.stream().map(e -> e.code() + " from " + org.attune.coding.TimeFormat.seconds(e.onsetMs()) + " s")
                .collect(java.util.stream.Collectors.joining(", "));
        return running.size() == 1 ? "1 state (" + list + ") is" : running.size() + " states (" + list + ") are";
    }

    /**
     * The end of a pass's session on the session clock: where the last camera ends (offset +
     * duration), or, while no video duration is known, the latest time any coder coded in it.
     */
    @Override
    public long sessionEndMs(long passId) throws StudyException {
        return file.read(c -> sessionEnd(c, passId));
    }

    private static long sessionEnd(Connection c, long passId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT (SELECT max(m.offset_ms + m.duration_ms) FROM media m WHERE m.session_id = p.session_id AND m.duration_ms IS NOT NULL),
                       (SELECT max(COALESCE(e.offset_ms, e.onset_ms)) FROM events e JOIN passes q ON q.id = e.pass_id WHERE q.session_id = p.session_id)
                FROM passes p WHERE p.id = ?""")) {
            ps.setLong(1, passId);
            ResultSet rs = ps.executeQuery();
            if (!rs.next()) return 0;
            long video = rs.getLong(1);
            if (!rs.wasNull()) return video;
            return rs.getLong(2);
        }
    }

    /**
     * Marks a pass done, first ending each state still running at the session end
     * ({@link #sessionEndMs}) — one transaction, and the endings are one undo step of the pass.
     * Refused when a running state starts after the known end of the session.
     */
    @Override
    public CodingPass markDoneEndingRunning(long passId) throws StudyException {
        return file.write("mark the pass done", c -> {
            file.claimPass(c, passId);
            List<CodedEvent> running = EventLog.running(c, passId);
            if (!running.isEmpty()) {
                long end = sessionEnd(c, passId);
                for (CodedEvent r : running) {
                    if (r.onsetMs() > end) {
                        throw new StudyException(StudyException.Kind.INVALID_INPUT, r.code() + " starts at " + org.attune.coding.TimeFormat.seconds(r.onsetMs())
                                + " s, after the end of the session's video (" + org.attune.coding.TimeFormat.seconds(end) + " s); end it in the Coding tab.");
                    }
                }
                EventLog.endRunning(c, passId, running, end);
            }
            return writePassStatus(c, passId, PassStatus.DONE);
        });
    }

    private static CodingPass writePassStatus(Connection c, long passId, PassStatus status) throws SQLException, StudyException {
        String now = Study.now();
        String sql = switch (status) {
            case NOT_STARTED -> "UPDATE passes SET status = ?, started_at = NULL, finished_at = NULL WHERE id = ?";
            case IN_PROGRESS -> "UPDATE passes SET status = ?, started_at = COALESCE(started_at, ?), finished_at = NULL WHERE id = ?";
            case DONE -> "UPDATE passes SET status = ?, started_at = COALESCE(started_at, ?), finished_at = ? WHERE id = ?";
        };
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, status.jsonName());
            if (status != PassStatus.NOT_STARTED) ps.setString(i++, now);
            if (status == PassStatus.DONE) ps.setString(i++, now);
            ps.setLong(i, passId);
            if (ps.executeUpdate() != 1) throw new StudyException(StudyException.Kind.INVALID_INPUT, "There is no coding pass " + passId + ".");
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, session_id, coder_id, status, blind, started_at, finished_at FROM passes WHERE id = ?")) {
            ps.setLong(1, passId);
            ResultSet rs = ps.executeQuery();
            rs.next();
            return passFrom(rs);
        }
    }

    @Override
    public void setBlind(long passId, boolean blind) throws StudyException {
        file.write("change blind coding", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE passes SET blind = ? WHERE id = ?")) {
                ps.setInt(1, blind ? 1 : 0);
                ps.setLong(2, passId);
                ps.executeUpdate();
            }
            return null;
        });
    }

}
