package org.attune.exchange;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.attune.coding.CodingPass;
import org.attune.coding.Coder;
import org.attune.coding.Session;
import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.RatingScale;

/**
 * Session ratings as tidy CSV (docs/ratings-csv.md): <b>long</b>, one row per rating given (a coder's
 * value for a rating code on a session), or <b>wide</b>, one row per session × coder pass with one
 * column per rating code of the scheme (empty where not rated). Session details and the lab's own
 * fields follow, as in the events export. {@link CsvOptions#EXCEL} writes for Excel with decimal
 * commas and neutralises text a spreadsheet would run as a formula.
 */
public final class RatingsCsv {

    /** A column of the long or wide file, with its meaning (the column dictionary is checked against these). */
    public enum Column {
        STUDY("study", "Study name"),
        SESSION("session", "Session label (unique in the study)"),
        DYAD("dyad", "Dyad or participant id of the session"),
        CODER("coder", "Coder initials"),
        PASS_STATUS("pass_status", "Status of this coder's pass on this session: not_started, in_progress or done"),
        RATING_CODE("rating_code", "Rating code id from the scheme, e.g. R_SENS (long file only)"),
        VALUE("value", "The rating given, a whole number on the code's scale (long file only)"),
        LABEL("label", "The scale's anchor label for that value; empty where the scale names no anchor for it (long file only)"),
        SESSION_DATE("session_date", "Date of the session as entered"),
        CHILD_AGE_MONTHS("child_age_months", "Child's age in months at the session; empty if unknown"),
        CONTEXT("context", "Condition or context of the session, e.g. free play");

        private final String header;
        private final String meaning;

        Column(String header, String meaning) {
            this.header = header;
            this.meaning = meaning;
        }

        public String header() {
            return header;
        }

        public String meaning() {
            return meaning;
        }
    }

    /** One coder's pass of a session with the ratings it holds (rating code → value). */
    public record Pass(Session session, Coder coder, CodingPass pass, Map<String, Integer> ratings) {
    }

    private RatingsCsv() {
    }

    /** Writes the long or wide file; returns the number of data rows. */
    public static long write(Writer out, CodingScheme scheme, String studyName, List<Pass> passes, List<String> metadataKeys, boolean wide,
                             CsvOptions options) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(options.delimiter()).setRecordSeparator("\r\n").get();
        if (options.byteOrderMark()) out.write('\uFEFF');
        List<Code> ratingCodes = scheme.ratingCodes();
        List<String> header = new ArrayList<>();
        for (Column c : Column.values()) {
            boolean longOnly = c == Column.RATING_CODE || c == Column.VALUE || c == Column.LABEL;
            if (c == Column.SESSION_DATE && wide) for (Code r : ratingCodes) header.add(r.id());
            if (!(wide && longOnly)) header.add(c.header());
        }
        for (String k : metadataKeys) header.add(EventColumns.META_PREFIX + k);
        out.write(format.format(header.toArray()));
        out.write("\r\n");
        long rows = 0;
        for (Pass p : passes) {
            List<String> before = List.of(studyName, p.session().label(), p.session().dyad(), p.coder().initials(), p.pass().status().jsonName());
            List<String> after = new ArrayList<>(List.of(p.session().date(),
                    p.session().childAgeMonths() == null ? "" : age(p.session().childAgeMonths(), options), p.session().context()));
            for (String k : metadataKeys) after.add(p.session().metadata().getOrDefault(k, ""));
            if (wide) {
                List<String> row = new ArrayList<>(before);
                for (Code r : ratingCodes) {
                    Integer v = p.ratings().get(r.id());
                    row.add(v == null ? "" : v.toString());
                }
                row.addAll(after);
                out.write(record(format, row, options));
                rows++;
            } else {
                for (Code r : ratingCodes) {
                    Integer v = p.ratings().get(r.id());
                    if (v == null) continue;
                    String label = r.ratingScale().flatMap(s -> s.anchor(v)).map(RatingScale.Anchor::label).orElse("");
                    List<String> row = new ArrayList<>(before);
                    row.addAll(List.of(r.id(), v.toString(), label));
                    row.addAll(after);
                    out.write(record(format, row, options));
                    rows++;
                }
            }
        }
        out.flush();
        return rows;
    }

    private static String record(CSVFormat format, List<String> values, CsvOptions options) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) b.append(options.delimiter());
            String v = values.get(i);
            if (v.isEmpty()) continue; // an empty first value would be quoted as "" by format()
            if (options.neutraliseFormulas() && CsvOptions.looksLikeFormula(v) && !v.matches("-?\\d+")) v = "'" + v; // a rating of -1 stays a number
            b.append(format.format(v));
        }
        return b.append("\r\n").toString();
    }

    private static String age(double months, CsvOptions options) {
        String s = months == Math.rint(months) ? Long.toString((long) months) : Double.toString(months);
        return s.replace('.', options.decimalSeparator());
    }
}
