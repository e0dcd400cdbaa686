package org.attune.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.attune.TestPaths;
import org.attune.coding.Coder;
import org.attune.coding.Session;
import org.attune.exchange.RatingsCsv;
import org.attune.store.Study;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attune ratings export}: the session ratings as data, long and wide. */
class RatingsExportCliTest {

    @TempDir
    Path dir;
    Path study;

    @BeforeEach
    void aStudyWithRatings() throws Exception {
        study = dir.resolve("r.attune");
        assertEquals(0, CliTest.run("study", "create", study.toString(), "--name", "Reunions").code());
        try (Study s = Study.open(study)) {
            Session s1 = s.addSession(new Session(0, "S01", "D01", "2026-03-02", 18.0, "reunion", "", Map.of("site", "Leiden")));
            Session s2 = s.addSession(new Session(0, "S02", "D02", "", null, "", "", Map.of()));
            Coder al = s.addCoder("Ana", "AL");
            Coder bk = s.addCoder("Ben", "BK");
            s.events().setRating(s.pass(s1.id(), al.id()).id(), "R_SENS", 4);
            s.events().setRating(s.pass(s1.id(), al.id()).id(), "R_INTRUS", 2);
            s.events().setRating(s.pass(s1.id(), bk.id()).id(), "R_SENS", 3);
            s.pass(s2.id(), al.id()); // a pass without ratings
        }
    }

    @Test
    void longHasOneRowPerRatingGivenWithItsAnchorLabel() throws Exception {
        Path csv = dir.resolve("long.csv");
        CliTest.Run r = CliTest.run("ratings", "export", study.toString(), "-o", csv.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("wrote 3 ratings"), r.out());
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("study,session,dyad,coder,pass_status,rating_code,value,label,session_date,child_age_months,context,meta_site", lines.get(0));
        assertEquals("Reunions,S01,D01,AL,in_progress,R_SENS,4,\"Mostly sensitive: notices and answers most signals promptly and fittingly, with brief lapses\","
                + "2026-03-02,18,reunion,Leiden", lines.get(1));
        assertTrue(lines.get(2).startsWith("Reunions,S01,D01,AL,in_progress,R_INTRUS,2,"), lines.get(2));
        assertTrue(lines.get(3).startsWith("Reunions,S01,D01,BK,in_progress,R_SENS,3,"), lines.get(3));
        assertEquals(4, lines.size(), "S02's pass has no ratings: no row");
    }

    @Test
    void wideHasOneRowPerPassAndAColumnPerRatingCode() throws Exception {
        Path csv = dir.resolve("wide.csv");
        CliTest.Run r = CliTest.run("ratings", "export", study.toString(), "-o", csv.toString(), "--wide");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("study,session,dyad,coder,pass_status,R_SENS,R_INTRUS,R_RECIP,R_INVOLVE,session_date,child_age_months,context,meta_site", lines.get(0));
        assertEquals("Reunions,S01,D01,AL,in_progress,4,2,,,2026-03-02,18,reunion,Leiden", lines.get(1));
        assertEquals("Reunions,S01,D01,BK,in_progress,3,,,,2026-03-02,18,reunion,Leiden", lines.get(2));
        assertEquals("Reunions,S02,D02,AL,not_started,,,,,,,,", lines.get(3), "a pass without ratings is listed too");
    }

    /** Both exports check the sessions asked for before writing anything, naming those the study has. */
    @Test
    void aSessionTheStudyDoesNotHaveIsNamedAndNothingIsWritten() throws Exception {
        for (String what : new String[] {"ratings", "events"}) {
            Path csv = dir.resolve(what + ".csv");
            CliTest.Run r = CliTest.run(what, "export", study.toString(), "-o", csv.toString(), "--sessions", "S01,S09");
            assertEquals(1, r.code(), what);
            assertEquals("There is no session \"S09\" in r.attune (sessions: S01, S02).", r.err().strip(), what);
            assertTrue(java.nio.file.Files.notExists(csv), what + ": nothing written");
        }
    }

    @Test
    void neverWritesOverTheStudy() throws Exception {
        byte[] before = Files.readAllBytes(study);
        CliTest.Run r = CliTest.run("ratings", "export", study.toString(), "-o", study.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("is also an input of this command"), r.err());
        assertArrayEquals(before, Files.readAllBytes(study));
    }

    @Test
    void theDictionaryDescribesEveryColumn() throws Exception {
        String doc = Files.readString(TestPaths.repoRoot().resolve("docs/ratings-csv.md"));
        for (RatingsCsv.Column c : RatingsCsv.Column.values()) {
            assertTrue(doc.contains("| `" + c.header() + "` | " + c.meaning() + " |"), "docs/ratings-csv.md lacks the row for " + c.header());
        }
    }
}
