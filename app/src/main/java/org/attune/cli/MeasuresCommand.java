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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.attune.analysis.MeasureParameters;
import org.attune.exchange.MeasuresCsv;
import org.attune.exchange.OutputFile;
import org.attune.analysis.MeasureValue;
import org.attune.analysis.SessionMeasures;
import org.attune.coding.CodedEvent;
import org.attune.coding.EventDraft;
import org.attune.exchange.EventCsvReader;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.json.BundledSchemes;
import org.attune.store.SessionCodings;
import org.attune.store.Study;
import org.attune.store.StudyException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code attune measures}: the dyadic measures per session × coder, tidy. */
@Command(name = "measures", mixinStandardHelpOptions = true,
        description = {"Synchronicity, reciprocity, sequential, insecure and secure-base measures per session × coder",
                "(definitions: docs/measures.md), one row per session × coder × measure with the parameters in columns."})
public final class MeasuresCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "STUDY|EVENTS.csv", description = "A study file, a lab study's address (postgresql://…?study=NAME), or an events CSV (docs/events-csv.md).")
    StudyArg source;

    /** The file named (a study or a CSV); null for a lab study on a server. */
    private Path input;

    @Option(names = "--sessions", split = ",", paramLabel = "LABEL", description = "Only these sessions.")
    List<String> sessions = new ArrayList<>();

    @Option(names = "--coders", split = ",", paramLabel = "INITIALS", description = "Only these coders.")
    List<String> coders = new ArrayList<>();

    @Option(names = "--window", paramLabel = "S", description = "Response window W in seconds (default: ${DEFAULT-VALUE}).")
    double window = 3;

    @Option(names = "--turn-window", paramLabel = "S", description = "Serve-and-return turn window in seconds (default: ${DEFAULT-VALUE}).")
    double turnWindow = 5;

    @Option(names = "--unit", paramLabel = "S", description = "Time unit for Yule's Q and time-window association (default: ${DEFAULT-VALUE}).")
    double unit = 1;

    @Option(names = "--scheme", paramLabel = "SCHEME.json", description = "Scheme of an events CSV (default: the bundled one).")
    Path schemeFile;

    @Option(names = "--csv", paramLabel = "OUT.csv", description = "Write the measures as tidy CSV (column dictionary: docs/measures.md).")
    Path csv;

    @Option(names = "--include-training", description = "Also the training sessions (left out unless named in --sessions).")
    boolean includeTraining;

    @Option(names = "--json", description = "Write the measures as JSON on standard output.")
    boolean json;

    /** One session × coder's events. */
    record Coding(String session, String coder, List<CodedEvent> events, long endMs) {
    }

    @Override
    public Integer call() throws IOException {
        input = source.file();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (csv == null && !json) {
            err.println("Choose an output: --csv OUT.csv or --json.");
            return 2;
        }
        if (window <= 0 || turnWindow <= 0 || unit <= 0) {
            err.println("--window, --turn-window and --unit must be positive.");
            return 2;
        }
        if (csv != null && OutputFile.problem(csv, inputs()).isPresent()) { // before reading: the output may be the input
            err.println(OutputFile.problem(csv, inputs()).get());
            return 1;
        }
        MeasureParameters p = MeasureParameters.DEFAULTS.withWindows(Math.round(window * 1000), Math.round(turnWindow * 1000), Math.round(unit * 1000));
        CodingScheme scheme;
        List<Coding> codings = new ArrayList<>();
        try {
            if (source.isServer() || Inputs.isStudyFile(input) || !Files.exists(input) && input.toString().endsWith(Study.FILE_EXTENSION)) {
                try (Study study = source.openReadOnly()) {
                    SessionCodings c = SessionCodings.load(study, Set.copyOf(sessions), Set.copyOf(coders), includeTraining);
                    scheme = c.scheme();
                    c.events().forEach((session, byCoder) -> byCoder.forEach((coder, ev) -> codings.add(new Coding(session, coder, ev, c.endMs().get(session)))));
                }
            } else {
                scheme = schemeFile == null ? BundledSchemes.defaultScheme() : Inputs.readScheme(schemeFile, err, "fix them first.").orElse(null);
                if (scheme == null) return 1;
                EventCsvReader.Result r;
                try (Reader in = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
                    r = EventCsvReader.read(in, input.toString(), scheme);
                }
                if (!r.ok()) {
                    r.errors().stream().limit(100).forEach(x -> err.println(x.format()));
                    err.println(r.errors().size() + " errors in " + input + "; nothing was computed.");
                    return 1;
                }
                Map<String, Map<String, List<CodedEvent>>> grouped = new LinkedHashMap<>();
                Map<String, Long> ends = new LinkedHashMap<>();
                for (EventCsvReader.Row row : r.rows()) {
                    if (!sessions.isEmpty() && !sessions.contains(row.session()) || !coders.isEmpty() && !coders.contains(row.coder())) continue;
                    EventDraft d = row.event();
                    grouped.computeIfAbsent(row.session(), x -> new LinkedHashMap<>()).computeIfAbsent(row.coder(), x -> new ArrayList<>())
                            .add(new CodedEvent(0, 0, d.code(), d.onsetMs(), d.offsetMs(), d.modifiers(), d.comment()));
                    ends.merge(row.session(), d.offsetMs() == null ? d.onsetMs() : d.offsetMs(), Math::max);
                }
                grouped.forEach((session, byCoder) -> byCoder.forEach((coder, ev) -> codings.add(new Coding(session, coder, ev, ends.get(session)))));
            }
        } catch (StudyException e) {
            err.println(e.getMessage());
            return 1;
        } catch (java.nio.file.NoSuchFileException e) {
            err.println(input + ": no such file");
            return 1;
        }
        List<Object[]> rows = new ArrayList<>();
        for (Coding c : codings) {
            for (MeasureValue v : SessionMeasures.compute(scheme, c.events(), c.endMs(), p)) rows.add(new Object[] {c.session(), c.coder(), v});
        }
        if (csv != null) {
            try {
                writeCsv(rows, p);
            } catch (OutputFile.Refused e) {
                err.println(e.getMessage());
                return 1;
            }
        }
        if (json) out.println(toJson(rows, p));
        else out.println("wrote " + rows.size() + " measures (" + codings.size() + " session × coder codings) to " + csv);
        return 0;
    }

    private List<Path> inputs() {
        return java.util.stream.Stream.of(input, schemeFile).filter(java.util.Objects::nonNull).toList();
    }

    static final List<String> COLUMNS = MeasuresCsv.COLUMNS;

    private static List<Object> parameterValues(MeasureParameters p) {
        return MeasuresCsv.parameterValues(p);
    }

    private void writeCsv(List<Object[]> rows, MeasureParameters p) throws OutputFile.Refused {
        List<MeasuresCsv.Row> out = rows.stream().map(r -> new MeasuresCsv.Row((String) r[0], (String) r[1], (MeasureValue) r[2])).toList();
        OutputFile.write(csv, inputs(), tmp -> MeasuresCsv.write(tmp, out, p));
    }

    private static String toJson(List<Object[]> rows, MeasureParameters p) throws IOException {
        java.io.StringWriter sw = new java.io.StringWriter();
        try (JsonGenerator g = JsonFactory.builder().build().createGenerator(sw)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeObjectFieldStart("parameters");
            List<Object> values = parameterValues(p);
            for (int i = 0; i < values.size(); i++) g.writeNumberField(COLUMNS.get(9 + i), Double.parseDouble(values.get(i).toString()));
            g.writeEndObject();
            g.writeArrayFieldStart("measures");
            for (Object[] r : rows) {
                MeasureValue v = (MeasureValue) r[2];
                g.writeStartObject();
                g.writeStringField("session", (String) r[0]);
                g.writeStringField("coder", (String) r[1]);
                g.writeStringField("family", v.family());
                g.writeStringField("measure", v.measure());
                g.writeStringField("target", v.target());
                if (v.value() == null) g.writeNullField("value");
                else g.writeNumberField("value", v.value());
                g.writeStringField("unit", v.unit());
                if (v.n() == null) g.writeNullField("n");
                else g.writeNumberField("n", v.n());
                g.writeStringField("note", v.note());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return sw.toString();
    }
}
