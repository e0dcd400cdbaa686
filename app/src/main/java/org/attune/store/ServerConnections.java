package org.attune.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.attune.store.pg.ServerUrl;

/**
 * Connections to a lab study's server (issue 18, ADR 12). The password is never part of the study's address: it is
 * the one given (the app asks for it), else {@code PGPASSWORD}, else the driver finds it in {@code ~/.pgpass}
 * ({@code PGPASSFILE}) as psql does. TLS as the address's {@code sslmode} says. A failure is told in words with what
 * to do, never with the driver's class names; the password is never in a message or a log.
 */
public final class ServerConnections {

    /** Seconds to wait for the server to answer at all: a coder is told soon, not after the system's minutes. */
    static final int CONNECT_TIMEOUT_SECONDS = 10;

    private ServerConnections() {
    }

    /** Connects to the server of {@code url}, with {@code password} if given, else PGPASSWORD, else ~/.pgpass. */
    public static Connection connect(ServerUrl url, Optional<char[]> password) throws StudyException {
        Properties p = new Properties();
        p.setProperty("user", user(url));
        Optional<String> given = password.map(String::new).or(() -> Optional.ofNullable(System.getenv("PGPASSWORD")).filter(s -> !s.isEmpty()));
        given.ifPresent(pw -> p.setProperty("password", pw));
        p.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        p.setProperty("ApplicationName", "Attune");
        p.setProperty("tcpKeepAlive", "true");
        try {
            return DriverManager.getConnection(url.jdbc(), p);
        } catch (SQLException e) {
            throw refused(url, e);
        }
    }

    /** The user name the server is asked for: the address's, else this computer's, as psql does. */
    public static String user(ServerUrl url) {
        return url.user().orElse(System.getProperty("user.name"));
    }

    /** How {@link #refused} says the server wants a password that was not given: {@link #wantsPassword} looks for it. */
    private static final String ASKS_FOR_A_PASSWORD = " asks for a password for ";

    /** Whether a failure to connect was the server asking for a password that was not given. */
    public static boolean wantsPassword(StudyException e) {
        return e.getMessage() != null && e.getMessage().contains(ASKS_FOR_A_PASSWORD);
    }

    /** A failed connection in words: what happened and what to do. */
    static StudyException refused(ServerUrl url, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = url.host() + ":" + url.port();
        String words;
        String msg = e.getMessage() == null ? "" : e.getMessage();
        if (msg.contains("no password was provided")) {
            words = "The server " + where + ASKS_FOR_A_PASSWORD + user(url) + ": give it when asked, or set PGPASSWORD, or add a line for it"
                    + " to ~/.pgpass (host:port:database:user:password).";
        } else if (state.equals("28P01") || state.equals("28000")) {
            words = "The server " + where + " refused " + user(url) + "'s login (wrong user or password, or no permission for database "
                    + url.database() + "). Check them with the lab's database administrator.";
        } else if (state.equals("3D000")) {
            words = "The server " + where + " has no database " + url.database() + "; check the address or ask the lab's database administrator.";
        } else if (state.startsWith("08")) {
            words = "Cannot reach the server " + where + " (" + firstLine(msg) + "). Is it running, is the address right, and is this computer on the lab's"
                    + " network?";
        } else {
            words = "Cannot connect to " + where + ": " + firstLine(msg);
        }
        return new StudyException(state.startsWith("08") ? StudyException.Kind.UNREACHABLE : StudyException.Kind.IO, words, e);
    }

    /** The driver's first line of a message (the rest is its detail for the log). */
    static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
