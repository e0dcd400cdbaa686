package org.attune.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attune.coding.CodedEvent;
import org.attune.coding.Coder;
import org.attune.coding.CodingPass;
import org.attune.coding.MediaFile;
import org.attune.coding.PassStatus;
import org.attune.coding.SchemeChange;
import org.attune.coding.Session;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.json.SchemeReadResult;
import org.attune.scheme.json.SchemeReader;
import org.attune.scheme.json.SchemeWriter;

/**
 * A study: one SQLite file holding a lab's sessions, coders, coding passes, events and ratings,
 * with the scheme they were coded with. Every edit is its own committed transaction: when a method
 * returns, the change is on disk. Events, ratings and undo/redo are in {@link #events()}.
 *
 * <p>Only one process writes a study at a time; a second one gets it read-only with the reason
 * ({@link #readOnlyReason()}). See docs/decisions/0004-study-file.md.
 */
public final class Study implements AutoCloseable {

    public static final String FILE_EXTENSION = ".attune";

    private final StudyFile file;
    private final String name;
    private CodingScheme scheme;
    private EventLog events;

    private Study(StudyFile file, CodingScheme scheme, String name) {
        this.file = file;
        this.scheme = scheme;
        this.name = name;
        this.events = new EventLog(file, scheme);
    }

    /** Creates a new study file with the given scheme. Refuses to overwrite an existing file. */
    public static Study create(Path path, CodingScheme scheme, String name) throws StudyException {
        return create(path, scheme, name, StudySchema.MIGRATIONS);
    }

    static Study create(Path path, CodingScheme scheme, String name, List<StudySchema.Migration> migrations) throws StudyException {
        return create(path, scheme, name, migrations, c -> { });
    }

    /** Work on a new study's file before it is moved into place (e.g. rows copied by {@link Salvage}). */
    interface Filling {
        void fill(Connection c) throws SQLException;
    }

    /** Creates a study, filled by {@code more} in the same transaction: the file appears only when all of it is written. */
    static Study createWith(Path path, CodingScheme scheme, String name, Filling more) throws StudyException {
        return create(path, scheme, name, StudySchema.MIGRATIONS, more);
    }

    private static Study create(Path path, CodingScheme scheme, String name, List<StudySchema.Migration> migrations, Filling more) throws StudyException {
        StudyFile f = StudyFile.create(path, migrations, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO study_info (key, value) VALUES (?, ?)")) {
                for (String[] kv : new String[][] {{"name", name}, {"created_at", now()}, {"created_by", appVersion()}}) {
                    ps.setString(1, kv[0]);
                    ps.setString(2, kv[1]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            insertScheme(c, scheme);
            more.fill(c);
            return null;
        });
        return new Study(f, scheme, name);
    }

    /** Opens a study for editing, or read-only with the reason if another window or computer has it open. */
    public static Study open(Path path) throws StudyException {
        return open(path, false, StudySchema.MIGRATIONS);
    }

    public static Study openReadOnly(Path path) throws StudyException {
        return open(path, true, StudySchema.MIGRATIONS);
    }

    static Study open(Path path, boolean readOnly, List<StudySchema.Migration> migrations) throws StudyException {
        StudyFile f = StudyFile.open(path, readOnly, migrations);
        try {
            String name = f.read(c -> info(c).getOrDefault("name", path.getFileName().toString()));
            String json = f.read(c -> {
                try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT json FROM schemes WHERE current = 1")) {
                    return rs.next() ? rs.getString(1) : null;
                }
            });
            if (json == null) throw new StudyException(StudyException.Kind.DAMAGED, path.getFileName() + " has no coding scheme; it is damaged.");
            SchemeReadResult r = SchemeReader.readText(json, path.getFileName() + " (stored scheme)");
            if (!r.ok()) {
                throw new StudyException(StudyException.Kind.DAMAGED, "The scheme stored in " + path.getFileName() + " cannot be read: " + r.errors().get(0).format());
            }
            return new Study(f, r.scheme().get(), name);
        } catch (StudyException e) {
            f.close();
            throw e;
        }
    }

