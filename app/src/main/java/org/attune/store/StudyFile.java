package org.attune.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import org.sqlite.SQLiteConfig;

/**
 * The open SQLite file of a study: opening with every check before anything is written, the
 * single-writer lock, migrations with a backup first, and transactions that either commit whole or
 * leave the file as it was.
 *
 * <p>Settings: WAL journal (readers never block the writer; a crash never leaves a half-written
 * page), {@code synchronous=FULL} (a commit returns only once the WAL is flushed to disk, so an
 * acknowledged edit survives a power cut, not just an app crash — measured at well under a
 * millisecond per commit), foreign keys on. See docs/decisions/0004-study-file.md.
 */
final class StudyFile implements AutoCloseable {

    /** The file; for a lab study on a server, the study's name in the local folder its videos are found in (nothing is written there). */
    final Path path;
    /** The lab study on a server this is (ADR 12, {@link ServerStudy}); null for a study file. */
    final org.attune.store.pg.ServerUrl server;
    /** Replaced only for a lab study, on the study thread, when the server is back after being out of reach (ServerStudy). */
    Connection connection;
    private final StudyLock lock;
    private final String readOnlyReason;
    private final Object fileKey;
    /** The one thread that touches {@link #connection}: every read and write of this study runs on it. */
    private final ExecutorService studyThread;
    private volatile Thread owner;

    /** Work done inside one transaction. */
    interface Work<T> {
        T run(Connection c) throws SQLException, StudyException;
    }

    private StudyFile(Path path, Connection connection, StudyLock lock, String readOnlyReason) throws IOException {
        this(path, null, connection, lock, readOnlyReason, Files.readAttributes(path, BasicFileAttributes.class).fileKey());
    }

    /** A lab study on a server: {@code connection} is set to its schema (ADR 12). */
    StudyFile(org.attune.store.pg.ServerUrl server, Path localName, Connection connection, String readOnlyReason, String holderName) {
        this(localName, server, connection, null, readOnlyReason, null);
        this.holderName = holderName;
    }

    /** A lab study's pass leases (ServerStudy): this open study's own id, who it is to others, its renewal. */
    final String holder = java.util.UUID.randomUUID().toString();
    String holderName;
    volatile java.util.concurrent.ScheduledFuture<?> leaseRenewal;
    /** A lab study: the password given when it was opened (kept in memory to reconnect, never written), and whether the connection was lost. */
    java.util.Optional<char[]> password = java.util.Optional.empty();
    volatile boolean lost;
    /** A lab study: the server process serving this connection (its own changes are not news to it). */
    volatile int backendPid;

    /** Inside an edit of a pass's coding: on a lab server, takes or renews the pass's lease or refuses (one writer per pass). */
    void claimPass(Connection c, long passId) throws SQLException, StudyException {
        if (server != null) ServerStudy.claim(this, c, passId);
    }

