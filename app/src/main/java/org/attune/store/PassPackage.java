package org.attune.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.attune.coding.Coder;
import org.attune.coding.CodingPass;
import org.attune.coding.MediaFile;
import org.attune.coding.Session;

/**
 * A coder package (issue 17, ADR 9): a study file of its own holding one coder's passes — their events and
 * ratings with their stable ids — with the scheme, the sessions' details and, for each video, its path as the
 * study stores it, size, duration and SHA-256, never the video. Every command that takes a study takes a
 * package. Sending records in the study when each pass was sent and the last undo step it had then.
 */
public final class PassPackage {

    /** Written in the package's study_info: what it is, for whom, from which study, when. */
    public static final String FORMAT_KEY = "package.format";
    public static final String CODER_KEY = "package.coder";
    public static final String FROM_KEY = "package.from_study";
    public static final String SENT_KEY = "package.sent_at";

    /** What was sent. */
    public record Sent(Path file, String coder, List<String> sessions, int events, int ratings, int videos) {
    }

    private record Video(MediaFile media, long size, String sha256) {
    }

    private record Row(long passId, Object[] values) {
    }

    private PassPackage() {
    }

    /**
     * Writes {@code coderInitials}' passes of {@code sessionLabels} (empty: all of theirs) into a new package
     * {@code out}: whole or not at all, never over an existing file. Refused, with nothing written, when the
     * study is read-only here, the coder or a session is unknown, the coder has no pass to send, or a video
     * cannot be found to be described (relink it first).
     */
    public static Sent send(Study study, String coderInitials, Set<String> sessionLabels, Path out) throws StudyException {
        if (study.isReadOnly()) {
            throw refused(study.path().getFileName() + " is open read-only here (" + study.readOnlyReason().orElse("") + "): sending records which"
                    + " passes went out, so the study must be open for editing.");
        }
        if (Files.exists(out)) {
            throw refused(out.getFileName() + " already exists: a package is never written over a file. Choose a new name.");
        }
        List<Coder> coders = study.coders();
        Coder coder = coders.stream().filter(k -> k.initials().equals(coderInitials)).findFirst().orElseThrow(() -> refused(
                "There is no coder " + coderInitials + " in " + study.path().getFileName() + "; its coders are "
                        + coders.stream().map(Coder::initials).collect(Collectors.joining(", ")) + "."));
        Map<Long, Session> sessions = new LinkedHashMap<>();
        for (Session s : study.sessions()) sessions.put(s.id(), s);
        Set<String> unknown = new TreeSet<>(sessionLabels);
        sessions.values().forEach(s -> unknown.remove(s.label()));
        if (!unknown.isEmpty()) throw refused("No session " + String.join(", ", unknown) + " in " + study.path().getFileName() + ".");
        List<CodingPass> passes = study.passes().stream()
                .filter(p -> p.coderId() == coder.id() && (sessionLabels.isEmpty() || sessionLabels.contains(sessions.get(p.sessionId()).label())))
                .toList();
        if (passes.isEmpty()) {
            throw refused(coderInitials + " has no pass" + (sessionLabels.isEmpty() ? "" : " of " + String.join(", ", sessionLabels))
                    + " to send: give them sessions to code in the Study tab first.");
        }
        List<Session> sent = passes.stream().map(p -> sessions.get(p.sessionId())).toList();
        List<Video> videos = describeVideos(study, sent);

        String passList = passes.stream().map(p -> Long.toString(p.id())).collect(Collectors.joining(","));
        List<Row> events = study.file().read(c -> rows(c, "SELECT pass_id, code, onset_ms, offset_ms, modifiers, comment, created_at, updated_at, uid"
                + " FROM events WHERE pass_id IN (" + passList + ") ORDER BY id", 9));
        List<Row> ratings = study.file().read(c -> rows(c, "SELECT pass_id, code, value, updated_at, uid FROM ratings WHERE pass_id IN (" + passList
                + ") ORDER BY pass_id, code", 5));
        String now = Study.now();
        Study.createWith(out, study.scheme(), study.name() + " — " + coderInitials, c -> {
            info(c, Map.of(FORMAT_KEY, "1", CODER_KEY, coderInitials, FROM_KEY, study.name() + " (" + study.path().getFileName() + ")", SENT_KEY, now));
            Map<Long, Long> passIds = new LinkedHashMap<>();
            long coderId;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO coders (name, initials) VALUES (?, ?)")) {
                ps.setString(1, coder.name());
                ps.setString(2, coder.initials());
                ps.executeUpdate();
                coderId = StudySchema.lastId(c);
            }
            for (CodingPass p : passes) {
                Session s = sessions.get(p.sessionId());
                long sessionId;
                try {
                    sessionId = SqliteSessions.insertSession(c, new Session(0, s.label(), s.dyad(), s.date(), s.childAgeMonths(), s.context(), s.notes(),
                            s.metadata())).id();
                } catch (StudyException e) {
                    throw new SQLException(e.getMessage(), e);
                }
                for (Video v : videos) if (v.media().sessionId() == s.id()) insertVideo(c, sessionId, v);
                passIds.put(p.id(), insertPass(c, sessionId, coderId, p, now));
            }
            copy(c, "INSERT INTO events (pass_id, code, onset_ms, offset_ms, modifiers, comment, created_at, updated_at, uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    events, passIds);
            copy(c, "INSERT INTO ratings (pass_id, code, value, updated_at, uid) VALUES (?, ?, ?, ?, ?)", ratings, passIds);
        }).close();
        try {
            study.file().write("record the passes sent to " + coderInitials, c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE passes SET sent_at = ?, sent_history = (SELECT max(id) FROM history WHERE pass_id = passes.id)"
                        + " WHERE id IN (" + passList + ")")) {
                    ps.setString(1, now);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE media SET size_bytes = ?, sha256 = ? WHERE id = ?")) {
                    for (Video v : videos) {
                        ps.setLong(1, v.size());
                        ps.setString(2, v.sha256());
                        ps.setLong(3, v.media().id());
                        ps.executeUpdate();
                    }
                }
                return null;
            });
        } catch (StudyException e) { // the study does not know it was sent: neither may the package exist
            try {
                Files.deleteIfExists(out);
            } catch (IOException ignored) {
                // reported below; the package is the one file left
            }
            throw e;
        }
        return new Sent(out, coderInitials, sent.stream().map(Session::label).toList(), events.size(), ratings.size(), videos.size());
    }

    /** Each video of the sessions, found and described by size and SHA-256; a missing one refuses the package. */
    private static List<Video> describeVideos(Study study, List<Session> sessions) throws StudyException {
        List<Video> out = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Session s : sessions) {
            for (MediaFile m : study.media(s.id())) {
                Path file = study.resolveMedia(m);
                if (!Files.isRegularFile(file)) {
                    missing.add(s.label() + " camera " + m.position() + " (" + m.path() + ")");
                    continue;
                }
                try {
                    out.add(new Video(m, Files.size(file), sha256(file)));
                } catch (IOException e) {
                    missing.add(s.label() + " camera " + m.position() + " (" + m.path() + ": " + e.getMessage() + ")");
                }
            }
        }
        if (!missing.isEmpty()) {
            throw refused("These videos cannot be read, so the package could not say which video each pass is coded on: " + String.join("; ", missing)
                    + ". Relink them in the Study tab, then send again.");
        }
        return out;
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("this Java has no SHA-256", e);
        }
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static List<Row> rows(Connection c, String sql, int columns) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                Object[] values = new Object[columns - 1];
                for (int i = 2; i <= columns; i++) values[i - 2] = rs.getObject(i);
                out.add(new Row(rs.getLong(1), values));
            }
        }
        return out;
    }

    private static void copy(Connection c, String insert, List<Row> rows, Map<Long, Long> passIds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            for (Row r : rows) {
                ps.setLong(1, passIds.get(r.passId()));
                for (int i = 0; i < r.values().length; i++) ps.setObject(i + 2, r.values()[i]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void info(Connection c, Map<String, String> entries) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO study_info (key, value) VALUES (?, ?)")) {
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(entries).entrySet()) {
                ps.setString(1, e.getKey());
                ps.setString(2, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertVideo(Connection c, long sessionId, Video v) throws SQLException {
        MediaFile m = v.media();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO media (session_id, position, path, offset_ms, fps, duration_ms, size_bytes, sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, sessionId);
            ps.setInt(2, m.position());
            ps.setString(3, m.path());
            ps.setLong(4, m.offsetMs());
            if (m.fps() == null) ps.setNull(5, Types.REAL);
            else ps.setDouble(5, m.fps());
            if (m.durationMs() == null) ps.setNull(6, Types.INTEGER);
            else ps.setLong(6, m.durationMs());
            ps.setLong(7, v.size());
            ps.setString(8, v.sha256());
            ps.executeUpdate();
        }
    }

    private static long insertPass(Connection c, long sessionId, long coderId, CodingPass p, String sentAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO passes (session_id, coder_id, status, blind, started_at, finished_at, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, sessionId);
            ps.setLong(2, coderId);
            ps.setString(3, p.status().name().toLowerCase(java.util.Locale.ROOT));
            ps.setInt(4, p.blind() ? 1 : 0);
            ps.setString(5, p.startedAt());
            ps.setString(6, p.finishedAt());
            ps.setString(7, sentAt);
            ps.executeUpdate();
        }
        return StudySchema.lastId(c);
    }

    private static StudyException refused(String message) {
        return new StudyException(StudyException.Kind.INVALID_INPUT, message);
    }
}
