package org.attune.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.attune.coding.CodedEvent;
import org.attune.coding.CodingPass;
import org.attune.coding.EventDraft;
import org.attune.coding.KeyCoding;
import org.attune.coding.PassStatus;
import org.attune.coding.Session;
import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.json.BundledSchemes;
import org.attune.store.pg.PgCluster;
import org.attune.store.pg.ServerUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lab study on the tests' own PostgreSQL server (issue 18, ADR 12) behaves as a study file does: the same edits
 * read back the same, through the same repositories; one writer per pass, by lease; a read-only opening writes
 * nothing; a lost connection says the edit was not saved.
 */
class ServerStudyTest {

    private static final CodingScheme SCHEME = BundledSchemes.defaultScheme();

    @TempDir
    Path dir;

    private static ServerUrl url(PgCluster pg, String study) {
        return ServerUrl.parse("postgresql://attune@127.0.0.1:" + pg.port() + "/postgres?study=" + study);
    }

    private static void press(Study s, long pass, String key, long at) throws StudyException {
        org.attune.service.KeyPresses.apply(s.events(), pass, KeyCoding.onKey(SCHEME, key, at, s.events().list(pass)));
    }

    /** A coding session's worth of edits through the repositories, and everything read back, as text. */
    private static String codeAndReadBack(Study s) throws StudyException {
        Session s1 = s.addSession(new Session(0, "S01", "D01", "2026-03-02", 18.5, "free play", "", Map.of("site", "Leiden")));
        Session s2 = s.addSession(new Session(0, "S02", "D02", "2026-03-03", null, "reunion", "note", Map.of()));
        s.updateSession(new Session(s2.id(), "S02", "D02", "2026-03-04", 21.0, "reunion", "moved a day", Map.of("room", "B")));
        long al = s.addCoder("Ana Lopez", "AL").id();
        long bk = s.addCoder("Ben Kim", "BK").id();
        long p = s.pass(s1.id(), al).id();
        long q = s.pass(s1.id(), bk).id();
        long r = s.pass(s2.id(), al).id();
        press(s, p, "KeyY", 1000);
        press(s, p, "KeyG", 1200);
        press(s, p, "KeyU", 2000);
        press(s, p, "KeyE", 2400);
        press(s, p, "KeyG", 3000);
        press(s, q, "KeyE", 500);
        press(s, q, "KeyY", 700);
        CodedEvent e = s.events().add(r, EventDraft.point("C_BID", 900));
        s.events().change(e.id(), EventDraft.point("C_BID", 950));
        CodedEvent gone = s.events().add(r, EventDraft.point("P_INTRUDE", 1500));
        s.events().delete(gone.id());
        s.events().undo(r);
        s.events().undo(r);
        s.events().redo(r);
        Code rating = SCHEME.ratingCodes().get(0);
        s.events().setRating(p, rating.id(), rating.scale().min());
        s.events().setRating(q, rating.id(), rating.scale().max());
        s.events().setRating(q, rating.id(), null);
        s.markDoneEndingRunning(p);
        s.setPassStatus(q, PassStatus.IN_PROGRESS);
        s.setBlind(q, false);

        StringBuilder out = new StringBuilder();
        out.append(s.sessions()).append('\n').append(s.coders()).append('\n').append(s.passes()).append('\n').append(s.eventCounts()).append('\n');
        for (CodingPass pass : s.passes()) {
            long id = pass.id();
            out.append(id).append(": ").append(s.events().list(id)).append(" running ").append(s.events().running(id)).append(" ratings ")
                    .append(s.events().ratings(id)).append(" undo ").append(s.events().canUndo(id)).append(' ').append(s.events().nextUndo(id))
                    .append(" redo ").append(s.events().canRedo(id)).append(" end ").append(s.sessionEndMs(id)).append('\n');
        }
        out.append(s.events().allRatings(true)).append('\n');
        s.events().forEach(Set.of(), Set.of(), true, x -> out.append(x.session().label()).append(x.coder().initials()).append(x.event()).append(';'));
        s.events().forEachTiming(Set.of(), Set.of(), true, (session, coder, code, on, off, running) ->
                out.append(session).append(coder).append(code).append(on).append('-').append(off).append(running).append(';'));
        out.append('\n').append(s.schemeHistory().size()).append(s.info().keySet());
        return out.toString().replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ", "<time>");
    }

    @Test
    void theSameEditsReadBackTheSameOnTheServerAsInAFile() throws Exception {
        PgCluster pg = PgCluster.orSkip();
        String inFile;
        try (Study f = Study.create(dir.resolve("f.attune"), SCHEME, "same")) {
            inFile = codeAndReadBack(f);
        }
        String onServer;
        try (Study s = Study.create(url(pg, "same_edits"), dir, Optional.empty(), SCHEME, "same")) {
            assertEquals(Optional.of(url(pg, "same_edits")), s.server());
            onServer = codeAndReadBack(s);
        }
        assertEquals(inFile, onServer);
        try (Study again = Study.open(url(pg, "same_edits"), dir, Optional.empty(), true)) {
            assertEquals("same", again.name());
            assertEquals(SCHEME, again.scheme());
            assertTrue(again.isReadOnly());
            StudyException refused = assertThrows(StudyException.class, () -> again.addCoder("Cy", "CY"));
            assertEquals(StudyException.Kind.READ_ONLY, refused.kind());
            assertEquals(3, again.passes().size());
        }
        StudyException twice = assertThrows(StudyException.class, () -> Study.create(url(pg, "same_edits"), dir, Optional.empty(), SCHEME, "x"));
        assertTrue(twice.getMessage().contains("exists already"), twice.getMessage());
        StudyException none = assertThrows(StudyException.class, () -> Study.open(url(pg, "no_such"), dir, Optional.empty(), false));
        assertEquals(StudyException.Kind.NOT_FOUND, none.kind());
    }

