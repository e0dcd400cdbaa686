package org.attune.exchange;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.attune.coding.CodedEvent;
import org.attune.coding.SessionEvent;
import org.attune.coding.TimeFormat;
import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.Family;

/** Writes events as tidy long CSV, one row per event (columns: {@link EventColumns}). */
public final class EventCsvWriter implements AutoCloseable {

    private final CSVPrinter printer;
    private final CodingScheme scheme;
    private final String studyName;
    private final List<String> modifierSets;
    private final List<String> metadataKeys;
    private final CsvOptions options;
    private final List<String> row = new ArrayList<>();
    private long rows;

    public EventCsvWriter(Writer out, CodingScheme scheme, String studyName, List<String> metadataKeys, CsvOptions options) throws IOException {
        this.scheme = scheme;
        this.studyName = studyName;
        this.modifierSets = EventColumns.modifierSets(scheme);
        this.metadataKeys = List.copyOf(metadataKeys);
        this.options = options;
        if (options.byteOrderMark()) out.write('\uFEFF');
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(options.delimiter()).setRecordSeparator("\r\n").get();
        this.printer = new CSVPrinter(out, format);
        printer.printRecord(EventColumns.header(modifierSets, this.metadataKeys));
    }

    public void write(SessionEvent se) throws IOException {
        CodedEvent e = se.event();
        Code code = scheme.code(e.code()).orElse(null);
        row.clear();
        row.add(studyName);
        row.add(se.session().label());
        row.add(se.session().dyad());
        row.add(se.coder().initials());
        row.add(se.pass().status().jsonName());
        row.add(e.code());
        row.add(code == null ? "" : scheme.family(code.family()).map(Family::label).orElse(""));
        row.add(code == null ? "" : code.subject().jsonName());
        row.add(code == null ? "" : code.kind().jsonName());
        row.add(TimeFormat.seconds(e.onsetMs(), options.decimalSeparator()));
        row.add(e.offsetMs() == null ? "" : TimeFormat.seconds(e.offsetMs(), options.decimalSeparator()));
        row.add(e.offsetMs() == null ? "" : TimeFormat.seconds(e.offsetMs() - e.onsetMs(), options.decimalSeparator()));
        for (String set : modifierSets) row.add(String.join("+", e.modifiers().valuesOf(set)));
        row.add(e.comment());
        row.add(se.session().date());
        row.add(se.session().childAgeMonths() == null ? "" : formatAge(se.session().childAgeMonths()));
        row.add(se.session().context());
        for (String key : metadataKeys) row.add(se.session().metadata().getOrDefault(key, ""));
        printer.printRecord(row);
        rows++;
    }

    private String formatAge(double months) {
        String s = months == Math.rint(months) ? Long.toString((long) months) : Double.toString(months);
        return s.replace('.', options.decimalSeparator());
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
