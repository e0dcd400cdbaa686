package org.attune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.attune.coding.CodingPass;
import org.attune.coding.EventDraft;
import org.attune.coding.Session;
import org.attune.scheme.json.BundledSchemes;
import org.attune.store.ReliabilityStore;
import org.attune.store.Study;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reliability procedure from the command line on hand-made passes (CriterionCheckTest works out the κs):
 * 10-s sessions where child positive affect gives way to distress at 5 s in the gold standard and the first
 * coder's passes; a trainee (TR) who puts the change at 7, 6 and 5 s on training sessions T1–T3 scores κ = .60,
 * .80, 1.00, and with two consecutive sessions at .80 needed reaches the criterion with T3, on 12 March. On the
 * study's sessions S01–S04, a week apart, BK agrees with AL at κ = 1.00, .80, .60 and 1.00: the re-check on S03,
 * finished on Thursday 19 March 2026, is below the criterion, in ISO week 12.
 */
class ReliabilityCliTest {

    @TempDir
    Path dir;

    private static final Map<String, String> FINISHED = Map.of("T1", "2026-03-02T10:00:00Z", "T2", "2026-03-05T10:00:00Z", "T3", "2026-03-12T10:00:00Z",
            "S01", "2026-03-02T09:00:00Z", "S02", "2026-03-09T09:00:00Z", "S03", "2026-03-19T11:30:00Z", "S04", "2026-03-23T16:00:00Z");

    private static void affect(Study s, long passId, long changeMs) throws Exception {
        org.attune.reliability.AffectCodings.code(s, passId, changeMs, true);
    }

