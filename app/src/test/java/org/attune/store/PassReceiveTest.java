package org.attune.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.attune.coding.CodedEvent;
import org.attune.coding.CodingPass;
import org.attune.coding.EventDraft;
import org.attune.coding.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab's loop (issue 17): a study of 3 sessions and 2 coders; each coder gets a package, both code at the
 * same time in their own files, the packages come back in either order, twice each, and the study's events
 * are then exactly the union of theirs; agreement runs on it. Conflicts, another scheme and a study that is
 * not a package are refused in words, merging nothing.
 */
class PassReceiveTest {

    @TempDir
    Path dir;

    private Path master(String name) throws Exception {
        Path file = dir.resolve(name);
        try (Study s = Study.create(file, StudyTest.SCHEME, "Lab study")) {
            long al = s.addCoder("Ana Lopes", "AL").id();
            long bk = s.addCoder("Ben Kim", "BK").id();
            for (int i = 1; i <= 3; i++) {
                Session x = s.addSession(new Session(0, "S0" + i, "D0" + i, "2026-03-0" + i, 18.0, "free play", "", Map.of()));
                s.pass(x.id(), al);
                s.pass(x.id(), bk);
            }
        }
        return file;
    }

    /** A coder's work in their package: five bids per pass, one changed, one deleted, a rating; one pass marked done. */
    private static Void code(Path pkg, long seed) throws Exception {
        try (Study p = Study.open(pkg)) {
            for (CodingPass pass : p.passes()) {
                for (int i = 0; i < 5; i++) p.events().add(pass.id(), EventDraft.point(i % 2 == 0 ? "C_BID" : "P_BID", seed * 10 + i * 1_000L));
                List<CodedEvent> events = p.events().list(pass.id());
                p.events().change(events.get(0).id(), EventDraft.of(events.get(0)).withComment("looked again"));
                p.events().delete(events.get(1).id());
                p.events().setRating(pass.id(), "R_SENS", (int) (seed % 5) + 1);
            }
            p.setPassStatus(p.passes().get(0).id(), org.attune.coding.PassStatus.DONE);
        }
        return null;
    }

