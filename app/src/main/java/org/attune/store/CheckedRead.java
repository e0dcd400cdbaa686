package org.attune.store;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Reading a study once, whole, with SQLite's full integrity check running on a second connection alongside the
 * reading instead of before it (issue 16: on a study of 40,000 events the check takes about 90 ms, a quarter of a
 * cold command). What was read is handed out only after the check passed: a damaged study is refused exactly as
 * {@link Study#openReadOnly} refuses it, and what was read from it is dropped.
 */
public final class CheckedRead {

    /** What is read from the study (read-only). */
    public interface Work<T> {
        T apply(Study study) throws StudyException;
    }

    /** A study being opened and checked ahead of the command that will read it (see {@link #prefetch}). */
    private record Ahead(Path path, CompletableFuture<Study> study, CompletableFuture<List<String>> check) {
    }

    private static final java.util.concurrent.atomic.AtomicReference<Ahead> AHEAD = new java.util.concurrent.atomic.AtomicReference<>();

    private CheckedRead() {
    }

    /**
     * Starts opening and checking a study that a command line names, on other threads, while the command line is
     * still being parsed (issue 16); the {@link #of} that reads the same file takes them over. Any failure is
     * left for that read to report; a study never read is never written (it is open read-only).
     */
    public static void prefetch(Path file) {
        Path path = file.toAbsolutePath().normalize();
        Ahead ahead = new Ahead(path, new CompletableFuture<>(), new CompletableFuture<>());
        if (!AHEAD.compareAndSet(null, ahead)) return;
        // one thread, the open first: on two cores a third busy thread (the check) would delay the open the command
        // waits for, and the check is needed only when the reading is done
        run("attune-open-ahead", () -> {
            try {
                ahead.study().complete(open(path));
            } catch (Throwable t) {
                ahead.study().completeExceptionally(t);
            }
            checkInto(ahead.check(), path);
        });
    }

    public static <T> T of(Path file, Work<T> work) throws StudyException {
        Path path = file.toAbsolutePath().normalize();
        Ahead ahead = AHEAD.get();
        boolean taken = ahead != null && ahead.path().equals(path) && AHEAD.compareAndSet(ahead, null);
        CompletableFuture<List<String>> check = taken ? ahead.check() : check(path);
        T result;
        try (Study study = taken ? await(ahead.study(), path) : open(path)) {
            result = work.apply(study);
        } catch (StudyException | RuntimeException e) {
            passed(check, path); // damage explains a failed read better than the read's own error
            throw e;
        }
        passed(check, path);
        return result;
    }

    private static Study open(Path path) throws StudyException {
        return Study.open(path, true, StudySchema.MIGRATIONS, false); // StudyFile.open checks it is SQLite first
    }

    /** SQLite's whole-file checks, started on a thread of their own. */
    private static CompletableFuture<List<String>> check(Path path) {
        CompletableFuture<List<String>> check = new CompletableFuture<>();
        run("attune-integrity-check", () -> checkInto(check, path));
        return check;
    }

    private static void checkInto(CompletableFuture<List<String>> check, Path path) {
        try {
            StudyChecks.checkLooksLikeSqlite(path);
            check.complete(StudyChecks.damageOf(path));
        } catch (Throwable t) {
            check.completeExceptionally(t);
        }
    }

    private static void run(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    private static <V> V await(CompletableFuture<V> future, Path path) throws StudyException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StudyException(StudyException.Kind.IO, "Reading " + path.getFileName() + " was interrupted; nothing was read.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StudyException se) throw se;
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new StudyException(StudyException.Kind.IO, "Cannot read " + path.getFileName() + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static void passed(CompletableFuture<List<String>> check, Path path) throws StudyException {
        List<String> problems = await(check, path);
        if (!problems.isEmpty()) throw StudyChecks.damaged(path, problems);
    }

    /**
     * Loads SQLite's driver and native library by opening and closing a database in memory: a command line
     * does this on a second thread while it parses its arguments, so that its first study opens without the
     * wait (docs/benchmarks.md, start-up). Failures are left for the real open to report.
     */
    public static void warmUp() {
        try (java.sql.Connection c = new org.sqlite.SQLiteConfig().createConnection("jdbc:sqlite::memory:");
             java.sql.Statement st = c.createStatement()) {
            st.execute("SELECT 1");
        } catch (java.sql.SQLException | RuntimeException e) {
            // the study's own open says what is wrong, in words
        }
    }

}
