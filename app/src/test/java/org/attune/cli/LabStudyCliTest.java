package org.attune.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attune.coding.CodingPass;
import org.attune.coding.EventDraft;
import org.attune.coding.Modifiers;
import org.attune.coding.Session;
import org.attune.store.Study;
import org.attune.store.pg.PgCluster;
import org.attune.store.pg.ServerUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line on a lab study on the tests' PostgreSQL server (issue 18): named by its address wherever a study file is taken. */
class LabStudyCliTest {

    @TempDir
    Path dir;

    @Test
    void createCodeExportCopyBackAndImportOnTheServer() throws Exception {
        PgCluster pg = PgCluster.orSkip();
        String url = "postgresql://attune@127.0.0.1:" + pg.port() + "/postgres?study=cli_lab";
        CliTest.Run created = CliTest.run("study", "create", url, "--name", "Free play");
        assertEquals(0, created.code(), created.err());
        assertEquals("created " + url + " (study \"Free play\", scheme attachment-interaction " + org.attune.scheme.json.BundledSchemes.defaultScheme().version()
                + ")", created.out().strip());
        try (Study s = Study.open(ServerUrl.parse(url), dir, Optional.empty(), false)) {
            Session s1 = s.addSession(new Session(0, "S01", "D01", "2026-03-02", 18.0, "free play", "", Map.of("site", "Leiden")));
            Session s2 = s.addSession(new Session(0, "S02", "D02", "", null, "reunion", "", Map.of()));
            CodingPass p1 = s.pass(s1.id(), s.addCoder("Ana Lopes", "AL").id());
            CodingPass p2 = s.pass(s1.id(), s.addCoder("Ben Kato", "BK").id());
            CodingPass p3 = s.pass(s2.id(), s.coders().get(0).id());
            s.events().add(p1.id(), EventDraft.point("C_BID", 1_234).withModifiers(Modifiers.single("type", "need")).withComment("cries, \"Mama!\"\nreaches up"));
            s.events().add(p1.id(), EventDraft.state("P_GAZE", 500, 2_500L));
            s.events().add(p2.id(), EventDraft.state("C_DIST", 1_000, 3_999L).withComment(" Ünïcödé ✓ "));
            s.events().add(p3.id(), EventDraft.state("C_EXPLORE", 0, null));
        }
        CliTest.Run info = CliTest.run("study", "info", url);
        assertEquals(0, info.code(), info.err());
        assertTrue(info.out().contains("server    " + url), info.out());
        assertTrue(info.out().contains("passes    3"), info.out());

        Path one = dir.resolve("one.csv");
        CliTest.Run export = CliTest.run("events", "export", url, "-o", one.toString());
        assertEquals(0, export.code(), export.err());
        assertEquals("wrote 4 events to " + one, export.out().strip());

        // the server study copied into a file exports the very same bytes
        Path back = dir.resolve("back.attune");
        CliTest.Run copied = CliTest.run("study", "copy", url, back.toString());
        assertEquals(0, copied.code(), copied.err());
        assertTrue(copied.out().startsWith("copied " + url + " to " + back + ": 2 sessions, 3 passes, 4 events, 0 ratings"), copied.out());
        Path two = dir.resolve("two.csv");
        assertEquals(0, CliTest.run("events", "export", back.toString(), "-o", two.toString()).code());
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));

        // the same measures, rating agreement and ratings from the server as from its copy
        for (List<String> cmd : List.of(List.of("measures", "STUDY", "--json"), List.of("agreement", "ratings", "STUDY"))) {
            CliTest.Run onServer = CliTest.run(cmd.stream().map(x -> x.equals("STUDY") ? url : x).toArray(String[]::new));
            CliTest.Run onFile = CliTest.run(cmd.stream().map(x -> x.equals("STUDY") ? back.toString() : x).toArray(String[]::new));
            assertEquals(onFile.code(), onServer.code(), onServer.err());
            assertEquals(onFile.out(), onServer.out(), String.join(" ", cmd));
        }
        assertEquals(0, CliTest.run("ratings", "export", url, "-o", dir.resolve("r1.csv").toString()).code());
        assertEquals(0, CliTest.run("ratings", "export", back.toString(), "-o", dir.resolve("r2.csv").toString()).code());
        assertArrayEquals(Files.readAllBytes(dir.resolve("r1.csv")), Files.readAllBytes(dir.resolve("r2.csv")));

        // and a file copied onto the server, and events imported into a new server study
        String url2 = "postgresql://attune@127.0.0.1:" + pg.port() + "/postgres?study=cli_lab_2";
        assertEquals(0, CliTest.run("study", "copy", back.toString(), url2).code());
        Path three = dir.resolve("three.csv");
        assertEquals(0, CliTest.run("events", "export", url2, "-o", three.toString()).code());
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(three));
        String url3 = "postgresql://attune@127.0.0.1:" + pg.port() + "/postgres?study=cli_lab_3";
        assertEquals(0, CliTest.run("study", "create", url3).code());
        CliTest.Run imported = CliTest.run("events", "import", url3, one.toString());
        assertEquals(0, imported.code(), imported.err());
        assertTrue(imported.out().contains("imported 4 events into cli_lab_3"), imported.out());

        // a coder's package sent from the server study, coded on the coder's computer and received back into it
        Path pkg = dir.resolve("BK.attune");
        CliTest.Run sent = CliTest.run("pass", "send", url, "--coder", "BK", "-o", pkg.toString());
        assertEquals(0, sent.code(), sent.err());
        try (Study coder = Study.open(pkg)) {
            coder.events().add(coder.passes().get(0).id(), EventDraft.point("C_BID", 7_000));
        }
        CliTest.Run received = CliTest.run("pass", "receive", url, pkg.toString());
        assertEquals(0, received.code(), received.err());
        assertTrue(received.out().contains("S01 · BK: 1 added, 0 changed, 0 deleted, 1 unchanged"), received.out());
        assertTrue(!received.out().contains("before receiving"), "a lab study is not copied aside: " + received.out());
        CliTest.Run twice = CliTest.run("pass", "receive", url, pkg.toString());
        assertTrue(twice.out().contains("S01 · BK: 0 added, 0 changed, 0 deleted, 2 unchanged"), "received twice, nothing changes: " + twice.out());
        CliTest.Run again = CliTest.run("study", "copy", back.toString(), url2);
        assertEquals(1, again.code());
        assertTrue(again.err().contains("exists already: a study is never copied over another"), again.err());
        CliTest.Run overFile = CliTest.run("study", "copy", url, back.toString());
        assertEquals(1, overFile.code());
        assertTrue(overFile.err().contains("already exists"), overFile.err());
    }

    @Test
    void wrongAddressesAndUnreachableServersAreToldInWords() {
        CliTest.Run noStudy = CliTest.run("study", "info", "postgresql://lab.example.org/attune");
        assertEquals(2, noStudy.code());
        assertTrue(noStudy.err().contains("postgresql://lab.example.org/attune is not a lab study's address: it names no study (?study=NAME)"), noStudy.err());
        CliTest.Run password = CliTest.run("study", "info", "postgresql://ana:secret@lab.example.org/attune?study=x");
        assertEquals(2, password.code());
        assertTrue(password.err().contains("it holds a password"), password.err());

        CliTest.Run unreachable = CliTest.run("study", "info", "postgresql://127.0.0.1:1/attune?study=x");
        assertEquals(1, unreachable.code());
        assertTrue(unreachable.err().startsWith("Cannot reach the server 127.0.0.1:1 ("), unreachable.err());
        assertTrue(!unreachable.err().contains("org.postgresql") && !unreachable.err().contains("Exception"), unreachable.err());

        Path a = dir.resolve("a.attune");
        CliTest.Run bothFiles = CliTest.run("study", "copy", a.toString(), dir.resolve("b.attune").toString());
        assertEquals(2, bothFiles.code());
        assertTrue(bothFiles.err().startsWith("Both are files"), bothFiles.err());
    }
}