    /** uid → the event's content, for every event of the file. */
    private static Map<String, String> events(Path file) throws Exception {
        try (Study s = Study.openReadOnly(file)) {
            return s.file().read(c -> {
                Map<String, String> out = new TreeMap<>();
                try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT e.uid, s.label, k.initials, e.code, e.onset_ms, e.offset_ms, e.comment"
                        + " FROM events e JOIN passes p ON p.id = e.pass_id JOIN sessions s ON s.id = p.session_id JOIN coders k ON k.id = p.coder_id")) {
                    while (rs.next()) out.put(rs.getString(1), rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|" + rs.getLong(5) + "|"
                            + rs.getString(6) + "|" + rs.getString(7));
                }
                return out;
            });
        }
    }

    private static PassReceive.Received receive(Path study, Path pkg, PassReceive.Decide decide) throws Exception {
        try (Study s = Study.open(study)) {
            return PassReceive.receive(s, pkg, decide);
        }
    }

    @Test
    void theUnionExactlyOnceInEitherOrderAndAgreementRunsOnIt() throws Exception {
        Path one = master("one.attune");
        Path al = dir.resolve("AL.attune");
        Path bk = dir.resolve("BK.attune");
        try (Study s = Study.open(one)) {
            PassPackage.send(s, "AL", Set.of(), al);
            PassPackage.send(s, "BK", Set.of(), bk);
        }
        Path two = dir.resolve("two.attune");
        Files.copy(one, two); // the same study, as sent, to receive in the other order

        ExecutorService coders = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        Future<Void> a = coders.submit(() -> {
            start.await();
            return code(al, 1);
        });
        Future<Void> b = coders.submit(() -> {
            start.await();
            return code(bk, 2);
        });
        start.countDown();
        a.get();
        b.get();
        coders.shutdown();

        Map<String, String> union = new TreeMap<>(events(al));
        union.putAll(events(bk));
        assertEquals(24, union.size(), "2 coders × 3 passes × (5 − 1 deleted)");

        for (Path[] order : List.of(new Path[] {one, al, bk, al, bk}, new Path[] {two, bk, al, bk, al})) {
            for (int i = 1; i < order.length; i++) {
                PassReceive.Received r = receive(order[0], order[i], PassReceive.Decide.ASK);
                assertTrue(r.passes().stream().allMatch(PassReceive.PassResult::merged), r.toString());
                if (i > 2) {
                    assertTrue(r.passes().stream().allMatch(p -> p.added() == 0 && p.changed() == 0 && p.deleted() == 0 && p.unchanged() == 4),
                            "received again: nothing changes " + r);
                } else {
                    assertTrue(r.passes().stream().allMatch(p -> p.added() == 4 && p.unchanged() == 0), "first time: each pass's four events added " + r);
                }
                assertTrue(Files.exists(r.backup()), "the study is copied aside before each merge");
            }
            assertEquals(union, events(order[0]), "exactly the union of the coders' events, in " + order[0].getFileName());
            try (Study s = Study.openReadOnly(order[0])) {
                assertEquals(2, s.passes().stream().filter(p -> p.status() == org.attune.coding.PassStatus.DONE).count(),
                        "each coder's pass marked done came back done");
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = org.attune.cli.AttuneCommand.run(new PrintWriter(out), new PrintWriter(err), "agreement", "events", one.toString(), "--coders", "AL,BK",
                "--method", "time-unit", "--unit", "1");
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("3 sessions"), out.toString());
    }

    @Test
    void aPassEditedInTheStudyAfterSendingIsAConflictUnlessTheLabDecides() throws Exception {
        Path study = master("lab.attune");
        Path al = dir.resolve("AL.attune");
        try (Study s = Study.open(study)) {
            PassPackage.send(s, "AL", Set.of(), al);
        }
        code(al, 3);
        try (Study s = Study.open(study)) { // the lab manager adds an event to AL's pass of S01 after sending it
            long pass = s.pass(s.session("S01").orElseThrow().id(), s.coders().get(0).id()).id();
            s.events().add(pass, EventDraft.point("C_BID", 59_000));
        }
        PassReceive.Received r = receive(study, al, PassReceive.Decide.ASK);
        PassReceive.PassResult s01 = r.passes().stream().filter(p -> p.session().equals("S01")).findFirst().orElseThrow();
        assertFalse(s01.merged());
        assertTrue(s01.conflicts().contains("C_BID at 00:00:59.000: here, not in the package"), s01.conflicts().toString());
        assertTrue(s01.conflicts().stream().anyMatch(c -> c.endsWith(": added in the package")));
        assertTrue(r.passes().stream().filter(p -> !p.session().equals("S01")).allMatch(PassReceive.PassResult::merged), "the other passes merge");
        assertEquals(1, events(study).values().stream().filter(v -> v.startsWith("S01|AL")).count(), "nothing merged for the conflicting pass");

        PassReceive.PassResult ours = receive(study, al, PassReceive.Decide.OURS).passes().stream().filter(p -> p.session().equals("S01")).findFirst().orElseThrow();
        assertTrue(ours.keptOurs());
        assertEquals(1, events(study).values().stream().filter(v -> v.startsWith("S01|AL")).count());

        PassReceive.PassResult theirs = receive(study, al, PassReceive.Decide.THEIRS).passes().stream().filter(p -> p.session().equals("S01")).findFirst().orElseThrow();
        assertTrue(theirs.merged());
        assertEquals(events(al).values().stream().filter(v -> v.startsWith("S01|AL")).sorted().toList(),
                events(study).values().stream().filter(v -> v.startsWith("S01|AL")).sorted().toList(), "the package's pass, exactly");
        assertTrue(receive(study, al, PassReceive.Decide.ASK).passes().stream().allMatch(PassReceive.PassResult::merged), "decided once, merged after");
    }

    @Test
    void anotherSchemeOrAStudyThatIsNotAPackageIsRefusedMergingNothing() throws Exception {
        Path study = master("lab.attune");
        Path al = dir.resolve("AL.attune");
        try (Study s = Study.open(study)) {
            PassPackage.send(s, "AL", Set.of(), al);
        }
        code(al, 4);
        try (Study p = Study.open(al)) { // as if the coder's Attune had moved the package to the next scheme version
            p.file().write("scheme", c -> {
                String json;
                try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT json FROM schemes WHERE current = 1")) {
                    rs.next();
                    json = rs.getString(1);
                }
                String moved = json.replaceFirst("\"version\"\\s*:\\s*\"1\\.1\\.0\"", "\"version\": \"1.2.0\"");
                assertFalse(moved.equals(json), "the stored scheme names its version");
                try (var ps = c.prepareStatement("UPDATE schemes SET version = '1.2.0', json = ? WHERE current = 1")) {
                    ps.setString(1, moved);
                    return ps.executeUpdate();
                }
            });
        }
        Map<String, String> before = events(study);
        String why = assertThrows(StudyException.class, () -> receive(study, al, PassReceive.Decide.THEIRS)).getMessage();
        assertTrue(why.startsWith("AL.attune was coded with the scheme attachment-interaction 1.2.0; this study uses attachment-interaction 1.1.0"), why);
        assertTrue(why.contains("Nothing was merged"));
        String notPackage = assertThrows(StudyException.class, () -> receive(study, study, PassReceive.Decide.ASK)).getMessage();
        assertTrue(notPackage.contains("is a study, not a coder package"), notPackage);
        assertEquals(before, events(study));
    }

    /** Runs one statement in a package, as someone editing it outside Attune would. */
    private static void tamper(Path pkg, String sql) throws Exception {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + pkg); var st = c.createStatement()) {
            assertEquals(1, st.executeUpdate(sql), sql);
        }
    }

    @Test
    void aTamperedPackageIsRefusedInWordsMergingNothing() throws Exception {
        Path study = master("lab.attune");
        Path video = Files.write(dir.resolve("s01.mp4"), "the first session's recording".getBytes());
        try (Study s = Study.open(study)) {
            s.addMedia(s.sessions().get(0).id(), video, 1, 0);
        }
        Path sent = dir.resolve("AL-sent.attune");
        try (Study s = Study.open(study)) {
            PassPackage.send(s, "AL", Set.of(), sent);
        }
        code(sent, 2);
        Map<String, String> before = events(study);
        record Case(String name, String sql, String says) {
        }
        List<Case> cases = List.of(
                new Case("video", "UPDATE media SET sha256 = '" + "0".repeat(64) + "'",
                        "describes the video of S01 camera 1 by another checksum (SHA-256) than this study does"),
                new Case("code", "UPDATE events SET code = 'NOT_A_CODE' WHERE id = (SELECT min(id) FROM events)",
                        "code \"NOT_A_CODE\" is not in scheme"),
                new Case("times", "UPDATE events SET offset_ms = onset_ms + 5000 WHERE id = (SELECT min(id) FROM events)", "is a point code: its offset must equal its onset"),
                new Case("rating", "UPDATE ratings SET value = 9 WHERE rowid = (SELECT min(rowid) FROM ratings)", "rating R_SENS = 9: outside the code's scale"));
        for (Case c : cases) {
            Path pkg = dir.resolve("AL-" + c.name() + ".attune");
            Files.copy(sent, pkg);
            tamper(pkg, c.sql());
            String why = assertThrows(StudyException.class, () -> receive(study, pkg, PassReceive.Decide.THEIRS), c.name()).getMessage();
            assertTrue(why.startsWith("AL-" + c.name() + ".attune"), why);
            assertTrue(why.contains(c.says()) && (why.contains("Nothing was merged") || why.contains("nothing was merged")), why);
            assertEquals(before, events(study), c.name());
        }

        Path damaged = dir.resolve("AL-damaged.attune");
        byte[] bytes = Files.readAllBytes(sent);
        for (int i = 4096; i < bytes.length; i += 4096) java.util.Arrays.fill(bytes, i, i + 512, (byte) 0x5A); // every page's header overwritten
        Files.write(damaged, bytes);
        String why = assertThrows(StudyException.class, () -> receive(study, damaged, PassReceive.Decide.THEIRS)).getMessage();
        assertTrue(why.contains("AL-damaged.attune"), why);
        assertFalse(why.contains("SQLITE") || why.contains("Exception"), why);
        assertEquals(before, events(study));

        PassReceive.Received untouched = receive(study, sent, PassReceive.Decide.THEIRS); // the package as Attune wrote it goes in
        assertTrue(untouched.passes().stream().allMatch(PassReceive.PassResult::merged));
    }
}
