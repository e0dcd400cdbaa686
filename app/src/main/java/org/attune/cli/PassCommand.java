package org.attune.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.attune.store.PassPackage;
import org.attune.store.PassReceive;
import org.attune.store.Study;
import org.attune.store.StudyException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code attune pass …}: coders on their own computers (issue 17; README "Coders on their own computers"). */
@Command(name = "pass", mixinStandardHelpOptions = true, description = "Send coding passes to a coder as a package, and take them back.",
        subcommands = {PassCommand.Send.class, PassCommand.Receive.class})
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

    @Command(name = "receive", mixinStandardHelpOptions = true,
            description = {"Merge a coder's package back into the study, in one transaction, on a study first copied aside",
                    "(STUDY.before-receive-DATE): per pass, events added, changed, deleted and unchanged, matched by their stable ids.",
                    "Receiving the same package again changes nothing. A pass edited in the study after it was sent is a conflict:",
                    "listed per event and not merged, unless --theirs (the package wins) or --ours (the study's pass is kept)."})
    static final class Receive implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "STUDY", description = "The lab's study file.")
        Path study;

        @Parameters(index = "1", paramLabel = "PACKAGE", description = "The package the coder sent back.")
        Path pkg;

        @Option(names = "--theirs", description = "Where a pass was edited here too, take the package's.")
        boolean theirs;

        @Option(names = "--ours", description = "Where a pass was edited here too, keep the study's.")
        boolean ours;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (theirs && ours) {
                err.println("--theirs and --ours exclude each other: choose one.");
                return 2;
            }
            PassReceive.Decide decide = theirs ? PassReceive.Decide.THEIRS : ours ? PassReceive.Decide.OURS : PassReceive.Decide.ASK;
            try (Study s = Study.open(study)) {
                PassReceive.Received r = PassReceive.receive(s, pkg, decide);
                boolean conflicts = false;
                for (PassReceive.PassResult p : r.passes()) {
                    String head = "  " + p.session() + " · " + p.coder() + ": ";
                    if (p.keptOurs()) {
                        out.println(head + "kept the study's pass (--ours)");
                    } else if (!p.conflicts().isEmpty()) {
                        conflicts = true;
                        out.println(head + "NOT merged: edited here after it was sent, and in the package —");
                        for (String c : p.conflicts()) out.println("      " + c);
                    } else {
                        out.println(head + p.added() + " added, " + p.changed() + " changed, " + p.deleted() + " deleted, " + p.unchanged() + " unchanged");
                    }
                }
                out.println("the study before receiving: " + r.backup().getFileName());
                if (conflicts) {
                    err.println("Some passes were not merged (above). Decide with --theirs (the package's) or --ours (the study's), or settle them with the coder.");
                    return 1;
                }
                return 0;
            } catch (StudyException e) {
                err.println(e.getMessage());
                return 1;
            }
        }
    }
}
