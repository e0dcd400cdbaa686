package org.attune.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.attune.store.pg.ServerUrl;

/**
 * A lab study on a PostgreSQL server (issue 18, ADR 12): opening and creating one, its failures in words, and the
 * one-writer-per-pass rule. The study's tables are those of the file ({@link ServerSchema}) and the same store code
 * runs on them: the connection's {@code search_path} is the study's schema, and every edit is one transaction that
 * the server has committed when the method returns.
 *
 * <p><b>Pass leases.</b> Every edit of a pass's events, ratings or undo history first takes or renews the pass's
 * lease in its own transaction — an atomic upsert that succeeds only when the lease is this app's or has lapsed —
 * so two apps can never both write one pass, whatever their windows show. An open study renews its leases every
 * {@value #RENEW_SECONDS} s; an app that dies stops renewing and its passes are free {@value #LEASE_SECONDS} s later
 * at most. Closing the study gives its leases back at once.
 */
final class ServerStudy {

    /** Lapses 25 s after the last edit or renewal: with the time to notice, a dead app's pass is free within the issue's 30 s. */
    static final int LEASE_SECONDS = 25;
    static final int RENEW_SECONDS = 10;

    private static final ScheduledExecutorService RENEWALS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "attune-pass-leases");
        t.setDaemon(true);
        return t;
    });

    private ServerStudy() {
    }

    /** Creates the study's schema and fills it with {@code initialise}, all in one transaction; an existing study is refused. */
    static StudyFile create(ServerUrl url, Path folder, Optional<char[]> password, StudyFile.Work<Void> initialise) throws StudyException {
        Connection c = ServerConnections.connect(url, password);
        try {
            c.setAutoCommit(false);
            if (ServerSchema.exists(c, url.schema())) {
                throw new StudyException(StudyException.Kind.INVALID_INPUT, url + " exists already; choose another study name (?study=…): a study is never"
                        + " made over another.");
            }
            ServerSchema.create(c, url.schema());
            setSchema(c, url);
            initialise.run(c);
            c.commit();
            c.setAutoCommit(true);
            return opened(url, folder, password, c, null);
        } catch (SQLException e) {
            rollbackAndClose(c);
            throw translate(e, url, "create the study");
        } catch (StudyException | RuntimeException e) {
            rollbackAndClose(c);
            throw e;
        }
    }

    /** Opens the study; read-only when asked (the server then refuses every write of this connection too). */
    static StudyFile open(ServerUrl url, Path folder, Optional<char[]> password, boolean readOnly) throws StudyException {
        Connection c = ServerConnections.connect(url, password);
        try {
            checkStudy(c, url);
            useStudy(c, url, readOnly);
            return opened(url, folder, password, c, readOnly ? "it was opened read-only" : null);
        } catch (SQLException e) {
            rollbackAndClose(c);
            throw translate(e, url, "open the study");
        } catch (StudyException | RuntimeException e) {
            rollbackAndClose(c);
            throw e;
        }
    }

    /** That the server has the study, this login may use it, and this Attune can read its format; else why not, in words. */
    static void checkStudy(Connection c, ServerUrl url) throws SQLException, StudyException {
        if (!ServerSchema.exists(c, url.schema())) {
            throw new StudyException(StudyException.Kind.NOT_FOUND, "There is no study " + url.study() + " in database " + url.database() + " on "
                    + url.host() + "; check the name after ?study=, or create it (attune study create " + url + ").");
        }
        if (!ServerSchema.mayUse(c, url.schema())) {
            throw new StudyException(StudyException.Kind.READ_ONLY, "The login " + ServerConnections.user(url) + " may not open " + url.study()
                    + "; ask the lab manager to give it to you (attune study give-login " + url + " --coder INITIALS --login "
                    + ServerConnections.user(url) + ").");
        }
        int version = ServerSchema.version(c, url.schema());
        if (version == 0) throw new StudyException(StudyException.Kind.NOT_A_STUDY, url + " is not an Attune study (its schema has no version).");
        if (version > ServerSchema.currentVersion()) {
            throw new StudyException(StudyException.Kind.TOO_NEW, url + " was made by a newer Attune (format " + version + "); update Attune to open it.");
        }
    }

    private static StudyFile opened(ServerUrl url, Path folder, Optional<char[]> password, Connection c, String readOnlyReason) {
        StudyFile f = new StudyFile(url, folder.toAbsolutePath().normalize().resolve(url.study()), c, readOnlyReason, holderName(url));
        f.password = password.map(char[]::clone);
        f.backendPid = backendPid(c);
        if (readOnlyReason == null) {
            f.leaseRenewal = RENEWALS.scheduleWithFixedDelay(() -> f.submit(() -> renew(f)), RENEW_SECONDS, RENEW_SECONDS, TimeUnit.SECONDS);
        }
        return f;
    }

    private static int backendPid(Connection c) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            return 0; // only news of its own changes would then reach it too
        }
    }

    private static void setSchema(Connection c, ServerUrl url) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET search_path TO " + url.schema());
        }
    }

    /** A connection made ready for the study: its schema, and read-only when it was opened so (the server then refuses writes too). */
    private static void useStudy(Connection c, ServerUrl url, boolean readOnly) throws SQLException {
        setSchema(c, url);
        if (!readOnly) return;
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
        }
    }

    /** "ana@lab-pc-3": who holds a pass, as another coder's app shows it. */
    private static String holderName(ServerUrl url) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "an unnamed computer";
        }
        return ServerConnections.user(url) + "@" + host;
    }

    /** Whether a failure means the connection is gone (the server stopped, the network dropped, the session was ended). */
    static boolean connectionLost(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }

    /**
     * On the study thread, before an edit or a read after the connection was lost: connects again (same login, same
     * schema, read-only if it was). Still out of reach: the edit is refused as not saved. The leases this app held may
     * have lapsed meanwhile; the next edit of a pass takes its lease again, or is refused if another app took it.
     */
    static void reconnect(StudyFile f, String what) throws StudyException {
        Connection fresh;
        try {
            fresh = ServerConnections.connect(f.server, f.password);
        } catch (StudyException e) {
            throw new StudyException(StudyException.Kind.UNREACHABLE, "Cannot " + what + ": the lab server " + f.server.host() + " is still out of reach"
                    + notSaved(what) + ". " + e.getMessage(), e);
        }
        try {
            useStudy(fresh, f.server, f.isReadOnly());
        } catch (SQLException e) {
            rollbackAndClose(fresh);
            throw translate(e, f.server, what);
        }
        rollbackAndClose(f.connection);
        f.connection = fresh;
        f.backendPid = backendPid(fresh);
        f.lost = false;
    }

    /** Whether the server answers now (reconnecting if the connection was lost): for a banner that waits for it. */
    static boolean reachable(StudyFile f) {
        try {
            return f.read(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("SELECT 1");
                }
                return true;
            });
        } catch (StudyException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ one writer per pass

    /**
     * Takes or renews the pass's lease inside the edit's transaction; refused, with who holds it, while another app's
     * lease on it has not lapsed.
     */
    static void claim(StudyFile f, Connection c, long passId) throws SQLException, StudyException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO pass_leases (pass_id, holder, holder_name, expires_at) VALUES (?, ?, ?, now() + make_interval(secs => ?))
                ON CONFLICT (pass_id) DO UPDATE SET holder = excluded.holder, holder_name = excluded.holder_name, expires_at = excluded.expires_at,
                  taken_at = CASE WHEN pass_leases.holder = excluded.holder THEN pass_leases.taken_at ELSE now() END
                WHERE pass_leases.holder = excluded.holder OR pass_leases.expires_at < now()""")) {
            ps.setLong(1, passId);
            ps.setString(2, f.holder);
            ps.setString(3, f.holderName);
            ps.setInt(4, LEASE_SECONDS);
            if (ps.executeUpdate() == 1) return;
        }
        throw heldElsewhere(c, passId);
    }

    /** Who holds a pass other than this app, if anyone (for opening it read-only with their name). */
    static Optional<String> holderOtherThan(StudyFile f, Connection c, long passId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT holder_name FROM pass_leases WHERE pass_id = ? AND holder <> ? AND expires_at >= now()")) {
            ps.setLong(1, passId);
            ps.setString(2, f.holder);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static StudyException heldElsewhere(Connection c, long passId) throws SQLException {
        String who = "another app";
        try (PreparedStatement ps = c.prepareStatement("SELECT holder_name, to_char(taken_at, 'HH24:MI') FROM pass_leases WHERE pass_id = ?")) {
            ps.setLong(1, passId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) who = rs.getString(1) + " (since " + rs.getString(2) + ")";
            }
        }
        return new StudyException(StudyException.Kind.LOCKED, "This pass is being coded by " + who + ", so this edit was not saved: one pass has one"
                + " coder at a time. Open it read-only, or wait until it is closed there (if that Attune stopped, the pass is free within "
                + LEASE_SECONDS + " seconds).");
    }

    /** Keeps this app's leases from lapsing; a failure is left to the next edit, which tells it in words. */
    static Void renew(StudyFile f) {
        try (PreparedStatement ps = f.connection.prepareStatement("UPDATE pass_leases SET expires_at = now() + make_interval(secs => ?) WHERE holder = ?")) {
            ps.setInt(1, LEASE_SECONDS);
            ps.setString(2, f.holder);
            ps.executeUpdate();
        } catch (SQLException e) {
            // the server is out of reach: the lease lapses, and the next edit takes it again or is refused
        }
        return null;
    }

    /** Gives back this app's lease of a pass (its coding window closed). */
    static void release(StudyFile f, Connection c, long passId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM pass_leases WHERE pass_id = ? AND holder = ?")) {
            ps.setLong(1, passId);
            ps.setString(2, f.holder);
            ps.executeUpdate();
        }
    }

    /** On the study thread as the study closes: renewals stop and every lease of this app is given back. */
    static void closing(StudyFile f) {
        if (f.leaseRenewal != null) f.leaseRenewal.cancel(false);
        if (f.isReadOnly()) return;
        try (PreparedStatement ps = f.connection.prepareStatement("DELETE FROM pass_leases WHERE holder = ?")) {
            ps.setString(1, f.holder);
            ps.executeUpdate();
        } catch (SQLException e) {
            // out of reach: the leases lapse on their own within LEASE_SECONDS
        }
    }

    // ------------------------------------------------------------------ roles

    /**
     * Lets a server login code as one of the study's coders (the lab manager's command): it may read the study, write
     * its own passes' events, ratings and undo history, and sees other coders' events only as the blind rule allows
     * (row-level security, ServerSchema). The login is made by the server's administrator; this only gives it the study.
     */
    static void giveLogin(StudyFile f, String initials, String login) throws StudyException {
        f.write("give " + login + " the coder " + initials, c -> {
            Long coder = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM coders WHERE initials = ?")) {
                ps.setString(1, initials);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) coder = rs.getLong(1);
                }
            }
            if (coder == null) throw new StudyException(StudyException.Kind.INVALID_INPUT, "There is no coder " + initials + " in " + f.server.study() + "; add the coder first.");
            String quoted;
            try (PreparedStatement ps = c.prepareStatement("SELECT quote_ident(rolname) FROM pg_roles WHERE rolname = ? AND rolcanlogin")) {
                ps.setString(1, login);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new StudyException(StudyException.Kind.NOT_FOUND, "There is no login " + login + " on " + f.server.host() + "; ask the server's"
                                + " administrator to make it (CREATE ROLE " + login + " LOGIN PASSWORD '…'), then give it again.");
                    }
                    quoted = rs.getString(1);
                }
            }
            String schema = f.server.schema();
            try (Statement st = c.createStatement()) {
                st.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + quoted);
                st.execute("GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + quoted);
                st.execute("GRANT INSERT, UPDATE, DELETE ON " + schema + ".events, " + schema + ".ratings, " + schema + ".history, " + schema
                        + ".pass_leases TO " + quoted);
                st.execute("GRANT UPDATE ON " + schema + ".passes TO " + quoted);
                st.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + quoted);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO coder_logins (login, coder_id) VALUES (?, ?)"
                    + " ON CONFLICT (login) DO UPDATE SET coder_id = excluded.coder_id")) {
                ps.setString(1, login);
                ps.setLong(2, coder);
                ps.executeUpdate();
            }
            return null;
        });
    }

    // ------------------------------------------------------------------ copies and failures

    /** Writes everything of the study into a new study file, as of one moment (StudyCopy.fromServer). */
    static Void saveCopy(StudyFile f, Path target) throws StudyException {
        try {
            StudyCopy.fromServer(f.connection, f.server, target);
            return null;
        } catch (SQLException e) {
            throw translate(e, f.server, "save a copy");
        }
    }

    /** A server's failure in words: what happened to the edit and what to do. */
    static StudyException translate(SQLException e, ServerUrl url, String what) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String said = ServerConnections.firstLine(e.getMessage());
        if (connectionLost(e)) {
            return new StudyException(StudyException.Kind.UNREACHABLE, "Cannot " + what + ": the connection to the lab server " + url.host() + " was lost"
                    + notSaved(what) + ". Try again when the server is back.", e);
        }
        if (state.startsWith("23")) return new StudyException(StudyException.Kind.INVALID_INPUT, "Cannot " + what + ": " + said, e);
        if (state.equals("25006")) {
            return new StudyException(StudyException.Kind.READ_ONLY, "Cannot " + what + ": the study was opened read-only here.", e);
        }
        if (state.equals("42501")) {
            return new StudyException(StudyException.Kind.READ_ONLY, "Cannot " + what + ": your login on the lab server (" + ServerConnections.user(url)
                    + ") may not do this; ask the lab manager.", e);
        }
        if (state.equals("53100")) {
            return new StudyException(StudyException.Kind.DISK_FULL, "Cannot " + what + ": the lab server's disk is full, so this was not saved; tell the"
                    + " lab's database administrator.", e);
        }
        if (state.equals("40001") || state.equals("40P01") || state.equals("55P03")) {
            return new StudyException(StudyException.Kind.LOCKED, "Cannot " + what + ": the lab server was busy with another coder's edit of the same"
                    + " rows; nothing was saved, try again.", e);
        }
        return new StudyException(StudyException.Kind.IO, "Cannot " + what + " (" + url + "): " + said, e);
    }

    /** What a lost server means for the work: an edit was not saved; a read lost nothing. */
    private static String notSaved(String what) {
        return what.startsWith("read") ? "" : ", so this was not saved (everything saved before is on the server)";
    }

    private static void rollbackAndClose(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // closing anyway
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing was kept
        }
    }
}
