package org.attune.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.attune.service.BorisProjectImport;
import org.attune.store.StudyException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code attune study import-boris STUDY PROJECT --coder XY}: a BORIS project's observations as sessions and passes. */
@Command(name = "import-boris", mixinStandardHelpOptions = true,
        description = {"Bring a BORIS project's coded observations into a study (created from the project's ethogram when it does not exist).",
                "Each observation becomes a session, its events a pass of --coder; all or nothing, with everything not mapped listed by name."})
final class StudyImportBoris implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STUDY", description = "The study (.attune); made from the project's ethogram when missing.")
    Path study;

    @Parameters(index = "1", paramLabel = "PROJECT", description = "The BORIS project (.boris or .boris.gz).")
    Path project;

    @Option(names = "--coder", required = true, paramLabel = "INITIALS", description = "Whose passes the observations become (created when new).")
    String coder;

    @Option(names = "--observations", split = ",", paramLabel = "ID", description = "Only these observations (default: all).")
    List<String> observations = new ArrayList<>();

    @Option(names = "--pair", paramLabel = "\"OBS A=AL,OBS B=BK\"",
            description = "Observations of one video by different coders: one session (named after the first) with a pass per coder. Repeatable.")
    List<String> pairs = new ArrayList<>();

    @Option(names = "--layout", description = "Keyboard layout the BORIS keys were typed on, for a new study's scheme: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    SchemeCommand.Layout layout = SchemeCommand.Layout.us;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Set<String> selected = new LinkedHashSet<>(observations);
        BorisProjectImport.Result r;
        try {
            r = BorisProjectImport.run(study, project, coder.trim(), selected, pairs, layout.layout);
        } catch (StudyException e) {
            err.println(e.getMessage());
            return 1;
        }
        r.report().forEach(line -> out.println("  " + line));
        if (!r.imported()) {
            r.problems().forEach(err::println);
            err.println(r.problems().size() + (r.problems().size() == 1 ? " problem" : " problems") + "; nothing was imported" + (r.studyCreated() ? "" : " or created") + ".");
            return 1;
        }
        out.println((r.studyCreated() ? "created " + study + " and imported " : "imported into " + study + ": ")
                + org.attune.exchange.boris.BorisObservations.count(r.sessions(), "session") + ", " + org.attune.exchange.boris.BorisObservations.count(r.events(), "event"));
        return 0;
    }
}
