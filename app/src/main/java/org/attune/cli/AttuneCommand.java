package org.attune.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
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
     * The subcommands, in the order the usage lists them. Only the one a command line names is built: picocli
     * reads every option of every subcommand when it builds one, which took 150 of a command's 800 ms
     * (docs/benchmarks.md, start-up). Help, a mistyped name and no name at all get them all.
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("scheme", SchemeCommand::new);
        SUBCOMMANDS.put("study", StudyCommand::new);
        SUBCOMMANDS.put("pass", PassCommand::new);
        SUBCOMMANDS.put("events", EventsCommand::new);
        SUBCOMMANDS.put("ratings", RatingsCommand::new);
        SUBCOMMANDS.put("agreement", AgreementCommand::new);
        SUBCOMMANDS.put("measures", MeasuresCommand::new);
        SUBCOMMANDS.put("media", MediaCommand::new);
        SUBCOMMANDS.put("help", CommandLine.HelpCommand::new);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

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
            cl.addSubcommand(named, SUBCOMMANDS.get(named).get());
        } else if (!named.equals("--version") && !named.equals("-V")) {
            SUBCOMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get()));
        }
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
