package org.attune.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
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
import org.attune.agreement.AgreementInput;
import org.attune.agreement.Coefficient;
import org.attune.agreement.EventAgreement;
import org.attune.agreement.Mark;
import org.attune.coding.EventDraft;
import org.attune.exchange.EventCsvReader;
import org.attune.exchange.AgreementCsv;
import org.attune.exchange.OutputFile;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.json.BundledSchemes;
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
                "overlap (Holle & Rein / ELAN overlap linking: κ_ipf, excluding unmatched, %% linked).",
                "States still running (no offset) are left out and counted."})
final class AgreementEventsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "STUDY|EVENTS.csv", description = "A study file, a lab study's address (postgresql://…?study=NAME), or an events CSV (docs/events-csv.md).")
    StudyArg source;

    /** The file named (a study or a CSV); null for a lab study on a server. */
    private Path input;

    @Option(names = "--coders", split = ",", required = true, paramLabel = "A,B[,C…]",
            description = "Two or more coders' initials. With more than two: every pair, and for time-unit also Fleiss' κ and Krippendorff's α across all.")
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

    @Option(names = "--include-training", description = "With a study: also its training sessions (left out unless named in --sessions).")
    boolean includeTraining;

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
        input = source.file();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EventAgreement.Method m = EventAgreement.Method.parse(method).orElse(null);
        if (m == null) {
            err.println("--method must be time-unit, boris, alignment or overlap, not '" + method + "'");
            return 2;
        }
        if (coders.size() < 2 || coders.stream().distinct().count() != coders.size()) {
            err.println("--coders takes two or more different coders' initials, e.g. --coders AL,BK");
            return 2;
        }
        if (unit <= 0 || tolerance < 0 || overlap <= 0 || overlap > 1) {
            err.println("--unit must be positive, --tolerance not negative, --overlap between 0 and 1");
            return 2;
        }
        Loaded loaded;
        try {
            // a missing *.attune goes to the study reader, which says "no study file at …"
            boolean study = source.isServer() || Inputs.isStudyFile(input) || !Files.exists(input) && input.toString().endsWith(Study.FILE_EXTENSION);
            loaded = study ? fromStudy() : fromCsv(err);
        } catch (StudyException e) {
            err.println(e.getMessage());
            return 1;
        }
        if (loaded == null) return 1;
        EventAgreement.Parameters p = new EventAgreement.Parameters(m, Math.round(unit * 1000), Math.round(tolerance * 1000), overlap, !noNone);
        List<PairResult> pairs = new ArrayList<>();
        for (int i = 0; i < coders.size(); i++) {
            for (int j = i + 1; j < coders.size(); j++) pairs.add(pair(loaded, coders.get(i), coders.get(j), p));
        }
        if (pairs.stream().allMatch(x -> x.compared().isEmpty())) {
            err.println("No session was coded by " + (coders.size() == 2 ? "both " : "two of ") + String.join(" and ", coders)
                    + (pairs.get(0).leftOut().isEmpty() ? "." : ": " + String.join("; ", pairs.get(0).leftOut())));
            return 1;
        }
        List<EventAgreement.Row> multi = coders.size() > 2 && m == EventAgreement.Method.TIME_UNIT ? multiCoder(loaded, p) : List.of();
        if (csvDir != null) {
            try {
                writeCsv(pairs, p);
            } catch (OutputFile.Refused e) {
                err.println(e.getMessage());
                return 1;
            }
        }
        PairResult first = pairs.get(0);
        String methods = coders.size() == 2 ? org.attune.agreement.MethodsParagraph.forEvents(p, loaded.totalSessions(),
                first.compared().stream().map(EventAgreement.SessionMarks::session).toList(), coders, first.rows(), loaded.scheme()) : null;
        if (json) {
            out.println(toJson(pairs, multi, p, loaded.running(), methods));
        } else {
            for (PairResult pr : pairs) printText(pr, p, loaded.running(), out);
            for (EventAgreement.Row r : multi) out.println(String.format(Locale.ROOT, "  all %d coders %-12s %-6s %-14s fleiss_kappa=%s krippendorff_alpha=%s", coders.size(),
                    r.session(), r.targetKind(), r.target(), fmt(r.statistics().get("fleiss_kappa")), fmt(r.statistics().get("krippendorff_alpha"))));
            if (paragraph && methods != null) out.println("\n" + methods);
        }
        return 0;
    }

    /** One coder pair's sessions and results. */
    record PairResult(List<String> coders, List<EventAgreement.SessionMarks> compared, List<String> leftOut, List<EventAgreement.Row> rows) {
    }

    private PairResult pair(Loaded loaded, String a, String b, EventAgreement.Parameters p) {
        List<EventAgreement.SessionMarks> compared = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<Mark>>> e : loaded.marks().entrySet()) {
            if (!sessions.isEmpty() && !sessions.contains(e.getKey())) continue;
            List<Mark> x = e.getValue().get(a);
            List<Mark> y = e.getValue().get(b);
            if (x == null || y == null) {
                leftOut.add(e.getKey() + " (" + (x == null ? a : b) + " did not code it)");
                continue;
            }
            compared.add(new EventAgreement.SessionMarks(e.getKey(), x, y, loaded.endMs().get(e.getKey())));
        }
        List<EventAgreement.Row> rows = compared.isEmpty() ? List.of() : EventAgreement.compute(loaded.scheme(), compared, p);
        return new PairResult(List.of(a, b), compared, leftOut, rows);
    }

    /** Sessions every listed coder coded, for Fleiss' κ and α across all of them. */
    private List<EventAgreement.Row> multiCoder(Loaded loaded, EventAgreement.Parameters p) {
        List<String> labels = new ArrayList<>();
        List<List<List<Mark>>> marks = new ArrayList<>();
        List<Long> ends = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<Mark>>> e : loaded.marks().entrySet()) {
            if (!sessions.isEmpty() && !sessions.contains(e.getKey())) continue;
            if (!e.getValue().keySet().containsAll(coders)) continue;
            labels.add(e.getKey());
            marks.add(coders.stream().map(c -> e.getValue().get(c)).toList());
            ends.add(loaded.endMs().get(e.getKey()));
        }
        return labels.isEmpty() ? List.of() : EventAgreement.multiCoderTimeUnit(loaded.scheme(), labels, marks, ends, p);
    }

    private static String fmt(Coefficient c) {
        return c != null && c.isDefined() ? String.format(Locale.ROOT, "%.3f", c.get()) : "undefined";
    }

    private Loaded fromStudy() throws StudyException {
        if (source.isServer()) {
            try (Study study = source.openReadOnly()) {
                return marks(study);
            }
        }
        // the study's integrity check runs alongside the reading; the marks come out only if it passed (issue 16)
        return org.attune.store.CheckedRead.of(input, this::marks);
    }

    private Loaded marks(Study study) throws StudyException {
        {
            AgreementInput.Collector marks = new AgreementInput.Collector(study.scheme());
            // the events' codes and times only, straight into marks (issue 16: the hot path of a command run cold)
            org.attune.store.SessionCodings.Ends ends = org.attune.store.SessionCodings.timings(study, Set.copyOf(sessions), Set.copyOf(coders), includeTraining,
                    marks::accept);
            return new Loaded(study.scheme(), marks.marks(), ends.endMs(), marks.running(), ends.totalSessions());
        }
    }

    private Loaded fromCsv(PrintWriter err) throws IOException {
        CodingScheme scheme = BundledSchemes.defaultScheme();
        if (schemeFile != null) {
            java.util.Optional<CodingScheme> read = Inputs.readScheme(schemeFile, err, "fix them before reading events with it.");
            if (read.isEmpty()) return null;
            scheme = read.get();
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
        return AgreementInput.mark(scheme, code, onset, offset);
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

    private String toJson(List<PairResult> pairs, List<EventAgreement.Row> multi, EventAgreement.Parameters p, int running, String methods) throws IOException {
        java.io.StringWriter s = new java.io.StringWriter();
        try (JsonGenerator g = JsonFactory.builder().build().createGenerator(s)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("method", p.method().cliName());
            stringArray(g, "coders", coders);
            g.writeObjectFieldStart("parameters");
            for (Map.Entry<String, Object> e : parameters(p).entrySet()) {
                if (e.getValue() instanceof Boolean b) g.writeBooleanField(e.getKey(), b);
                else g.writeNumberField(e.getKey(), ((Number) e.getValue()).doubleValue());
            }
            g.writeEndObject();
            PairResult first = pairs.get(0);
            stringArray(g, "sessions_compared", first.compared().stream().map(EventAgreement.SessionMarks::session).toList());
            stringArray(g, "sessions_left_out", first.leftOut());
            g.writeNumberField("running_states_left_out", running);
            if (methods != null) g.writeStringField("methods_paragraph", methods);
            else g.writeNullField("methods_paragraph");
            g.writeArrayFieldStart("results");
            for (PairResult pr : pairs) for (EventAgreement.Row r : pr.rows()) writeRow(g, pr.coders(), r);
            g.writeEndArray();
            g.writeArrayFieldStart("all_coders");
            for (EventAgreement.Row r : multi) writeRow(g, coders, r);
            g.writeEndArray();
            g.writeEndObject();
        }
        return s.toString();
    }

    private static void stringArray(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) g.writeString(v);
        g.writeEndArray();
    }

    private static void writeRow(JsonGenerator g, List<String> rowCoders, EventAgreement.Row r) throws IOException {
        g.writeStartObject();
        stringArray(g, "coders", rowCoders);
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
            stringArray(g, "categories", r.categories());
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

    private void writeCsv(List<PairResult> pairs, EventAgreement.Parameters p) throws IOException, OutputFile.Refused {
        Files.createDirectories(csvDir);
        Path file = csvDir.resolve("agreement-" + p.method().cliName() + ".csv");
        List<Path> inputs = java.util.stream.Stream.of(input, schemeFile).filter(java.util.Objects::nonNull).toList();
        List<AgreementCsv.Pair> results = pairs.stream().map(pr -> new AgreementCsv.Pair(pr.coders().get(0), pr.coders().get(1), pr.rows())).toList();
        OutputFile.write(file, inputs, tmp -> AgreementCsv.write(tmp, results, p));
    }

    private void printText(PairResult pr, EventAgreement.Parameters p, int running, PrintWriter out) {
        out.println(p.method().cliName() + " agreement, " + pr.coders().get(0) + " vs " + pr.coders().get(1) + ", " + parameters(p) + "; "
                + pr.compared().size() + " sessions" + (pr.leftOut().isEmpty() ? "" : ", left out: " + String.join("; ", pr.leftOut()))
                + (running > 0 ? "; " + running + " running states left out" : ""));
        for (EventAgreement.Row r : pr.rows()) {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %-12s %-6s %-14s", r.session(), r.targetKind(), r.target()));
            for (Map.Entry<String, Coefficient> e : r.statistics().entrySet()) {
                if (!e.getKey().startsWith("kappa") && !e.getKey().startsWith("proportion")) continue;
                b.append(' ').append(e.getKey()).append('=').append(fmt(e.getValue()));
            }
            out.println(b);
        }
    }
}
