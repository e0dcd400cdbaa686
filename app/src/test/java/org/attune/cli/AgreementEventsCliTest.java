package org.attune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.attune.coding.Coder;
import org.attune.coding.EventDraft;
import org.attune.coding.Session;
import org.attune.store.Study;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attune agreement events} on a study holding the hand-computed timelines of TimedAgreementTest. */
class AgreementEventsCliTest {

    @TempDir
    Path dir;
    Path study;

    @BeforeEach
    void buildStudy() throws Exception {
        study = dir.resolve("s.attune");
        try (Study s = Study.create(study, org.attune.scheme.json.BundledSchemes.defaultScheme(), "x")) {
            Session s1 = s.addSession(new Session(0, "S01", "", "", null, "", "", Map.of()));
            Session s2 = s.addSession(new Session(0, "S02", "", "", null, "", "", Map.of()));
            Coder al = s.addCoder("A", "AL");
            Coder bk = s.addCoder("B", "BK");
            long a1 = s.pass(s1.id(), al.id()).id();
            long b1 = s.pass(s1.id(), bk.id()).id();
            s.events().add(a1, EventDraft.state("C_POS", 0, 4000L));
            s.events().add(a1, EventDraft.state("C_DIST", 6000, 9000L));
            s.events().add(b1, EventDraft.state("C_POS", 1000, 4000L));
            s.events().add(b1, EventDraft.state("C_DIST", 6000, 10_000L));
            s.events().add(a1, EventDraft.state("C_EXPLORE", 9500, null)); // still running: left out and counted
            long c1 = s.pass(s1.id(), s.addCoder("C", "CJ").id()).id(); // a third coder who coded exactly as AL
            s.events().add(c1, EventDraft.state("C_POS", 0, 4000L));
            s.events().add(c1, EventDraft.state("C_DIST", 6000, 9000L));
            s.pass(s2.id(), al.id()); // S02 coded by AL only: left out
            s.events().add(s.pass(s2.id(), al.id()).id(), EventDraft.point("C_BID", 100));
        }
    }

