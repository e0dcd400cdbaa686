package org.attune.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * The checks a study file passes before anything is written to it: a SQLite file, an Attune study,
 * not from a newer Attune, and not damaged — SQLite's integrity and foreign-key checks and every
 * table present. Any answer but "ok" refuses the file untouched (docs/decisions/0004-study-file.md).
 */
final class StudyChecks {

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private StudyChecks() {
    }

    static void checkLooksLikeSqlite(Path path) throws StudyException {
        byte[] head = new byte[SQLITE_MAGIC.length];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (NoSuchFileException e) {
            throw new StudyException(StudyException.Kind.NOT_FOUND, "There is no study file at " + path + ".");
        } catch (IOException e) {
            throw new StudyException(StudyException.Kind.IO, "Cannot read " + path + ": " + e.getMessage(), e);
        }
        if (n >= 8 && new String(head, 0, 8, java.nio.charset.StandardCharsets.US_ASCII).equals("ATTNSEAL")) { // SealedPackage's first bytes
            String name = path.getFileName().toString();
            throw new StudyException(StudyException.Kind.NOT_A_STUDY, name + " is a sealed coder package: open it in Attune (File ▸ Open study…,"
                    + " which asks its passphrase), or unseal it first: attune pass unseal " + name + " -o " + name.replaceFirst("(?i)\\.sealed$", "") + ".attune");
        }
        if (n < head.length || !Arrays.equals(head, SQLITE_MAGIC)) {
            throw new StudyException(StudyException.Kind.NOT_A_STUDY, path.getFileName() + " is not an Attune study"
                    + (n == 0 ? " (the file is empty)" : " (it is not a SQLite database)") + ". Open a .attune file created by Attune.");
        }
    }

    /** Read-only checks: an Attune study, not from a newer Attune, not damaged. */
    static void verify(Path path, List<StudySchema.Migration> migrations) throws StudyException {
        verify(path, migrations, true);
    }

    /**
     * {@link #verify}; with {@code damageToo} false, all but SQLite's integrity and foreign-key checks (the ones that
     * read the whole file), which the caller runs itself with {@link #damageOf} (CheckedRead runs them alongside).
     */
    static void verify(Path path, List<StudySchema.Migration> migrations, boolean damageToo) throws StudyException {
        try (Connection c = checkingConnection(path)) {
            if (StudySchema.applicationId(c) != StudySchema.APPLICATION_ID) {
                throw new StudyException(StudyException.Kind.NOT_A_STUDY,
                        path.getFileName() + " is a SQLite database but not an Attune study. Open a .attune file created by Attune.");
            }
            int version = StudySchema.userVersion(c);
            int current = StudySchema.currentVersion(migrations);
            if (version > current) {
                throw new StudyException(StudyException.Kind.TOO_NEW, path.getFileName() + " was written by a newer Attune (study format "
                        + version + "; this Attune reads up to " + current + "). Update Attune to open it; the file has not been changed.");
            }
            List<String> problems = damageToo ? damage(c) : List.of();
            if (problems.isEmpty()) problems = missingTables(c);
            if (!problems.isEmpty()) throw damaged(path, problems);
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, path, "open the study");
        }
    }

    /** What SQLite's integrity and foreign-key checks find wrong with the study file, on a connection of their own. */
    static List<String> damageOf(Path path) throws StudyException {
        try (Connection c = checkingConnection(path)) {
            return damage(c);
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, path, "check the study");
        }
    }

    /** The refusal of a damaged study, with what to do. */
    static StudyException damaged(Path path, List<String> problems) {
        return new StudyException(StudyException.Kind.DAMAGED, path.getFileName() + " is damaged (" + String.join("; ", problems)
                + "). It has not been changed. Restore it from a backup, or copy everything that can still be read into a new study with: "
                + "attune study salvage \"" + path.getFileName() + "\" -o NEW.attune");
    }

    /**
     * What SQLite's integrity and foreign-key checks find wrong (at most a few lines), or nothing.
     * Runs on a connection that may not write.
     */
    static List<String> damage(Connection c) throws SQLException {
        List<String> problems = new java.util.ArrayList<>();
        try (Statement st = c.createStatement(); var rs = st.executeQuery("PRAGMA integrity_check(20)")) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (!"ok".equals(line)) problems.add(line);
            }
        }
        try (Statement st = c.createStatement(); var rs = st.executeQuery("PRAGMA foreign_key_check")) {
            while (rs.next() && problems.size() < 20) {
                problems.add("row " + rs.getLong(2) + " of " + rs.getString(1) + " refers to a missing row of " + rs.getString(3));
            }
        }
        if (problems.size() > 5) {
            int more = problems.size() - 3;
            problems = new java.util.ArrayList<>(problems.subList(0, 3));
            problems.add("and " + more + " more problems");
        }
        return problems;
    }

    /** The tables every study has; one that is missing (dropped by another program) makes the study damaged. */
    static final List<String> TABLES = List.of("study_info", "schemes", "sessions", "session_metadata", "media", "coders", "passes", "events", "ratings", "history");

    private static List<String> missingTables(Connection c) throws SQLException {
        java.util.Set<String> present = new java.util.HashSet<>();
        try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table'")) {
            while (rs.next()) present.add(rs.getString(1));
        }
        return TABLES.stream().filter(t -> !present.contains(t)).map(t -> "its table \"" + t + "\" is missing").toList();
    }

    /**
     * The connection the checks run on. SQLite skips CHECK constraints in its integrity check on a
     * read-only connection (measured: a negative onset passes it), so where the file may be written a
     * read-write connection with {@code query_only} runs them, writing nothing. Where it may not — a
     * read-only folder, or a write-ahead log left by a crash, which closing such a connection would
     * fold into the file — the read-only check still finds every structural fault.
     */
    private static Connection checkingConnection(Path path) throws SQLException {
        Path wal = path.resolveSibling(path.getFileName() + "-wal");
        boolean walPending;
        try {
            walPending = Files.exists(wal) && Files.size(wal) > 0;
        } catch (IOException e) {
            walPending = true;
        }
        if (walPending || !Files.isWritable(path) || path.getParent() == null || !Files.isWritable(path.getParent())) return StudyFile.connect(path, true);
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(5000);
        Connection c = config.createConnection("jdbc:sqlite:" + path);
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA query_only=1");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

}
