package org.attune.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.attune.reliability.Criterion;
import org.attune.reliability.Drift;
import org.attune.reliability.TrainingProgress;
import org.attune.service.Reliability;
import org.attune.store.Study;
import org.attune.store.StudyException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The reliability reports of the command line: training to criterion and drift, as text, CSV (docs/reliability-workflow.md) or JSON. */
final class ReliabilityReports {

    /** The columns of {@code attune reliability training --csv}, one row per finished training pass. */
    static final List<String> TRAINING_COLUMNS = List.of("coder", "session", "finished_at", "kappa", "meets_criterion", "consecutive_met",
            "criterion_reached");

    /** The columns of {@code attune reliability drift --csv}, one row per re-check. */
    static final List<String> DRIFT_COLUMNS = List.of("first_coder", "second_coder", "session", "finished_at", "week", "kappa", "meets_criterion");

    private ReliabilityReports() {
    }

    static String kappa(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
    }

    /** Maps, lists, strings, numbers, booleans and nulls as indented JSON. */
    static void printJson(PrintWriter out, Object value) {
        java.io.StringWriter sw = new java.io.StringWriter();
        try (JsonGenerator g = JsonFactory.builder().build().createGenerator(sw)) {
            g.useDefaultPrettyPrinter();
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println(sw);
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v == null) g.writeNull();
        else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(e.getKey().toString());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object x : l) write(g, x);
            g.writeEndArray();
        } else if (v instanceof Boolean b) g.writeBoolean(b);
        else if (v instanceof Integer i) g.writeNumber(i);
        else if (v instanceof Long n) g.writeNumber(n);
        else if (v instanceof Double d) g.writeNumber(d);
        else g.writeString(v.toString());
    }

    static void printCsv(PrintWriter out, List<String> header, List<List<String>> rows) {
        try {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get());
            csv.printRecord(header);
            for (List<String> r : rows) csv.printRecord(r);
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a study for a report; a refusal is said (exit 1). */
    interface Report {
        int run(Study study, PrintWriter out) throws StudyException;
    }

    static int read(StudyArg file, CommandLine.Model.CommandSpec spec, Report report) {
        try (Study study = file.openReadOnly()) {
            return report.run(study, spec.commandLine().getOut());
        } catch (StudyException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
    }

    @Command(name = "training", mixinStandardHelpOptions = true,
            description = {"Each trainee's training passes against the sessions' gold standards, judged by the lab's criterion, and",
                    "the date the criterion was reached (the pass completing the run of consecutive sessions that met it)."})
    static final class Training implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "STUDY", description = "The study file, or a lab study's address postgresql://…?study=NAME.")
        StudyArg study;

        @Option(names = "--coder", paramLabel = "INITIALS", description = "Only this trainee.")
        String coder;

        @Option(names = "--csv", description = "CSV on standard output (columns: docs/reliability-workflow.md).")
        boolean csv;

        @Option(names = "--json", description = "Machine-readable output.")
        boolean json;

        @Option(names = "--html", paramLabel = "FILE.html", description = "With --coder: the trainee's printable one-page training record.")
        Path html;

        @Override
        public Integer call() {
            if (html != null && coder == null) {
                spec.commandLine().getErr().println("--html writes one trainee's record: name them with --coder.");
                return 2;
            }
            return read(study, spec, (s, out) -> {
                Criterion c = Reliability.criterion(s);
                List<TrainingProgress.Progress> all = Reliability.training(s, c, Optional.ofNullable(coder));
                if (html != null) {
                    String name = s.coders().stream().filter(k -> k.initials().equals(coder)).map(org.attune.coding.Coder::name).findFirst().orElse(coder);
                    String page = org.attune.reliability.TrainingRecord.html(s.name(), name, all.get(0), c, java.time.LocalDate.now().toString());
                    try {
                        org.attune.exchange.OutputFile.write(html, study.isServer() ? List.of() : List.of(study.file()), tmp -> {
                            java.nio.file.Files.writeString(tmp, page, java.nio.charset.StandardCharsets.UTF_8);
                            return null;
                        });
                    } catch (org.attune.exchange.OutputFile.Refused e) {
                        spec.commandLine().getErr().println(e.getMessage());
                        return 1;
                    }
                    out.println("wrote " + html + ": " + coder + "'s training record");
                    return 0;
                }
                if (csv) {
                    List<List<String>> rows = new ArrayList<>();
                    for (TrainingProgress.Progress p : all) {
                        for (TrainingProgress.Step st : p.steps()) {
                            rows.add(List.of(p.coder(), st.session(), st.finishedAt(), kappa(st.judgement().value()), Boolean.toString(st.judgement().meets()),
                                    Integer.toString(st.run()), Boolean.toString(p.reached().map(r -> r == st).orElse(false))));
                        }
                    }
                    printCsv(out, TRAINING_COLUMNS, rows);
                } else if (json) {
                    Map<String, Object> j = new LinkedHashMap<>();
                    j.put("criterion", c.describe());
                    List<Map<String, Object>> coders = new ArrayList<>();
                    for (TrainingProgress.Progress p : all) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("coder", p.coder());
                        m.put("criterion_reached_on", p.reached().map(TrainingProgress.Step::finishedAt).orElse(null));
                        m.put("criterion_reached_with", p.reached().map(TrainingProgress.Step::session).orElse(null));
                        m.put("sessions_still_needed", p.stillNeeded(c.consecutive()));
                        List<Map<String, Object>> steps = new ArrayList<>();
                        for (TrainingProgress.Step st : p.steps()) {
                            Map<String, Object> x = new LinkedHashMap<>();
                            x.put("session", st.session());
                            x.put("finished_at", st.finishedAt());
                            x.put("kappa", Double.isNaN(st.judgement().value()) ? null : st.judgement().value());
                            x.put("meets_criterion", st.judgement().meets());
                            x.put("consecutive_met", st.run());
                            steps.add(x);
                        }
                        m.put("sessions", steps);
                        coders.add(m);
                    }
                    j.put("trainees", coders);
                    printJson(out, j);
                } else {
                    out.println("criterion: " + c.describe());
                    if (all.isEmpty()) out.println("no finished training pass yet (mark training sessions and their gold standards first)");
                    for (TrainingProgress.Progress p : all) {
                        out.println(p.coder() + ": " + p.reached().map(r -> "criterion reached on " + r.finishedAt().substring(0, Math.min(10, r.finishedAt().length()))
                                + " with " + r.session()).orElse("not yet at criterion (" + p.stillNeeded(c.consecutive()) + " more consecutive session"
                                + (p.stillNeeded(c.consecutive()) == 1 ? "" : "s") + " needed)"));
                        for (TrainingProgress.Step st : p.steps()) {
                            out.println(String.format(Locale.ROOT, "  %-10s %-20s κ=%-6s %s", st.session(), st.finishedAt(),
                                    Double.isNaN(st.judgement().value()) ? "–" : kappa(st.judgement().value()), st.judgement().meets() ? "meets" : "below"));
                        }
                    }
                }
                return 0;
            });
        }
    }

    @Command(name = "drift", mixinStandardHelpOptions = true,
            description = {"Agreement over coding time: every pair of finished passes of a session (and each against a gold standard),",
                    "dated by the later, judged by the lab's criterion; a warning for each re-check below it, with its coding week."})
    static final class DriftReport implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "STUDY", description = "The study file, or a lab study's address postgresql://…?study=NAME.")
        StudyArg study;

        @Option(names = "--csv", description = "CSV on standard output (columns: docs/reliability-workflow.md).")
        boolean csv;

        @Option(names = "--json", description = "Machine-readable output.")
        boolean json;

        @Override
        public Integer call() {
            return read(study, spec, (s, out) -> {
                Criterion c = Reliability.criterion(s);
                Drift.Report r = Reliability.drift(s, c);
                String paragraph = Reliability.methods(s, c, r);
                if (csv) {
                    List<List<String>> rows = new ArrayList<>();
                    for (Drift.Pair p : r.pairs()) {
                        for (Drift.Check ch : p.checks()) {
                            rows.add(List.of(ch.first(), ch.second(), ch.session(), ch.finishedAt(), ch.week(), kappa(ch.judgement().value()),
                                    Boolean.toString(ch.judgement().meets())));
                        }
                    }
                    printCsv(out, DRIFT_COLUMNS, rows);
                } else if (json) {
                    Map<String, Object> j = new LinkedHashMap<>();
                    j.put("criterion", c.describe());
                    j.put("weeks", r.weeks());
                    List<Map<String, Object>> pairs = new ArrayList<>();
                    for (Drift.Pair p : r.pairs()) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("first_coder", p.first());
                        m.put("second_coder", p.second());
                        m.put("mean_kappa", Double.isNaN(p.mean()) ? null : p.mean());
                        List<Map<String, Object>> checks = new ArrayList<>();
                        for (Drift.Check ch : p.checks()) {
                            Map<String, Object> x = new LinkedHashMap<>();
                            x.put("session", ch.session());
                            x.put("finished_at", ch.finishedAt());
                            x.put("week", ch.week());
                            x.put("kappa", Double.isNaN(ch.judgement().value()) ? null : ch.judgement().value());
                            x.put("meets_criterion", ch.judgement().meets());
                            checks.add(x);
                        }
                        m.put("checks", checks);
                        pairs.add(m);
                    }
                    j.put("pairs", pairs);
                    j.put("warnings", r.warnings().stream().map(ReliabilityReports::warning).toList());
                    j.put("methods_paragraph", paragraph);
                    printJson(out, j);
                } else {
                    out.println("criterion: " + c.describe());
                    if (r.pairs().isEmpty()) out.println("no session has two finished passes yet");
                    for (Drift.Pair p : r.pairs()) {
                        out.println(p.first() + " – " + p.second() + ": " + p.checks().size() + " re-check" + (p.checks().size() == 1 ? "" : "s")
                                + ", mean κ " + (Double.isNaN(p.mean()) ? "–" : kappa(p.mean())));
                        for (Drift.Check ch : p.checks()) {
                            out.println(String.format(Locale.ROOT, "  %-9s %-10s %-20s κ=%-6s %s", ch.week(), ch.session(), ch.finishedAt(),
                                    Double.isNaN(ch.judgement().value()) ? "–" : kappa(ch.judgement().value()), ch.judgement().meets() ? "meets" : "BELOW"));
                        }
                    }
                    for (Drift.Check w : r.warnings()) out.println("warning: " + warning(w));
                    out.println();
                    out.println(paragraph);
                }
                return 0;
            });
        }
    }

    /** The columns of {@code attune reliability consensus --csv}, one row per event of a consensus pass. */
    static final List<String> CONSENSUS_COLUMNS = List.of("session", "first_coder", "second_coder", "code", "onset_s", "offset_s", "provenance");

    @Command(name = "consensus", mixinStandardHelpOptions = true,
            description = {"The consensus passes' events with where each came from: agreed (both coders), first or second (a coder's,",
                    "chosen), edited, or added by hand; per session the counts, or every event with --csv."})
    static final class ConsensusReport implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "STUDY", description = "The study file, or a lab study's address postgresql://…?study=NAME.")
        StudyArg study;

        @Option(names = "--csv", description = "CSV on standard output (columns: docs/reliability-workflow.md).")
        boolean csv;

        @Override
        public Integer call() {
            return read(study, spec, (s, out) -> {
                List<org.attune.store.ConsensusStore.Row> rows = org.attune.store.ConsensusStore.rows(s);
                if (csv) {
                    List<List<String>> table = new ArrayList<>();
                    for (org.attune.store.ConsensusStore.Row r : rows) {
                        table.add(List.of(r.session(), r.first(), r.second(), r.code(), org.attune.coding.TimeFormat.seconds(r.onsetMs(), '.'),
                                r.offsetMs() == null ? "" : org.attune.coding.TimeFormat.seconds(r.offsetMs(), '.'), r.provenance()));
                    }
                    printCsv(out, CONSENSUS_COLUMNS, table);
                    return 0;
                }
                if (rows.isEmpty()) out.println("no consensus pass yet (the app: Reliability ▸ Build a consensus pass of the selected session…)");
                Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
                for (org.attune.store.ConsensusStore.Row r : rows) {
                    counts.computeIfAbsent(r.session() + " (" + r.first() + " and " + r.second() + ")", k -> new LinkedHashMap<>()).merge(r.provenance(), 1, Integer::sum);
                }
                counts.forEach((k, v) -> out.println(k + ": " + String.join(", ", v.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList())));
                return 0;
            });
        }
    }

    static String warning(Drift.Check w) {
        return w.first() + (w.second().equals("gold") ? " against the gold standard" : " and " + w.second()) + " fell below the criterion on " + w.session()
                + " (week " + w.week() + ", κ = " + (Double.isNaN(w.judgement().value()) ? "not computable" : kappa(w.judgement().value())) + ")";
    }

}
