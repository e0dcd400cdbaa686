package org.attune.exchange;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.attune.analysis.MeasureParameters;
import org.attune.analysis.MeasureValue;

/**
 * Derived measures as tidy CSV, one row per session × coder × measure, with the windows used in
 * columns: what {@code attune measures --csv} writes and the Measures tab's Export button saves.
 * Column dictionary in docs/measures.md.
 */
public final class MeasuresCsv {
    private MeasuresCsv() {
    }

    public static final List<String> COLUMNS = List.of("session", "coder", "family", "measure", "target", "value", "unit", "n", "note",
            "window_s", "turn_window_s", "unit_s", "distress_grace_s", "compliance_window_s", "safe_haven_window_s", "synchrony_min_s");

    /** One measure of one session × coder coding. */
    public record Row(String session, String coder, MeasureValue value) {
    }

    /** The parameters' values in the order of the last seven columns. */
    public static List<Object> parameterValues(MeasureParameters p) {
        return List.of(s(p.responseWindowMs()), s(p.turnWindowMs()), s(p.unitMs()), s(p.distressGraceMs()), s(p.complianceMs()), s(p.safeHavenMs()),
                s(p.synchronyMinMs()));
    }

    private static String s(long ms) {
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format(Locale.ROOT, "%.3f", ms / 1000.0);
    }

    /** Writes the file (use through {@link OutputFile}); the rows written. */
    public static long write(Path file, List<Row> rows, MeasureParameters p) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get())) {
            printer.printRecord(COLUMNS);
            List<Object> params = parameterValues(p);
            for (Row r : rows) {
                MeasureValue v = r.value();
                List<Object> row = new ArrayList<>(List.of(r.session(), r.coder(), v.family(), v.measure(), v.target(),
                        v.value() == null ? "" : String.format(Locale.ROOT, "%.6f", v.value()), v.unit(), v.n() == null ? "" : v.n(), v.note()));
                row.addAll(params);
                printer.printRecord(row);
            }
        }
        return rows.size();
    }
}
