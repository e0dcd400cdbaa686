package org.attune.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.attune.TestPaths;
import org.attune.cli.CliTest;
import org.attune.coding.Coder;
import org.attune.coding.EventDraft;
import org.attune.coding.Session;
import org.attune.store.Study;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: the R and pandas recipes in docs/events-csv.md and docs/ratings-csv.md read every export
 * exactly. The recipes name the number columns; this checks they name the same ones as the
 * dictionary, in R and in pandas, and that on an export full of labels that look like numbers or
 * missing values (session 007, coder NA, dyad 1e3) the number columns hold only numbers and every
 * other column is one the recipe keeps as text.
 */
class ReadingRecipeTest {

    @TempDir
    Path dir;

    private static String doc(String name) throws Exception {
        return Files.readString(TestPaths.repoRoot().resolve("docs").resolve(name));
    }

    /** The back-quoted names in the first match of {@code regex}'s group 1. */
    private static List<String> names(String text, String regex, String quote) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "not in the doc: " + regex);
        List<String> out = new ArrayList<>();
        Matcher q = Pattern.compile(quote + "([a-z_]+)" + quote).matcher(m.group(1));
        while (q.find()) out.add(q.group(1));
        return out;
    }

    private Path trickyStudy() throws Exception {
        Path study = dir.resolve("t.attune");
        assertEquals(0, CliTest.run("study", "create", study.toString(), "--name", "TRUE").code());
        try (Study s = Study.open(study)) {
            Session s1 = s.addSession(new Session(0, "007", "1e3", "2026-03-02", 14.5, "NA", "", Map.of("wave", "2")));
            Coder na = s.addCoder("Nadia", "NA");
            long pass = s.pass(s1.id(), na.id()).id();
            s.events().add(pass, EventDraft.point("C_BID", 1_234));
            s.events().add(pass, EventDraft.state("C_POS", 2_000, 3_500L));
            s.events().setRating(pass, "R_SENS", 4);
        }
        return study;
    }

    private static List<CSVRecord> read(Path csv) throws Exception {
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().build().parse(r)) {
            List<CSVRecord> rows = p.getRecords();
            assertTrue(!rows.isEmpty());
            return rows;
        }
    }

    private static void onlyNumbers(List<CSVRecord> rows, Set<String> columns) {
        for (CSVRecord row : rows) {
            for (String c : columns) {
                String v = row.get(c);
                if (!v.isEmpty()) new BigDecimal(v); // throws when a number column holds anything else
            }
        }
    }

    @Test
    void theEventsRecipeNamesTheDictionarysNumberColumns() throws Exception {
        String doc = doc("events-csv.md");
        List<String> dictionary = names(doc, "Number columns: ([^\\n]*)", "`");
        assertEquals(List.of("onset_s", "offset_s", "duration_s", "child_age_months"), dictionary);
        assertEquals(dictionary, names(doc, "num <- intersect\\(c\\(([^)]*)\\)", "\""), "R");
        assertEquals(dictionary, names(doc, "for c in \\[([^\\]]*)\\]", "\""), "pandas");
        Set<String> headers = new LinkedHashSet<>();
        for (EventColumns c : EventColumns.values()) headers.add(c.header());
        assertTrue(headers.containsAll(dictionary));

        Path csv = dir.resolve("events.csv");
        CliTest.Run r = CliTest.run("events", "export", trickyStudy().toString(), "-o", csv.toString());
        assertEquals(0, r.code(), r.err());
        List<CSVRecord> rows = read(csv);
        onlyNumbers(rows, new LinkedHashSet<>(dictionary));
        assertEquals("007", rows.get(0).get("session"), "kept as text by the recipe");
        assertEquals("NA", rows.get(0).get("coder"));
        assertEquals("1e3", rows.get(0).get("dyad"));
        assertEquals("1.234", rows.get(0).get("onset_s"));
        assertEquals("14.5", rows.get(0).get("child_age_months"));
    }

    @Test
    void theRatingsRecipeKeepsTheTextColumnsAndConvertsTheRest() throws Exception {
        String doc = doc("ratings-csv.md");
        List<String> textR = names(doc, "txt <- c\\(([^)]*)\\)", "\"");
        List<String> textPandas = names(doc, "txt = \\[([^\\]]*)\\]", "\"");
        assertEquals(textR, textPandas, "R and pandas keep the same columns as text");
        Path study = trickyStudy();
        for (boolean wide : new boolean[] {false, true}) {
            Path csv = dir.resolve(wide ? "wide.csv" : "long.csv");
            List<String> args = new ArrayList<>(List.of("ratings", "export", study.toString(), "-o", csv.toString()));
            if (wide) args.add("--wide");
            CliTest.Run r = CliTest.run(args.toArray(String[]::new));
            assertEquals(0, r.code(), r.err());
            List<CSVRecord> rows = read(csv);
            Set<String> numbers = new LinkedHashSet<>();
            for (String h : rows.get(0).getParser().getHeaderNames()) if (!textR.contains(h) && !h.startsWith("meta_")) numbers.add(h);
            onlyNumbers(rows, numbers);
            assertTrue(numbers.contains(wide ? "R_SENS" : "value") && numbers.contains("child_age_months"), numbers.toString());
            assertTrue(rows.get(0).getParser().getHeaderNames().containsAll(textR.stream().filter(t -> !wide || !Arrays.asList("rating_code", "label").contains(t)).toList()),
                    "every text column the recipe names is one the file has");
            assertEquals("007", rows.get(0).get("session"));
            assertEquals("NA", rows.get(0).get("coder"));
        }
        assertTrue(doc.contains("Number columns: `value`, `child_age_months`, and in the wide file every rating-code column."));
    }
}
