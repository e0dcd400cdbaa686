package org.attune.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.attune.exchange.CsvOptions;
import org.attune.service.Progress;
import org.attune.service.StudyExports;
import org.attune.store.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code attune ratings …}: a study's session ratings as data. */
@Command(name = "ratings", mixinStandardHelpOptions = true, description = "Export a study's session ratings as CSV.")
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

        @Parameters(paramLabel = "STUDY", description = "Study file, or a lab study's address postgresql://…?study=NAME.")
        StudyArg study;

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
            return selection.run(spec.commandLine().getOut(), spec.commandLine().getErr(), study, output, (s, scope) -> {
                long rows = StudyExports.ratings(s, output, scope, wide, excel ? CsvOptions.EXCEL : CsvOptions.STANDARD, Progress.NONE);
                return "wrote " + rows + (wide ? " session x coder rows" : " ratings") + " to " + output;
            });
        }
    }
}
