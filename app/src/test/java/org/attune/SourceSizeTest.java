package org.attune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No source file of the app over 500 lines: a class that grows past that has taken on a second
 * responsibility and is split along it (as CodingWorkspace was into its view model, PassActions,
 * PassBar and TimelinePane). Read from the sources, which the build runs beside.
 */
class SourceSizeTest {

    static final int LIMIT = 500;

    @Test
    void noSourceFileIsOver500Lines() throws IOException {
        Path sources = TestPaths.repoRoot().resolve("app/src/main/java");
        assertTrue(Files.isDirectory(sources), sources.toString());
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(sources)) {
            tooLong = files.filter(p -> p.toString().endsWith(".java")).map(p -> {
                try {
                    long n = Files.readAllLines(p).size();
                    return n > LIMIT ? sources.relativize(p) + " (" + n + " lines)" : null;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).filter(java.util.Objects::nonNull).sorted().toList();
        }
        assertEquals(List.of(), tooLong, "split these along their responsibilities");
    }
}
