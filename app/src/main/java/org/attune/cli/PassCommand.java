package org.attune.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.attune.store.PassPackage;
import org.attune.store.Study;
import org.attune.store.StudyException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code attune pass …}: coders on their own computers (issue 17; README "Coders on their own computers"). */
@Command(name = "pass", mixinStandardHelpOptions = true, description = "Send coding passes to a coder as a package, and take them back.",
        subcommands = {PassCommand.Send.class})
public final class PassCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "send", mixinStandardHelpOptions = true,
            description = {"Write a coder's passes into a package: a study file holding their passes (events and ratings with their",
                    "stable ids), the scheme, the sessions' details and, for each video, its name, size, duration and SHA-256 —",
                    "never the video. The coder opens it in Attune like any study. The study records what was sent."})
    static final class Send implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "STUDY", description = "The lab's study file.")
        Path study;

        @Option(names = "--coder", required = true, paramLabel = "INITIALS", description = "Whose passes to send.")
        String coder;

        @Option(names = "--sessions", split = ",", paramLabel = "LABEL", description = "Only these sessions (default: every session the coder has a pass of).")
        List<String> sessions = List.of();

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.attune", description = "The package to write (a new file).")
        Path output;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (Study s = Study.open(study)) {
                PassPackage.Sent sent = PassPackage.send(s, coder, new LinkedHashSet<>(sessions), output);
                out.println("wrote " + sent.file() + ": " + sent.coder() + "'s passes of " + String.join(", ", sent.sessions()) + " — "
                        + sent.events() + " events, " + sent.ratings() + " ratings, " + sent.videos() + " video" + (sent.videos() == 1 ? "" : "s")
                        + " described (not copied)");
                return 0;
            } catch (StudyException e) {
                err.println(e.getMessage());
                return 1;
            }
        }
    }
}