    public Path path() {
        return file.path;
    }

    public String name() {
        return name;
    }

    public CodingScheme scheme() {
        return scheme;
    }

    public boolean isReadOnly() {
        return file.isReadOnly();
    }

    /** Why edits are refused, when they are: e.g. "it is open in another window (…)". */
    public Optional<String> readOnlyReason() {
        return file.readOnlyReason();
    }

    /** The open file, for tests in this package (e.g. to simulate a full disk). */
    StudyFile file() {
        return file;
    }

    /** Work on a study as one piece: several reads and writes, run on the study's own thread. */
    public interface Work<T> {
        T run(Study study) throws StudyException;
    }

    /**
     * Runs {@code work} on the study's thread, the one thread that touches the file, without
     * waiting: the future completes with its result or its failure. Every call inside the work runs
     * there directly. For long work a window must not wait for (opening a pass, counting events).
     */
    public <T> java.util.concurrent.CompletableFuture<T> submit(Work<T> work) {
        return file.submit(() -> work.run(this));
    }

    /** Events, ratings and their undo history. */
    public EventLog events() {
        return events;
    }

    /** Writes a consistent copy of the whole study, even if the original file has been deleted meanwhile. */
    public void saveCopy(Path target) throws StudyException {
        file.saveCopy(target);
    }

    public Map<String, String> info() throws StudyException {
        return file.read(Study::info);
    }

    // ------------------------------------------------------------------ sessions and media

