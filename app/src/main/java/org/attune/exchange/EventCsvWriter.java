package org.attune.exchange;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.attune.coding.CodedEvent;
import org.attune.coding.CodingPass;
import org.attune.coding.SessionEvent;
import org.attune.coding.TimeFormat;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.Family;

/**
 * Writes events as tidy long CSV, one row per event (columns: {@link EventColumns}).
 *
 * <p>Escaping is Commons CSV's ({@link CSVFormat#format}). Exports run to millions of rows, so the
 * parts of a row that repeat — the pass's session and coder columns, a code's family, subject and
 * kind — are escaped once and reused; only times, modifiers and the comment are formatted per event.
 */
public final class EventCsvWriter implements AutoCloseable {

    private static final String RECORD_SEPARATOR = "\r\n";

    private final Writer out;
    private final CSVFormat format;
    private final CodingScheme scheme;
    private final String studyName;
    private final List<String> modifierSets;
    private final List<String> metadataKeys;
    private final CsvOptions options;
    private final char delimiter;
    private final Map<String, String> codeChunks = new HashMap<>();
    private final StringBuilder line = new StringBuilder(256);
    private CodingPass chunkPass;
    private String passPrefix;
    private String passSuffix;
    private long rows;

    public EventCsvWriter(Writer out, CodingScheme scheme, String studyName, List<String> metadataKeys, CsvOptions options) throws IOException {
        this.out = out;
        this.scheme = scheme;
        this.studyName = studyName;
        this.modifierSets = EventColumns.modifierSets(scheme);
        this.metadataKeys = List.copyOf(metadataKeys);
        this.options = options;
        this.delimiter = options.delimiter();
        this.format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setRecordSeparator(RECORD_SEPARATOR).get();
        if (options.byteOrderMark()) out.write('\uFEFF');
        out.write(format.format(EventColumns.header(modifierSets, this.metadataKeys).toArray()));
        out.write(RECORD_SEPARATOR);
    }

    public void write(SessionEvent se) throws IOException {
        if (se.pass() != chunkPass) preparePass(se);
        CodedEvent e = se.event();
        line.setLength(0);
        line.append(passPrefix).append(delimiter);
        line.append(codeChunks.computeIfAbsent(e.code(), this::codeChunk)).append(delimiter);
        line.append(TimeFormat.seconds(e.onsetMs(), options.decimalSeparator())).append(delimiter);
        if (e.offsetMs() != null) line.append(TimeFormat.seconds(e.offsetMs(), options.decimalSeparator()));
        line.append(delimiter);
        if (e.offsetMs() != null) line.append(TimeFormat.seconds(e.offsetMs() - e.onsetMs(), options.decimalSeparator()));
        for (String set : modifierSets) {
            line.append(delimiter);
            List<String> values = e.modifiers().valuesOf(set);
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) line.append('+');
                line.append(values.get(i)); // ids: letters, digits, _ . - only, never in need of quotes
            }
        }
        line.append(delimiter);
        line.append(escape(e.comment()));
        line.append(delimiter).append(passSuffix).append(RECORD_SEPARATOR);
        out.append(line);
        rows++;
    }

    /** The escaped study/session/coder columns before the code, and the session columns after the comment. */
    private void preparePass(SessionEvent se) {
        chunkPass = se.pass();
        passPrefix = join(studyName, se.session().label(), se.session().dyad(), se.coder().initials(), se.pass().status().jsonName());
        List<String> suffix = new ArrayList<>();
        suffix.add(se.session().date());
        suffix.add(se.session().childAgeMonths() == null ? "" : formatAge(se.session().childAgeMonths()));
        suffix.add(se.session().context());
        for (String key : metadataKeys) suffix.add(se.session().metadata().getOrDefault(key, ""));
        passSuffix = join(suffix.toArray(new String[0]));
    }

    private String codeChunk(String codeId) {
        return scheme.code(codeId)
                .map(c -> join(codeId, scheme.family(c.family()).map(Family::label).orElse(""), c.subject().jsonName(), c.kind().jsonName()))
                .orElse(join(codeId, "", "", ""));
    }

    /** Values escaped one by one: {@code format(...)} would quote an empty first value as {@code ""}. */
    private String join(String... values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) b.append(delimiter);
            b.append(escape(values[i]));
        }
        return b.toString();
    }

    private String escape(String value) {
        if (value.isEmpty()) return "";
        if (options.neutraliseFormulas() && CsvOptions.looksLikeFormula(value)) return format.format("'" + value);
        return format.format(value);
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
        out.flush();
    }
}
