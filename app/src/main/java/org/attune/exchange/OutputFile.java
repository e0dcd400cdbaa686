package org.attune.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Writes an output file (an export, a converted scheme, a manual) so that nothing a user had is ever
 * lost to it: never over a study or its companion files, never over the command's own input, and
 * never half. The content goes to a hidden temporary file in the target's folder, which is moved into
 * place only once it is complete; a failed write removes it and leaves the target as it was.
 *
 * <p>Use: {@code OutputFile.write(target, List.of(input), tmp -> Files.writeString(tmp, text))}.
 */
public final class OutputFile {

    /** Writes the whole content to {@code tmp}; may throw on any I/O failure. */
    @FunctionalInterface
    public interface Body<T> {
        T writeTo(Path tmp) throws IOException;
    }

    /** Why an output cannot be written; the message names the file and what to do, for the user. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }

        public Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> STUDY_COMPANIONS = List.of("-wal", "-shm", "-journal", ".lock");

    private OutputFile() {
    }

    /**
     * Checks {@code target} (see {@link #problem}), writes it through {@code body} into a temporary
     * file beside it, and moves that into place. Returns what {@code body} returned.
     */
    public static <T> T write(Path target, Collection<Path> inputs, Body<T> body) throws Refused {
        Optional<String> problem = problem(target, inputs);
        if (problem.isPresent()) throw new Refused(problem.get());
        Path abs = target.toAbsolutePath().normalize();
        Path tmp;
        try {
            tmp = newPart(abs);
        } catch (IOException e) {
            throw new Refused("Cannot write in " + abs.getParent() + " (" + reason(e) + "); choose a folder you can write to.", e);
        }
        try {
            T result = body.writeTo(tmp);
            move(tmp, abs);
            return result;
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(tmp);
            IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            throw new Refused("Cannot write " + abs + " (" + reason(cause) + "); nothing was written there.", cause);
        } catch (RuntimeException | Error e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    /**
     * Why {@code target} must not be written, if it must not: it is a folder, one of the inputs, a
     * study (any SQLite database) or a study's journal, write-ahead log or lock, or its folder is missing.
     */
    public static Optional<String> problem(Path target, Collection<Path> inputs) {
        Path abs = target.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return Optional.of("The folder " + dir + " does not exist; create it first or choose another place for " + abs.getFileName() + ".");
        }
        if (Files.isDirectory(abs)) return Optional.of(abs + " is a folder; give a file name to write.");
        for (Path in : inputs) {
            if (sameFile(abs, in)) {
                return Optional.of(abs.getFileName() + " is also an input of this command; writing it would destroy what is being read. Choose another output file.");
            }
        }
        if (isSqlite(abs)) {
            return Optional.of(abs + " is a study (or another database); an export never replaces one. Choose another output file.");
        }
        String name = abs.getFileName().toString();
        for (String suffix : STUDY_COMPANIONS) {
            if (name.endsWith(suffix) && isSqlite(abs.resolveSibling(name.substring(0, name.length() - suffix.length())))) {
                return Optional.of(abs.getFileName() + " belongs to the study beside it (its " + suffix.substring(1)
                        + " file); writing it would damage the study. Choose another output file.");
            }
        }
        return Optional.empty();
    }

    /** Whether {@code file} exists and starts with SQLite's header (a study, or any other database). */
    public static boolean isSqlite(Path file) {
        if (!Files.isRegularFile(file)) return false;
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SQLITE_MAGIC.length), SQLITE_MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean sameFile(Path a, Path b) {
        Path bAbs = b.toAbsolutePath().normalize();
        if (a.equals(bAbs)) return true;
        try {
            return Files.exists(a) && Files.exists(bAbs) && Files.isSameFile(a, bAbs); // links, case-insensitive disks
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A new, empty file beside {@code target} for the writing. Made as any new file is (not as a
     * temporary file, which gets owner-only permissions), so the export has the permissions files of
     * that folder get (the user's umask): colleagues who read the lab's folder can read it.
     */
    private static Path newPart(Path target) throws IOException {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; ; attempt++) {
            Path tmp = target.resolveSibling("." + target.getFileName() + "." + Long.toUnsignedString(random.nextLong(), 36) + ".part");
            try {
                return Files.createFile(tmp);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt == 100) throw e;
            }
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the hidden .part file is harmless; the error reported is the write's
        }
    }

    /** The operating system's reason, without Java's class names. */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file or folder";
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) return fs.getReason();
        String m = e.getMessage();
        return m == null || m.isBlank() ? "input/output error" : m;
    }
}
