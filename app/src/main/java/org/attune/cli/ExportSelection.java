package org.attune.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.attune.coding.Session;
import org.attune.exchange.OutputFile;
import org.attune.service.StudyExports;
import org.attune.store.Study;
import org.attune.store.StudyException;
import picocli.CommandLine.Option;

/** The sessions and coders an export is limited to ({@code --sessions}, {@code --coders}), shared by the events and ratings exports. */
final class ExportSelection {
    @Option(names = "--sessions", split = ",", paramLabel = "LABEL", description = "Only these sessions (comma-separated labels).")
    List<String> sessions = new ArrayList<>();

    @Option(names = "--coders", split = ",", paramLabel = "INITIALS", description = "Only these coders (comma-separated initials).")
    List<String> coders = new ArrayList<>();

    @Option(names = "--include-training", description = "Also the training sessions (left out unless named in --sessions).")
    boolean includeTraining;

    /** The passes these options select, for {@link org.attune.service.StudyExports}. */
    org.attune.service.StudyExports.Scope scope() {
        return new org.attune.service.StudyExports.Scope(java.util.Set.copyOf(sessions), java.util.Set.copyOf(coders), java.util.Set.of(), includeTraining);
    }

    /** The message for a session asked for that the study does not have, naming those it has; empty when all are there. */
    Optional<String> unknownSession(Collection<String> labels, StudyArg study) {
        TreeSet<String> sorted = new TreeSet<>(labels);
        return sessions.stream().filter(wanted -> !sorted.contains(wanted)).findFirst()
                .map(wanted -> "There is no session \"" + wanted + "\" in " + study.shortName() + " (sessions: " + String.join(", ", sorted) + ").");
    }

    /** One export of a study: writes {@code output} and returns the line that says what was written. */
    interface StudyExport {
        String write(Study study, org.attune.service.StudyExports.Scope scope) throws StudyException, OutputFile.Refused;
    }

    /**
     * What the events and ratings exports share: the output checked before the study is opened (it may be
     * this very study), the study opened read-only, the sessions asked for checked, then {@code export};
     * every failure said on {@code err} in the user's words. Returns the exit code.
     */
    int run(PrintWriter out, PrintWriter err, StudyArg study, Path output, StudyExport export) {
        return run(out, err, study, output, false, export);
    }

    /** As {@link #run(PrintWriter, PrintWriter, StudyArg, Path, StudyExport)}; {@code intoFolder}: the output is a folder the files go into (made when missing). */
    int run(PrintWriter out, PrintWriter err, StudyArg study, Path output, boolean intoFolder, StudyExport export) {
        Optional<String> refused = intoFolder ? folderProblem(output) : OutputFile.problem(output, study.isServer() ? List.of() : List.of(study.file()));
        if (refused.isPresent()) {
            err.println(refused.get());
            return 1;
        }
        try (Study s = study.openReadOnly()) {
            Optional<String> unknown = unknownSession(s.sessions().stream().map(Session::label).toList(), study);
            if (unknown.isPresent()) {
                err.println(unknown.get());
                return 1;
            }
            out.println(export.write(s, scope()));
            return 0;
        } catch (StudyException | OutputFile.Refused e) {
            err.println(e.getMessage());
            return 1;
        } catch (StudyExports.ReadFailure e) {
            err.println(e.getMessage() + " Nothing was written to " + output + ".");
            return 1;
        }
    }

    private static Optional<String> folderProblem(Path folder) {
        Path abs = folder.toAbsolutePath().normalize();
        if (java.nio.file.Files.exists(abs) && !java.nio.file.Files.isDirectory(abs)) {
            return Optional.of(abs + " is a file; give a folder for the documents (it is made when missing).");
        }
        if (abs.getParent() == null || !java.nio.file.Files.isDirectory(abs.getParent())) {
            return Optional.of("The folder " + abs.getParent() + " does not exist; create it first or choose another place for " + abs.getFileName() + ".");
        }
        return Optional.empty();
    }
}
