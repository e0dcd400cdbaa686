package org.attune.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.attune.coding.Coder;
import org.attune.coding.CodingPass;
import org.attune.coding.Session;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.json.BundledSchemes;
import org.attune.store.Salvage;
import org.attune.store.Study;
import org.attune.store.StudyException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code attune study …}: create and inspect study files. */
@Command(name = "study", mixinStandardHelpOptions = true, description = {"Create and inspect studies: study files (.attune), or lab studies on the lab's PostgreSQL server",
        "named postgresql://[USER@]HOST[:PORT]/DATABASE?study=NAME (password from PGPASSWORD or ~/.pgpass)."})
public final class StudyCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a new, empty study with a coding scheme.")
    static final class Create implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "STUDY", description = "The study to create: a file, e.g. free-play-2026.attune, or a lab study's address postgresql://…?study=NAME.")
        StudyArg file;

        @Option(names = "--scheme", paramLabel = "SCHEME.json", description = "Coding scheme (default: the bundled attachment-interaction scheme).")
        Path scheme;

        @Option(names = "--name", description = "Study name (default: the file name).")
        String name;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            CodingScheme s;
            if (scheme == null) {
                s = BundledSchemes.defaultScheme();
            } else {
                java.util.Optional<CodingScheme> read = Inputs.readScheme(scheme, err, "fix them before creating a study with it.");
                if (read.isEmpty()) return 1;
                s = read.get();
            }
            String studyName = name != null ? name : file.shortName().replaceFirst("\\.attune$", "");
            try (Study study = file.isServer() ? file.withPassword(pw -> Study.create(file.server(), Path.of("").toAbsolutePath(), pw, s, studyName))
                    : Study.create(file.file(), s, studyName)) {
                out.println("created " + study.location() + " (study \"" + studyName + "\", scheme " + s.id() + " " + s.version() + ")");
                return 0;
            } catch (StudyException e) {
                err.println(e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = "Show a study's scheme, sessions, coders and coding passes.")
    static final class Info implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "STUDY", description = "Study file, or a lab study's address postgresql://…?study=NAME.")
        StudyArg file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Study study = file.openReadOnly()) {
                CodingScheme s = study.scheme();
                out.println("study     " + study.name());
                out.println((study.server().isPresent() ? "server    " : "file      ") + study.location());
                out.println("scheme    " + s.id() + " " + s.version() + " (" + s.timedCodes().size() + " timed codes, " + s.ratingCodes().size() + " ratings)");
                List<String> history = study.schemeHistory();
                if (history.size() > 1) history.forEach(h -> out.println("          " + h));
                study.info().forEach((k, v) -> {
                    if (!k.equals("name")) out.println(String.format("%-9s %s", k.replace('_', ' '), v));
                });
                List<Session> sessions = study.sessions();
                List<Coder> coders = study.coders();
                List<CodingPass> passes = study.passes();
                out.println("sessions  " + sessions.size());
                out.println("coders    " + coders.size() + (coders.isEmpty() ? "" : " (" + String.join(", ", coders.stream().map(Coder::initials).toList()) + ")"));
                out.println("passes    " + passes.size());
                Map<Long, String> sessionLabel = new HashMap<>();
                sessions.forEach(x -> sessionLabel.put(x.id(), x.label()));
                Map<Long, String> coderInitials = new HashMap<>();
                coders.forEach(x -> coderInitials.put(x.id(), x.initials()));
                for (CodingPass p : passes) {
                    out.println(String.format("  %-20s %-6s %-12s %7d events%s", sessionLabel.get(p.sessionId()), coderInitials.get(p.coderId()),
                            p.status().jsonName(), study.events().count(p.id()), study.events().running(p.id()).isEmpty() ? ""
                                    : ", " + study.events().running(p.id()).size() + " running"));
                }
                return 0;
            } catch (StudyException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = {"Copy a study file onto the lab's PostgreSQL server, or a lab study from the server into a new study file: exactly, every table row",
                    "for row with its ids, as of one moment (coders may be coding meanwhile). Never over a study: an existing file or server study is refused.",
                    "Examples: attune study copy free-play.attune postgresql://ana@lab.uni.edu/attune?study=freeplay",
                    "          attune study copy postgresql://ana@lab.uni.edu/attune?study=freeplay freeplay-2026-11-28.attune"})
    static final class Copy implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FROM", description = "A study file, or a lab study's address.")
        StudyArg from;

        @Parameters(index = "1", paramLabel = "TO", description = "A lab study's address (from a file), or a new study file (from a server).")
        StudyArg to;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (from.isServer() == to.isServer()) {
                err.println(from.isServer() ? "Both are lab studies on a server; copy one into a file first (attune study copy URL FILE.attune)."
                        : "Both are files; copy a study file with your file manager, or copy it onto a server (attune study copy FILE.attune postgresql://…).");
                return 2;
            }
            try {
                java.util.Map<String, Long> copied;
                if (to.isServer()) {
                    try (Study study = from.open()) {
                        copied = to.withPassword(pw -> org.attune.store.StudyCopy.toServer(study, to.server(), pw));
                    }
                } else {
                    copied = from.withPassword(pw -> org.attune.store.StudyCopy.fromServer(from.server(), to.file(), pw));
                }
                out.println("copied " + from + " to " + to + ": " + copied.getOrDefault("sessions", 0L) + " sessions, " + copied.getOrDefault("passes", 0L)
                        + " passes, " + copied.getOrDefault("events", 0L) + " events, " + copied.getOrDefault("ratings", 0L) + " ratings ("
                        + copied.values().stream().mapToLong(Long::longValue).sum() + " rows in " + copied.size() + " tables)");
                return 0;
            } catch (StudyException e) {
                err.println(e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "give-login", mixinStandardHelpOptions = true,
            description = {"Let a login of the lab's PostgreSQL server code as one of a lab study's coders (the lab manager, who made the study, runs this).",
                    "The login then reads the study, writes only its own passes, and while one of its passes of a session is blind and not done,",
                    "the server itself hides the other coders' events of that session from it. The login is made by the server's administrator."})
    static final class GiveLogin implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "STUDY", description = "A lab study's address postgresql://…?study=NAME.")
        StudyArg study;

        @Option(names = "--coder", paramLabel = "INITIALS", required = true, description = "The study's coder the login codes as.")
        String coder;

        @Option(names = "--login", paramLabel = "LOGIN", required = true, description = "The server login (PostgreSQL role) of that coder.")
        String login;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (!study.isServer()) {
                err.println(study + " is a study file; logins belong to a lab study on a server (postgresql://…?study=NAME).");
                return 2;
            }
            try (Study s = study.open()) {
                s.lab().orElseThrow().giveLogin(coder, login);
                spec.commandLine().getOut().println(login + " codes as " + coder + " in " + study.server().study() + " (blind passes hidden by the server)");
                return 0;
            } catch (StudyException e) {
                err.println(e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "change-scheme", mixinStandardHelpOptions = true,
            description = {"Move a study to a new version of its coding scheme, with a report of codes added, removed and renamed.",
                    "Refused (exit 1) while events or ratings would not fit the new scheme. The study is backed up first; the undo history is cleared."})
    static final class ChangeScheme implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "STUDY", description = "Study file, or a lab study's address (its backup is written as a study file in the current folder).")
        StudyArg file;

        @Option(names = "--scheme", paramLabel = "SCHEME.json", required = true, description = "The new scheme version.")
        Path scheme;

        @Option(names = "--rename", paramLabel = "OLD=NEW", description = "A code renamed in the new version (repeatable).")
        Map<String, String> renames = new java.util.LinkedHashMap<>();

        @Option(names = "--dry-run", description = "Only print the report.")
        boolean dryRun;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            java.util.Optional<CodingScheme> read = Inputs.readScheme(scheme, err, "fix them before moving a study to it.");
            if (read.isEmpty()) return 1;
            try (Study study = file.open()) {
                org.attune.coding.SchemeChange plan = study.planSchemeChange(read.get(), renames);
                out.println("from " + plan.from().id() + " " + plan.from().version() + " to " + plan.to().id() + " " + plan.to().version());
                out.println("added:   " + (plan.added().isEmpty() ? "none" : String.join(", ", plan.added())));
                out.println("removed: " + (plan.removed().isEmpty() ? "none" : String.join(", ", plan.removed())));
                out.println("renamed: " + (plan.renames().isEmpty() ? "none" : String.join(", ",
                        plan.renames().entrySet().stream().map(e -> e.getKey() + " → " + e.getValue()).toList())));
                plan.suggestions().forEach(x -> out.println("note: " + x));
                if (!plan.canApply()) {
                    plan.blockers().forEach(b -> err.println("cannot change: " + b));
                    return 1;
                }
                if (dryRun) {
                    out.println("dry run: nothing changed");
                    return 0;
                }
                Path backup = study.changeScheme(plan);
                out.println("changed; backup of the study before the change: " + backup);
                return 0;
            } catch (StudyException e) {
                err.println(e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "salvage", mixinStandardHelpOptions = true,
            description = {"Copy everything that can still be read from a damaged study into a new study, and report, by table and row, what could not be.",
                    "The damaged file is only read. Sessions, videos' links, coders, passes, events and ratings keep their ids; the undo history is not copied."})
    static final class SalvageCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "DAMAGED", description = "The damaged study file.")
        Path damaged;

        @Option(names = {"-o", "--output"}, paramLabel = "NEW.attune", required = true, description = "The new study to create (never an existing file).")
        Path output;

        @Option(names = "--scheme", paramLabel = "SCHEME.json", description = "The coding scheme, if the one stored in the damaged study cannot be read.")
        Path scheme;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            java.util.Optional<CodingScheme> fallback = java.util.Optional.empty();
            if (scheme != null) {
                fallback = Inputs.readScheme(scheme, err, "fix them, or leave out --scheme.");
                if (fallback.isEmpty()) return 1;
            }
            try {
                Salvage.Report r = Salvage.salvage(damaged, output, fallback);
                out.println("salvaged study \"" + r.studyName() + "\" into " + r.target());
                for (Salvage.TableCount t : r.tables()) {
                    out.println(String.format("  %-17s %7d copied%s", t.table(), t.copied(), t.leftOut() == 0 ? "" : String.format(", %d left out", t.leftOut())));
                }
                r.problems().forEach(p -> out.println("  " + p));
                out.println(r.leftOut() == 0 ? "Every row could be read." : r.leftOut() + " rows could not be copied (listed above); "
                        + "check the salvaged study, and code what was lost again from the video.");
                return 0;
            } catch (StudyException e) {
                err.println(e.getMessage());
                return 1;
            }
        }
    }
}