    private static JsonNode json(CliTest.Run r) throws Exception {
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    private static JsonNode result(JsonNode j, String session, String target) {
        for (JsonNode r : j.get("results")) {
            if (r.get("session").asText().equals(session) && r.get("target").asText().equals(target)) return r;
        }
        throw new AssertionError("no result for " + session + " / " + target);
    }

    @Test
    void timeUnitKappaPerGroupWithToleranceBothWays() throws Exception {
        JsonNode j = json(CliTest.run("agreement", "events", study.toString(), "--coders", "AL,BK", "--method", "time-unit", "--unit", "1", "--tolerance", "1", "--json"));
        assertEquals("time-unit", j.get("method").asText());
        assertEquals("[\"S01\"]", j.get("sessions_compared").toString());
        assertTrue(j.get("sessions_left_out").get(0).asText().startsWith("S02 (BK did not code it)"));
        assertEquals(1, j.get("running_states_left_out").asInt());
        JsonNode affect = result(j, "S01", "AFF_C");
        assertEquals(0.47 / 0.67, affect.at("/statistics/kappa").asDouble(), 1e-9);
        assertEquals(0.56 / 0.66, affect.at("/statistics/kappa_tolerance_first_as_reference").asDouble(), 1e-9);
        assertEquals(0.56 / 0.66, affect.at("/statistics/kappa_tolerance_second_as_reference").asDouble(), 1e-9);
        assertEquals(10, affect.at("/counts/units").asInt());
        assertTrue(result(j, "S01", "C_BID").at("/statistics/kappa").isNull(), "nobody coded C_BID in S01: undefined, not NaN");
        assertTrue(result(j, "S01", "C_BID").at("/undefined/kappa").asText().contains("chance agreement is 1"));
    }

    @Test
    void theSameFromAnEventsCsv() throws Exception {
        Path csv = dir.resolve("events.csv");
        assertEquals(0, CliTest.run("events", "export", study.toString(), "-o", csv.toString()).code());
        JsonNode j = json(CliTest.run("agreement", "events", csv.toString(), "--coders", "AL,BK", "--method", "time-unit", "--tolerance", "1", "--json"));
        assertEquals(0.47 / 0.67, result(j, "S01", "AFF_C").at("/statistics/kappa").asDouble(), 1e-9);
    }

    @Test
    void overlapAlignmentAndBorisRunAndTidyCsvIsWritten() throws Exception {
        JsonNode overlap = json(CliTest.run("agreement", "events", study.toString(), "--coders", "AL,BK", "--method", "overlap", "--json", "--csv", dir.toString()));
        // C_POS 0–4 vs 1–4 (3/4 ≥ .6) and C_DIST 6–9 vs 6–10 (3/4) link: perfect agreement on linked bouts
        assertEquals(1.0, result(overlap, "S01", "AFF_C").at("/statistics/proportion_linked").asDouble(), 1e-12);
        assertEquals(1.0, result(overlap, "S01", "AFF_C").at("/statistics/raw_agreement").asDouble(), 1e-12);
        assertEquals(1000.0, result(overlap, "S01", "AFF_C").at("/statistics/offset_difference_ms_mean").asDouble() * 2, 1e-9, "offsets differ by 0 and 1000 ms");
        String tidy = Files.readString(dir.resolve("agreement-overlap.csv"));
        assertTrue(tidy.startsWith("session,coder_first,coder_second,method,target_kind,target,overlap_criterion,statistic,value,undefined_reason"), tidy.substring(0, 120));
        assertTrue(tidy.contains("S01,AL,BK,overlap,group,AFF_C,0.6,proportion_linked,1.000000,"), tidy);
        assertEquals(0, CliTest.run("agreement", "events", study.toString(), "--coders", "AL,BK", "--method", "alignment", "--json").code());
        JsonNode boris = json(CliTest.run("agreement", "events", study.toString(), "--coders", "AL,BK", "--method", "boris", "--json"));
        assertTrue(result(boris, "S01", "all codes").at("/statistics/kappa").isNumber());
    }

    @Test
    void wrongUseIsExplained() {
        assertEquals(2, CliTest.run("agreement", "events", study.toString(), "--coders", "AL", "--method", "time-unit").code());
        assertEquals(2, CliTest.run("agreement", "events", study.toString(), "--coders", "AL,BK", "--method", "kappa").code());
        CliTest.Run none = CliTest.run("agreement", "events", study.toString(), "--coders", "AL,ZZ", "--method", "time-unit");
        assertEquals(1, none.code());
        assertTrue(none.err().startsWith("No session was coded by both AL and ZZ"), none.err());
    }

    /**
     * Three coders on AFF_C (CJ = AL): units P P P P N N D D D N (AL, CJ) and N P P P N N D D D D (BK).
     * Fleiss: per-unit agreement 1/3, 1, 1, 1, 1, 1, 1, 1, 1, 1/3 → P̄ = 26/30; category totals P 11, D 10, N 9 of 30
     * → p_e = 302/900 → κ = (780 − 302)/(900 − 302) = 478/598.
     * Krippendorff (nominal): off-diagonal coincidences 4 of n = 30 → D_o = 4/30; D_e = (900 − 302)/(30·29) → α = 1 − 3480/17940.
     */
    @Test
    void threeCodersGetEveryPairAndFleissAndAlphaAcrossAll() throws Exception {
        JsonNode j = json(CliTest.run("agreement", "events", study.toString(), "--coders", "AL,BK,CJ", "--method", "time-unit", "--tolerance", "0", "--json"));
        assertTrue(j.get("methods_paragraph").isNull(), "the paragraph is for one pair");
        int pairs = 0;
        for (JsonNode r : j.get("results")) {
            if (r.get("target").asText().equals("AFF_C")) {
                pairs++;
                if (r.get("coders").toString().equals("[\"AL\",\"CJ\"]")) assertEquals(1.0, r.at("/statistics/kappa").asDouble(), 1e-12);
            }
        }
        assertEquals(3, pairs, "AL–BK, AL–CJ, BK–CJ");
        JsonNode all = null;
        for (JsonNode r : j.get("all_coders")) if (r.get("target").asText().equals("AFF_C")) all = r;
        assertEquals(478.0 / 598, all.at("/statistics/fleiss_kappa").asDouble(), 1e-12);
        assertEquals(1 - 3480.0 / 17940, all.at("/statistics/krippendorff_alpha").asDouble(), 1e-12);
        assertEquals(10, all.at("/counts/units").asInt());
    }

    /** JSON keys come in one fixed order, run after run (issue 12: the BORIS method's counts came from Map.of, whose order is salted per JVM). */
    @Test
    void jsonKeysComeInAFixedOrder() throws Exception {
        JsonNode j = json(CliTest.run("agreement", "events", study.toString(), "--coders", "AL,BK", "--method", "boris", "--json"));
        List<String> keys = new java.util.ArrayList<>();
        j.get("results").get(0).get("counts").fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("ticks", "categories"), keys);
    }

    @Test
    void aStudyWhoseIntegrityCheckFailsGivesNoResultsEvenThoughItsEventsRead() throws Exception {
        Path study = dir.resolve("damaged.attune");
        Files.copy(Path.of("..", "sample-sessions", "sample-study.attune"), study);
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + study); var st = c.createStatement()) {
            st.execute("PRAGMA writable_schema=ON"); // an index that no longer matches its table: only the full check finds it
            st.executeUpdate("UPDATE sqlite_master SET sql = 'CREATE UNIQUE INDEX events_by_uid ON events (comment)' WHERE name = 'events_by_uid'");
        }
        CliTest.Run r = CliTest.run("agreement", "events", study.toString(), "--coders", "AL,BK", "--method", "time-unit", "--unit", "1", "--json");
        assertEquals(1, r.code());
        assertEquals("", r.out(), "no statistics from a damaged study");
        assertTrue(r.err().startsWith("damaged.attune is damaged (row 1 missing from index events_by_uid"), r.err());

        // the launcher opens and checks the study while the arguments are parsed only for this command's study
        assertEquals(java.util.Optional.of(study), AttuneCommand.studyReadWhole("agreement", "events", study.toString(), "--coders", "AL,BK"));
        assertEquals(java.util.Optional.empty(), AttuneCommand.studyReadWhole("events", "export", study.toString()));
        assertEquals(java.util.Optional.empty(), AttuneCommand.studyReadWhole("agreement", "events", dir.resolve("none.attune").toString()));
        assertEquals(java.util.Optional.empty(), AttuneCommand.studyReadWhole("agreement", "events", "codings.csv"));
    }
}
