package org.attune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.attune.coding.Session;
import org.attune.store.Study;
import org.attune.store.pg.PgCluster;
import org.attune.store.pg.ServerUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab workflow of issue 18 against the tests' own PostgreSQL server, with each coder's Attune a process of its
 * own ({@link LabCoder}): the manager creates the study on the server and gives passes; three coders code at once;
 * a fourth app's edit of a pass being coded is refused with who holds it; the manager runs agreement while they
 * code and after, on the server as on a file copy. A coder's process killed (-9) while coding leaves every event it
 * was told was saved, nothing half-written, and its pass free within 30 s.
 */
class LabWorkflowTest {

    @TempDir
    Path dir;

    /** A coder's app in its own JVM, spoken to through its input and output. */
    private static final class Coder implements AutoCloseable {
        final Process process;
        final BufferedReader out;
        final PrintWriter in;

        Coder(String url, String coder, String session, String... mode) throws IOException {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), LabCoder.class.getName(), url, coder, session));
            cmd.addAll(List.of(mode));
            process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        }

        /** The lines up to "ready" (the process then holds its study open until told to close). */
        List<String> untilReady() throws IOException {
            List<String> lines = new ArrayList<>();
            for (String l = out.readLine(); l != null && !l.equals("ready"); l = out.readLine()) lines.add(l);
            return lines;
        }

        int finish() throws IOException, InterruptedException {
            in.println("close");
            while (out.readLine() != null) {
                // drain to "closed" and the end
            }
            process.waitFor(60, TimeUnit.SECONDS);
            return process.exitValue();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    @Test
    void threeCodersCodeAtOnceAndTheManagerRunsAgreement() throws Exception {
        PgCluster pg = PgCluster.orSkip();
        String url = "postgresql://attune@127.0.0.1:" + pg.port() + "/postgres?study=lab_workflow";
        assertEquals(0, CliTest.run("study", "create", url, "--name", "Lab workflow").code());
        try (Study manager = Study.open(ServerUrl.parse(url), dir, Optional.empty(), false)) {
            Session s1 = manager.addSession(new Session(0, "S01", "D01", "2026-03-02", 18.0, "free play", "", Map.of()));
            for (String[] c : new String[][] {{"Ana Lopes", "AL"}, {"Ben Kato", "BK"}, {"Cem Mert", "CM"}}) {
                manager.pass(s1.id(), manager.addCoder(c[0], c[1]).id());
            }
        }
        try (Coder al = new Coder(url, "AL", "S01", "code", "30", "0"); Coder bk = new Coder(url, "BK", "S01", "code", "30", "0");
             Coder cm = new Coder(url, "CM", "S01", "code", "30", "700")) {
            for (Coder c : List.of(al, bk, cm)) assertEquals(30, c.untilReady().size(), "each coder's 30 events acknowledged");
            // the manager looks in while they still have the study open
            CliTest.Run live = CliTest.run("agreement", "events", url, "--coders", "AL,BK", "--method", "alignment", "--tolerance", "0.5");
            assertEquals(0, live.code(), live.err());
            try (Coder intruder = new Coder(url, "AL", "S01", "try")) {
                List<String> said = intruder.untilReady();
                assertEquals(1, said.size(), said.toString());
                assertTrue(said.get(0).startsWith("refused This pass is being coded by attune@"), said.get(0));
                assertEquals(0, intruder.finish());
            }
            for (Coder c : List.of(al, bk, cm)) assertEquals(0, c.finish());
        }
        CliTest.Run onServer = CliTest.run("agreement", "events", url, "--coders", "AL,BK,CM", "--method", "alignment", "--tolerance", "0.5");
        assertEquals(0, onServer.code(), onServer.err());
        assertTrue(onServer.out().contains("AL vs BK") && onServer.out().contains("kappa=1.000"), onServer.out());
        Path copy = dir.resolve("lab.attune");
        assertEquals(0, CliTest.run("study", "copy", url, copy.toString()).code());
        CliTest.Run onFile = CliTest.run("agreement", "events", copy.toString(), "--coders", "AL,BK,CM", "--method", "alignment", "--tolerance", "0.5");
        assertEquals(onFile.out(), onServer.out(), "the same statistics from the server as from its copy");
        try (Study s = Study.openReadOnly(copy)) {
            assertEquals(90, s.passes().stream().mapToLong(p -> {
                try {
                    return s.events().count(p.id());
                } catch (org.attune.store.StudyException e) {
                    throw new IllegalStateException(e);
                }
            }).sum());
        }
    }

    @Test
    void aCoderKilledMidCodingLosesNothingAcknowledgedAndItsPassIsFreeWithin30Seconds() throws Exception {
        PgCluster pg = PgCluster.orSkip();
        String url = "postgresql://attune@127.0.0.1:" + pg.port() + "/postgres?study=lab_killed";
        long pass;
        try (Study manager = Study.create(ServerUrl.parse(url), dir, Optional.empty(), org.attune.scheme.json.BundledSchemes.defaultScheme(), "killed")) {
            Session s1 = manager.addSession(new Session(0, "S01", "", "", null, "", "", Map.of()));
            pass = manager.pass(s1.id(), manager.addCoder("Ana Lopes", "AL").id()).id();
        }
        Set<Long> acked = new HashSet<>();
        try (Coder al = new Coder(url, "AL", "S01", "forever")) {
            while (acked.size() < 200) {
                String line = al.out.readLine();
                assertTrue(line != null && line.startsWith("acked "), String.valueOf(line));
                acked.add(Long.parseLong(line.substring("acked ".length())));
            }
            // SIGKILL, mid-commit or between two (kill itself: Process.destroyForcibly would also close what it printed)
            assertEquals(0, new ProcessBuilder("kill", "-9", Long.toString(al.process.pid())).start().waitFor());
            al.process.waitFor(60, TimeUnit.SECONDS);
            // what it printed before it died was acknowledged too (each line is written whole)
            for (String line = al.out.readLine(); line != null; line = al.out.readLine()) {
                if (line.startsWith("acked ")) acked.add(Long.parseLong(line.substring("acked ".length())));
            }
        }
        try (Connection admin = DriverManager.getConnection(pg.jdbc("postgres")); var st = admin.createStatement()) {
            Set<Long> stored = new HashSet<>();
            try (ResultSet rs = st.executeQuery("SELECT id FROM attune_lab_killed.events WHERE pass_id = " + pass)) {
                while (rs.next()) stored.add(rs.getLong(1));
            }
            assertTrue(stored.containsAll(acked), "every acknowledged event is on the server");
            assertTrue(stored.size() - acked.size() <= 1, "at most the one edit in flight was committed unacknowledged: " + (stored.size() - acked.size()));
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM attune_lab_killed.events e LEFT JOIN attune_lab_killed.history h ON h.target_id = e.id"
                    + " AND h.action = 'add' WHERE h.id IS NULL")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "no event without its undo step: nothing half-written");
            }
            try (ResultSet rs = st.executeQuery("SELECT event_count FROM attune_lab_killed.passes WHERE id = " + pass)) {
                rs.next();
                assertEquals(stored.size(), rs.getLong(1));
            }
            try (ResultSet rs = st.executeQuery("SELECT expires_at <= now() + interval '30 seconds' FROM attune_lab_killed.pass_leases WHERE pass_id = " + pass)) {
                assertTrue(rs.next() && rs.getBoolean(1), "the dead app's lease lapses within 30 s");
            }
        }
        // another coder's app: refused while the lease runs (held on here, however slow this machine), free once it has
        // lapsed (made to lapse now rather than waited for)
        try (Connection admin = DriverManager.getConnection(pg.jdbc("postgres")); var st = admin.createStatement()) {
            st.executeUpdate("UPDATE attune_lab_killed.pass_leases SET expires_at = now() + interval '1 hour'");
        }
        try (Study other = Study.open(ServerUrl.parse(url), dir, Optional.empty(), false)) {
            org.attune.store.StudyException held = org.junit.jupiter.api.Assertions.assertThrows(org.attune.store.StudyException.class,
                    () -> other.events().add(pass, LabCoder.scripted(0, 0)));
            assertTrue(held.getMessage().contains("if that Attune stopped, the pass is free within 25 seconds"), held.getMessage());
            try (Connection admin = DriverManager.getConnection(pg.jdbc("postgres")); var st = admin.createStatement()) {
                st.executeUpdate("UPDATE attune_lab_killed.pass_leases SET expires_at = now() - interval '1 second'");
            }
            other.events().add(pass, LabCoder.scripted(0, 0));
        }
    }
}
