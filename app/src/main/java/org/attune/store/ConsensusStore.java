package org.attune.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.attune.coding.EventDraft;

/**
 * A consensus pass in the study (issue 19, schema V6): a pass of the consensus coder for a session, the two passes
 * it resolves, the events agreed on (taken over when it starts), each decision on a disagreement with the event it
 * gave, and where each event came from ({@code events.provenance}: agreed, first, second, edited; none for an
 * event added by hand). Each decision is one transaction; the last one can be taken back, also after the
 * consensus was left and resumed.
 */
public final class ConsensusStore {

    /** The consensus coder's initials and name. */
    public static final String CODER = "CONS";
    static final String CODER_NAME = "Consensus";

    /** A consensus pass: its pass, the two passes it resolves and how they were matched. */
    public record Consensus(long passId, long firstPass, long secondPass, String matching, long toleranceMs, double overlap) {
    }

    /** An event the consensus takes, with the item it resolves. */
    public record Taken(String item, EventDraft event) {
    }

    private ConsensusStore() {
    }

    /** The consensus under way for a session, if one was started. */
    public static Optional<Consensus> of(Study study, long sessionId) throws StudyException {
        return study.file().read(c -> {
            if (StudySchema.userVersion(c) < 6) return Optional.empty();
            try (PreparedStatement ps = c.prepareStatement("SELECT k.pass_id, k.first_pass, k.second_pass, k.matching, k.tolerance_ms, k.overlap FROM consensus k"
                    + " JOIN passes p ON p.id = k.pass_id WHERE p.session_id = ?")) {
                ps.setLong(1, sessionId);
                ResultSet rs = ps.executeQuery();
                return rs.next() ? Optional.of(new Consensus(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5), rs.getDouble(6)))
                        : Optional.empty();
            }
        });
    }

    /**
     * Starts a session's consensus in one transaction: the consensus coder (made if the study has none), their pass
     * (not blind: its coder sees both coders' events), the record of what it resolves, and the agreed events.
     */
    public static Consensus start(Study study, long sessionId, long firstPass, long secondPass, String matching, long toleranceMs, double overlap,
                                  java.util.List<Taken> agreed) throws StudyException {
        if (study.isReadOnly()) {
            throw new StudyException(StudyException.Kind.INVALID_INPUT, study.path().getFileName() + " is open read-only here; open it for editing to build a consensus.");
        }
        return study.file().write("start a consensus", c -> {
            long coder;
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM coders WHERE initials = ?")) {
                ps.setString(1, CODER);
                ResultSet rs = ps.executeQuery();
                coder = rs.next() ? rs.getLong(1) : SqlitePasses.insertCoder(c, CODER_NAME, CODER).id();
            }
            if (SqlitePasses.findPass(c, sessionId, coder).isPresent()) {
                throw new StudyException(StudyException.Kind.INVALID_INPUT, "This session has a consensus pass already: resume it, or remove it in the Study tab first.");
            }
            long pass = SqlitePasses.insertPass(c, sessionId, coder).id();
            try (PreparedStatement ps = c.prepareStatement("UPDATE passes SET blind = 0, status = 'in_progress', started_at = ? WHERE id = ?")) {
                ps.setString(1, Study.now());
                ps.setLong(2, pass);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO consensus (pass_id, first_pass, second_pass, matching, tolerance_ms, overlap, started_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, pass);
                ps.setLong(2, firstPass);
                ps.setLong(3, secondPass);
                ps.setString(4, matching);
                ps.setLong(5, toleranceMs);
                ps.setDouble(6, overlap);
                ps.setString(7, Study.now());
                ps.executeUpdate();
            }
            for (Taken t : agreed) insert(c, pass, t, "agreed");
            return new Consensus(pass, firstPass, secondPass, matching, toleranceMs, overlap);
        });
    }

    /** item → decision ("first", "second", "neither", "edited"), in the order they were made. */
    public static Map<String, String> decisions(Study study, long passId) throws StudyException {
        return study.file().read(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT item, decision FROM consensus_decisions WHERE pass_id = ? ORDER BY id")) {
                ps.setLong(1, passId);
                ResultSet rs = ps.executeQuery();
                while (rs.next()) out.put(rs.getString(1), rs.getString(2));
            }
            return out;
        });
    }

    /** Records a decision and the event it gives (none for "neither"), in one transaction. An item is decided once. */
    public static void decide(Study study, long passId, String item, String decision, Optional<EventDraft> event) throws StudyException {
        study.file().write("decide " + item, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO consensus_decisions (pass_id, item, decision) VALUES (?, ?, ?)")) {
                ps.setLong(1, passId);
                ps.setString(2, item);
                ps.setString(3, decision);
                ps.executeUpdate();
            } catch (SQLException e) {
                if (e.getMessage() != null && e.getMessage().contains("UNIQUE")) {
                    throw new StudyException(StudyException.Kind.INVALID_INPUT, "This disagreement is decided already; undo the decision first.");
                }
                throw e;
            }
            if (event.isPresent()) insert(c, passId, new Taken(item, event.get()), decision);
            return null;
        });
    }

    /** Takes the last decision back, with its event; the item it was, or empty when none is left. */
    public static Optional<String> undoLast(Study study, long passId) throws StudyException {
        return study.file().write("undo a consensus decision", c -> {
            String item;
            try (PreparedStatement ps = c.prepareStatement("SELECT item FROM consensus_decisions WHERE pass_id = ? ORDER BY id DESC LIMIT 1")) {
                ps.setLong(1, passId);
                ResultSet rs = ps.executeQuery();
                if (!rs.next()) return Optional.empty();
                item = rs.getString(1);
            }
            for (String sql : new String[] {"DELETE FROM consensus_decisions WHERE pass_id = ? AND item = ?", "DELETE FROM events WHERE pass_id = ? AND consensus_item = ?"}) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setLong(1, passId);
                    ps.setString(2, item);
                    ps.executeUpdate();
                }
            }
            return Optional.of(item);
        });
    }

    /** How many of the pass's events came from where: agreed, first, second, edited, added (by hand). */
    public static Map<String, Long> provenance(Study study, long passId) throws StudyException {
        return study.file().read(c -> {
            Map<String, Long> out = new LinkedHashMap<>();
            for (String p : new String[] {"agreed", "first", "second", "edited", "added"}) out.put(p, 0L);
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(provenance, 'added'), count(*) FROM events WHERE pass_id = ? GROUP BY 1")) {
                ps.setLong(1, passId);
                ResultSet rs = ps.executeQuery();
                while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
            }
            return out;
        });
    }

    /** One event of a consensus pass with where it came from ("added": by hand). */
    public record Row(String session, String first, String second, String code, long onsetMs, Long offsetMs, String provenance) {
    }

    /** Every consensus pass's events, by session label and onset. */
    public static java.util.List<Row> rows(Study study) throws StudyException {
        return study.file().read(c -> {
            java.util.List<Row> out = new java.util.ArrayList<>();
            if (StudySchema.userVersion(c) < 6) return out;
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT s.label, ka.initials, kb.initials, e.code, e.onset_ms, e.offset_ms,"
                    + " COALESCE(e.provenance, 'added') FROM consensus k JOIN passes p ON p.id = k.pass_id JOIN sessions s ON s.id = p.session_id"
                    + " JOIN passes pa ON pa.id = k.first_pass JOIN coders ka ON ka.id = pa.coder_id JOIN passes pb ON pb.id = k.second_pass"
                    + " JOIN coders kb ON kb.id = pb.coder_id JOIN events e ON e.pass_id = k.pass_id ORDER BY s.label, e.onset_ms, e.id")) {
                while (rs.next()) {
                    long off = rs.getLong(6);
                    Long offset = rs.wasNull() ? null : off;
                    out.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), offset, rs.getString(7)));
                }
            }
            return out;
        });
    }

    private static void insert(Connection c, long passId, Taken t, String provenance) throws SQLException {
        long id = EventLog.insert(c, passId, t.event(), null).id();
        try (PreparedStatement ps = c.prepareStatement("UPDATE events SET provenance = ?, consensus_item = ? WHERE id = ?")) {
            ps.setString(1, provenance);
            ps.setString(2, t.item());
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }
}
