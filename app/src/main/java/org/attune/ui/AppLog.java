package org.attune.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The app's log: java.util.logging into a rotating file beside the user's settings
 * ({@code ~/.config/attune/logs/attune-0.log}, five files of 1 MB). What a dialog says in words,
 * the log keeps with the technical detail (exception, stack trace) for whoever helps the user.
 * No new dependency: the JDK's logging, which every library here already writes to.
 */
public final class AppLog {

    static final String FILE_PATTERN = "attune-%g.log";
    private static final Logger ROOT = Logger.getLogger("org.attune");
    private static volatile Path current;
    private static FileHandler handler;

    private AppLog() {
    }

    /** Starts logging into {@code folder} (created if missing); returns the file being written. Later calls move the log. */
    public static synchronized Path install(Path folder) throws IOException {
        Files.createDirectories(folder);
        if (handler != null) {
            ROOT.removeHandler(handler);
            handler.close();
        }
        handler = new FileHandler(folder.resolve(FILE_PATTERN).toString(), 1_000_000, 5, true);
        handler.setEncoding("UTF-8");
        handler.setFormatter(new OneLine());
        handler.setLevel(Level.INFO);
        ROOT.addHandler(handler);
        ROOT.setLevel(Level.INFO);
        current = folder.resolve(FILE_PATTERN.replace("%g", "0"));
        return current;
    }

    /** Stops logging to the file (tests: the next test should not find another's log named in its dialogs). */
    static synchronized void uninstall() {
        if (handler != null) {
            ROOT.removeHandler(handler);
            handler.close();
        }
        handler = null;
        current = null;
    }

    /** The file being written, when the log is installed. */
    public static Optional<Path> file() {
        return Optional.ofNullable(current);
    }

    /** Records a failure the user was told about: what they were doing and the whole exception. */
    public static void failure(String what, Throwable t) {
        Logger.getLogger("org.attune.ui").log(Level.SEVERE, what, t);
        if (handler != null) handler.flush();
    }

    /** "Details are in Attune's log: FILE" — for the end of a failure dialog; empty when there is no log. */
    public static String whereText() {
        return file().map(f -> "\n\nDetails for whoever helps you are in Attune's log: " + f).orElse("");
    }

    /** One line per record (time, level, logger, message), then the stack trace if there is one. */
    static final class OneLine extends Formatter {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

        @Override
        public String format(LogRecord r) {
            StringBuilder b = new StringBuilder();
            b.append(TIME.format(Instant.ofEpochMilli(r.getMillis()))).append(' ').append(r.getLevel()).append(' ')
                    .append(r.getLoggerName()).append(": ").append(formatMessage(r)).append(System.lineSeparator());
            if (r.getThrown() != null) {
                java.io.StringWriter w = new java.io.StringWriter();
                r.getThrown().printStackTrace(new java.io.PrintWriter(w));
                b.append(w);
            }
            return b.toString();
        }
    }
}
