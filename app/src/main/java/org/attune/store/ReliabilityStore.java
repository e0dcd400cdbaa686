package org.attune.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a study keeps of its reliability procedure (issue 19, schema V6): each session's gold-standard pass,
 * the training sessions, the lab's criterion ({@code study_info} keys {@code criterion.*}) and every reliability
 * sample drawn, with its seed. Each change is one committed transaction.
 */
public final class ReliabilityStore {

    private static final String CRITERION = "criterion.";

    /** A sample as drawn and applied: the blind passes it gave are in the passes table. */
    public record SampleRecord(long id, String drawnAt, double percent, String stratifiedBy, long seed, int eligible, List<String> sessions,
                               List<String> secondCoders) {
    }

    /** A drawn session given to a second coder (by their ids): a blind pass is made for it. */
    public record Given(long sessionId, long coderId) {
    }

    private ReliabilityStore() {
    }

    /** Session id → its gold-standard pass id. */
    public static Map<Long, Long> goldPasses(Study study) throws StudyException {
        return study.file().read(c -> {
            Map<Long, Long> out = new LinkedHashMap<>();
            if (StudySchema.userVersion(c) < 6) return out;
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT session_id, id FROM passes WHERE gold = 1 ORDER BY session_id")) {
                while (rs.next()) out.put(rs.getLong(1), rs.getLong(2));
            }
            return out;
        });
    }

    /** Makes a pass its session's gold standard (the session's former one, if any, stops being it), or not. */
    public static void setGold(Study study, long passId, boolean gold) throws StudyException {
        refuseReadOnly(study);
        study.file().write(gold ? "mark gold standard" : "unmark gold standard", c -> {
            if (gold) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE passes SET gold = 0 WHERE gold = 1 AND session_id = (SELECT session_id FROM passes WHERE id = ?)")) {
                    ps.setLong(1, passId);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE passes SET gold = ? WHERE id = ?")) {
                ps.setInt(1, gold ? 1 : 0);
                ps.setLong(2, passId);
                if (ps.executeUpdate() != 1) throw new StudyException(StudyException.Kind.NOT_FOUND, "There is no pass " + passId + " in this study.");
            }
            return null;
        });
    }

    /** The ids of the sessions marked for training (none in a study from before schema V6). */
    public static Set<Long> trainingSessions(Study study) throws StudyException {
        return study.file().read(EventStreams::trainingSessions);
    }

    public static void setTraining(Study study, long sessionId, boolean training) throws StudyException {
        refuseReadOnly(study);
        study.file().write(training ? "mark training session" : "unmark training session", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sessions SET training = ? WHERE id = ?")) {
                ps.setInt(1, training ? 1 : 0);
                ps.setLong(2, sessionId);
                if (ps.executeUpdate() != 1) throw new StudyException(StudyException.Kind.NOT_FOUND, "There is no session " + sessionId + " in this study.");
            }
            return null;
        });
    }

    /** The stored criterion's settings (without their prefix); empty when the lab has set none. */
    public static Map<String, String> criterion(Study study) throws StudyException {
        Map<String, String> out = new LinkedHashMap<>();
        study.info().forEach((k, v) -> {
            if (k.startsWith(CRITERION)) out.put(k.substring(CRITERION.length()), v);
        });
        return out;
    }

    /** Replaces the stored criterion. */
    public static void setCriterion(Study study, Map<String, String> settings) throws StudyException {
        refuseReadOnly(study);
        study.file().write("set the reliability criterion", c -> {
            try (var st = c.createStatement()) {
                st.executeUpdate("DELETE FROM study_info WHERE key LIKE 'criterion.%'");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO study_info (key, value) VALUES (?, ?)")) {
                for (Map.Entry<String, String> e : new java.util.TreeMap<>(settings).entrySet()) {
                    ps.setString(1, CRITERION + e.getKey());
                    ps.setString(2, e.getValue());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /**
     * Applies a drawn sample in one transaction: a blind pass for each session given to a second coder (none is
     * made where the coder has one already) and the record of the draw. All or nothing.
     */
    public static SampleRecord applySample(Study study, double percent, String stratifiedBy, long seed, int eligible, List<String> sessions,
                                           List<String> secondCoders, List<Given> given) throws StudyException {
        refuseReadOnly(study);
        String now = Study.now();
        return study.file().write("draw a reliability sample", c -> {
            for (Given g : given) {
                if (SqlitePasses.findPass(c, g.sessionId(), g.coderId()).isEmpty()) SqlitePasses.insertPass(c, g.sessionId(), g.coderId());
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO reliability_samples (drawn_at, percent, stratified_by, seed, eligible, sessions,"
                    + " second_coders) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, now);
                ps.setDouble(2, percent);
                ps.setString(3, stratifiedBy);
                ps.setLong(4, seed);
                ps.setInt(5, eligible);
                ps.setString(6, String.join("\n", sessions));
                ps.setString(7, String.join("\n", secondCoders));
                ps.executeUpdate();
            }
            return new SampleRecord(StudySchema.lastId(c), now, percent, stratifiedBy, seed, eligible, List.copyOf(sessions), List.copyOf(secondCoders));
        });
    }

    /** Every sample drawn, oldest first. */
    public static List<SampleRecord> samples(Study study) throws StudyException {
        return study.file().read(c -> {
            List<SampleRecord> out = new ArrayList<>();
            if (StudySchema.userVersion(c) < 6) return out;
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT id, drawn_at, percent, stratified_by, seed, eligible, sessions, second_coders FROM reliability_samples ORDER BY id")) {
                while (rs.next()) {
                    out.add(new SampleRecord(rs.getLong(1), rs.getString(2), rs.getDouble(3), rs.getString(4), rs.getLong(5), rs.getInt(6),
                            lines(rs.getString(7)), lines(rs.getString(8))));
                }
            }
            return out;
        });
    }

    private static List<String> lines(String s) {
        return s == null || s.isEmpty() ? List.of() : List.of(s.split("\n", -1));
    }

    private static void refuseReadOnly(Study study) throws StudyException {
        if (study.isReadOnly()) {
            throw new StudyException(StudyException.Kind.INVALID_INPUT, study.path().getFileName() + " is open read-only here ("
                    + study.readOnlyReason().orElse("") + "); open it for editing to change its reliability settings.");
        }
    }
}