    /**
     * Two apps on one study code different passes at once; the second app's edit of a pass the first holds is
     * refused with who holds it; a lease that lapsed (its app died and stopped renewing) is free to take, and the
     * app that lost it is refused in turn; closing gives a lease back at once.
     */
    @Test
    void onePassHasOneWriterAtATime() throws Exception {
        PgCluster pg = PgCluster.orSkip();
        ServerUrl url = url(pg, "leases");
        long p;
        long q;
        try (Study lab = Study.create(url, dir, Optional.empty(), SCHEME, "leases")) {
            Session s1 = lab.addSession(new Session(0, "S01", "", "", null, "", "", Map.of()));
            p = lab.pass(s1.id(), lab.addCoder("Ana", "AL").id()).id();
            q = lab.pass(s1.id(), lab.addCoder("Ben", "BK").id()).id();
        }
        try (Study a = Study.open(url, dir, Optional.empty(), false); Study b = Study.open(url, dir, Optional.empty(), false);
             Connection admin = DriverManager.getConnection(pg.jdbc("postgres"))) {
            a.events().add(p, EventDraft.point("C_BID", 100));
            b.events().add(q, EventDraft.point("C_BID", 200));
            StudyException refused = assertThrows(StudyException.class, () -> b.events().add(p, EventDraft.point("C_BID", 300)));
            assertEquals(StudyException.Kind.LOCKED, refused.kind());
            assertTrue(refused.getMessage().startsWith("This pass is being coded by attune@"), refused.getMessage());
            assertThrows(StudyException.class, () -> b.events().undo(p));
            assertEquals(1, a.events().list(p).size(), "the refused edit wrote nothing");

            // a's app stops renewing (killed): its lease runs out
            try (var st = admin.createStatement()) {
                st.executeUpdate("UPDATE attune_leases.pass_leases SET expires_at = now() - interval '1 second' WHERE pass_id = " + p);
            }
            b.events().add(p, EventDraft.point("C_BID", 300));
            assertThrows(StudyException.class, () -> a.events().add(p, EventDraft.point("C_BID", 400)), "the old holder is refused now");
            assertEquals(2, b.events().list(p).size());

            // renewing keeps a lease from lapsing
            try (var st = admin.createStatement()) {
                st.executeUpdate("UPDATE attune_leases.pass_leases SET expires_at = now() + interval '1 second' WHERE pass_id = " + p);
            }
            b.file().onStudyThread(() -> ServerStudy.renew(b.file()));
            try (var st = admin.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT expires_at > now() + interval '20 seconds' FROM attune_leases.pass_leases WHERE pass_id = " + p)) {
                assertTrue(rs.next() && rs.getBoolean(1));
            }
        }
        try (Connection admin = DriverManager.getConnection(pg.jdbc("postgres")); var st = admin.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM attune_leases.pass_leases")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "closing gave every lease back");
        }
    }

