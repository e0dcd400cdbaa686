package org.attune.store.pg;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the tests' own (issue 18): a cluster made by Debian's {@code initdb} in a temporary
 * folder, on a free port of 127.0.0.1, started once for the test run and stopped when the JVM ends. Run as the
 * {@code postgres} user when the tests run as root (initdb refuses root; CI runs as root). {@link #get()} is empty,
 * with the reason in {@link #whyNot()}, only when no server could be started — `.ci/run` installs PostgreSQL, so
 * CI runs the tests that need it.
 */
public final class PgCluster {

    private static final Object LOCK = new Object();

    /** The one login of the test server that must give a password (the others are trusted on 127.0.0.1). */
    public static final String PASSWORD_LOGIN = "attune_pw";
    private static PgCluster cluster;
    private static String whyNot;

    private final Path data;
    private final int port;
    private final List<String> asUser;
    private final Path bin;

    private PgCluster(Path data, int port, List<String> asUser, Path bin) {
        this.data = data;
        this.port = port;
        this.asUser = asUser;
        this.bin = bin;
    }

    /** The running test server, started on first use; empty when none can be started (see {@link #whyNot()}). */
    public static Optional<PgCluster> get() {
        synchronized (LOCK) {
            if (cluster == null && whyNot == null) {
                try {
                    cluster = start();
                } catch (IOException | InterruptedException | RuntimeException e) {
                    whyNot = e.getMessage();
                }
            }
            return Optional.ofNullable(cluster);
        }
    }

    /**
     * The running test server for a test that needs one; when none can be started, the test is skipped, saying why
     * (also on the console, so that a run that skipped them shows it).
     */
    public static PgCluster orSkip() {
        PgCluster pg = get().orElse(null);
        if (pg == null) System.err.println("SKIPPED: no PostgreSQL test server: " + whyNot());
        org.junit.jupiter.api.Assumptions.assumeTrue(pg != null, () -> "no PostgreSQL test server: " + whyNot());
        return pg;
    }

    /** The one number a query gives (a count), for tests that look at the server's tables directly. */
    public static long count(java.sql.Connection c, String sql) throws java.sql.SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static String whyNot() {
        return whyNot;
    }

    /** A JDBC URL to a database of the server, as its superuser {@code attune} (trust authentication on 127.0.0.1). */
    public String jdbc(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=attune";
    }

    public int port() {
        return port;
    }

    /** The server's main process (its children serve the connections), for measuring its CPU time. */
    public long serverPid() throws IOException {
        return Long.parseLong(Files.readAllLines(data.resolve("db").resolve("postmaster.pid")).get(0).strip());
    }

    private static PgCluster start() throws IOException, InterruptedException {
        return start(false);
    }

    /**
     * A server of its own that makes every commit durable (fsync on, as a lab's server is), for benchmarks; the
     * tests' shared one runs with fsync off, which changes no result, only the time.
     */
    public static PgCluster startDurable() throws IOException, InterruptedException {
        return start(true);
    }

    private static PgCluster start(boolean durable) throws IOException, InterruptedException {
        Path bin = binaries().orElseThrow(() -> new IOException("no PostgreSQL server programs (initdb, pg_ctl) found: apt-get install postgresql"));
        boolean root = "root".equals(System.getProperty("user.name"));
        Path data = Files.createTempDirectory("attune-pg-");
        List<String> asUser = root ? List.of("runuser", "-u", "postgres", "--") : List.of();
        if (root) {
            UserPrincipal postgres = data.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(data, postgres);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PgCluster c = new PgCluster(data, port, asUser, bin);
        c.run(List.of(bin.resolve("initdb").toString(), "-D", data.resolve("db").toString(), "-U", "attune", "-A", "trust", "--no-sync", "-E", "UTF8"));
        // one login that must give its password (scram), for the tests of PGPASSWORD, ~/.pgpass and the app's prompt
        Path hba = data.resolve("db").resolve("pg_hba.conf");
        Files.writeString(hba, "host all " + PASSWORD_LOGIN + " 127.0.0.1/32 scram-sha-256\n" + Files.readString(hba));
        c.run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.resolve("db").toString(), "-w", "-t", "60", "-l", data.resolve("server.log").toString(),
                "-o", "-p " + port + " -k " + data + " -c listen_addresses=127.0.0.1 -c max_connections=100" + (durable ? "" : " -c fsync=off"), "start"));
        Runtime.getRuntime().addShutdownHook(new Thread(c::stop, "attune-pg-stop"));
        return c;
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(asUser);
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command.subList(0, 1)) + " failed: " + out.strip());
        }
    }

    private void stop() {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.resolve("db").toString(), "-m", "immediate", "-w", "stop"));
            try (Stream<Path> all = Files.walk(data)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        } catch (IOException | InterruptedException e) {
            // the JVM is ending; what is left goes with the machine's tmp cleaning
        }
    }

    /** Debian puts the server's programs under /usr/lib/postgresql/VERSION/bin; the newest wins. */
    private static Optional<Path> binaries() throws IOException {
        Path lib = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(lib)) return Optional.empty();
        try (Stream<Path> versions = Files.list(lib)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max((a, b) -> Integer.compare(version(a), version(b)));
        }
    }

    private static int version(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
