package org.attune.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.json.SchemeReadResult;
import org.attune.scheme.json.SchemeReader;

/** What several commands do with their input files. */
final class Inputs {

    private Inputs() {
    }

    /** Whether a file is a SQLite database (a study) rather than a CSV, judged by its header. */
    static boolean isStudyFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return false;
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(16), StandardCharsets.US_ASCII).startsWith("SQLite format 3");
        }
    }

    /** The scheme in {@code file}; or every error printed, then "FILE: the scheme has errors; {then}", and empty. */
    static Optional<CodingScheme> readScheme(Path file, PrintWriter err, String then) {
        SchemeReadResult r = SchemeReader.read(file);
        if (r.ok()) return r.scheme();
        r.errors().forEach(p -> err.println(p.format()));
        err.println(file + ": the scheme has errors; " + then);
        return Optional.empty();
    }
}