    private StudyFile(Path path, org.attune.store.pg.ServerUrl server, Connection connection, StudyLock lock, String readOnlyReason, Object fileKey) {
        this.path = path;
        this.server = server;
        this.connection = connection;
        this.lock = lock;
        this.readOnlyReason = readOnlyReason;
        this.fileKey = fileKey;
        this.studyThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "attune-study " + path.getFileName());
            t.setDaemon(true); // a study left open never keeps the JVM alive; every commit is on disk anyway
            owner = t;
            return t;
        });
    }

    // ------------------------------------------------------------------ the study thread

    /** Work for the study thread. */
    interface OnStudyThread<T> {
        T run() throws StudyException;
    }

    /**
     * Runs {@code work} on the study thread and returns its result: inline when called there (so
     * work made of several calls runs as one piece), else handed over and waited for. The store is
     * thread-safe this way without locks: one thread owns the connection (docs/decisions/0006).
     * The wait is not interruptible: an edit that was handed over is reported as it ended.
     */
    <T> T onStudyThread(OnStudyThread<T> work) throws StudyException {
        if (Thread.currentThread() == owner) return work.run();
        Future<T> f;
        try {
            f = studyThread.submit(work::run);
        } catch (RejectedExecutionException e) {
            throw new StudyException(StudyException.Kind.IO, path.getFileName() + " is closed; open it again.", e);
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof StudyException se) throw se;
                    if (cause instanceof RuntimeException re) throw re;
                    if (cause instanceof Error err) throw err;
                    throw new StudyException(StudyException.Kind.IO, "Cannot use " + path.getFileName() + ": " + cause, cause);
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** Runs {@code work} on the study thread later; the future completes with its result (or its failure). */
    <T> CompletableFuture<T> submit(OnStudyThread<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            studyThread.execute(() -> {
                try {
                    result.complete(work.run());
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new StudyException(StudyException.Kind.IO, path.getFileName() + " is closed; open it again.", e));
        }
        return result;
    }

    boolean isReadOnly() {
        return readOnlyReason != null;
    }

    Optional<String> readOnlyReason() {
        return Optional.ofNullable(readOnlyReason);
    }

    // ------------------------------------------------------------------ create and open

    static StudyFile create(Path file, List<StudySchema.Migration> migrations, Work<Void> initialise) throws StudyException {
        Path path = file.toAbsolutePath().normalize();
        if (Files.exists(path)) {
            throw new StudyException(StudyException.Kind.INVALID_INPUT, path + " already exists; choose a new file name (a study is never overwritten).");
        }
        Path dir = path.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new StudyException(StudyException.Kind.NOT_FOUND, "The folder " + dir + " does not exist; create it first or choose another place.");
        }
        StudyLock lock = acquireOrFail(path);
        // Built whole in a hidden file beside the target and moved into place only when complete, so a
        // study file that exists is always a whole study: a crash or kill leaves at most the hidden file,
        // which the next create of the same name clears (it holds the lock, so nobody else is building it).
        Path building = buildingFileOf(path);
        deleteQuietly(building);
        Connection c = null;
        try {
            c = connect(building, false);
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA application_id=" + StudySchema.APPLICATION_ID);
            }
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                for (StudySchema.Migration m : migrations) m.apply(st);
                st.execute("PRAGMA user_version=" + StudySchema.currentVersion(migrations));
            }
            initialise.run(c);
            c.commit();
            c.setAutoCommit(true);
            checkpointAndClose(c, building);
            c = null;
            placeNew(building, path);
            return new StudyFile(path, connect(path, false), lock, null);
        } catch (SQLException | IOException | StudyException e) {
            closeQuietly(c);
            closeQuietly(lock);
            deleteQuietly(building);
            if (e instanceof StudyException se) throw se;
            throw SqliteErrors.translate(e, path, "create the study");
        }
    }

    /** The hidden file a new study is built in before it is moved into place. */
    static Path buildingFileOf(Path study) {
        return study.resolveSibling("." + study.getFileName() + ".creating");
    }

    /** Moves everything of the write-ahead log into the file and closes it, so the file alone is the whole study. */
    static void checkpointAndClose(Connection c, Path file) throws SQLException, IOException {
        try (Statement st = c.createStatement(); var rs = st.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            if (!rs.next() || rs.getInt(1) != 0) throw new SQLException("the new study could not be written through (checkpoint busy)");
        }
        c.close();
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        if (Files.exists(wal) && Files.size(wal) > 0) throw new IOException("the new study's write-ahead log was not emptied");
    }

    /**
     * Puts a finished file at {@code target}, never replacing anything there: a hard link where the
     * disk has them (atomic, and it fails if the name was taken meanwhile), else a move.
     */
    static void placeNew(Path finished, Path target) throws IOException, StudyException {
        try {
            Files.createLink(target, finished);
            deleteQuietly(finished); // a leftover is cleared by the next create of this name
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new StudyException(StudyException.Kind.INVALID_INPUT, target + " already exists; choose a new file name (a study is never overwritten).");
        } catch (UnsupportedOperationException | IOException e) {
            if (Files.exists(target)) {
                throw new StudyException(StudyException.Kind.INVALID_INPUT, target + " already exists; choose a new file name (a study is never overwritten).");
            }
            Files.move(finished, target); // no REPLACE_EXISTING: refuses to overwrite
        }
    }

    /**
     * Opens a study for writing, or read-only (with the reason) when another window or computer has
     * it open. Nothing is written before the file has been recognised and checked.
     */
    static StudyFile open(Path file, boolean readOnlyWanted, List<StudySchema.Migration> migrations) throws StudyException {
        return open(file, readOnlyWanted, migrations, true);
    }

    /** {@code damageChecked} false: SQLite's whole-file checks are the caller's (only for reading: CheckedRead). */
    static StudyFile open(Path file, boolean readOnlyWanted, List<StudySchema.Migration> migrations, boolean damageChecked) throws StudyException {
        Path path = file.toAbsolutePath().normalize();
        StudyChecks.checkLooksLikeSqlite(path);
        if (!damageChecked && !readOnlyWanted) throw new IllegalArgumentException("a study opened for writing is checked whole first");
        StudyChecks.verify(path, migrations, damageChecked);

        String reason = readOnlyWanted ? "it was opened read-only" : null;
        StudyLock lock = null;
        if (!readOnlyWanted) {
            if (!Files.isWritable(path) || !Files.isWritable(path.getParent())) {
                reason = "the file or its folder is read-only; copy the study to a folder you can write to in order to edit it";
            } else {
                try {
                    StudyLock.Result r = StudyLock.tryAcquire(path);
                    if (r.lock().isPresent()) {
                        lock = r.lock().get();
                    } else {
                        reason = "it is open in another window or on another computer (" + r.holder() + "); close it there to edit here";
                    }
                } catch (IOException e) {
                    reason = "its lock file cannot be written (" + e.getMessage() + ")";
                }
            }
        }
        Connection c = null;
        try {
            c = connect(path, reason != null);
            if (reason == null) {
                int version = StudySchema.userVersion(c);
                if (version < StudySchema.currentVersion(migrations)) migrate(c, path, version, migrations);
            }
            return new StudyFile(path, c, lock, reason);
        } catch (SQLException | IOException e) {
            closeQuietly(c);
            closeQuietly(lock);
            throw SqliteErrors.translate(e, path, "open the study");
        } catch (StudyException e) {
            closeQuietly(c);
            closeQuietly(lock);
            throw e;
        }
    }

    private static StudyLock acquireOrFail(Path path) throws StudyException {
        try {
            StudyLock.Result r = StudyLock.tryAcquire(path);
            return r.lock().orElseThrow(() -> new StudyException(StudyException.Kind.LOCKED,
                    path.getFileName() + " is open in another window or on another computer (" + r.holder() + ")."));
        } catch (IOException e) {
            throw new StudyException(StudyException.Kind.READ_ONLY,
                    "Cannot write in " + path.getParent() + " (" + e.getMessage() + "); choose a folder you can write to.", e);
        }
    }

    private static void migrate(Connection c, Path path, int from, List<StudySchema.Migration> migrations) throws SQLException, StudyException {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path backup = path.resolveSibling(path.getFileName() + ".v" + from + "-backup-" + stamp);
        try (Statement st = c.createStatement()) {
            st.execute("VACUUM INTO '" + backup.toString().replace("'", "''") + "'");
        }
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            for (StudySchema.Migration m : migrations) {
                if (m.toVersion() > from) m.apply(st);
            }
            st.execute("PRAGMA user_version=" + StudySchema.currentVersion(migrations));
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw new StudyException(StudyException.Kind.IO, "Updating " + path.getFileName() + " to the current format failed (" + SqliteErrors.plain(e)
                    + "); the file is unchanged and a backup is at " + backup + ".", e);
        } finally {
            c.setAutoCommit(true);
        }
    }

    static Connection connect(Path path, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(readOnly);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(5000);
        if (!readOnly) config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        Connection c = config.createConnection(url(path, readOnly));
        if (!readOnly) {
            try (Statement st = c.createStatement(); var rs = st.executeQuery("PRAGMA synchronous")) {
                if (!rs.next() || rs.getInt(1) != 2) throw new SQLException("could not set synchronous=FULL");
            }
        }
        return c;
    }

    /**
     * A WAL database needs its {@code -shm} file even to be read. In a folder we cannot write to
     * (a read-only share, a locked-down USB stick) SQLite cannot create it, so a study there without
     * a pending {@code -wal} file is opened as immutable: nobody can be writing it anyway.
     */
    private static String url(Path path, boolean readOnly) {
        Path dir = path.getParent();
        boolean folderWritable = dir != null && Files.isWritable(dir);
        boolean walPending = Files.exists(path.resolveSibling(path.getFileName() + "-wal"));
        if (readOnly && !folderWritable && !walPending) {
            return "jdbc:sqlite:" + path.toUri().toString().replaceFirst("^file:///", "file:/") + "?immutable=1";
        }
        return "jdbc:sqlite:" + path;
    }

    // ------------------------------------------------------------------ transactions

    /** Runs {@code work} in one transaction; it is on disk when this returns, or nothing of it is. */
    <T> T write(String what, Work<T> work) throws StudyException {
        if (readOnlyReason != null) {
            throw new StudyException(StudyException.Kind.READ_ONLY, "Cannot " + what + ": this study is read-only because " + readOnlyReason + ".");
        }
        return onStudyThread(() -> {
            ensureFileStillThere(what);
            if (lost) ServerStudy.reconnect(this, what);
            try {
                connection.setAutoCommit(false);
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException e) {
                rollbackQuietly();
                throw translate(e, what);
            } catch (StudyException | RuntimeException e) {
                rollbackQuietly();
                throw e;
            } finally {
                restoreAutoCommit();
            }
        });
    }

    /**
     * After some errors (a full disk, for one) SQLite has already rolled the transaction back; then
     * leaving manual-commit mode fails too. That must not hide the error that matters.
     */
    private void restoreAutoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the transaction is void either way; the next write reports a broken connection
        }
    }

    <T> T read(Work<T> work) throws StudyException {
        return onStudyThread(() -> {
            if (lost) ServerStudy.reconnect(this, "read the study");
            try {
                return work.run(connection);
            } catch (SQLException e) {
                StudyException failed = translate(e, "read the study");
                if (!lost) throw failed;
                // a lab study whose connection had gone: a read, unlike an edit, is safe to try again on a new one
                ServerStudy.reconnect(this, "read the study");
                try {
                    return work.run(connection);
                } catch (SQLException again) {
                    throw translate(again, "read the study");
                }
            }
        });
    }

    /**
     * On Linux a deleted file stays writable through open handles and vanishes on close: every edit
     * would be lost. So before each write the study must still be the file we opened.
     */
    private void ensureFileStillThere(String what) throws StudyException {
        if (server != null) return;
        Object now;
        try {
            now = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            now = null;
        }
        if (now == null || !Objects.equals(now, fileKey)) {
            throw new StudyException(StudyException.Kind.FILE_GONE, "Cannot " + what + ": the study file " + path
                    + " was deleted, moved or replaced while open, so this edit was not saved. Save a copy of the study now to keep everything coded so far.");
        }
    }

    /** Writes a consistent copy of the open study (also when the original file is gone). */
    void saveCopy(Path target) throws StudyException {
        Path t = target.toAbsolutePath().normalize();
        if (Files.exists(t)) throw new StudyException(StudyException.Kind.INVALID_INPUT, t + " already exists; choose a new name for the copy.");
        if (server != null) {
            onStudyThread(() -> ServerStudy.saveCopy(this, t));
            return;
        }
        onStudyThread(() -> {
            try (Statement st = connection.createStatement()) {
                st.execute("VACUUM INTO '" + t.toString().replace("'", "''") + "'");
                return null;
            } catch (SQLException e) {
                throw SqliteErrors.translate(e, t, "save a copy");
            }
        });
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the transaction is void either way
        }
    }

    /** A failure of this study's database in words. */
    StudyException translate(SQLException e, String what) {
        if (server == null) return SqliteErrors.translate(e, path, what);
        if (ServerStudy.connectionLost(e)) lost = true;
        return ServerStudy.translate(e, server, what);
    }

    @Override
    public void close() {
        try {
            onStudyThread(() -> {
                if (server != null) ServerStudy.closing(this);
                closeQuietly(connection);
                return null;
            });
        } catch (StudyException | RuntimeException e) {
            closeQuietly(connection); // the thread is gone already: close from here
        }
        studyThread.shutdown();
        closeQuietly(lock);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) return;
        try {
            c.close();
        } catch (Exception ignored) {
            // closing is best effort; every commit is already on disk
        }
    }

    private static void deleteQuietly(Path p) {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            try {
                Files.deleteIfExists(p.resolveSibling(p.getFileName() + suffix));
            } catch (IOException ignored) {
                // a half-created study that cannot be removed is reported by the caller's error
            }
        }
    }
}
