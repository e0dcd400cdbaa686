package org.attune.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attune.coding.CodingPass;
import org.attune.coding.EventDraft;
import org.attune.coding.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sending a coder their passes: a package with exactly their events (stable ids kept), the videos described, never copied. */
class PassPackageTest {

    @TempDir
    Path dir;
    Path master;
    Path video;

    /** Two sessions, coders AL and BK on both; one video in S01. */
    @BeforeEach
    void study() throws Exception {
        master = dir.resolve("lab.attune");
        video = Files.write(dir.resolve("s01.mp4"), "not really a video, but bytes to hash".getBytes());
        try (Study s = Study.create(master, StudyTest.SCHEME, "Lab study")) {
            Session s1 = s.addSession(new Session(0, "S01", "D01", "2026-03-02", 18.5, "free play", "", Map.of("site", "Leiden")));
            Session s2 = s.addSession(new Session(0, "S02", "D02", "2026-03-03", 20.0, "free play", "", Map.of()));
            s.addMedia(s1.id(), video, 1, 250);
            long al = s.addCoder("Ana Lopes", "AL").id();
            long bk = s.addCoder("Ben Kim", "BK").id();
            for (Session x : List.of(s1, s2)) {
                CodingPass a = s.pass(x.id(), al);
                CodingPass b = s.pass(x.id(), bk);
                s.events().add(a.id(), EventDraft.point("C_BID", 700));
                s.events().add(b.id(), EventDraft.point("P_BID", 900));
            }
            s.events().setRating(s.pass(s1.id(), al).id(), "R_SENS", 4);
        }
    }

    private static List<String> column(Study s, String sql) throws Exception {
        return s.file().read(c -> {
            List<String> out = new ArrayList<>();
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        });
    }

    @Test
    void thePackageHoldsTheCodersPassesAndDescribesTheVideos() throws Exception {
        Path pkg = dir.resolve("AL.attune");
        PassPackage.Sent sent;
        List<String> alUids;
        try (Study s = Study.open(master)) {
            sent = PassPackage.send(s, "AL", Set.of(), pkg);
            alUids = column(s, "SELECT e.uid FROM events e JOIN passes p ON p.id = e.pass_id JOIN coders k ON k.id = p.coder_id WHERE k.initials = 'AL' ORDER BY e.uid");
            assertEquals(List.of("2", "2"), column(s, "SELECT count(sent_at) FROM passes JOIN coders k ON k.id = coder_id WHERE k.initials = 'AL'"
                    + " UNION ALL SELECT count(sent_history) FROM passes JOIN coders k ON k.id = coder_id WHERE k.initials = 'AL'"),
                    "the study records that both passes went out, and their last undo step then");
            assertEquals(List.of("0"), column(s, "SELECT count(sent_at) FROM passes JOIN coders k ON k.id = coder_id WHERE k.initials = 'BK'"));
        }
        assertEquals(List.of("S01", "S02"), sent.sessions());
        assertEquals(2, sent.events());
        assertEquals(1, sent.ratings());
        assertEquals(1, sent.videos());
        try (Study p = Study.openReadOnly(pkg)) {
            assertEquals(List.of("AL"), p.coders().stream().map(k -> k.initials()).toList(), "no other coder, so no other coder's events");
            assertEquals(alUids, column(p, "SELECT uid FROM events ORDER BY uid"), "the same events, by their stable ids");
            assertEquals(List.of("C_BID", "C_BID"), column(p, "SELECT code FROM events"));
            assertEquals(1, column(p, "SELECT uid FROM ratings").size());
            assertEquals("Leiden", p.session("S01").orElseThrow().metadata().get("site"));
            assertEquals(List.of("s01.mp4|250|" + Files.size(video) + "|" + PassPackage.sha256(video)),
                    column(p, "SELECT path || '|' || offset_ms || '|' || size_bytes || '|' || sha256 FROM media"), "described, not copied");
            Map<String, String> info = p.info();
            assertEquals("AL", info.get(PassPackage.CODER_KEY));
            assertNotNull(info.get(PassPackage.SENT_KEY));
            assertTrue(info.get(PassPackage.FROM_KEY).contains("lab.attune"));
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of("AL.attune", "lab.attune", "s01.mp4"),
                    files.map(f -> f.getFileName().toString()).filter(n -> !n.endsWith(".lock") && !n.contains("-wal") && !n.contains("-shm")).sorted().toList(),
                    "no video copied, nothing else written");
        }
    }

    @Test
    void oneSessionOnly() throws Exception {
        try (Study s = Study.open(master)) {
            PassPackage.Sent sent = PassPackage.send(s, "BK", Set.of("S02"), dir.resolve("BK.attune"));
            assertEquals(List.of("S02"), sent.sessions());
            assertEquals(0, sent.videos());
        }
        try (Study p = Study.openReadOnly(dir.resolve("BK.attune"))) {
            assertEquals(List.of("S02"), p.sessions().stream().map(Session::label).toList());
            assertEquals(List.of("P_BID"), column(p, "SELECT code FROM events"));
        }
    }

    @Test
    void refusalsWriteNothing() throws Exception {
        Path pkg = dir.resolve("out.attune");
        try (Study s = Study.open(master)) {
            assertTrue(assertThrows(StudyException.class, () -> PassPackage.send(s, "ZZ", Set.of(), pkg)).getMessage().contains("no coder ZZ in lab.attune; its coders are AL, BK."));
            assertTrue(assertThrows(StudyException.class, () -> PassPackage.send(s, "AL", Set.of("S09"), pkg)).getMessage().startsWith("No session S09"));
            assertTrue(assertThrows(StudyException.class, () -> PassPackage.send(s, "AL", Set.of(), master)).getMessage().contains("never written over a file"));
            Files.delete(video);
            String missing = assertThrows(StudyException.class, () -> PassPackage.send(s, "AL", Set.of(), pkg)).getMessage();
            assertTrue(missing.contains("S01 camera 1 (s01.mp4)") && missing.contains("Relink them"), missing);
            assertFalse(Files.exists(pkg));
            assertEquals(List.of("0"), column(s, "SELECT count(sent_at) FROM passes"), "nothing recorded as sent");
        }
        try (Study readOnly = Study.openReadOnly(master)) {
            String why = assertThrows(StudyException.class, () -> PassPackage.send(readOnly, "AL", Set.of("S02"), pkg)).getMessage();
            assertTrue(why.contains("open read-only here"), why);
        }
    }
}
