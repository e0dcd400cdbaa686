package org.attune.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real crashes: another JVM writes events and is killed with SIGKILL at a random moment; every
 * event whose commit had returned must be in the study, and the study must pass integrity_check.
 */
class StudyCrashTest {

    static final int KILLS = Integer.getInteger("attune.crash.kills", 20);

    @TempDir
    Path dir;

    /** A child JVM running {@link CrashWriter}, its output collected as it comes. */
    static final class Child {
        final Process process;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final Thread pump;

        Child(Path study, long passId, String mode) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                    CrashWriter.class.getName(), study.toString(), Long.toString(passId), mode)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            pump = new Thread(() -> {
                try (InputStream in = process.getInputStream()) {
                    byte[] buf = new byte[8192];
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        synchronized (out) {
                            out.write(buf, 0, n);
                        }
                    }
                } catch (IOException ignored) {
                    // the child was killed
                }
            });
            pump.start();
        }

        /** Complete lines only: a line cut off by the kill was never fully acknowledged. */
        List<String> lines() {
            String text;
            synchronized (out) {
                text = out.toString(StandardCharsets.UTF_8);
            }
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            lines.remove(lines.size() - 1);
            return lines;
        }

        void awaitLines(int n, long timeoutMs) throws InterruptedException {
            long end = System.currentTimeMillis() + timeoutMs;
            while (lines().size() < n && System.currentTimeMillis() < end && process.isAlive()) Thread.sleep(5);
        }

        void kill() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL on Linux and macOS
            process.waitFor(10, TimeUnit.SECONDS);
            pump.join(5000);
        }
    }

    private long newStudy(Path file) throws StudyException {
        try (Study s = Study.create(file, StudyTest.SCHEME, "crash test")) {
            return StudyTest.seed(s)[2];
        }
    }

    @Test
    void everyAcknowledgedEventSurvivesSigkill() throws Exception {
        Path file = dir.resolve("crash.attune");
        long passId = newStudy(file);
        Random random = new Random(20261122);
        Set<Long> acknowledged = new HashSet<>();
        int totalAcknowledged = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Child child = new Child(file, passId, "write");
            child.awaitLines(1, 20_000);
            Thread.sleep(random.nextInt(300));
            child.kill();
            List<String> lines = child.lines();
            assertFalse(lines.isEmpty(), "the writer acknowledged events before the kill (run " + kill + ")");
            assertFalse(lines.get(0).startsWith("READONLY"), "the previous writer's lock was released by its death: " + lines.get(0));
            for (String line : lines) acknowledged.add(Long.parseLong(line.trim()));
            totalAcknowledged += lines.size();

            try (Study s = Study.open(file)) {
                assertFalse(s.isReadOnly());
                String integrity = s.file().read(c -> {
                    try (ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
                        rs.next();
                        return rs.getString(1);
                    }
                });
                assertEquals("ok", integrity, "after kill " + kill);
                Set<Long> stored = new HashSet<>();
                s.events().list(passId).forEach(e -> stored.add(e.id()));
                Set<Long> lost = new HashSet<>(acknowledged);
                lost.removeAll(stored);
                assertEquals(Set.of(), lost, "acknowledged events missing after kill " + kill);
                long adds = s.file().read(c -> {
                    try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM history WHERE action = 'add'")) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
                assertEquals(stored.size(), adds, "each stored event has its undo entry: no half-committed edit");
            }
        }
        assertEquals(totalAcknowledged, acknowledged.size());
        assertTrue(totalAcknowledged > KILLS, "writers got real work done: " + totalAcknowledged + " events");
    }

    /** A killed create never leaves a stub: each study file there is whole, and the name being created can be created again. */
    @Test
    void aKilledCreateLeavesAWholeStudyOrNone() throws Exception {
        Random random = new Random(20261128);
        for (int kill = 0; kill < 8; kill++) {
            Path folder = Files.createDirectories(dir.resolve("run" + kill));
            Child child = new Child(folder, 0, "create");
            child.awaitLines(1 + random.nextInt(3), 20_000);
            Thread.sleep(random.nextInt(40));
            child.kill();
            int acknowledged = child.lines().size();
            try (var files = Files.list(folder)) {
                for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".attune")).toList()) {
                    try (Study s = Study.openReadOnly(f)) {
                        assertEquals(StudyTest.SCHEME.id(), s.scheme().id(), f + " after kill " + kill);
                    }
                }
            }
            for (int i = 0; i < acknowledged; i++) assertTrue(Files.exists(folder.resolve(i + ".attune")), "acknowledged study " + i);
            Path next = folder.resolve(acknowledged + ".attune");
            if (Files.notExists(next)) {
                try (Study s = Study.create(next, StudyTest.SCHEME, "again")) {
                    assertEquals("again", s.name());
                }
                assertTrue(Files.notExists(StudyFile.buildingFileOf(next.toAbsolutePath())), "the killed create's hidden file is cleared");
            }
        }
    }

    @Test
    void anotherProcessHoldingTheStudyMakesItReadOnlyUntilItDies() throws Exception {
        Path file = dir.resolve("held.attune");
        long passId = newStudy(file);
        Child holder = new Child(file, passId, "hold");
        try {
            holder.awaitLines(1, 20_000);
            assertEquals(List.of("READY"), holder.lines());
            try (Study s = Study.open(file)) {
                assertTrue(s.isReadOnly());
                String reason = s.readOnlyReason().orElseThrow();
                assertTrue(reason.contains("open in another window or on another computer"), reason);
                assertTrue(reason.contains("(process " + holder.process.pid() + ")"), reason);
            }
        } finally {
            holder.kill();
        }
        try (Study s = Study.open(file)) {
            assertFalse(s.isReadOnly(), "a crashed holder leaves no stale lock");
        }
    }
}
