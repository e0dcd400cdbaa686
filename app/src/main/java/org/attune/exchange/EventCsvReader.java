package org.attune.exchange;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.attune.coding.EventDraft;
import org.attune.coding.EventRules;
import org.attune.coding.Modifiers;
import org.attune.coding.TimeFormat;
import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;

/**
 * Reads an events CSV and checks all of it before anything is imported: every error comes back with
 * its line, column and what to do, so the file is fixed in one go and imported whole or not at all.
 *
 * <p>Required columns: {@code session, coder, code, onset_s}; {@code offset_s} for states. Optional:
 * {@code comment} and {@code modifier_<set>}. Other columns (e.g. those an export adds) are ignored.
 * Comma or semicolon delimiters and dot or comma decimals are recognised.
 */
public final class EventCsvReader {

    /** One event read from the file, with its line for messages. */
    public record Row(int line, String session, String coder, EventDraft event) {
    }

    /** An error at a line (0 = the file as a whole). */
    public record Problem(String file, int line, String column, String message) {
        public String format() {
            return file + (line > 0 ? ":" + line : "") + (column.isEmpty() ? "" : ": column " + column) + ": " + message;
        }
    }

    /** The rows, the errors (import only if there are none) and notes worth telling the user. */
    public record Result(List<Row> rows, List<Problem> errors, List<String> notes) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    static final List<String> REQUIRED = List.of("session", "coder", "code", "onset_s");

    private final CodingScheme scheme;
    private final String fileName;
    private final List<Problem> errors = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int headerSize;
    private boolean blankFile;

    private EventCsvReader(CodingScheme scheme, String fileName) {
        this.scheme = scheme;
        this.fileName = fileName;
    }

    public static Result read(Reader in, String fileName, CodingScheme scheme) throws IOException {
        return new EventCsvReader(scheme, fileName).run(in);
    }

