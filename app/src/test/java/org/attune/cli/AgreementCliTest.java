package org.attune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attune agreement ratings} on the published data sets of ClassicAgreementTest, in long CSV form. */
class AgreementCliTest {

    @TempDir
    Path dir;

    private Path longCsv(String name, String[][] rows) throws Exception {
        StringBuilder b = new StringBuilder("unit,rater,value\n");
        for (int u = 0; u < rows.length; u++) {
            for (int r = 0; r < rows[u].length; r++) b.append("u").append(u + 1).append(",R").append(r + 1).append(',').append(rows[u][r] == null ? "" : rows[u][r]).append('\n');
        }
        Path f = dir.resolve(name);
        Files.writeString(f, b.toString());
        return f;
    }

    private static JsonNode json(CliTest.Run r) throws Exception {
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void fleissDiagnosesThroughTheCommandLine() throws Exception {
        String[][] rows = new String[30][6];
        for (int i = 0; i < 30; i++) for (int j = 0; j < 6; j++) rows[i][j] = Integer.toString(org.attune.agreement.ClassicAgreementTest.DIAGNOSES[i][j]);
        JsonNode j = json(CliTest.run("agreement", "ratings", longCsv("diagnoses.csv", rows).toString(), "--json"));
        assertEquals(30, j.get("n_units").asInt());
        assertEquals(6, j.get("n_raters").asInt());
        assertEquals(0.4302445, j.get("fleiss_kappa").asDouble(), 1e-7);
        assertTrue(j.get("cohen_kappa").isNull(), "needs exactly two raters");
        assertTrue(j.get("weighted_kappa_linear").isNull());
        assertTrue(j.get("scott_pi").isNull());
        assertTrue(j.get("icc").isNull(), "diagnoses are nominal codes: no ICC");
        for (String key : new String[] {"percent_agreement", "krippendorff_alpha", "weighted_kappa_quadratic"}) assertTrue(j.has(key), key);
    }

    @Test
    void twoRatersGetTheKappaFamily() throws Exception {
        String[] cats = {"a", "b", "c"};
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        double[][] t = org.attune.agreement.ClassicAgreementTest.SAS_TABLE;
        for (int i = 0; i < 3; i++) for (int k = 0; k < 3; k++) for (int c = 0; c < t[i][k]; c++) rows.add(new String[] {cats[i], cats[k]});
        JsonNode j = json(CliTest.run("agreement", "ratings", longCsv("sas.csv", rows.toArray(new String[0][])).toString(), "--json"));
        assertEquals(0.4842, j.get("cohen_kappa").asDouble(), 5e-5);
        assertEquals(0.4701, j.get("weighted_kappa_linear").asDouble(), 5e-5);
        assertEquals(0.1380, j.at("/details/cohen_kappa/se").asDouble(), 5e-5);
        assertEquals(0.2137, j.at("/details/cohen_kappa/ci95_lower").asDouble(), 5e-5);
    }

    @Test
    void iccFormsForInterval() throws Exception {
        double[][] sf = org.attune.agreement.ClassicAgreementTest.SHROUT_FLEISS;
        String[][] rows = new String[6][4];
        for (int i = 0; i < 6; i++) for (int k = 0; k < 4; k++) rows[i][k] = Integer.toString((int) sf[i][k]);
        JsonNode j = json(CliTest.run("agreement", "ratings", longCsv("sf.csv", rows).toString(), "--level", "interval", "--json"));
        assertEquals(0.29, j.at("/icc/ICC2").asDouble(), 5e-3);
        assertEquals(0.91, j.at("/icc/ICC3k").asDouble(), 5e-3);
        assertEquals("ICC(2,1)", j.at("/details/icc/ICC2/shrout_fleiss").asText());
        assertEquals(0.019, j.at("/details/icc/ICC2/ci95_lower").asDouble(), 5e-3);
    }

    @Test
    void krippendorffWithMissingDataAndDeclaredLevel() throws Exception {
        JsonNode j = json(CliTest.run("agreement", "ratings", longCsv("k.csv", org.attune.agreement.ClassicAgreementTest.KRIPPENDORFF_2011).toString(),
                "--level", "ordinal", "--json"));
        assertEquals(0.815, j.get("krippendorff_alpha").asDouble(), 5e-4);
        assertEquals("ordinal", j.at("/details/krippendorff_alpha_level").asText());
    }

    @Test
    void badFilesAreReportedWithLines() throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "unit,rater,value\nu1,A,1\nu1,A,2\n,B,3\n");
        CliTest.Run r = CliTest.run("agreement", "ratings", f.toString(), "--json");
        assertEquals(1, r.code());
        assertTrue(r.err().contains(f + ":3: rater A rated unit u1 twice; keep one rating per unit and rater"), r.err());
        assertTrue(r.err().contains(f + ":4: unit is empty"), r.err());
        Files.writeString(f, "item,coder,score\n1,A,1\n");
        assertTrue(CliTest.run("agreement", "ratings", f.toString()).err().contains("missing column unit"));
        Files.writeString(f, "unit,rater,value\n1,A,x\n1,B,y\n");
        CliTest.Run undeclared = CliTest.run("agreement", "ratings", f.toString(), "--categories", "x,z");
        assertEquals(1, undeclared.code());
        assertTrue(undeclared.err().contains("has the value \"y\", which is not in --categories x,z"), undeclared.err());
    }

    @Test
    void textReportIsReadable() throws Exception {
        CliTest.Run r = CliTest.run("agreement", "ratings", longCsv("k.csv", org.attune.agreement.ClassicAgreementTest.KRIPPENDORFF_2011).toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("12 units, 4 raters, categories 1, 2, 3, 4, 5"), r.out());
        assertTrue(r.out().contains("Krippendorff's α (nominal)   0.743"), r.out());
        assertTrue(r.out().contains("need exactly two raters"), r.out());
    }

    /** Session ratings from a study: sessions are units, coders raters, the scheme's 1–5 scale the declared categories. */
    @Test
    void sessionRatingsOfAStudy() throws Exception {
        Path study = dir.resolve("s.attune");
        try (org.attune.store.Study s = org.attune.store.Study.create(study, org.attune.scheme.json.BundledSchemes.defaultScheme(), "x")) {
            long[] coderIds = {s.addCoder("A", "AL").id(), s.addCoder("B", "BK").id()};
            // two raters on a 1–5 scale: the SAS table's categories a, b, c as scores 1, 3, 5 (2 and 4 declared but unused)
            double[][] t = org.attune.agreement.ClassicAgreementTest.SAS_TABLE;
            int[] score = {1, 3, 5};
            int unit = 0;
            for (int i = 0; i < 3; i++) for (int k = 0; k < 3; k++) for (int c = 0; c < t[i][k]; c++) {
                long sessionId = s.addSession(new org.attune.coding.Session(0, "S" + (unit++), "", "", null, "", "", java.util.Map.of())).id();
                s.events().setRating(s.pass(sessionId, coderIds[0]).id(), "R_SENS", score[i]);
                s.events().setRating(s.pass(sessionId, coderIds[1]).id(), "R_SENS", score[k]);
            }
        }
        CliTest.Run r = CliTest.run("agreement", "ratings", study.toString(), "--code", "R_SENS", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out()).at("/ratings/R_SENS");
        assertEquals(0.4842, j.get("cohen_kappa").asDouble(), 5e-5, "unweighted κ ignores unused categories");
        assertEquals("[\"1\",\"2\",\"3\",\"4\",\"5\"]", j.at("/details/categories").toString(), "the scheme's scale is the declared category set");
        assertEquals("ordinal", j.at("/details/krippendorff_alpha_level").asText(), "ratings default to ordinal");
        assertTrue(j.get("icc").isObject(), "ordinal numeric ratings get ICC");
        assertEquals(1, CliTest.run("agreement", "ratings", study.toString(), "--code", "C_BID").code());
    }
}
