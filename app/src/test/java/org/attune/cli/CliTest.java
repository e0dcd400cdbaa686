package org.attune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attune.TestPaths;
import org.attune.scheme.json.SchemeReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class CliTest {

    public record Run(int code, String out, String err) {
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AttuneCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void validatePassesTheDefaultScheme() {
        Run r = run("scheme", "validate", TestPaths.defaultScheme().toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("OK — attachment-interaction 1.1.0: 7 families, 31 timed codes, 4 ratings, 3 exclusive groups"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void validatePrintsEveryErrorAndExitsNonZero(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, org.attune.scheme.json.SchemeReaderTest.VALID
                .replace("\"key\": \"KeyU\"", "\"key\": \"KeyY\"")
                .replace("\"kind\": \"point\"", "\"kind\": \"event\""));
        Run r = run("scheme", "validate", bad.toString());
        assertEquals(1, r.code());
        assertEquals(2, r.err().lines().filter(l -> l.contains(": error: ")).count(), r.err());
        assertTrue(r.err().contains(bad + ":16:"), r.err());
        assertTrue(r.out().contains("INVALID — 2 errors"), r.out());
    }

    @Test
    void manualWritesMarkdownAndHtml(@TempDir Path dir) throws Exception {
        Run r = run("scheme", "manual", TestPaths.defaultScheme().toString(), "-o", dir.toString(), "--layout", "de");
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(dir.resolve("attachment-interaction-manual.html"));
        String md = Files.readString(dir.resolve("attachment-interaction-manual.md"));
        assertTrue(html.contains("German QWERTZ"));
        assertTrue(md.startsWith("# Coding manual: Attachment-informed parent–child interaction"), md.substring(0, 80));
    }

    @Test
    void manualRefusesAnInvalidScheme(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"formatVersion\": 1}");
        Run r = run("scheme", "manual", bad.toString(), "-o", dir.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("missing required field \"id\""), r.err());
        assertTrue(Files.notExists(dir.resolve("-manual.html")));
    }

    @Test
    void importBorisWritesAValidSchemeAndTheReport(@TempDir Path dir) throws Exception {
        Path project = dir.resolve("p.boris");
        try (InputStream in = CliTest.class.getResourceAsStream("/boris/parent-child.boris")) {
            Files.write(project, in.readAllBytes());
        }
        Path out = dir.resolve("imported.json");
        Run r = run("scheme", "import-boris", project.toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("BORIS subjects: child, parent"), r.out());
        assertTrue(SchemeReader.read(out).ok());
        Run again = run("scheme", "import-boris", project.toString(), "-o", out.toString());
        assertEquals(1, again.code(), "does not overwrite without --force");
        assertTrue(again.err().contains("--force"));
    }

    @Test
    void usageErrorsExitWithTwo() {
        Run r = run("scheme", "validate");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Missing required parameter"), r.err());
    }

    @Test
    void helpListsTheCommands() {
        Run r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("scheme"), r.out());
    }

    @Test
    void anUnexpectedFailureIsReportedWithoutClassNames() {
        Exception wrapped = new java.io.UncheckedIOException(new java.io.IOException("org.apache.commons.csv.CSVException: (startline 2) EOF reached"));
        assertEquals("(startline 2) EOF reached", AttuneCommand.forUser(wrapped));
        assertEquals("no such file or folder: /x/y.csv", AttuneCommand.forUser(new RuntimeException(new java.nio.file.NoSuchFileException("/x/y.csv"))));
        assertTrue(AttuneCommand.forUser(new NullPointerException()).startsWith("an unexpected internal error"));
    }

    @Test
    void helpTextsAreWholeAndWarningFree() {
        Run events = run("agreement", "events", "--help");
        assertEquals(0, events.code());
        assertTrue(events.out().replaceAll("\\s+", " ").contains("excluding unmatched, % linked"), events.out());
        assertFalse(events.err().contains("WARN") || events.out().contains("WARN"), events.err());
        Run agreement = run("agreement", "--help");
        String commands = agreement.out().substring(agreement.out().indexOf("Commands:") + "Commands:".length());
        java.util.List<String> entries = new java.util.ArrayList<>();
        for (String line : commands.lines().toList()) {
            if (line.matches("  \\S.*")) entries.add(line.strip());
            else if (!line.isBlank() && !entries.isEmpty()) entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + line.strip());
        }
        assertEquals(3, entries.size(), entries.toString());
        for (String entry : entries) {
            if (!entry.startsWith("help")) assertTrue(entry.endsWith("."), "the subcommand's summary is a whole sentence: " + entry);
        }
    }
}
