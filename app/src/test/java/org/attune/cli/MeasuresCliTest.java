package org.attune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.attune.TestPaths;
import org.attune.coding.Coder;
import org.attune.coding.EventDraft;
import org.attune.coding.Session;
import org.attune.scheme.json.BundledSchemes;
import org.attune.store.Study;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeasuresCliTest {

    @TempDir
    Path dir;

    private Path study() throws Exception {
        Path file = dir.resolve("m.attune");
        try (Study s = Study.create(file, BundledSchemes.defaultScheme(), "x")) {
            Session s1 = s.addSession(new Session(0, "S01", "", "", null, "", "", Map.of()));
            Coder al = s.addCoder("A", "AL");
            long pass = s.pass(s1.id(), al.id()).id();
            s.events().add(pass, EventDraft.state("P_GAZE", 0, 20_000L));
            s.events().add(pass, EventDraft.state("C_GAZE", 10_000, 30_000L));
            s.events().add(pass, EventDraft.state("UNCODE", 50_000, 60_000L));
        }
        return file;
    }

    @Test
    void jsonHasOneEntryPerSessionCoderMeasure() throws Exception {
        CliTest.Run r = CliTest.run("measures", study().toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(3.0, j.at("/parameters/window_s").asDouble());
        JsonNode mutual = null;
        for (JsonNode m : j.get("measures")) if (m.get("measure").asText().equals("mutual_gaze_percent")) mutual = m;
        assertEquals("S01", mutual.get("session").asText());
        assertEquals("AL", mutual.get("coder").asText());
        assertEquals(20.0, mutual.get("value").asDouble(), 1e-9, "10 s of 50 s codeable");
    }

    @Test
    void tidyCsvCarriesTheParametersAndMatchesTheDictionary() throws Exception {
        Path out = dir.resolve("measures.csv");
        CliTest.Run r = CliTest.run("measures", study().toString(), "--csv", out.toString(), "--window", "2.5");
        assertEquals(0, r.code(), r.err());
        String csv = Files.readString(out);
        assertTrue(csv.startsWith(String.join(",", MeasuresCommand.COLUMNS) + "\r\n"), csv.substring(0, 200));
        assertTrue(csv.contains("S01,AL,synchronicity,mutual_gaze_percent,,20.000000,percent,,,2.500,5,1,2,5,10,1"), csv);
        String doc = Files.readString(TestPaths.repoRoot().resolve("docs/measures.md"));
        for (String column : MeasuresCommand.COLUMNS) assertTrue(doc.contains("| `" + column + "` |"), "docs/measures.md lacks column " + column);
    }

    @Test
    void anOutputMustBeChosen() throws Exception {
        assertEquals(2, CliTest.run("measures", study().toString()).code());
    }
}
