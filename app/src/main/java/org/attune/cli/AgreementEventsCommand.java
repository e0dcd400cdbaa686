package org.attune.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.attune.agreement.Coefficient;
import org.attune.agreement.EventAgreement;
import org.attune.agreement.Mark;
import org.attune.coding.EventDraft;
import org.attune.coding.MediaFile;
import org.attune.coding.Session;
import org.attune.exchange.EventCsvReader;
import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.json.BundledSchemes;
import org.attune.scheme.json.SchemeReadResult;
import org.attune.scheme.json.SchemeReader;
import org.attune.store.Study;
import org.attune.store.StudyException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code attune agreement events}: two coders' timed events, per session and pooled. */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = {"Agreement between two coders on timed events, per session and pooled over the sessions both coded.",
                "Methods: time-unit (per exclusive group and per code; with --tolerance also with ±tolerance, each coder as reference),",
                "boris (BORIS's time-unit κ, reproduced exactly), alignment (Bakeman–Quera timed alignment, with and without nil),",
                "overlap (Holle & Rein / ELAN overlap linking: κ_ipf, excluding unmatched, % linked).",
                "States still running (no offset) are left out and counted."})
final class AgreementEventsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "STUDY|EVENTS.csv", description = "A study file, or an events CSV (docs/events-csv.md).")
    Path input;

    @Option(names = "--coders", split = ",", required = true, paramLabel = "A,B", description = "The two coders' initials.")
    List<String> coders;

    @Option(names = "--method", required = true, description = "time-unit, boris, alignment or overlap.")
    String method;

    @Option(names = "--sessions", split = ",", paramLabel = "LABEL", description = "Only these sessions (default: all that both coders coded).")
    List<String> sessions = new ArrayList<>();

    @Option(names = "--unit", paramLabel = "S", description = "Time unit in seconds for time-unit and boris (default: ${DEFAULT-VALUE}).")
    double unit = 1.0;

    @Option(names = "--tolerance", paramLabel = "S", description = "± tolerance in seconds for time-unit and alignment (default: ${DEFAULT-VALUE}; 0 = none).")
    double tolerance = 2.0;

    @Option(names = "--overlap", paramLabel = "P", description = "Overlap criterion for overlap linking, share of the longer bout (default: ${DEFAULT-VALUE}).")
    double overlap = 0.6;

    @Option(names = "--no-none", description = "time-unit: leave out units both coders left uncoded (default: \"none\" is a category).")
    boolean noNone;

    @Option(names = "--scheme", paramLabel = "SCHEME.json", description = "Scheme of an events CSV (default: the bundled one). A study carries its own.")
    Path schemeFile;

    @Option(names = "--json", description = "Machine-readable output on standard output.")
    boolean json;

    @Option(names = "--paragraph", description = "Print a methods-section paragraph with the results (always in the JSON as methods_paragraph).")
    boolean paragraph;

    @Option(names = "--csv", paramLabel = "DIR", description = "Also write the results as tidy CSV: DIR/agreement-METHOD.csv, one row per session × target × statistic.")
    Path csvDir;

    /** Loaded input: per session label, each coder's marks. */
    record Loaded(CodingScheme scheme, Map<String, Map<String, List<Mark>>> marks, Map<String, Long> endMs, int running, int totalSessions) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EventAgreement.Method m = EventAgreement.Method.parse(method).orElse(null);
        if (m == null) {
            err.println("--method must be time-unit, boris, alignment or overlap, not '" + method + "'");
            return 2;
        }
        if (coders.size() != 2 || coders.get(0).equals(coders.get(1))) {
            err.println("--coders takes two different coders' initials, e.g. --coders AL,BK");
            return 2;
        }
        if (unit <= 0 || tolerance < 0 || overlap <= 0 || overlap > 1) {
            err.println("--unit must be positive, --tolerance not negative, --overlap between 0 and 1");
            return 2;
        }
        Loaded loaded;
        try {
            loaded = isStudy(input) ? fromStudy() : fromCsv(err);
        } catch (StudyException e) {
            err.println(e.getMessage());
            return 1;
        }
        if (loaded == null) return 1;
        List<EventAgreement.SessionMarks> compared = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<Mark>>> e : loaded.marks().entrySet()) {
            if (!sessions.isEmpty() && !sessions.contains(e.getKey())) continue;
            List<Mark> a = e.getValue().get(coders.get(0));
            List<Mark> b = e.getValue().get(coders.get(1));
            if (a == null || b == null) {
                leftOut.add(e.getKey() + " (" + (a == null ? coders.get(0) : coders.get(1)) + " did not code it)");
                continue;
            }
            compared.add(new EventAgreement.SessionMarks(e.getKey(), a, b, loaded.endMs().get(e.getKey())));
        }
        if (compared.isEmpty()) {
            err.println("No session was coded by both " + coders.get(0) + " and " + coders.get(1) + (leftOut.isEmpty() ? "." : ": " + String.join("; ", leftOut)));
            return 1;
        }
        EventAgreement.Parameters p = new EventAgreement.Parameters(m, Math.round(unit * 1000), Math.round(tolerance * 1000), overlap, !noNone);
        List<EventAgreement.Row> rows = EventAgreement.compute(loaded.scheme(), compared, p);
        if (csvDir != null) writeCsv(rows, p);
        String methods = org.attune.agreement.MethodsParagraph.forEvents(p, loaded.totalSessions(),
                compared.stream().map(EventAgreement.SessionMarks::session).toList(), coders, rows);
        if (json) {
            out.println(toJson(rows, p, compared, leftOut, loaded.running(), methods));
        } else {
            printText(rows, p, compared, leftOut, loaded.running(), out);
            if (paragraph) out.println("\n" + methods);
        }
        return 0;
    }

    private static boolean isStudy(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return file.toString().endsWith(Study.FILE_EXTENSION);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(16);
            return new String(head, StandardCharsets.US_ASCII).startsWith("SQLite format 3");
        }
    }

    private Loaded fromStudy() throws StudyException {
        try (Study study = Study.openReadOnly(input)) {
            CodingScheme scheme = study.scheme();
            Map<String, Map<String, List<Mark>>> marks = new LinkedHashMap<>();
            Map<String, Long> end = new LinkedHashMap<>();
            int[] running = {0};
            study.events().forEach(Set.copyOf(sessions), Set.copyOf(coders), se -> {
                if (se.event().offsetMs() == null) {
                    running[0]++;
                    return;
                }
                Mark mk = mark(scheme, se.event().code(), se.event().onsetMs(), se.event().offsetMs());
                marks.computeIfAbsent(se.session().label(), x -> new LinkedHashMap<>()).computeIfAbsent(se.coder().initials(), x -> new ArrayList<>()).add(mk);
                end.merge(se.session().label(), mk.offsetMs(), Math::max);
            });
            for (Session s : study.sessions()) {
                if (!end.containsKey(s.label())) continue;
                for (MediaFile mf : study.media(s.id())) {
                    if (mf.durationMs() != null) end.merge(s.label(), mf.offsetMs() + mf.durationMs(), Math::max);
                }
            }
            return new Loaded(scheme, marks, end, running[0], study.sessions().size());
        }
    }

    private Loaded fromCsv(PrintWriter err) throws IOException {
        CodingScheme scheme = BundledSchemes.defaultScheme();
        if (schemeFile != null) {
            SchemeReadResult r = SchemeReader.read(schemeFile);
            if (!r.ok()) {
                r.errors().forEach(e -> err.println(e.format()));
                return null;
            }
            scheme = r.scheme().get();
        }
        EventCsvReader.Result r;
        try (Reader in = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            r = EventCsvReader.read(in, input.toString(), scheme);
        } catch (java.nio.file.NoSuchFileException e) {
            err.println(input + ": no such file");
            return null;
        }
        if (!r.ok()) {
            r.errors().stream().limit(100).forEach(p -> err.println(p.format()));
            err.println(r.errors().size() + " errors in " + input + "; nothing was computed.");
            return null;
        }
        Map<String, Map<String, List<Mark>>> marks = new LinkedHashMap<>();
        Map<String, Long> end = new LinkedHashMap<>();
        int running = 0;
        int total = (int) r.rows().stream().map(EventCsvReader.Row::session).distinct().count();
        for (EventCsvReader.Row row : r.rows()) {
            if (!coders.contains(row.coder())) continue;
            EventDraft d = row.event();
            if (d.offsetMs() == null) {
                running++;
                continue;
            }
            Mark mk = mark(scheme, d.code(), d.onsetMs(), d.offsetMs());
            marks.computeIfAbsent(row.session(), x -> new LinkedHashMap<>()).computeIfAbsent(row.coder(), x -> new ArrayList<>()).add(mk);
            end.merge(row.session(), mk.offsetMs(), Math::max);
        }
        return new Loaded(scheme, marks, end, running, total);
    }

    private static Mark mark(CodingScheme scheme, String code, long onset, long offset) {
        Code c = scheme.code(code).orElseThrow();
        return new Mark(code, c.subject().jsonName(), onset, offset, c.isPoint());
    }

    private Map<String, Object> parameters(EventAgreement.Parameters p) {
        Map<String, Object> out = new LinkedHashMap<>();
        switch (p.method()) {
            case TIME_UNIT -> {
                out.put("unit_s", unit);
                out.put("tolerance_s", tolerance);
                out.put("include_none", p.includeNone());
            }
            case BORIS -> out.put("unit_s", unit);
            case ALIGNMENT -> out.put("onset_tolerance_s", tolerance);
            case OVERLAP -> out.put("overlap_criterion", overlap);
        }
        return out;
    }

    private String toJson(List<EventAgreement.Row> rows, EventAgreement.Parameters p, List<EventAgreement.SessionMarks> compared,
                          List<String> leftOut, int running, String methods) throws IOException {
        java.io.StringWriter s = new java.io.StringWriter();
        try (JsonGenerator g = JsonFactory.builder().build().createGenerator(s)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("method", p.method().cliName());
            g.writeArrayFieldStart("coders");
            for (String c : coders) g.writeString(c);
            g.writeEndArray();
            g.writeObjectFieldStart("parameters");
            for (Map.Entry<String, Object> e : parameters(p).entrySet()) {
                if (e.getValue() instanceof Boolean b) g.writeBooleanField(e.getKey(), b);
                else g.writeNumberField(e.getKey(), ((Number) e.getValue()).doubleValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("sessions_compared");
            for (EventAgreement.SessionMarks sm : compared) g.writeString(sm.session());
            g.writeEndArray();
            g.writeArrayFieldStart("sessions_left_out");
            for (String l : leftOut) g.writeString(l);
            g.writeEndArray();
            g.writeNumberField("running_states_left_out", running);
            g.writeStringField("methods_paragraph", methods);
            g.writeArrayFieldStart("results");
            for (EventAgreement.Row r : rows) {
                g.writeStartObject();
                g.writeStringField("session", r.session());
                g.writeStringField("target_kind", r.targetKind());
                g.writeStringField("target", r.target());
                g.writeObjectFieldStart("statistics");
                for (Map.Entry<String, Coefficient> e : r.statistics().entrySet()) {
                    if (e.getValue().isDefined()) g.writeNumberField(e.getKey(), e.getValue().get());
                    else g.writeNullField(e.getKey());
                }
                g.writeEndObject();
                g.writeObjectFieldStart("undefined");
                for (Map.Entry<String, Coefficient> e : r.statistics().entrySet()) {
                    if (!e.getValue().isDefined()) g.writeStringField(e.getKey(), e.getValue().undefinedReason());
                }
                g.writeEndObject();
                g.writeObjectFieldStart("counts");
                for (Map.Entry<String, Double> e : r.counts().entrySet()) g.writeNumberField(e.getKey(), e.getValue());
                g.writeEndObject();
                if (r.table() != null) {
                    g.writeArrayFieldStart("categories");
                    for (String c : r.categories()) g.writeString(c);
                    g.writeEndArray();
                    g.writeArrayFieldStart("table");
                    for (double[] row : r.table()) {
                        g.writeStartArray();
                        for (double v : row) g.writeNumber(v);
                        g.writeEndArray();
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return s.toString();
    }

    private void writeCsv(List<EventAgreement.Row> rows, EventAgreement.Parameters p) throws IOException {
        Files.createDirectories(csvDir);
        Path file = csvDir.resolve("agreement-" + p.method().cliName() + ".csv");
        Map<String, Object> params = parameters(p);
        List<String> header = new ArrayList<>(List.of("session", "coder_first", "coder_second", "method", "target_kind", "target"));
        header.addAll(params.keySet());
        header.addAll(List.of("statistic", "value", "undefined_reason"));
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get())) {
            csv.printRecord(header);
            for (EventAgreement.Row r : rows) {
                List<Object> base = new ArrayList<>(List.of(r.session(), coders.get(0), coders.get(1), p.method().cliName(), r.targetKind(), r.target()));
                base.addAll(params.values());
                for (Map.Entry<String, Coefficient> e : r.statistics().entrySet()) {
                    List<Object> row = new ArrayList<>(base);
                    row.add(e.getKey());
                    row.add(e.getValue().isDefined() ? String.format(Locale.ROOT, "%.6f", e.getValue().get()) : "");
                    row.add(e.getValue().isDefined() ? "" : e.getValue().undefinedReason());
                    csv.printRecord(row);
                }
                for (Map.Entry<String, Double> e : r.counts().entrySet()) {
                    List<Object> row = new ArrayList<>(base);
                    row.add(e.getKey());
                    row.add(String.format(Locale.ROOT, "%.0f", e.getValue()));
                    row.add("");
                    csv.printRecord(row);
                }
            }
        }
    }

    private void printText(List<EventAgreement.Row> rows, EventAgreement.Parameters p, List<EventAgreement.SessionMarks> compared, List<String> leftOut,
                           int running, PrintWriter out) {
        out.println(p.method().cliName() + " agreement, " + coders.get(0) + " vs " + coders.get(1) + ", " + parameters(p) + "; "
                + compared.size() + " sessions" + (leftOut.isEmpty() ? "" : ", left out: " + String.join("; ", leftOut))
                + (running > 0 ? "; " + running + " running states left out" : ""));
        for (EventAgreement.Row r : rows) {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %-12s %-6s %-14s", r.session(), r.targetKind(), r.target()));
            for (Map.Entry<String, Coefficient> e : r.statistics().entrySet()) {
                if (!e.getKey().startsWith("kappa") && !e.getKey().startsWith("proportion")) continue;
                b.append(' ').append(e.getKey()).append('=').append(e.getValue().isDefined() ? String.format(Locale.ROOT, "%.3f", e.getValue().get()) : "undefined");
            }
            out.println(b);
        }
    }
}