    /** Adds a session; its {@code id} is ignored and assigned. Labels are unique within a study. */
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
            id = lastId(c);
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
    public void removeMedia(long mediaId) throws StudyException {
        file.write("detach a video", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM media WHERE id = ?")) {
                ps.setLong(1, mediaId);
                if (ps.executeUpdate() != 1) throw new StudyException(StudyException.Kind.INVALID_INPUT, "There is no video " + mediaId + " in this study.");
            }
            return null;
        });
    }

    public List<Session> sessions() throws StudyException {
        return file.read(Study::readSessions);
    }

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

    /** A video to attach while adding a session; {@code fps} and {@code durationMs} may be {@code null} when unknown. */
    public record NewMedia(Path file, int position, long offsetMs, Double fps, Long durationMs) {
    }

    /**
     * Adds a session with its videos in one transaction: either the session and all its videos are
     * in the study afterwards, or (on any error) none of them.
     */
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
    public MediaFile relinkMedia(long mediaId, Path newFile) throws StudyException {
        String stored = storedMediaPath(newFile);
        return updateMedia(mediaId, "relink the video", "UPDATE media SET path = ? WHERE id = ?", ps -> ps.setString(1, stored));
    }

    /** Moves a video on the session's master clock: its time 0 lies at {@code offsetMs}. */
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
    public MediaFile addMedia(long sessionId, Path video, int position, long offsetMs) throws StudyException {
        return addMedia(sessionId, new NewMedia(video, position, offsetMs, null, null));
    }

    /** Attaches a video (with its frame rate and duration when known) to an existing session. */
    public MediaFile addMedia(long sessionId, NewMedia m) throws StudyException {
        checkPosition(m.position());
        String stored = storedMediaPath(m.file());
        return file.write("attach " + m.file().getFileName(), c -> {
            insertMedia(c, sessionId, stored, m);
            return new MediaFile(lastId(c), sessionId, m.position(), stored, m.offsetMs(), m.fps(), m.durationMs());
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
    public MediaFile setMediaInfo(long mediaId, double fps, long durationMs) throws StudyException {
        if (!(fps > 0) || durationMs < 0) throw new StudyException(StudyException.Kind.INVALID_INPUT, "Frame rate must be positive and duration not negative.");
        return file.write("save the video's frame rate", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE media SET fps = ?, duration_ms = ? WHERE id = ?")) {
                ps.setDouble(1, fps);
                ps.setLong(2, durationMs);
                ps.setLong(3, mediaId);
                if (ps.executeUpdate() != 1) throw new StudyException(StudyException.Kind.INVALID_INPUT, "There is no video " + mediaId + " in this study.");
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT session_id, position, path, offset_ms FROM media WHERE id = ?")) {
                ps.setLong(1, mediaId);
                ResultSet rs = ps.executeQuery();
                rs.next();
                return new MediaFile(mediaId, rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getLong(4), fps, durationMs);
            }
        });
    }

    /** Where a stored media path points on this computer. */
    public Path resolveMedia(MediaFile m) {
        Path p = Path.of(m.path());
        return p.isAbsolute() ? p : file.path.getParent().resolve(p).normalize();
    }

    public List<MediaFile> media(long sessionId) throws StudyException {
        return file.read(c -> readMedia(c, "WHERE session_id = ?", sessionId));
    }

    /** Every video of the study, by session and camera position. */
    public List<MediaFile> allMedia() throws StudyException {
        return file.read(c -> readMedia(c, ""));
    }

    /** Videos matching {@code where} (with its {@code ?} bound to {@code args} in order; "" for all). */
    private static List<MediaFile> readMedia(Connection c, String where, long... args) throws SQLException {
        List<MediaFile> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, session_id, position, path, offset_ms, fps, duration_ms FROM media " + where + " ORDER BY session_id, position")) {
            for (int i = 0; i < args.length; i++) ps.setLong(i + 1, args[i]);
            ResultSet rs = ps.executeQuery();
            while (rs.next()) {
                double fps = rs.getDouble(6);
                Double fpsOrNull = rs.wasNull() ? null : fps;
                long dur = rs.getLong(7);
                Long durOrNull = rs.wasNull() ? null : dur;
                out.add(new MediaFile(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getLong(5), fpsOrNull, durOrNull));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ coders and passes

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
        return new Coder(lastId(c), name == null || name.isBlank() ? initials : name, initials);
    }

    public List<Coder> coders() throws StudyException {
        return file.read(Study::readCoders);
    }

    static List<Coder> readCoders(Connection c) throws SQLException {
        List<Coder> out = new ArrayList<>();
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, name, initials FROM coders ORDER BY initials")) {
            while (rs.next()) out.add(new Coder(rs.getLong(1), rs.getString(2), rs.getString(3)));
        }
        return out;
    }

    /** The pass of this coder on this session, created (not started, blind) if there is none yet. */
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
        return new CodingPass(lastId(c), sessionId, coderId, PassStatus.NOT_STARTED, true, null, null);
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

    public List<CodingPass> passes() throws StudyException {
        return file.read(Study::readPasses);
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
    public Map<Long, Long> eventCounts() throws StudyException {
        return file.read(c -> {
            Map<Long, Long> out = new HashMap<>();
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pass_id, count(*) FROM events GROUP BY pass_id")) {
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
    public CodingPass setPassStatus(long passId, PassStatus status) throws StudyException {
        return file.write("change the pass status", c -> {
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
    public CodingPass markDoneEndingRunning(long passId) throws StudyException {
        return file.write("mark the pass done", c -> {
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
        String sql = switch (status) {
            case NOT_STARTED -> "UPDATE passes SET status = ?1, started_at = NULL, finished_at = NULL WHERE id = ?2";
            case IN_PROGRESS -> "UPDATE passes SET status = ?1, started_at = COALESCE(started_at, ?3), finished_at = NULL WHERE id = ?2";
            case DONE -> "UPDATE passes SET status = ?1, started_at = COALESCE(started_at, ?3), finished_at = ?3 WHERE id = ?2";
        };
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, status.jsonName());
            ps.setLong(2, passId);
            if (status != PassStatus.NOT_STARTED) ps.setString(3, now());
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

    // ------------------------------------------------------------------ moving to a new scheme version

    /**
     * What moving this study to {@code newScheme} would do, with the given renames (old code id →
     * new code id). Nothing is changed.
     */
    public SchemeChange planSchemeChange(CodingScheme newScheme, Map<String, String> renames) throws StudyException {
        return file.read(c -> {
            Map<String, Long> usage = new HashMap<>();
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT code, count(*) FROM events GROUP BY code UNION ALL SELECT code, count(*) FROM ratings GROUP BY code")) {
                while (rs.next()) usage.merge(rs.getString(1), rs.getLong(2), Long::sum);
            }
            return SchemeChange.compare(scheme, newScheme, renames, usage, (oldCode, newCode) -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT onset_ms, offset_ms, modifiers FROM events WHERE code = ? AND modifiers <> '' GROUP BY modifiers")) {
                    ps.setString(1, oldCode);
                    ResultSet rs = ps.executeQuery();
                    while (rs.next()) {
                        long onset = rs.getLong(1);
                        long offset = rs.getLong(2);
                        Long off = rs.wasNull() ? null : offset;
                        org.attune.coding.EventDraft d = new org.attune.coding.EventDraft(newCode, onset, off,
                                org.attune.coding.Modifiers.parse(rs.getString(3)), "");
                        Optional<String> p = org.attune.coding.EventRules.problem(newScheme, d);
                        if (p.isPresent()) return Optional.of("events of " + oldCode + " would not fit the new scheme: " + p.get());
                    }
                    return Optional.empty();
                } catch (SQLException e) {
                    return Optional.of("cannot check the events of " + oldCode + ": " + e.getMessage());
                }
            });
        });
    }

    /**
     * Moves the study to a new scheme version: backs the study up, stores the new scheme as current
     * (older versions stay in the file), renames codes in events and ratings, and clears the undo
     * history (an undo must not bring back codes of the old version). All in one transaction.
     *
     * @return the backup file
     */
    public Path changeScheme(SchemeChange change) throws StudyException {
        if (!change.canApply()) {
            throw new StudyException(StudyException.Kind.INVALID_INPUT, "The scheme change cannot be applied: " + String.join("; ", change.blockers()));
        }
        if (!change.from().equals(scheme)) throw new StudyException(StudyException.Kind.INVALID_INPUT, "The plan was made for another scheme version; plan again.");
        String stamp = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path backup = file.path.resolveSibling(file.path.getFileName() + ".before-scheme-" + change.to().version() + "-" + stamp);
        file.saveCopy(backup);
        file.write("change the scheme", c -> {
            try (var st = c.createStatement()) {
                st.execute("UPDATE schemes SET current = 0");
                st.execute("DELETE FROM history");
            }
            insertScheme(c, change.to());
            for (Map.Entry<String, String> r : change.renames().entrySet()) {
                for (String table : new String[] {"events", "ratings"}) {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET code = ? WHERE code = ?")) {
                        ps.setString(1, r.getValue());
                        ps.setString(2, r.getKey());
                        ps.executeUpdate();
                    }
                }
            }
            return null;
        });
        scheme = change.to();
        events = new EventLog(file, scheme);
        return backup;
    }

    /** Scheme versions stored in the study, oldest first: "id version (added …)", the current one marked. */
    public List<String> schemeHistory() throws StudyException {
        return file.read(c -> {
            List<String> out = new ArrayList<>();
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT scheme_id, version, added_at, current FROM schemes ORDER BY id")) {
                while (rs.next()) out.add(rs.getString(1) + " " + rs.getString(2) + " (added " + rs.getString(3) + ")" + (rs.getInt(4) == 1 ? " current" : ""));
            }
            return out;
        });
    }

    // ------------------------------------------------------------------ helpers

    private static void insertScheme(Connection c, CodingScheme scheme) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO schemes (scheme_id, version, json, added_at, current) VALUES (?, ?, ?, ?, 1)")) {
            ps.setString(1, scheme.id());
            ps.setString(2, scheme.version());
            ps.setString(3, SchemeWriter.toJson(scheme));
            ps.setString(4, now());
            ps.executeUpdate();
        }
    }

    private static Map<String, String> info(Connection c) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT key, value FROM study_info ORDER BY key")) {
            while (rs.next()) out.put(rs.getString(1), rs.getString(2));
        }
        return out;
    }

    static long lastId(Connection c) throws SQLException {
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT last_insert_rowid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String appVersion() {
        String v = Study.class.getPackage().getImplementationVersion();
        return "Attune " + (v == null ? "(development build)" : v);
    }

    @Override
    public void close() {
        file.close();
    }
}
