package org.attune.cli;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.attune.coding.Coder;
import org.attune.coding.CodingPass;
import org.attune.coding.Session;
import org.attune.exchange.CsvOptions;
import org.attune.exchange.OutputFile;
import org.attune.exchange.RatingsCsv;
import org.attune.store.Study;
import org.attune.store.StudyException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code attune ratings …}: a study's session ratings as data. */
@Command(name = "ratings", mixinStandardHelpOptions = true, description = "Export a study's session ratings as CSV.",
        subcommands = {RatingsCommand.Export.class})
public final class RatingsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write the session ratings as tidy CSV (columns: docs/ratings-csv.md).",
                    "Long: one row per rating given. --wide: one row per session x coder pass, one column per rating code."})
    static final class Export implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "STUDY", description = "Study file.")
        Path study;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE.csv", required = true, description = "CSV file to write.")
        Path output;

        @Option(names = "--wide", description = "One row per session x coder pass, one column per rating code (empty where not rated).")
        boolean wide;

        @CommandLine.Mixin
        ExportSelection selection = new ExportSelection();

        @Option(names = "--excel", description = "For Excel with decimal commas: byte-order mark, ';' delimiter, ',' decimals, formulas neutralised.")
        boolean excel;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Optional<String> refused = OutputFile.problem(output, List.of(study));
            if (refused.isPresent()) { // before opening: the output may be this very study
                err.println(refused.get());
                return 1;
            }
            try (Study s = Study.openReadOnly(study)) {
                Map<Long, Session> sessionById = new HashMap<>();
                for (Session x : s.sessions()) sessionById.put(x.id(), x);
                Map<Long, Coder> coderById = new HashMap<>();
                for (Coder c : s.coders()) coderById.put(c.id(), c);
                Optional<String> unknown = selection.unknownSession(sessionById.values().stream().map(Session::label).toList(), study);
                if (unknown.isPresent()) {
                    err.println(unknown.get());
                    return 1;
                }
                List<RatingsCsv.Pass> passes = new ArrayList<>();
                Set<String> metaKeys = new TreeSet<>();
                for (CodingPass p : s.passes()) {
                    Session session = sessionById.get(p.sessionId());
                    Coder coder = coderById.get(p.coderId());
                    if (!selection.includesSession(session.label()) || !selection.includesCoder(coder.initials())) continue;
                    passes.add(new RatingsCsv.Pass(session, coder, p, s.events().ratings(p.id())));
                    metaKeys.addAll(session.metadata().keySet());
                }
                passes.sort(Comparator.comparing((RatingsCsv.Pass x) -> x.session().label()).thenComparing(x -> x.coder().initials()));
                long rows = OutputFile.write(output, List.of(study), tmp -> {
                    try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8))) {
                        return RatingsCsv.write(w, s.scheme(), s.name(), passes, List.copyOf(metaKeys), wide, excel ? CsvOptions.EXCEL : CsvOptions.STANDARD);
                    }
                });
                out.println("wrote " + rows + (wide ? " session x coder rows" : " ratings") + " to " + output);
                return 0;
            } catch (StudyException e) {
                err.println(e.getMessage());
                return 1;
            } catch (OutputFile.Refused e) {
                err.println(e.getMessage());
                return 1;
            }
        }
    }
}