    private Result run(Reader in) throws IOException {
        String text = readAll(in);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        int firstLineEnd = text.indexOf('\n');
        String firstLine = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
        blankFile = text.isBlank();
        char delimiter = firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
        // The header is read as a record of its own: commons-csv's header map keeps only the last of two
        // equal names and has no word for an empty first line, and both must be located errors here.
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
        List<Row> rows = new ArrayList<>();
        long lineBefore = 0;
        try (CSVParser parser = CSVParser.parse(text, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            Map<String, Integer> header = records.hasNext() ? header(records.next()) : null;
            if (!checkHeader(header)) return new Result(List.of(), errors, notes);
            List<String> modifierColumns = header.keySet().stream().filter(h -> h.startsWith(EventColumns.MODIFIER_PREFIX)).toList();
            lineBefore = parser.getCurrentLineNumber();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                int line = (int) lineBefore + 1;
                lineBefore = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isBlank()) continue; // a blank line
                if (record.size() > headerSize) {
                    error(line, "", "has " + record.size() + " fields but the first line names " + headerSize
                            + " columns; put quotes around a value that contains the delimiter '" + delimiter + "', or name the extra column");
                    continue;
                }
                readRow(record, line, header, modifierColumns).ifPresent(rows::add);
            }
        } catch (java.io.UncheckedIOException | IOException | IllegalStateException e) {
            int line = (int) lineBefore + 1;
            errors.add(new Problem(fileName, line, "", "a quoted value starting on this line is never closed (a \" without its closing \"), "
                    + "so the rest of the file cannot be read; close the quote, or write a \" inside a value as \"\""));
            return new Result(List.of(), errors, notes);
        }
        if (rows.isEmpty() && errors.isEmpty()) errors.add(new Problem(fileName, 0, "", "the file has a header but no events"));
        checkOverlaps(rows);
        errors.sort(Comparator.comparingInt(Problem::line));
        long running = rows.stream().filter(r -> r.event().offsetMs() == null).count();
        if (running > 0) notes.add(running + " state events have no offset_s and are imported as still running");
        return new Result(errors.isEmpty() ? rows : List.of(), errors, notes);
    }

    /** Column name → index from the first record; duplicates and empty names are located errors. */
    private Map<String, Integer> header(CSVRecord first) {
        Map<String, Integer> header = new LinkedHashMap<>();
        headerSize = first.size();
        if (first.size() == 1 && first.get(0).isBlank()) return header; // blank first line
        for (int i = 0; i < first.size(); i++) {
            String name = first.get(i).trim();
            if (name.isEmpty()) {
                error(1, "", "column " + (i + 1) + " has no name; name it or remove the empty column");
            } else if (header.containsKey(name)) {
                error(1, name, "named twice (columns " + (header.get(name) + 1) + " and " + (i + 1) + "); Attune cannot tell which to read — rename or remove one");
            } else {
                header.put(name, i);
            }
        }
        return header;
    }

    private boolean checkHeader(Map<String, Integer> header) {
        if (!errors.isEmpty()) return false;
        if (header == null || header.isEmpty()) {
            errors.add(new Problem(fileName, 1, "", (blankFile ? "the file is empty" : "the first line is empty")
                    + "; the first line must name the columns (at least " + String.join(", ", REQUIRED) + ")"));
            return false;
        }
        List<String> missing = REQUIRED.stream().filter(c -> !header.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            errors.add(new Problem(fileName, 1, "", "missing column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + "; the first line must name at least " + String.join(", ", REQUIRED) + " (and offset_s for state codes)"));
            return false;
        }
        Set<String> sets = Set.copyOf(EventColumns.modifierSets(scheme));
        for (String h : header.keySet()) {
            if (h.startsWith(EventColumns.MODIFIER_PREFIX) && !sets.contains(h.substring(EventColumns.MODIFIER_PREFIX.length()))) {
                errors.add(new Problem(fileName, 1, h, "no code of scheme " + scheme.id() + " has the modifier set \"" + h.substring(EventColumns.MODIFIER_PREFIX.length())
                        + "\"; rename or remove the column"));
            }
        }
        return errors.isEmpty();
    }

    private Optional<Row> readRow(CSVRecord record, int line, Map<String, Integer> header, List<String> modifierColumns) {
        int before = errors.size();
        String session = value(record, header, "session");
        String coder = value(record, header, "coder");
        String codeId = value(record, header, "code");
        if (session.isEmpty()) error(line, "session", "empty; every event needs the label of its session");
        if (coder.isEmpty()) error(line, "coder", "empty; every event needs the initials of its coder");
        Code code = null;
        if (codeId.isEmpty()) {
            error(line, "code", "empty; every event needs a code id");
        } else {
            code = scheme.code(codeId).orElse(null);
            if (code == null) error(line, "code", "\"" + codeId + "\" is not a code of scheme " + scheme.id() + " " + scheme.version());
            else if (code.isRating()) error(line, "code", codeId + " is a session rating, not a timed event");
        }
        Long onset = time(record, header, "onset_s", line, true);
        Long offset = header.containsKey("offset_s") ? time(record, header, "offset_s", line, false) : null;
        if (code != null && onset != null) {
            if (code.isPoint()) {
                if (offset != null && !offset.equals(onset)) error(line, "offset_s", codeId + " is a point code: leave offset_s empty or equal to onset_s");
                offset = onset;
            } else if (offset != null && offset < onset) {
                error(line, "offset_s", "offset " + TimeFormat.seconds(offset) + " s is before onset " + TimeFormat.seconds(onset) + " s");
            }
        }
        Map<String, List<String>> mods = new LinkedHashMap<>();
        for (String col : modifierColumns) {
            String v = value(record, header, col);
            if (v.isEmpty()) continue;
            mods.put(col.substring(EventColumns.MODIFIER_PREFIX.length()), List.of(v.split("\\+")));
        }
        String comment = header.containsKey("comment") ? raw(record, header, "comment") : ""; // a comment keeps its spaces
        if (errors.size() > before || code == null || onset == null) return Optional.empty();
        Modifiers modifiers;
        try {
            modifiers = Modifiers.of(mods);
        } catch (IllegalArgumentException e) {
            error(line, "modifier", e.getMessage());
            return Optional.empty();
        }
        EventDraft draft = new EventDraft(codeId, onset, offset, modifiers, comment);
        Optional<String> problem = EventRules.problem(scheme, draft);
        if (problem.isPresent()) {
            error(line, problem.get().contains("modifier") ? "modifier" : "code", problem.get());
            return Optional.empty();
        }
        return Optional.of(new Row(line, session, coder, draft));
    }

    private Long time(CSVRecord record, Map<String, Integer> header, String column, int line, boolean required) {
        String v = value(record, header, column);
        if (v.isEmpty()) {
            if (required) error(line, column, "empty; give the time in seconds, e.g. 12.345");
            return null;
        }
        Optional<Long> ms = TimeFormat.parseSeconds(v);
        if (ms.isEmpty()) {
            error(line, column, "\"" + v + "\" is not a number of seconds (write e.g. 12.345 or 12,345)");
            return null;
        }
        if (ms.get() < 0) {
            error(line, column, "negative time " + v);
            return null;
        }
        return ms.get();
    }

    /** States that exclude each other (same group, exclusion pair, or the same code) must not overlap within one coder's session. */
    private void checkOverlaps(List<Row> rows) {
        Map<String, List<Row>> byPass = rows.stream().filter(r -> scheme.code(r.event().code()).map(Code::isState).orElse(false))
                .collect(Collectors.groupingBy(r -> r.session() + "\u0000" + r.coder(), LinkedHashMap::new, Collectors.toList()));
        Map<String, Set<String>> endedBy = new HashMap<>();
        for (Code c : scheme.timedCodes()) {
            if (c.isState()) endedBy.put(c.id(), scheme.statesEndedBy(c).stream().map(Code::id).collect(Collectors.toSet()));
        }
        for (List<Row> pass : byPass.values()) {
            List<Row> sorted = new ArrayList<>(pass);
            sorted.sort(Comparator.comparingLong((Row r) -> r.event().onsetMs()).thenComparingInt(Row::line));
            List<Row> open = new ArrayList<>();
            for (Row r : sorted) {
                long onset = r.event().onsetMs();
                open.removeIf(o -> o.event().offsetMs() != null && o.event().offsetMs() <= onset);
                for (Row o : open) {
                    boolean conflict = o.event().code().equals(r.event().code()) || endedBy.get(r.event().code()).contains(o.event().code());
                    if (conflict) {
                        String why = o.event().code().equals(r.event().code()) ? "the same state" : "states that exclude each other";
                        error(r.line(), "onset_s", r.event().code() + " from " + TimeFormat.seconds(onset) + " s overlaps " + o.event().code()
                                + " of line " + o.line() + " (" + TimeFormat.seconds(o.event().onsetMs()) + "–"
                                + (o.event().offsetMs() == null ? "running" : TimeFormat.seconds(o.event().offsetMs())) + " s) for session "
                                + r.session() + ", coder " + r.coder() + "; " + why + " cannot overlap — end the first before the second starts");
                    }
                }
                open.add(r);
            }
        }
    }

    private static String value(CSVRecord record, Map<String, Integer> header, String column) {
        return raw(record, header, column).trim();
    }

    private static String raw(CSVRecord record, Map<String, Integer> header, String column) {
        Integer i = header.get(column);
        return i == null || i >= record.size() ? "" : record.get(i);
    }

    private void error(int line, String column, String message) {
        errors.add(new Problem(fileName, line, column, message));
    }

    private static String readAll(Reader in) throws IOException {
        StringBuilder b = new StringBuilder();
        char[] buf = new char[65536];
        int n;
        while ((n = in.read(buf)) > 0) b.append(buf, 0, n);
        return b.toString();
    }
}
