package org.attune.exchange;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.attune.agreement.Coefficient;
import org.attune.agreement.EventAgreement;
import org.attune.coding.TimeFormat;

/**
 * Event agreement results as tidy long CSV, one row per session × target × statistic, with the
 * method's parameters in columns: what {@code attune agreement events --csv DIR} writes and the
 * Agreement tab's Export button saves. Column dictionary in docs/agreement.md.
 */
public final class AgreementCsv {
    private AgreementCsv() {
    }

    /** The results of one pair of coders. */
    public record Pair(String first, String second, List<EventAgreement.Row> rows) {
    }

    /** The method's parameters as columns: unit_s, tolerance_s, include_none / onset_tolerance_s / overlap_criterion. */
    public static Map<String, Object> parameters(EventAgreement.Parameters p) {
        Map<String, Object> out = new LinkedHashMap<>();
        switch (p.method()) {
            case TIME_UNIT -> {
                out.put("unit_s", TimeFormat.shortSeconds(p.unitMs()));
                out.put("tolerance_s", TimeFormat.shortSeconds(p.toleranceMs()));
                out.put("include_none", p.includeNone());
            }
            case BORIS -> out.put("unit_s", TimeFormat.shortSeconds(p.unitMs()));
            case ALIGNMENT -> out.put("onset_tolerance_s", TimeFormat.shortSeconds(p.toleranceMs()));
            case OVERLAP -> out.put("overlap_criterion", BigDecimal.valueOf(p.overlap()).stripTrailingZeros().toPlainString());
        }
        return out;
    }

    /** Writes the file (use through {@link OutputFile} so it never replaces an input or leaves half a file); the rows written. */
    public static long write(Path file, List<Pair> pairs, EventAgreement.Parameters p) throws IOException {
        Map<String, Object> params = parameters(p);
        List<String> header = new ArrayList<>(List.of("session", "coder_first", "coder_second", "method", "target_kind", "target"));
        header.addAll(params.keySet());
        header.addAll(List.of("statistic", "value", "undefined_reason"));
        long rows = 0;
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get())) {
            csv.printRecord(header);
            for (Pair pair : pairs) {
                for (EventAgreement.Row r : pair.rows()) {
                    List<Object> base = new ArrayList<>(List.of(r.session(), pair.first(), pair.second(), p.method().cliName(), r.targetKind(), r.target()));
                    base.addAll(params.values());
                    for (Map.Entry<String, Coefficient> e : r.statistics().entrySet()) {
                        List<Object> row = new ArrayList<>(base);
                        row.add(e.getKey());
                        row.add(e.getValue().isDefined() ? String.format(Locale.ROOT, "%.6f", e.getValue().get()) : "");
                        row.add(e.getValue().isDefined() ? "" : e.getValue().undefinedReason());
                        csv.printRecord(row);
                        rows++;
                    }
                    for (Map.Entry<String, Double> e : r.counts().entrySet()) {
                        List<Object> row = new ArrayList<>(base);
                        row.add(e.getKey());
                        row.add(String.format(Locale.ROOT, "%.0f", e.getValue()));
                        row.add("");
                        csv.printRecord(row);
                        rows++;
                    }
                }
            }
        }
        return rows;
    }
}
