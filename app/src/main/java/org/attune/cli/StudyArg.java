package org.attune.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.attune.store.Study;
import org.attune.store.StudyException;
import org.attune.store.pg.ServerUrl;

/**
 * A study named on the command line: a file, or a lab study on a server named by its address
 * ({@code postgresql://[USER@]HOST[:PORT]/DATABASE?study=NAME}, issue 18). picocli makes one from the argument
 * through {@link #valueOf(String)}; a wrong address is a usage error that says how to write it.
 *
 * @param file the file named, when it is not a server study (also a CSV where a command takes either)
 * @param server the server study named, else null
 */
record StudyArg(Path file, ServerUrl server) {

    /** The folder a server study's videos are found in, from the command line: the current folder, unless set. */
    static final String VIDEOS_PROPERTY = "attune.videos";

    /** picocli's converter: a wrong server address is a usage error in words. */
    static StudyArg convert(String text) {
        try {
            return valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.TypeConversionException(e.getMessage());
        }
    }

    static StudyArg valueOf(String text) {
        if (ServerUrl.isServer(text)) return new StudyArg(null, ServerUrl.parse(text));
        return new StudyArg(Path.of(text), null);
    }

    boolean isServer() {
        return server != null;
    }

    /** Opens the study for editing (a file read-only with the reason when another app has it open). */
    Study open() throws StudyException {
        return isServer() ? withPassword(pw -> Study.open(server, videos(), pw, false)) : Study.open(file);
    }

    Study openReadOnly() throws StudyException {
        return isServer() ? withPassword(pw -> Study.open(server, videos(), pw, true)) : Study.openReadOnly(file);
    }

    /** Work on the server that takes a password (empty: PGPASSWORD or ~/.pgpass). */
    interface ServerWork<T> {
        T run(Optional<char[]> password) throws StudyException;
    }

    /**
     * Runs {@code work} without a password; when the server asks for one that PGPASSWORD and ~/.pgpass did not give,
     * asks for it on the terminal (not echoed; never an argument), once, and runs it again with it.
     */
    <T> T withPassword(ServerWork<T> work) throws StudyException {
        try {
            return work.run(Optional.empty());
        } catch (StudyException e) {
            java.io.Console console = System.console();
            if (!org.attune.store.ServerConnections.wantsPassword(e) || console == null) throw e;
            char[] typed = console.readPassword("Password for %s on %s: ", org.attune.store.ServerConnections.user(server), server.host());
            if (typed == null) throw e;
            try {
                return work.run(Optional.of(typed));
            } finally {
                java.util.Arrays.fill(typed, '\0');
            }
        }
    }

    /** The name to show: the file's name, or the server study's name. */
    String shortName() {
        return isServer() ? server.study() : String.valueOf(file.getFileName());
    }

    private static Path videos() {
        return Path.of(System.getProperty(VIDEOS_PROPERTY, "")).toAbsolutePath();
    }

    @Override
    public String toString() {
        return isServer() ? server.toString() : file.toString();
    }
}
