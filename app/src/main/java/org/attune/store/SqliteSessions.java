package org.attune.store;

import java.nio.file.Path;
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
import org.attune.coding.MediaFile;
import org.attune.coding.NewMedia;
import org.attune.coding.Session;

/** Sessions, their metadata and their videos in a study file (SQLite): the {@link SessionRepository} of ADR 6. */
final class SqliteSessions implements SessionRepository {

    private final StudyFile file;

    SqliteSessions(StudyFile file) {
        this.file = file;
    }

    /** Adds a session; its {@code id} is ignored and assigned. Labels are unique within a study. */
    @Override
    public Session addSession(Session s) throws StudyException {
        return addSession(s, List.of());
    }

    static Session insertSession(Connection c, Session s) throws SQLException, StudyException {
        checkLabelFree(c, s.label(), -1);
        long id;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sessions (label, dyad, session_date, child_age_months, context, notes) VALUES (?, ?, ?, ?, ?, ?)")) {
            bindDetails(ps, s);
            ps.executeUpdate();
            id = StudySchema.lastId(c);
        }
        insertMetadata(c, id, s.metadata());
        return new Session(id, s.label(), s.dyad(), s.date(), s.childAgeMonths(), s.context(), s.notes(), s.metadata());
    }

    /** Labels are unique within a study; {@code exceptId} is the session being changed (-1 for a new one). */
    private static void checkLabelFree(Connection c, String label, long exceptId) throws SQLException, StudyException {
        try (PreparedStatement check = c.prepareStatement("SELECT 1 FROM sessions WHERE label = ? AND id <> ?")) {
            check.setString(1, label);
            check.setLong(2, exceptId);
            if (check.executeQuery().next()) {
                throw new StudyException(StudyException.Kind.INVALID_INPUT, "There is already a session labelled \"" + label + "\"; labels must be unique.");
            }
        }
    }

    /** Binds label, dyad, date, age, context and notes to parameters 1–6. */
    private static void bindDetails(PreparedStatement ps, Session s) throws SQLException {
        ps.setString(1, s.label());
        ps.setString(2, s.dyad());
        ps.setString(3, s.date());
        if (s.childAgeMonths() == null) ps.setNull(4, Types.REAL);
        else ps.setDouble(4, s.childAgeMonths());
        ps.setString(5, s.context());
        ps.setString(6, s.notes());
    }

    private static void insertMetadata(Connection c, long sessionId, Map<String, String> metadata) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO session_metadata (session_id, key, value) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                ps.setLong(1, sessionId);
                ps.setString(2, e.getKey());
                ps.setString(3, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Changes a session's details (label, dyad, date, age, context, notes, the lab's fields); its
     * videos and passes stay. Labels stay unique. One transaction.
     */
    @Override
    public Session updateSession(Session s) throws StudyException {
        return file.write("change session " + s.label(), c -> {
            checkLabelFree(c, s.label(), s.id());
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE sessions SET label = ?, dyad = ?, session_date = ?, child_age_months = ?, context = ?, notes = ? WHERE id = ?")) {
                bindDetails(ps, s);
                ps.setLong(7, s.id());
                if (ps.executeUpdate() != 1) throw new StudyException(StudyException.Kind.INVALID_INPUT, "There is no session " + s.id() + " in this study.");
            }
            try (PreparedStatement del = c.prepareStatement("DELETE FROM session_metadata WHERE session_id = ?")) {
                del.setLong(1, s.id());
                del.executeUpdate();
            }
            insertMetadata(c, s.id(), s.metadata());
            return s;
        });
    }

    /** Detaches a video from its session (the file itself is not touched). */
    @Override
    public void removeMedia(long mediaId) throws StudyException {
        file.write("detach a video", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM media WHERE id = ?")) {
                ps.setLong(1, mediaId);
                if (ps.executeUpdate() != 1) throw new StudyException(StudyException.Kind.INVALID_INPUT, "There is no video " + mediaId + " in this study.");
            }
            return null;
        });
    }

    @Override
    public List<Session> sessions() throws StudyException {
        return file.read(SqliteSessions::readSessions);
    }

    @Override
    public Optional<Session> session(String label) throws StudyException {
        return sessions().stream().filter(s -> s.label().equals(label)).findFirst();
    }

    static List<Session> readSessions(Connection c) throws SQLException {
        Map<Long, Map<String, String>> meta = new HashMap<>();
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT session_id, key, value FROM session_metadata ORDER BY key")) {
            while (rs.next()) meta.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
        }
        List<Session> out = new ArrayList<>();
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT id, label, dyad, session_date, child_age_months, context, notes FROM sessions ORDER BY label")) {
            while (rs.next()) {
                double age = rs.getDouble(5);
                Double ageOrNull = rs.wasNull() ? null : age;
                out.add(new Session(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), ageOrNull, rs.getString(6),
                        rs.getString(7), meta.getOrDefault(rs.getLong(1), Map.of())));
            }
        }
        return out;
    }


    /**
     * Adds a session with its videos in one transaction: either the session and all its videos are
     * in the study afterwards, or (on any error) none of them.
     */
    @Override
    public Session addSession(Session s, List<NewMedia> media) throws StudyException {
        if (media.size() > 4) throw new StudyException(StudyException.Kind.INVALID_INPUT, "A session has at most 4 videos (camera positions 1–4).");
        List<String> stored = new ArrayList<>();
        for (NewMedia m : media) {
            checkPosition(m.position());
            stored.add(storedMediaPath(m.file()));
        }
        return file.write("add session " + s.label(), c -> {
            Session added = insertSession(c, s);
            for (int i = 0; i < media.size(); i++) insertMedia(c, added.id(), stored.get(i), media.get(i));
            return added;
        });
    }

    /** Sessions with their videos, inserted in the caller's transaction (an import that also adds events). */
    void insertSessions(Connection c, List<Session> sessions, List<List<NewMedia>> media) throws SQLException, StudyException {
        for (int i = 0; i < sessions.size(); i++) {
            List<NewMedia> videos = media.get(i);
            if (videos.size() > 4) throw new StudyException(StudyException.Kind.INVALID_INPUT, "A session has at most 4 videos (camera positions 1–4).");
            Session added = insertSession(c, sessions.get(i));
            for (NewMedia m : videos) {
                checkPosition(m.position());
                insertMedia(c, added.id(), storedMediaPath(m.file()), m);
            }
        }
    }

    private static void checkPosition(int position) throws StudyException {
        if (position < 1 || position > 4) throw new StudyException(StudyException.Kind.INVALID_INPUT, "Camera position must be 1–4, not " + position + ".");
    }

    private static void insertMedia(Connection c, long sessionId, String stored, NewMedia m) throws SQLException, StudyException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO media (session_id, position, path, offset_ms, fps, duration_ms) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, sessionId);
            ps.setInt(2, m.position());
            ps.setString(3, stored);
            ps.setLong(4, m.offsetMs());
            if (m.fps() == null) ps.setNull(5, Types.REAL);
            else ps.setDouble(5, m.fps());
            if (m.durationMs() == null) ps.setNull(6, Types.INTEGER);
            else ps.setLong(6, m.durationMs());
            ps.executeUpdate();
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("UNIQUE")) {
                throw new StudyException(StudyException.Kind.INVALID_INPUT, "Camera position " + m.position() + " of this session already has a video.");
            }
            throw e;
        }
    }

    /**
     * Points a video at its new location (after the file was moved or the study folder was copied to
     * another computer). The file is not copied; the new path is stored relative to the study when it can be.
     */
    @Override
    public MediaFile relinkMedia(long mediaId, Path newFile) throws StudyException {
        String stored = storedMediaPath(newFile);
        return updateMedia(mediaId, "relink the video", "UPDATE media SET path = ? WHERE id = ?", ps -> ps.setString(1, stored));
    }

    @Override
    public MediaFile setCodingCopy(long mediaId, Path copy) throws StudyException {
        String stored = copy == null ? null : storedMediaPath(copy);
        return updateMedia(mediaId, copy == null ? "forget the coding copy" : "remember the coding copy", "UPDATE media SET coding_copy = ? WHERE id = ?",
                ps -> ps.setString(1, stored));
    }

    /** Moves a video on the session's master clock: its time 0 lies at {@code offsetMs}. */
    @Override
    public MediaFile setMediaOffset(long mediaId, long offsetMs) throws StudyException {
        return updateMedia(mediaId, "change the video's offset", "UPDATE media SET offset_ms = ? WHERE id = ?", ps -> ps.setLong(1, offsetMs));
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private MediaFile updateMedia(long mediaId, String what, String sql, Binder first) throws StudyException {
        return file.write(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                first.bind(ps);
                ps.setLong(2, mediaId);
                if (ps.executeUpdate() != 1) throw new StudyException(StudyException.Kind.INVALID_INPUT, "There is no video " + mediaId + " in this study.");
            }
            return readMedia(c, "WHERE id = ?", mediaId).get(0);
        });
    }

    /**
     * Attaches a video to a session at camera position 1–4. The path is stored relative to the
     * study's folder whenever the two share a root, so the study folder can move as a whole; the
     * video itself is never copied.
     */
    @Override
    public MediaFile addMedia(long sessionId, Path video, int position, long offsetMs) throws StudyException {
        return addMedia(sessionId, new NewMedia(video, position, offsetMs, null, null));
    }

    /** Attaches a video (with its frame rate and duration when known) to an existing session. */
    @Override
    public MediaFile addMedia(long sessionId, NewMedia m) throws StudyException {
        checkPosition(m.position());
        String stored = storedMediaPath(m.file());
        return file.write("attach " + m.file().getFileName(), c -> {
            insertMedia(c, sessionId, stored, m);
            return new MediaFile(StudySchema.lastId(c), sessionId, m.position(), stored, m.offsetMs(), m.fps(), m.durationMs());
        });
    }

    String storedMediaPath(Path video) {
        Path abs = video.toAbsolutePath().normalize();
        Path dir = file.path.getParent();
        if (dir != null && abs.getRoot() != null && abs.getRoot().equals(dir.getRoot())) {
            return dir.relativize(abs).toString().replace('\\', '/');
        }
        return abs.toString();
    }

    /** Records a video's frame rate and duration once the player has read them. */
    @Override
    public MediaFile setMediaInfo(long mediaId, double fps, long durationMs) throws StudyException {
        if (!(fps > 0) || durationMs < 0) throw new StudyException(StudyException.Kind.INVALID_INPUT, "Frame rate must be positive and duration not negative.");
        return file.write("save the video's frame rate", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE media SET fps = ?, duration_ms = ? WHERE id = ?")) {
                ps.setDouble(1, fps);
                ps.setLong(2, durationMs);
                ps.setLong(3, mediaId);
                if (ps.executeUpdate() != 1) throw new StudyException(StudyException.Kind.INVALID_INPUT, "There is no video " + mediaId + " in this study.");
            }
            return readMedia(c, "WHERE id = ?", mediaId).get(0);
        });
    }

    /** Where a stored media path points on this computer. */
    @Override
    public Path resolveMedia(MediaFile m) {
        Path p = Path.of(m.path());
        return p.isAbsolute() ? p : file.path.getParent().resolve(p).normalize();
    }

    @Override
    public List<MediaFile> media(long sessionId) throws StudyException {
        return file.read(c -> readMedia(c, "WHERE session_id = ?", sessionId));
    }

    /** Every video of the study, by session and camera position. */
    @Override
    public List<MediaFile> allMedia() throws StudyException {
        return file.read(c -> readMedia(c, ""));
    }

    private static boolean hasColumn(Connection c, String table, String column) throws SQLException {
        if (StudySchema.onServer(c)) return true; // a server study is always of the current format (ServerSchema)
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pragma_table_info(?) WHERE name = ?")) {
            ps.setString(1, table);
            ps.setString(2, column);
            return ps.executeQuery().next();
        }
    }

    /** Videos matching {@code where} (with its {@code ?} bound to {@code args} in order; "" for all). */
    private static List<MediaFile> readMedia(Connection c, String where, long... args) throws SQLException {
        List<MediaFile> out = new ArrayList<>();
        // a study from before schema V3 opened read-only (not migrated) has no coding copies
        String copy = hasColumn(c, "media", "coding_copy") ? "coding_copy" : "NULL";
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, session_id, position, path, offset_ms, fps, duration_ms, " + copy + " FROM media " + where + " ORDER BY session_id, position")) {
            for (int i = 0; i < args.length; i++) ps.setLong(i + 1, args[i]);
            ResultSet rs = ps.executeQuery();
            while (rs.next()) {
                double fps = rs.getDouble(6);
                Double fpsOrNull = rs.wasNull() ? null : fps;
                long dur = rs.getLong(7);
                Long durOrNull = rs.wasNull() ? null : dur;
                out.add(new MediaFile(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getLong(5), fpsOrNull, durOrNull, rs.getString(8)));
            }
        }
        return out;
    }

}
