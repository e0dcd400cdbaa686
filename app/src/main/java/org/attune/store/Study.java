package org.attune.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.attune.coding.NewMedia;
import org.attune.coding.PassStatus;
import org.attune.coding.SchemeChange;
import org.attune.coding.Session;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.json.SchemeReadResult;
import org.attune.scheme.json.SchemeReader;
import org.attune.scheme.json.SchemeWriter;
import org.attune.store.pg.ServerUrl;

/**
 * A study: one SQLite file holding a lab's sessions, coders, coding passes, events and ratings,
 * with the scheme they were coded with. Every edit is its own committed transaction: when a method
 * returns, the change is on disk. Events, ratings and undo/redo are in {@link #events()}.
 *
 * <p>Only one process writes a study at a time; a second one gets it read-only with the reason
 * ({@link #readOnlyReason()}). See docs/decisions/0004-study-file.md.
 */
public final class Study implements SessionRepository, PassRepository, SchemeRepository, AutoCloseable {

    public static final String FILE_EXTENSION = ".attune";

    private final StudyFile file;
    private final SqliteSessions sessionStore;
    private final SqlitePasses passStore;
    private final String name;
    private CodingScheme scheme;
    private EventLog events;

    private Study(StudyFile file, CodingScheme scheme, String name) {
        this.file = file;
        this.sessionStore = new SqliteSessions(file);
        this.passStore = new SqlitePasses(file);
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
        void fill(Connection c) throws SQLException, StudyException;
    }

    /** Creates a study, filled by {@code more} in the same transaction: the file appears only when all of it is written. */
    static Study createWith(Path path, CodingScheme scheme, String name, Filling more) throws StudyException {
        return create(path, scheme, name, StudySchema.MIGRATIONS, more);
    }

    private static Study create(Path path, CodingScheme scheme, String name, List<StudySchema.Migration> migrations, Filling more) throws StudyException {
        StudyFile f = StudyFile.create(path, migrations, c -> initialise(c, scheme, name, more));
        return new Study(f, scheme, name);
    }

    /**
     * Creates a lab study on a PostgreSQL server (issue 18, ADR 12); one that exists is refused. Its videos are
     * found in {@code folder} on this computer (paths are kept relative to it); the password is {@code password}, else
     * PGPASSWORD, else ~/.pgpass.
     */
    public static Study create(ServerUrl url, Path folder, Optional<char[]> password, CodingScheme scheme, String name) throws StudyException {
        return new Study(ServerStudy.create(url, folder, password, c -> initialise(c, scheme, name, x -> { })), scheme, name);
    }

    /** Opens a lab study on a PostgreSQL server; see {@link #create(ServerUrl, Path, Optional, CodingScheme, String)}. */
    public static Study open(ServerUrl url, Path folder, Optional<char[]> password, boolean readOnly) throws StudyException {
        return loaded(ServerStudy.open(url, folder, password, readOnly), url.study(), url.toString());
    }

    private static Void initialise(Connection c, CodingScheme scheme, String name, Filling more) throws SQLException, StudyException {
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
    }

    /** Opens a study for editing, or read-only with the reason if another window or computer has it open. */
    public static Study open(Path path) throws StudyException {
        return open(path, false, StudySchema.MIGRATIONS);
    }

    public static Study openReadOnly(Path path) throws StudyException {
        return open(path, true, StudySchema.MIGRATIONS);
    }

    static Study open(Path path, boolean readOnly, List<StudySchema.Migration> migrations) throws StudyException {
        return open(path, readOnly, migrations, true);
    }

    /** {@code damageChecked} false: only for {@link CheckedRead}, which runs SQLite's whole-file checks alongside. */
    static Study open(Path path, boolean readOnly, List<StudySchema.Migration> migrations, boolean damageChecked) throws StudyException {
        return loaded(StudyFile.open(path, readOnly, migrations, damageChecked), path.getFileName().toString(), path.getFileName().toString());
    }

    /** The study of an opened file or server schema: its name and its scheme. */
    private static Study loaded(StudyFile f, String fallbackName, String where) throws StudyException {
        try {
            String name = f.read(c -> info(c).getOrDefault("name", fallbackName));
            return new Study(f, f.read(c -> storedScheme(c, where)), name);
        } catch (StudyException e) {
            f.close();
            throw e;
        }
    }

