package org.attune.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.attune.coding.ImportMerge;
import org.attune.coding.Session;
import org.attune.exchange.CsvOptions;
import org.attune.exchange.EventCsvReader;
import org.attune.exchange.OutputFile;
import org.attune.service.Progress;
import org.attune.service.StudyExports;
import org.attune.store.EventRepository;
import org.attune.store.Study;
import org.attune.store.StudyException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code attune events …}: move coded events in and out of a study as CSV. */
@Command(name = "events", mixinStandardHelpOptions = true, description = "Export and import coded events as CSV.",
        subcommands = {EventsCommand.Export.class, EventsCommand.Import.class})
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
            description = {"Write events as tidy long CSV, one row per event (columns: docs/events-csv.md)."})
    static final class Export implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "STUDY", description = "Study file.")
        Path study;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE.csv", required = true, description = "CSV file to write.")
        Path output;

        @CommandLine.Mixin
        ExportSelection selection = new ExportSelection();

        @Option(names = "--excel", description = "For Excel with decimal commas: byte-order mark, ';' delimiter, ',' decimals, formulas neutralised.")
        boolean excel;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            java.util.Optional<String> refused = OutputFile.problem(output, List.of(study));
            if (refused.isPresent()) { // before opening: the output may be this very study
                err.println(refused.get());
                return 1;
            }
            try (Study s = Study.openReadOnly(study)) {
                java.util.Optional<String> unknown = selection.unknownSession(s.sessions().stream().map(Session::label).toList(), study);
                if (unknown.isPresent()) {
                    err.println(unknown.get());
                    return 1;
                }
                long rows = StudyExports.events(s, output, selection.scope(), excel ? CsvOptions.EXCEL : CsvOptions.STANDARD, Progress.NONE);
                out.println("wrote " + rows + " events to " + output);
                return 0;
            } catch (StudyException e) {
                err.println(e.getMessage());
                return 1;
            } catch (StudyExports.ReadFailure e) {
                err.println(e.getMessage() + " Nothing was written to " + output + ".");
                return 1;
            } catch (OutputFile.Refused e) {
                err.println(e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import events from CSV (columns session, coder, code, onset_s; offset_s for states; optional comment, modifier_<set>).",
                    "The whole file is checked first; any error stops the import and nothing is written."})
    static final class Import implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "STUDY", description = "Study file.")
        Path study;

        @Parameters(index = "1", paramLabel = "FILE.csv", description = "Events to import.")
        Path csvFile;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (Study s = Study.open(study)) {
                if (s.isReadOnly()) {
                    err.println("Cannot import into " + study.getFileName() + ": " + s.readOnlyReason().orElse("it is read-only") + ".");
                    return 1;
                }
                EventCsvReader.Result r;
                try (Reader in = Files.newBufferedReader(csvFile, StandardCharsets.UTF_8)) { // reports malformed UTF-8
                    r = EventCsvReader.read(in, csvFile.toString(), s.scheme());
                } catch (CharacterCodingException e) {
                    err.println(csvFile + ": the file is not UTF-8 text; save it as CSV UTF-8 and try again. Nothing was imported.");
                    return 1;
                } catch (java.nio.file.NoSuchFileException e) {
                    err.println(csvFile + ": no such file.");
                    return 1;
                }
                if (!r.ok()) {
                    r.errors().stream().limit(MAX_ERRORS_SHOWN).forEach(p -> err.println(p.format()));
                    if (r.errors().size() > MAX_ERRORS_SHOWN) err.println("… and " + (r.errors().size() - MAX_ERRORS_SHOWN) + " more errors");
                    err.println(r.errors().size() + " errors; nothing was imported. Fix them and run the import again.");
                    return 1;
                }
                List<EventRepository.ImportRow> rows = new ArrayList<>(r.rows().size());
                for (EventCsvReader.Row row : r.rows()) rows.add(new EventRepository.ImportRow(row.session(), row.coder(), row.event(), row.line()));
                ImportMerge.Plan plan = s.events().planImport(rows);
                if (!plan.ok()) {
                    plan.conflicts().stream().limit(MAX_ERRORS_SHOWN).forEach(c -> err.println(csvFile + ":" + c.line() + ": " + c.message()));
                    if (plan.conflicts().size() > MAX_ERRORS_SHOWN) err.println("… and " + (plan.conflicts().size() - MAX_ERRORS_SHOWN) + " more");
                    err.println(plan.conflicts().size() + " events conflict with events already in " + study.getFileName()
                            + "; nothing was imported. Fix them and run the import again (docs/events-csv.md, \"Importing into a study that has events\").");
                    return 1;
                }
                EventRepository.ImportSummary summary = s.events().importAll(rows);
                r.notes().forEach(n -> out.println("note: " + n));
                if (summary.alreadyThere() > 0) {
                    out.println("note: " + summary.alreadyThere() + " events are identical to events already in the study and were skipped"
                            + (summary.events() == 0 ? " (the file was imported before)" : ""));
                }
                out.println("imported " + summary.events() + " events into " + study.getFileName()
                        + (summary.newSessions().isEmpty() ? "" : "; new sessions: " + String.join(", ", summary.newSessions()))
                        + (summary.newCoders().isEmpty() ? "" : "; new coders: " + String.join(", ", summary.newCoders()))
                        + (summary.newPasses() == 0 ? "" : "; " + summary.newPasses() + " new coding passes"));
                return 0;
            } catch (StudyException e) {
                err.println(e.getMessage());
                return 1;
            } catch (IOException e) {
                err.println("Cannot read " + csvFile + ": " + e.getMessage());
                return 1;
            }
        }
    }
}
