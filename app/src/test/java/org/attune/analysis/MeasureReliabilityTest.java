package org.attune.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.attune.agreement.ClassicAgreementTest;
import org.attune.agreement.Icc;
import org.attune.cli.CliTest;
import org.junit.jupiter.api.Test;

class MeasureReliabilityTest {

    /** Shrout & Fleiss (1979) Table 2 as one measure: six sessions (targets) × four coders (judges) → ICC(2,1) = .29, ICC(3,1) = .71. */
    @Test
    void iccOfAMeasureAcrossSessions() {
        List<String> coders = List.of("J1", "J2", "J3", "J4");
        List<MeasureReliability.Coded> codings = new ArrayList<>();
        double[][] sf = ClassicAgreementTest.SHROUT_FLEISS;
        for (int s = 0; s < 6; s++) {
            for (int j = 0; j < 4; j++) {
                codings.add(new MeasureReliability.Coded("S" + s, coders.get(j), List.of(MeasureValue.of("reciprocity", "parent_responsiveness", "", sf[s][j], "proportion", 10))));
            }
        }
        // a seventh session only two coders have: left out of the complete table
        codings.add(new MeasureReliability.Coded("S6", "J1", List.of(MeasureValue.of("reciprocity", "parent_responsiveness", "", 5, "proportion", 10))));
        codings.add(new MeasureReliability.Coded("S6", "J2", List.of(MeasureValue.of("reciprocity", "parent_responsiveness", "", 5, "proportion", 10))));
        List<MeasureReliability.Row> rows = MeasureReliability.compute(codings, coders);
        assertEquals(1, rows.size());
        MeasureReliability.Row r = rows.get(0);
        assertEquals(6, r.sessions());
        assertEquals(1, r.icc().incompleteUnits());
        assertEquals(0.29, r.icc().get(Icc.Form.ICC2).get(), 5e-3);
        assertEquals(0.71, r.icc().get(Icc.Form.ICC3).get(), 5e-3);
    }

    @Test
    void undefinedValuesDoNotEnterTheTable() {
        List<MeasureReliability.Coded> codings = List.of(
                new MeasureReliability.Coded("S1", "A", List.of(MeasureValue.undefined("reciprocity", "compliance_ratio", "", "proportion", 0, "no directives"))),
                new MeasureReliability.Coded("S1", "B", List.of(MeasureValue.of("reciprocity", "compliance_ratio", "", 1, "proportion", 1))));
        MeasureReliability.Row r = MeasureReliability.compute(codings, List.of("A", "B")).get(0);
        assertEquals(0, r.sessions());
        assertTrue(r.icc().get(Icc.Form.ICC2).undefinedReason().contains("at least two units"));
    }

    @Test
    void commandLineReportsIccPerMeasure(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("r.attune");
        try (org.attune.store.Study s = org.attune.store.Study.create(file, org.attune.scheme.json.BundledSchemes.defaultScheme(), "x")) {
            long a = s.addCoder("A", "AL").id();
            long b = s.addCoder("B", "BK").id();
            for (int i = 0; i < 4; i++) {
                long session = s.addSession(new org.attune.coding.Session(0, "S" + i, "", "", null, "", "", java.util.Map.of())).id();
                s.events().add(s.pass(session, a).id(), org.attune.coding.EventDraft.state("P_GAZE", 0, 10_000L + 5000L * i));
                s.events().add(s.pass(session, b).id(), org.attune.coding.EventDraft.state("P_GAZE", 0, 11_000L + 5000L * i));
                s.events().add(s.pass(session, a).id(), org.attune.coding.EventDraft.state("UNCODE", 60_000, 61_000L));
                s.events().add(s.pass(session, b).id(), org.attune.coding.EventDraft.state("UNCODE", 60_000, 61_000L));
            }
        }
        CliTest.Run r = CliTest.run("agreement", "measures", file.toString(), "--coders", "AL,BK", "--json");
        assertEquals(0, r.code(), r.err());
        com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        com.fasterxml.jackson.databind.JsonNode gaze = null;
        for (com.fasterxml.jackson.databind.JsonNode m : j.get("measures")) {
            if (m.get("measure").asText().equals("percent_time") && m.get("target").asText().equals("P_GAZE")) gaze = m;
        }
        assertEquals(4, gaze.get("sessions").asInt());
        assertTrue(gaze.at("/icc/ICC2/value").asDouble() > 0.9, gaze.toString());
    }
}