    private Path study() throws Exception {
        Path file = dir.resolve("lab.attune");
        try (Study s = Study.create(file, BundledSchemes.defaultScheme(), "Lab")) {
            long gs = s.addCoder("Gold Standard", "GS").id();
            long tr = s.addCoder("Tara Rees", "TR").id();
            long al = s.addCoder("Ana Lopes", "AL").id();
            long bk = s.addCoder("Ben Kim", "BK").id();
            s.addCoder("Cleo Marsh", "CM");
            long[] trainee = {7_000, 6_000, 5_000};
            for (int i = 1; i <= 3; i++) {
                Session t = s.addSession(new Session(0, "T" + i, "D9" + i, "2026-02-0" + i, 18.0, "free play", "", Map.of()));
                affect(s, s.pass(t.id(), gs).id(), 5_000);
                affect(s, s.pass(t.id(), tr).id(), trainee[i - 1]);
            }
            long[] second = {5_000, 6_000, 7_000, 5_000};
            for (int i = 1; i <= 4; i++) {
                Session x = s.addSession(new Session(0, "S0" + i, "D0" + i, "2026-02-1" + i, 18.0, i % 2 == 0 ? "reunion" : "free play", "", Map.of()));
                affect(s, s.pass(x.id(), al).id(), 5_000);
                affect(s, s.pass(x.id(), bk).id(), second[i - 1]);
            }
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file);
             var ps = c.prepareStatement("UPDATE passes SET finished_at = ? WHERE session_id = (SELECT id FROM sessions WHERE label = ?)")) {
            for (Map.Entry<String, String> e : FINISHED.entrySet()) { // the passes were finished on these days, not all this second
                ps.setString(1, e.getValue());
                ps.setString(2, e.getKey());
                assertEquals(2, ps.executeUpdate());
            }
        }
        return file;
    }

    private static CliTest.Run ok(String... args) {
        CliTest.Run r = CliTest.run(args);
        assertEquals(0, r.code(), r.err());
        return r;
    }

    @Test
    void aTraineeReachesTheCriterionWithTheThirdTrainingSessionAndDriftIsWarnedOfInItsWeek() throws Exception {
        String study = study().toString();
        for (String t : List.of("T1", "T2", "T3")) ok("reliability", "gold", study, "--session", t, "--coder", "GS");
        ok("reliability", "training-sessions", study, "T1,T2,T3");
        assertEquals("criterion: time-unit κ (1-s units) ≥ .80 in each exclusive group, on 2 consecutive training sessions" + System.lineSeparator(),
                ok("reliability", "criterion", study, "--consecutive", "2").out());

        assertEquals(String.join("\r\n", "coder,session,finished_at,kappa,meets_criterion,consecutive_met,criterion_reached",
                "TR,T1,2026-03-02T10:00:00Z,0.600,false,0,false",
                "TR,T2,2026-03-05T10:00:00Z,0.800,true,1,false",
                "TR,T3,2026-03-12T10:00:00Z,1.000,true,2,true") + "\r\n", ok("reliability", "training", study, "--csv").out(),
                "the gold standard's coder is not a trainee; AL and BK have no training passes");
        assertTrue(ok("reliability", "training", study, "--coder", "TR").out().contains("TR: criterion reached on 2026-03-12 with T3"));
        Path record = dir.resolve("tr.html");
        ok("reliability", "training", study, "--coder", "TR", "--html", record.toString());
        String page = java.nio.file.Files.readString(record);
        assertTrue(page.contains("<h1>Training record: Tara Rees (TR)</h1>") && page.contains("Criterion reached on 2026-03-12 with session T3."), page);
        assertTrue(page.contains("<td>T1</td><td>2026-03-02</td><td class=\"num\">.60</td><td>not met</td>"), page);
        CliTest.Run over = CliTest.run("reliability", "training", study, "--coder", "TR", "--html", study);
        assertEquals(1, over.code(), "never over the study");
        assertTrue(over.err().contains("lab.attune"), over.err());
        assertEquals(2, CliTest.run("reliability", "training", study, "--html", record.toString()).code(), "whose record?");

        String drift = ok("reliability", "drift", study, "--csv").out();
        assertEquals(String.join("\r\n", "first_coder,second_coder,session,finished_at,week,kappa,meets_criterion",
                "AL,BK,S01,2026-03-02T09:00:00Z,2026-W10,1.000,true",
                "AL,BK,S02,2026-03-09T09:00:00Z,2026-W11,0.800,true",
                "AL,BK,S03,2026-03-19T11:30:00Z,2026-W12,0.600,false",
                "AL,BK,S04,2026-03-23T16:00:00Z,2026-W13,1.000,true") + "\r\n", drift, "training sessions are left out of drift");
        String text = ok("reliability", "drift", study).out();
        assertTrue(text.contains("warning: AL and BK fell below the criterion on S03 (week 2026-W12, κ = 0.600)"), text);
        assertTrue(text.contains("Agreement was checked on 4 double-coded sessions spread over 4 coding weeks (2026-W10 to 2026-W13); against the criterion"
                + " (time-unit κ (1-s units) ≥ .80 in each exclusive group), κ averaged .85 (range .60–1.00); 1 re-check fell below it (S03, week 2026-W12)."), text);
    }

    /** The same study on the tests' PostgreSQL server (issue 18): every command says the same, figure for figure. */
    @Test
    void aLabStudyGivesTheSameFiguresAsItsFile() throws Exception {
        org.attune.store.pg.PgCluster pg = org.attune.store.pg.PgCluster.orSkip();
        String file = study().toString();
        String url = "postgresql://attune@127.0.0.1:" + pg.port() + "/postgres?study=reliability_cli";
        ok("study", "copy", file, url);
        List<List<String>> commands = List.of(List.of("gold", "--session", "T1", "--coder", "GS"), List.of("gold", "--session", "T2", "--coder", "GS"),
                List.of("gold", "--session", "T3", "--coder", "GS"), List.of("training-sessions", "T1,T2,T3"), List.of("criterion", "--consecutive", "2"),
                List.of("training", "--csv"), List.of("training", "--coder", "TR"), List.of("drift", "--csv"), List.of("drift"),
                List.of("sample", "--percent", "50", "--seed", "7", "--coders", "CM"), List.of("drift"));
        for (List<String> c : commands) {
            List<String> onFile = new java.util.ArrayList<>(List.of("reliability", c.get(0), file));
            onFile.addAll(c.subList(1, c.size()));
            List<String> onServer = new java.util.ArrayList<>(List.of("reliability", c.get(0), url));
            onServer.addAll(c.subList(1, c.size()));
            assertEquals(ok(onFile.toArray(String[]::new)).out(), ok(onServer.toArray(String[]::new)).out(), String.join(" ", c));
        }
    }

    @Test
    void theSampleIsDrawnAgainFromItsSeedAndGivesBlindPassesToTheSecondCoder() throws Exception {
        String study = study().toString();
        ok("reliability", "training-sessions", study, "T1,T2,T3");
        String dry = ok("reliability", "sample", study, "--percent", "50", "--seed", "7", "--coders", "CM", "--dry-run").out();
        assertTrue(dry.startsWith("would double-code 2 of 4 sessions (50 %, seed 7):"), dry);
        String drawn = ok("reliability", "sample", study, "--percent", "50", "--seed", "7", "--coders", "CM").out();
        assertEquals(dry.replace("would double-code", "double-coding").replace("→ CM", "→ CM, blind pass given"), drawn, "the same seed, the same sessions");
        try (Study s = Study.openReadOnly(Path.of(study))) {
            long cm = s.coders().stream().filter(c -> c.initials().equals("CM")).findFirst().orElseThrow().id();
            List<CodingPass> given = s.passes().stream().filter(p -> p.coderId() == cm).toList();
            assertEquals(2, given.size());
            assertTrue(given.stream().allMatch(CodingPass::blind));
            List<ReliabilityStore.SampleRecord> samples = ReliabilityStore.samples(s);
            assertEquals(1, samples.size());
            assertEquals(7, samples.get(0).seed());
            assertEquals(4, samples.get(0).eligible());
            assertTrue(drawn.contains(samples.get(0).sessions().get(0)) && drawn.contains(samples.get(0).sessions().get(1)));
        }
        String paragraph = ok("reliability", "drift", study).out();
        assertTrue(paragraph.contains("A randomly selected 50 % of the 4 sessions (n = 2) were independently double-coded by a second coder blind to the"
                + " first coder's codes (random seed 7)."), paragraph);

        CliTest.Run nobody = CliTest.run("reliability", "sample", study, "--percent", "20", "--seed", "1", "--coders", "ZZ");
        assertEquals(1, nobody.code());
        assertTrue(nobody.err().startsWith("There is no coder ZZ in this study (coders: AL, BK, CM, GS, TR)."), nobody.err());
        assertEquals(2, CliTest.run("reliability", "sample", study, "--percent", "0", "--seed", "1", "--coders", "CM").code());
        CliTest.Run typo = CliTest.run("reliability", "sample", study, "--percent", "20", "--seed", "1", "--coders", "CM", "--by", "contxt");
        assertEquals(1, typo.code());
        assertEquals("No session has \"contxt\" to stratify by (the keys: coder, context, week). Nothing was drawn." + System.lineSeparator(), typo.err());
        assertEquals(1, ReliabilityStoreCount.samples(Path.of(study)), "the typo drew nothing");
    }

    @Test
    void trainingSessionsAreLeftOutOfAnalysesAndExportsUnlessAskedFor() throws Exception {
        String study = study().toString();
        ok("reliability", "training-sessions", study, "T1,T2,T3");
        CliTest.Run left = CliTest.run("agreement", "events", study, "--coders", "GS,TR", "--method", "time-unit");
        assertEquals(1, left.code());
        assertTrue(left.err().startsWith("No session was coded by both GS and TR"), left.err());
        assertTrue(ok("agreement", "events", study, "--coders", "GS,TR", "--method", "time-unit", "--include-training").out().contains("T3"));
        assertTrue(ok("agreement", "events", study, "--coders", "GS,TR", "--method", "time-unit", "--sessions", "T2").out().contains("T2"),
                "a training session named is asked for");

        Path all = dir.resolve("all.csv");
        Path study4 = dir.resolve("four.csv");
        ok("events", "export", study, "-o", study4.toString());
        ok("events", "export", study, "-o", all.toString(), "--include-training");
        String four = java.nio.file.Files.readString(study4);
        assertTrue(four.contains(",S01,") && !four.contains(",T1,"), "the export leaves the training sessions out");
        assertTrue(java.nio.file.Files.readString(all).contains(",T1,"));
        assertTrue(ok("measures", study, "--json").out().contains("\"S04\"") && !ok("measures", study, "--json").out().contains("\"T1\""));
    }

    @Test
    void aConsensusPassIsExportedWithWhereEachEventCameFrom() throws Exception {
        Path file = dir.resolve("consensus.attune");
        try (Study s = org.attune.service.ConsensusTest.study(file)) {
            org.attune.service.Consensus.State st = org.attune.service.Consensus.startOrResume(s, "S01", "AL", "BK", 1000, 0.6);
            st = org.attune.service.Consensus.decide(s, st, st.disagreements().get(0), org.attune.service.Consensus.Decision.SECOND, java.util.Optional.empty());
            org.attune.service.Consensus.decide(s, st, st.disagreements().get(2), org.attune.service.Consensus.Decision.EDITED,
                    java.util.Optional.of(EventDraft.point("C_BID", 8_000)));
        }
        assertEquals(String.join("\r\n", "session,first_coder,second_coder,code,onset_s,offset_s,provenance",
                "S01,AL,BK,C_POS,0.000,5.000,agreed",
                "S01,AL,BK,P_BID,2.000,2.000,agreed",
                "S01,AL,BK,C_POS,5.400,10.000,second",
                "S01,AL,BK,C_BID,8.000,8.000,edited") + "\r\n", ok("reliability", "consensus", file.toString(), "--csv").out());
        assertEquals("S01 (AL and BK): 2 agreed, 1 second, 1 edited" + System.lineSeparator(), ok("reliability", "consensus", file.toString()).out());
    }

    @Test
    void aStoredCriterionThatCannotBeReadIsSaidWithWhatToDo() throws Exception {
        Path file = study();
        ok("reliability", "criterion", file.toString(), "--threshold", "0.75");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); var st = c.createStatement()) {
            assertEquals(1, st.executeUpdate("UPDATE study_info SET value = 'high' WHERE key = 'criterion.threshold'"));
        }
        CliTest.Run r = CliTest.run("reliability", "drift", file.toString());
        assertEquals(1, r.code());
        assertEquals("lab.attune: the criterion's threshold \"high\" is not a number. Set the criterion again (Reliability ▸ Criterion…, or attune reliability"
                + " criterion)." + System.lineSeparator(), r.err());
        assertEquals(0, CliTest.run("reliability", "criterion", file.toString(), "--threshold", "0.8").code(), "setting it again mends it");
    }

    /** How many samples a study keeps. */
    private static final class ReliabilityStoreCount {
        static int samples(Path file) throws Exception {
            try (Study s = Study.openReadOnly(file)) {
                return ReliabilityStore.samples(s).size();
            }
        }
    }
}