    /** A connection that breaks mid-coding: the edit is reported as not saved, and nothing of it is on the server. */
    @Test
    void aLostConnectionSaysTheEditWasNotSaved() throws Exception {
        PgCluster pg = PgCluster.orSkip();
        ServerUrl url = url(pg, "lost");
        try (Study s = Study.create(url, dir, Optional.empty(), SCHEME, "lost"); Connection admin = DriverManager.getConnection(pg.jdbc("postgres"))) {
            long p = s.pass(s.addSession(new Session(0, "S01", "", "", null, "", "", Map.of())).id(), s.addCoder("Ana", "AL").id()).id();
            s.events().add(p, EventDraft.point("C_BID", 100));
            try (var st = admin.createStatement()) {
                st.executeQuery("SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity WHERE application_name = 'Attune' AND pid <> pg_backend_pid()").close();
            }
            StudyException lost = assertThrows(StudyException.class, () -> s.events().add(p, EventDraft.point("C_BID", 200)));
            assertEquals(StudyException.Kind.UNREACHABLE, lost.kind());
            assertTrue(lost.getMessage().startsWith("Cannot save the C_BID event: the connection to the lab server 127.0.0.1 was lost, so this was not saved"),
                    lost.getMessage());
            try (var st = admin.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM attune_lost.events")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
            // the server answers again: the study connects anew and coding goes on
            assertTrue(s.lab().orElseThrow().reachable());
            s.events().add(p, EventDraft.point("C_BID", 300));
            assertEquals(List.of(100L, 300L), s.events().list(p).stream().map(CodedEvent::onsetMs).toList());
        }
    }

    /** A pass opened for coding is held; another app is told who holds it; given back, it is free at once. */
    @Test
    void aPassOpenedForCodingIsHeldUntilGivenBack() throws Exception {
        PgCluster pg = PgCluster.orSkip();
        ServerUrl url = url(pg, "held");
        long p;
        try (Study lab = Study.create(url, dir, Optional.empty(), SCHEME, "held")) {
            p = lab.pass(lab.addSession(new Session(0, "S01", "", "", null, "", "", Map.of())).id(), lab.addCoder("Ana", "AL").id()).id();
            assertTrue(Study.create(dir.resolve("file.attune"), SCHEME, "file").lab().isEmpty(), "a file has no leases");
        }
        try (Study a = Study.open(url, dir, Optional.empty(), false); Study b = Study.open(url, dir, Optional.empty(), false)) {
            assertEquals(Optional.empty(), a.lab().orElseThrow().holdPass(p));
            assertEquals(Optional.empty(), a.lab().orElseThrow().holdPass(p), "holding it again is no change");
            Optional<String> holder = b.lab().orElseThrow().holdPass(p);
            assertTrue(holder.isPresent() && holder.get().startsWith("attune@"), holder.toString());
            a.lab().orElseThrow().releasePass(p);
            assertEquals(Optional.empty(), b.lab().orElseThrow().holdPass(p));
        }
    }

    /** Another app's change (a pass coded, a session added) is announced to a listening app. */
    @Test
    void otherAppsChangesAreAnnounced() throws Exception {
        PgCluster pg = PgCluster.orSkip();
        ServerUrl url = url(pg, "news");
        try (Study a = Study.create(url, dir, Optional.empty(), SCHEME, "news"); Study b = Study.open(url, dir, Optional.empty(), false)) {
            java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.CountDownLatch heard = new java.util.concurrent.CountDownLatch(2);
            try (AutoCloseable news = a.lab().orElseThrow().listen(() -> {
                calls.incrementAndGet();
                heard.countDown();
            })) {
                assertEquals(1, calls.get(), "once on starting to listen: what changed before is news too");
                a.addSession(new Session(0, "S00", "", "", null, "", "", Map.of())); // a's own change: not news to a
                b.addSession(new Session(0, "S01", "", "", null, "", "", Map.of()));
                assertTrue(heard.await(30, java.util.concurrent.TimeUnit.SECONDS), "a's app heard of b's new session");
            }
        }
    }

    /**
     * A login that must give a password: refused without one, saying how to give it; opened with the one typed in the
     * app; opened with the line for it in a ~/.pgpass file (as psql reads it). The password is never in an address.
     */
    @Test
    void aPasswordComesFromTheAppOrPgpassNeverFromTheAddress() throws Exception {
        PgCluster pg = PgCluster.orSkip();
        try (java.sql.Connection admin = DriverManager.getConnection(pg.jdbc("postgres")); var st = admin.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + PgCluster.PASSWORD_LOGIN + "'")) {
                if (!rs.next()) st.execute("CREATE ROLE " + PgCluster.PASSWORD_LOGIN + " LOGIN SUPERUSER PASSWORD 'tiger lily'");
            }
        }
        ServerUrl url = ServerUrl.parse("postgresql://" + PgCluster.PASSWORD_LOGIN + "@127.0.0.1:" + pg.port() + "/postgres?study=with_password");
        StudyException none = assertThrows(StudyException.class, () -> Study.create(url, dir, Optional.empty(), SCHEME, "pw"));
        assertTrue(org.attune.store.ServerConnections.wantsPassword(none), none.getMessage());
        assertTrue(none.getMessage().startsWith("The server 127.0.0.1:" + pg.port() + " asks for a password for attune_pw: give it when asked, or set"
                + " PGPASSWORD, or add a line for it to ~/.pgpass"), none.getMessage());
        StudyException wrong = assertThrows(StudyException.class, () -> Study.create(url, dir, Optional.of("tiger".toCharArray()), SCHEME, "pw"));
        assertTrue(wrong.getMessage().startsWith("The server 127.0.0.1:" + pg.port() + " refused attune_pw's login"), wrong.getMessage());
        assertTrue(!wrong.getMessage().contains("tiger"), "never the password in a message");
        try (Study typed = Study.create(url, dir, Optional.of("tiger lily".toCharArray()), SCHEME, "pw")) {
            assertEquals("pw", typed.name());
        }
        Path pgpass = dir.resolve("pgpass");
        Files.writeString(pgpass, "127.0.0.1:" + pg.port() + ":postgres:" + PgCluster.PASSWORD_LOGIN + ":tiger lily\n");
        Files.setPosixFilePermissions(pgpass, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        System.setProperty("org.postgresql.pgpassfile", pgpass.toString());
        try (Study fromPgpass = Study.open(url, dir, Optional.empty(), true)) {
            assertEquals("pw", fromPgpass.name());
        } finally {
            System.clearProperty("org.postgresql.pgpassfile");
        }
    }
}
