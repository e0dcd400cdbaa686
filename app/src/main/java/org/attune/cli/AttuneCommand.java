package org.attune.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code attune} command line. Exit codes: 0 success, 1 invalid input or failed check, 2 usage error. */
@Command(name = "attune",
        mixinStandardHelpOptions = true,
        versionProvider = AttuneCommand.Version.class,
        description = "Observation coding of parent–child interaction video. Run without arguments to open the app.",
        subcommands = {SchemeCommand.class, StudyCommand.class, EventsCommand.class, RatingsCommand.class, AgreementCommand.class, MeasuresCommand.class, MediaCommand.class,
                CommandLine.HelpCommand.class})
public final class AttuneCommand implements Runnable {

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
