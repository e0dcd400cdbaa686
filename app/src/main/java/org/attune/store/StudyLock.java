package org.attune.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * One writer per study: an OS file lock on {@code STUDY.lock} beside the study. The operating
 * system drops the lock when the holder exits or crashes, so there is never a stale lock to clear
 * by hand. The file also says who holds it, for the "open elsewhere" message.
 */
final class StudyLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private StudyLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static Path lockFileOf(Path study) {
        return study.resolveSibling(study.getFileName() + ".lock");
    }

    /** The lock, or empty with who holds it when another window or computer has the study open. */
    static Result tryAcquire(Path study) throws IOException {
        Path file = lockFileOf(study);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very process (another window of this app)
        }
        if (lock == null) {
            String holder = readHolder(ch);
            ch.close();
            return new Result(Optional.empty(), holder);
        }
        String me = System.getProperty("user.name", "?") + " on " + hostName() + " since "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " (process " + ProcessHandle.current().pid() + ")";
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
        ch.force(false);
        return new Result(Optional.of(new StudyLock(ch, lock)), me);
    }

    record Result(Optional<StudyLock> lock, String holder) {
    }

    private static String readHolder(FileChannel ch) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(512);
            int n = ch.read(buf, 0);
            return n <= 0 ? "another window or computer" : new String(buf.array(), 0, n, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "another window or computer";
        }
    }

    /** From the environment only: resolving the host name could touch the network, which Attune never does. */
    private static String hostName() {
        for (String var : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String v = System.getenv(var);
            if (v != null && !v.isBlank()) return v;
        }
        return "this computer";
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
