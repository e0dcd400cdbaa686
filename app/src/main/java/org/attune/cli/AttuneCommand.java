package org.attune.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code attune} command line. Exit codes: 0 success, 1 invalid input or failed check, 2 usage error. */
@Command(name = "attune",
        mixinStandardHelpOptions = true,
        versionProvider = AttuneCommand.Version.class,
        description = "Observation coding of parent–child interaction video. Run without arguments to open the app.")
public final class AttuneCommand implements Runnable {

    /**
     * The subcommands, in the order the usage lists them, each with its own subcommands (declared here, not in
     * their {@code @Command}s). Only what a command line names is built: picocli reads every option of every
     * command it builds, which took 150 of a command's 800 ms, and building a group's other subcommands another
     * ~30 ms (docs/benchmarks.md, start-up). Help, a mistyped name and no name at all get them all.
     */
    private record Subcommand(Supplier<Object> command, List<Class<?>> children) {
    }

    private static final Map<String, Subcommand> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("scheme", new Subcommand(SchemeCommand::new, List.of(SchemeCommand.Validate.class, SchemeCommand.Manual.class, SchemeCommand.ImportBoris.class)));
        SUBCOMMANDS.put("study", new Subcommand(StudyCommand::new, List.of(StudyCommand.Create.class, StudyCommand.Info.class, StudyCommand.Copy.class, StudyCommand.GiveLogin.class, StudyCommand.ChangeScheme.class, StudyCommand.SalvageCommand.class, StudyImportBoris.class)));
        SUBCOMMANDS.put("pass", new Subcommand(PassCommand::new, List.of(PassCommand.Send.class, PassCommand.Receive.class, PassCommand.Unseal.class)));
        SUBCOMMANDS.put("events", new Subcommand(EventsCommand::new, List.of(EventsCommand.Export.class, EventsCommand.Import.class)));
        SUBCOMMANDS.put("ratings", new Subcommand(RatingsCommand::new, List.of(RatingsCommand.Export.class)));
        SUBCOMMANDS.put("agreement", new Subcommand(AgreementCommand::new, List.of(AgreementCommand.Ratings.class, AgreementEventsCommand.class, AgreementCommand.Measures.class)));
        SUBCOMMANDS.put("measures", new Subcommand(MeasuresCommand::new, List.of()));
        SUBCOMMANDS.put("reliability", new Subcommand(ReliabilityCommand::new, List.of(ReliabilityCommand.CriterionCommand.class, ReliabilityCommand.Gold.class,
                ReliabilityCommand.TrainingSessions.class, ReliabilityReports.Training.class, ReliabilityReports.DriftReport.class, ReliabilityCommand.Sample.class,
                ReliabilityReports.ConsensusReport.class)));
        SUBCOMMANDS.put("media", new Subcommand(MediaCommand::new, List.of(MediaCommand.Info.class, MediaCommand.Prepare.class, MediaCommand.Verify.class)));
        SUBCOMMANDS.put("help", new Subcommand(CommandLine.HelpCommand::new, List.of()));
    }

    /** A subcommand with the one of its own that {@code child} names, or all of them when it names none. */
    private static CommandLine build(Subcommand sub, String child) {
        CommandLine cl = new CommandLine(sub.command().get());
        boolean named = sub.children().stream().anyMatch(c -> c.getAnnotation(Command.class).name().equals(child));
        for (Class<?> c : sub.children()) {
            String name = c.getAnnotation(Command.class).name();
            if (!named || name.equals(child)) {
                try {
                    cl.addSubcommand(name, CommandLine.defaultFactory().create(c));
                } catch (Exception e) {
                    throw new IllegalStateException("the command " + name + " cannot be made", e);
                }
            }
        }
        return cl;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * The study a command line will read whole through CheckedRead ({@code agreement events STUDY.attune …}),
     * if it names one that exists: the launcher starts opening and checking it while picocli parses (issue 16).
     */
    public static java.util.Optional<java.nio.file.Path> studyReadWhole(String... args) {
        if (args.length < 3 || !args[0].equals("agreement") || !args[1].equals("events")) return java.util.Optional.empty();
        String study = args[2];
        if (!study.toLowerCase(java.util.Locale.ROOT).endsWith(".attune")) return java.util.Optional.empty();
        java.nio.file.Path p = java.nio.file.Path.of(study);
        return java.nio.file.Files.isRegularFile(p) ? java.util.Optional.of(p) : java.util.Optional.empty();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs with the given output streams (tests capture them). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new AttuneCommand());
        String named = args.length == 0 ? "" : args[0];
        if (SUBCOMMANDS.containsKey(named) && !named.equals("help")) {
            cl.addSubcommand(named, build(SUBCOMMANDS.get(named), args.length > 1 ? args[1] : ""));
        } else if (!named.equals("--version") && !named.equals("-V")) {
            SUBCOMMANDS.forEach((name, sub) -> cl.addSubcommand(name, build(sub, "")));
        }
        cl.registerConverter(StudyArg.class, StudyArg::convert);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // the outermost boundary: a message, never a stack trace
            commandLine.getErr().println("attune: " + forUser(ex));
            return 1;
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("attune: out of memory. Give Java more with -Xmx (e.g. java -Xmx4g -jar attune.jar …) or work on fewer sessions at a time.");
            code = 1;
        }
        out.flush();
        err.flush();
        return code;
    }

    /**
     * An unexpected failure in words, without Java's or a library's class names: the innermost
     * cause's message, with names such as {@code org.apache.commons.csv.CSVException:} taken out.
     */
    static String forUser(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage() == null ? "" : t.getMessage();
        m = m.replaceAll("(?:\\b[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)?:\\s*", "").trim();
        if (t instanceof java.nio.file.NoSuchFileException) return "no such file or folder: " + m;
        if (t instanceof java.nio.file.AccessDeniedException) return "permission denied: " + m;
        if (t instanceof java.nio.file.FileSystemException) return "cannot read or write " + m;
        if (m.isEmpty()) return "an unexpected internal error stopped the command. Please report it with the command you ran.";
        return m;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = AttuneCommand.class.getPackage().getImplementationVersion();
            return new String[] {"Attune " + (v == null ? "(development build)" : v)};
        }
    }
}