    /** The study's current scheme as stored ({@code where}: the study, for messages); none, or one that cannot be read, is damage. */
    static CodingScheme storedScheme(Connection c, String where) throws SQLException, StudyException {
        String json;
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT json FROM schemes WHERE current = 1")) {
            json = rs.next() ? rs.getString(1) : null;
        }
        if (json == null) throw new StudyException(StudyException.Kind.DAMAGED, where + " has no coding scheme; it is damaged.");
        SchemeReadResult r = SchemeReader.readText(json, where + " (stored scheme)");
        if (!r.ok()) {
            throw new StudyException(StudyException.Kind.DAMAGED, "The scheme stored in " + where + " cannot be read: " + r.errors().get(0).format());
        }
        return r.scheme().get();
    }

    /**
     * The study file; for a lab study on a server, the study's name in the local folder its videos are found in
     * (see {@link #server()}).
     */
    public Path path() {
        return file.path;
    }

    public String name() {
        return name;
    }

    /** The lab server's study this is, if it is one (ADR 12). */
    public Optional<ServerUrl> server() {
        return Optional.ofNullable(file.server);
    }

    /** What only a lab study on a server has (pass leases, logins, the server's news); empty for a file. */
    public Optional<LabStudy> lab() {
        return file.server == null ? Optional.empty() : Optional.of(new LabStudy(file));
    }

    /** Where the study is, for people: the file, or the server study's address. */
    public String location() {
        return file.server != null ? file.server.toString() : file.path.toString();
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
    public EventRepository events() {
        return events;
    }

    /** Writes a consistent copy of the whole study, even if the original file has been deleted meanwhile. */
    public void saveCopy(Path target) throws StudyException {
        file.saveCopy(target);
    }

    public Map<String, String> info() throws StudyException {
        return file.read(Study::info);
    }

    // ------------------------------------------------------------------ sessions and media: SessionRepository, kept by SqliteSessions

    @Override
    public Session addSession(Session s) throws StudyException {
        return sessionStore.addSession(s);
    }

    @Override
    public Session updateSession(Session s) throws StudyException {
        return sessionStore.updateSession(s);
    }

    @Override
    public void removeMedia(long mediaId) throws StudyException {
        sessionStore.removeMedia(mediaId);
    }

    @Override
    public List<Session> sessions() throws StudyException {
        return sessionStore.sessions();
    }

    @Override
    public Optional<Session> session(String label) throws StudyException {
        return sessionStore.session(label);
    }

    @Override
    public Session addSession(Session s, List<NewMedia> media) throws StudyException {
        return sessionStore.addSession(s, media);
    }

    /**
     * Adds new sessions (with their videos) and events for them — a peer's project, an observation per
     * session — in one transaction: all of it, or nothing (the first problem says why). Events name their
     * session by label and their coder by initials (coders and passes are created as needed).
     */
    public EventRepository.ImportSummary importSessions(List<Session> sessions, List<List<NewMedia>> media, List<EventRepository.ImportRow> rows)
            throws StudyException {
        if (sessions.size() != media.size()) throw new IllegalArgumentException("one list of videos per session");
        for (EventRepository.ImportRow r : rows) {
            Optional<String> problem = org.attune.coding.EventRules.problem(scheme, r.event());
            if (problem.isPresent()) {
                throw new StudyException(StudyException.Kind.INVALID_INPUT, "Nothing was imported: " + (r.line() > 0 ? "line " + r.line() + ": " : "")
                        + problem.get() + ".");
            }
        }
        return file.write("import " + sessions.size() + " sessions", c -> {
            sessionStore.insertSessions(c, sessions, media);
            return EventImport.importAll(file, c, scheme, rows);
        });
    }

    @Override
    public MediaFile relinkMedia(long mediaId, Path newFile) throws StudyException {
        return sessionStore.relinkMedia(mediaId, newFile);
    }

    @Override
    public MediaFile setMediaOffset(long mediaId, long offsetMs) throws StudyException {
        return sessionStore.setMediaOffset(mediaId, offsetMs);
    }

    @Override
    public MediaFile addMedia(long sessionId, Path video, int position, long offsetMs) throws StudyException {
        return sessionStore.addMedia(sessionId, video, position, offsetMs);
    }

    @Override
    public MediaFile addMedia(long sessionId, NewMedia m) throws StudyException {
        return sessionStore.addMedia(sessionId, m);
    }

    @Override
    public MediaFile setMediaInfo(long mediaId, double fps, long durationMs) throws StudyException {
        return sessionStore.setMediaInfo(mediaId, fps, durationMs);
    }

    @Override
    public Path resolveMedia(MediaFile m) {
        return sessionStore.resolveMedia(m);
    }

    @Override
    public MediaFile setCodingCopy(long mediaId, Path copy) throws StudyException {
        return sessionStore.setCodingCopy(mediaId, copy);
    }

    @Override
    public List<MediaFile> media(long sessionId) throws StudyException {
        return sessionStore.media(sessionId);
    }

    @Override
    public List<MediaFile> allMedia() throws StudyException {
        return sessionStore.allMedia();
    }

    // ------------------------------------------------------------------ coders and passes: PassRepository, kept by SqlitePasses

    @Override
    public Coder addCoder(String name, String initials) throws StudyException {
        return passStore.addCoder(name, initials);
    }

    @Override
    public List<Coder> coders() throws StudyException {
        return passStore.coders();
    }

    @Override
    public CodingPass pass(long sessionId, long coderId) throws StudyException {
        return passStore.pass(sessionId, coderId);
    }

    @Override
    public List<CodingPass> passes() throws StudyException {
        return passStore.passes();
    }

    @Override
    public Map<Long, Long> eventCounts() throws StudyException {
        return passStore.eventCounts();
    }

    @Override
    public CodingPass setPassStatus(long passId, PassStatus status) throws StudyException {
        return passStore.setPassStatus(passId, status);
    }

    /** "2 states (C_EXPLORE from 12.000 s, P_GAZE from 40.000 s) are": for messages. */
    public static String describeRunning(List<CodedEvent> running) {
        return SqlitePasses.describeRunning(running);
    }

    @Override
    public long sessionEndMs(long passId) throws StudyException {
        return passStore.sessionEndMs(passId);
    }

    @Override
    public CodingPass markDoneEndingRunning(long passId) throws StudyException {
        return passStore.markDoneEndingRunning(passId);
    }

    @Override
    public void setBlind(long passId, boolean blind) throws StudyException {
        passStore.setBlind(passId, blind);
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
                // one event of each kind (modifiers; running or not) is checked: the same rules hold for the others
                try (PreparedStatement ps = c.prepareStatement("SELECT onset_ms, offset_ms, modifiers FROM events WHERE id IN (SELECT min(id) FROM events"
                        + " WHERE code = ? AND modifiers <> '' GROUP BY modifiers, offset_ms IS NULL)")) {
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

    static Map<String, String> info(Connection c) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT key, value FROM study_info ORDER BY key")) {
            while (rs.next()) out.put(rs.getString(1), rs.getString(2));
        }
        return out;
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
