package org.attune.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attune.cli.CliTest;
import org.attune.coding.EventDraft;
import org.attune.coding.PassStatus;
import org.attune.coding.Session;
import org.attune.scheme.json.BundledSchemes;
import org.attune.store.pg.PgCluster;
import org.attune.store.pg.ServerUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Roles and the blind rule enforced by the server itself (issue 18, ADR 12): a coder's own connection — not the
 * app's filters — cannot read another coder's events while its own pass of that session is blind and not done, and
 * cannot write into another coder's pass; the lab manager, who made the study, sees everything; a login not given the
 * study reads nothing of it.
 */
class BlindInSqlTest {

    @TempDir
    Path dir;

    private static ServerUrl as(PgCluster pg, String login) {
        return ServerUrl.parse("postgresql://" + login + "@127.0.0.1:" + pg.port() + "/postgres?study=blind_sql");
    }

    /** A raw connection as {@code login}: what any program with the coder's password could run. */
    private static Connection raw(PgCluster pg, String login) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pg.port() + "/postgres?user=" + login);
        try (var st = c.createStatement()) {
            st.execute("SET search_path TO attune_blind_sql");
        }
        return c;
    }

    @Test
    void aCodersConnectionCannotReadAnotherCodersBlindPass() throws Exception {
        PgCluster pg = PgCluster.orSkip();
        try (Connection admin = DriverManager.getConnection(pg.jdbc("postgres")); var st = admin.createStatement()) {
            for (String login : List.of("mia", "ana", "ben", "eve")) {
                try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + login + "'")) {
                    if (!rs.next()) st.execute("CREATE ROLE " + login + " LOGIN");
                }
            }
            st.execute("GRANT CREATE ON DATABASE postgres TO mia");
        }
        long alPass;
        long bkPass;
        try (Study lab = Study.create(as(pg, "mia"), dir, Optional.empty(), BundledSchemes.defaultScheme(), "blind")) {
            Session s1 = lab.addSession(new Session(0, "S01", "", "", null, "", "", Map.of()));
            alPass = lab.pass(s1.id(), lab.addCoder("Ana", "AL").id()).id();
            bkPass = lab.pass(s1.id(), lab.addCoder("Ben", "BK").id()).id();
            lab.lab().orElseThrow().giveLogin("AL", "ana");
            StudyException noLogin = assertThrows(StudyException.class, () -> lab.lab().orElseThrow().giveLogin("BK", "nobody"));
            assertTrue(noLogin.getMessage().startsWith("There is no login nobody on 127.0.0.1; ask the server's administrator"), noLogin.getMessage());
        }
        CliTest.Run given = CliTest.run("study", "give-login", as(pg, "mia").toString(), "--coder", "BK", "--login", "ben");
        assertEquals(0, given.code(), given.err());
        assertEquals("ben codes as BK in blind_sql (blind passes hidden by the server)", given.out().strip());

        try (Study ana = Study.open(as(pg, "ana"), dir, Optional.empty(), false); Study ben = Study.open(as(pg, "ben"), dir, Optional.empty(), false)) {
            for (int i = 0; i < 3; i++) ana.events().add(alPass, EventDraft.point("C_BID", 1000L * i));
            for (int i = 0; i < 2; i++) ben.events().add(bkPass, EventDraft.point("P_RESP", 500L + 1000L * i));
            assertEquals(List.of(), ana.events().list(bkPass), "the app, as ana, gets none of ben's events");
            StudyException whileBenCodes = assertThrows(StudyException.class, () -> ana.events().add(bkPass, EventDraft.point("C_BID", 9)));
            assertEquals(StudyException.Kind.READ_ONLY, whileBenCodes.kind(), "not ana's pass, held or not: " + whileBenCodes.getMessage());

            try (Connection c = raw(pg, "ana")) {
                assertEquals(3, PgCluster.count(c, "SELECT count(*) FROM events"), "ana's own SQL sees only her events");
                assertEquals(0, PgCluster.count(c, "SELECT count(*) FROM events WHERE pass_id = " + bkPass));
                assertEquals(3, PgCluster.count(c, "SELECT count(*) FROM history"), "nor ben's undo history, which holds his events too");
                try (var st = c.createStatement()) {
                    assertEquals(0, st.executeUpdate("UPDATE events SET code = 'C_BID' WHERE pass_id = " + bkPass));
                    SQLException refused = assertThrows(SQLException.class, () -> st.executeUpdate(
                            "INSERT INTO events (pass_id, code, onset_ms, created_at, updated_at) VALUES (" + bkPass + ", 'C_BID', 1, 0, 0)"));
                    assertEquals("42501", refused.getSQLState(), refused.getMessage());
                }
            }
            assertEquals(Optional.of("another coder (your login codes only your own passes)"), ana.lab().orElseThrow().holdPass(bkPass),
                    "ana cannot hold ben's pass, so cannot keep him from it");
            try (Connection c = raw(pg, "ana"); var st = c.createStatement()) {
                SQLException lease = assertThrows(SQLException.class, () -> st.executeUpdate(
                        "INSERT INTO pass_leases (pass_id, holder, holder_name, expires_at) VALUES (" + bkPass + ", 'x', 'x', now() + interval '1 hour')"));
                assertEquals("42501", lease.getSQLState());
            }
            try (Connection c = raw(pg, "mia")) {
                assertEquals(5, PgCluster.count(c, "SELECT count(*) FROM events"), "the lab manager sees every pass");
            }

            ana.setPassStatus(alPass, PassStatus.DONE);
            assertEquals(2, ana.events().list(bkPass).size(), "once her pass is done, ana may see ben's (he still may not see hers)");
            assertEquals(List.of(), ben.events().list(alPass));
        }
        try (Study ana = Study.open(as(pg, "ana"), dir, Optional.empty(), false)) {
            StudyException intoBens = assertThrows(StudyException.class, () -> ana.events().add(bkPass, EventDraft.point("C_BID", 9)));
            assertEquals(StudyException.Kind.READ_ONLY, intoBens.kind(), intoBens.getMessage());
            assertTrue(intoBens.getMessage().startsWith("Cannot save the C_BID event: your login on the lab server (ana) may not do this"), intoBens.getMessage());
        }
        try (Connection c = raw(pg, "eve")) {
            SQLException none = assertThrows(SQLException.class, () -> PgCluster.count(c, "SELECT count(*) FROM events"));
            assertTrue(List.of("42501", "42P01").contains(none.getSQLState()), none.getSQLState() + " " + none.getMessage());
        }
        StudyException eve = assertThrows(StudyException.class, () -> Study.open(as(pg, "eve"), dir, Optional.empty(), true));
        assertTrue(eve.getMessage().startsWith("The login eve may not open blind_sql; ask the lab manager to give it to you"), eve.getMessage());
    }
}
