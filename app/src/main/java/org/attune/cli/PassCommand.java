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
@Command(name = "pass", mixinStandardHelpOptions = true, description = "Send coding passes to a coder as a package, and take them back.")
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

        @Parameters(paramLabel = "STUDY", description = "The lab's study file, or a lab study's address postgresql://…?study=NAME.")
        StudyArg study;

        @Option(names = "--coder", required = true, paramLabel = "INITIALS", description = "Whose passes to send.")
        String coder;

        @Option(names = "--sessions", split = ",", paramLabel = "LABEL", description = "Only these sessions (default: every session the coder has a pass of).")
        List<String> sessions = List.of();

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.attune", description = "The package to write (a new file).")
        Path output;

        @Option(names = "--seal", description = "Seal the package with a passphrase (AES-256-GCM) for e-mail or a USB stick.")
        boolean seal;

        @CommandLine.Mixin
        Passphrase passphrase;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (Study s = study.open()) {
                PassPackage.Sent sent;
                if (seal) {
                    if (java.nio.file.Files.exists(output)) {
                        err.println(output.getFileName() + " already exists: a package is never written over a file. Choose a new name.");
                        return 1;
                    }
                    sent = passphrase.use(true, secret -> org.attune.service.SealedPassPackages.send(s, coder, new LinkedHashSet<>(sessions), output, secret));
                } else {
                    sent = PassPackage.send(s, coder, new LinkedHashSet<>(sessions), output);
                }
                out.println("wrote " + sent.file() + ": " + sent.coder() + "'s passes of " + String.join(", ", sent.sessions()) + " — "
                        + sent.events() + " events, " + sent.ratings() + " ratings, " + sent.videos() + " video" + (sent.videos() == 1 ? "" : "s")
                        + " described (not copied)" + (seal ? "; sealed with the passphrase" : ""));
                return 0;
            } catch (StudyException | org.attune.exchange.SealedPackage.Refused | Passphrase.Missing e) {
                err.println(e.getMessage());
                return 1;
            } catch (java.io.IOException e) {
                err.println("Cannot write " + output + ": " + e.getMessage());
                return 1;
            }
        }
    }

    /** Where a passphrase comes from: a file (scripts) or, asked twice when sealing, the terminal. Never an argument (it would show in the process list). */
    static final class Passphrase {
        static final class Missing extends Exception {
            Missing(String message) {
                super(message);
            }
        }

        @Option(names = "--passphrase-file", paramLabel = "FILE", description = "Read the passphrase from the first line of FILE (else it is asked for).")
        Path file;

        /** What is done with the passphrase; it is blanked afterwards, whatever happens. */
        interface Use<T> {
            T with(char[] secret) throws StudyException, org.attune.exchange.SealedPackage.Refused, java.io.IOException;
        }

        <T> T use(boolean twice, Use<T> work) throws Missing, StudyException, org.attune.exchange.SealedPackage.Refused, java.io.IOException {
            char[] secret = read(twice);
            try {
                return work.with(secret);
            } finally {
                java.util.Arrays.fill(secret, ' ');
            }
        }

        private char[] read(boolean twice) throws Missing {
            if (file != null) {
                try {
                    String line = java.nio.file.Files.readAllLines(file).stream().findFirst().orElse("");
                    if (line.isEmpty()) throw new Missing(file + " holds no passphrase on its first line.");
                    return line.toCharArray();
                } catch (java.io.IOException e) {
                    throw new Missing("Cannot read the passphrase file " + file + ": " + e.getMessage());
                }
            }
            java.io.Console console = System.console();
            if (console == null) throw new Missing("No terminal to ask for the passphrase: give it with --passphrase-file FILE.");
            char[] first = console.readPassword("Passphrase: ");
            if (twice) {
                char[] again = console.readPassword("The same passphrase again: ");
                if (!java.util.Arrays.equals(first, again)) throw new Missing("The two passphrases differ; nothing was written.");
            }
            return first;
        }
    }

    @Command(name = "unseal", mixinStandardHelpOptions = true,
            description = "Open a sealed package into a plain one (a study file) for coding. A wrong passphrase or a changed file writes nothing.")
    static final class Unseal implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "SEALED", description = "The sealed package.")
        Path sealed;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.attune", description = "The package to write (a new file).")
        Path output;

        @CommandLine.Mixin
        Passphrase passphrase;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (java.nio.file.Files.exists(output)) {
                err.println(output.getFileName() + " already exists: choose a new name.");
                return 1;
            }
            try {
                passphrase.use(false, secret -> {
                    org.attune.exchange.SealedPackage.open(sealed, output, secret);
                    return null;
                });
                spec.commandLine().getOut().println("wrote " + output);
                return 0;
            } catch (org.attune.exchange.SealedPackage.Refused | Passphrase.Missing | StudyException e) {
                err.println(e.getMessage());
                return 1;
            } catch (java.io.IOException e) {
                err.println("Cannot open " + sealed + ": " + e.getMessage());
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

        @Parameters(index = "0", paramLabel = "STUDY", description = "The lab's study file, or a lab study's address postgresql://…?study=NAME.")
        StudyArg study;

        @Parameters(index = "1", paramLabel = "PACKAGE", description = "The package the coder sent back.")
        Path pkg;

        @Option(names = "--theirs", description = "Where a pass was edited here too, take the package's.")
        boolean theirs;

        @Option(names = "--ours", description = "Where a pass was edited here too, keep the study's.")
        boolean ours;

        @CommandLine.Mixin
        Passphrase passphrase;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (theirs && ours) {
                err.println("--theirs and --ours exclude each other: choose one.");
                return 2;
            }
            PassReceive.Decide decide = theirs ? PassReceive.Decide.THEIRS : ours ? PassReceive.Decide.OURS : PassReceive.Decide.ASK;
            try (Study s = study.open()) {
                PassReceive.Received r;
                if (org.attune.service.SealedPassPackages.isSealed(pkg)) {
                    r = passphrase.use(false, secret -> org.attune.service.SealedPassPackages.receive(s, pkg, secret, decide));
                } else {
                    r = PassReceive.receive(s, pkg, decide);
                }
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
                if (r.backup() != null) out.println("the study before receiving: " + r.backup().getFileName());
                if (conflicts) {
                    err.println("Some passes were not merged (above). Decide with --theirs (the package's) or --ours (the study's), or settle them with the coder.");
                    return 1;
                }
                return 0;
            } catch (StudyException | org.attune.exchange.SealedPackage.Refused | Passphrase.Missing e) {
                err.println(e.getMessage());
                return 1;
            } catch (java.io.IOException e) {
                err.println("Cannot open " + pkg + ": " + e.getMessage());
                return 1;
            }
        }
    }
}
