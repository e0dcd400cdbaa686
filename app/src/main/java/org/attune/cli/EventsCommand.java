package org.attune.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.attune.exchange.CsvOptions;
import org.attune.service.EventImports;
import org.attune.service.PeerExports;
import org.attune.service.Progress;
import org.attune.service.StudyExports;
import org.attune.store.Study;
import org.attune.store.StudyException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code attune events …}: move coded events in and out of a study as CSV. */
@Command(name = "events", mixinStandardHelpOptions = true, description = "Export and import coded events: CSV, BORIS projects, ELAN documents.")
public final class EventsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** At most this many import errors are printed; the count of the rest follows. */
    static final int MAX_ERRORS_SHOWN = 100;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write events as tidy long CSV, one row per event (columns: docs/events-csv.md), or as a BORIS project (--format boris)."})
    static final class Export implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "STUDY", description = "Study file, or a lab study's address postgresql://…?study=NAME.")
        StudyArg study;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE.csv", required = true, description = "CSV file to write.")
        Path output;

        @CommandLine.Mixin
        ExportSelection selection = new ExportSelection();

        @Option(names = "--excel", description = "For Excel with decimal commas: byte-order mark, ';' delimiter, ',' decimals, formulas neutralised.")
        boolean excel;

        /** What the events are written as. */
        enum Format { csv, boris, eaf, sdis }

        @Option(names = "--format", description = {"csv (default); boris: a BORIS project (.boris, or .boris.gz gzipped), one observation per pass;",
                "eaf: -o is a folder, one ELAN document per session; sdis: a GSEQ data file (.sds), a session per pass (docs/interchange.md)."})
        Format format = Format.csv;

        @Override
        public Integer call() {
            if (format == Format.eaf) {
                PrintWriter out = spec.commandLine().getOut();
                return selection.run(out, spec.commandLine().getErr(), study, output, true, (s, scope) ->
                        "wrote " + PeerExports.eaf(s, output, scope, note -> out.println("note: " + note)) + " ELAN documents (one per session) to " + output);
            }
            if (format == Format.sdis) {
                PrintWriter out = spec.commandLine().getOut();
                return selection.run(out, spec.commandLine().getErr(), study, output, (s, scope) ->
                        "wrote " + PeerExports.sdis(s, output, scope, note -> out.println("note: " + note)) + " sessions (one per pass) to " + output + " for GSEQ");
            }
            if (format == Format.boris) {
                return selection.run(spec.commandLine().getOut(), spec.commandLine().getErr(), study, output, (s, scope) ->
                        "wrote " + PeerExports.boris(s, output, scope) + " observations (one per pass) to " + output + "; open it in BORIS 8 or 9");
            }
            return selection.run(spec.commandLine().getOut(), spec.commandLine().getErr(), study, output, (s, scope) -> {
                long rows = StudyExports.events(s, output, scope, excel ? CsvOptions.EXCEL : CsvOptions.STANDARD, Progress.NONE);
                return "wrote " + rows + " events to " + output;
            });
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import events from CSV (columns session, coder, code, onset_s; offset_s for states; optional comment, modifier_<set>).",
                    "The whole file is checked first; any error stops the import and nothing is written."})
    static final class Import implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "STUDY", description = "Study file, or a lab study's address postgresql://…?study=NAME.")
        StudyArg study;

        @Parameters(index = "1", paramLabel = "FILE", description = "Events to import: CSV, an ELAN document (.eaf) or a Datavyu project (.opf).")
        Path csvFile;

        @Option(names = "--coder", paramLabel = "INITIALS", description = "ELAN: the coder of every tier (default: each tier's annotator); Datavyu: who coded it (required).")
        String coder;

        @Option(names = "--session", paramLabel = "LABEL", description = "ELAN, Datavyu: the session the events belong to (default: the file's name).")
        String session;

        @Option(names = "--map", paramLabel = "MAP.csv", description = {"ELAN: lines tier,code (every annotation on the tier is that code) or tier,family (its values are that family's codes);",
                "Datavyu: lines column,code or column,family, the same way."})
        Path tierMap;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (Study s = study.open()) {
                String name = csvFile.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                EventImports.Outcome o = name.endsWith(".eaf") ? EventImports.fromEaf(s, csvFile, session, coder, tierMap)
                        : name.endsWith(".opf") ? EventImports.fromOpf(s, csvFile, session, coder, tierMap)
                        : EventImports.fromCsv(s, csvFile);
                if (!o.ok()) {
                    o.problems().stream().limit(MAX_ERRORS_SHOWN).forEach(err::println);
                    if (o.problems().size() > MAX_ERRORS_SHOWN) err.println("… and " + (o.problems().size() - MAX_ERRORS_SHOWN) + " more");
                    err.println(o.whatToDo());
                    return 1;
                }
                o.allNotes().forEach(n -> out.println("note: " + n));
                out.println(o.imported(study.shortName()));
                return 0;
            } catch (StudyException e) {
                err.println(e.getMessage());
                return 1;
            }
        }
    }
}
