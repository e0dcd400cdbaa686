package org.attune.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.attune.coding.CodedEvent;
import org.attune.coding.EventDraft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real file-system failures, not simulations: a read-only location and a full disk. As root (CI)
 * they use small tmpfs mounts; elsewhere the read-only case uses file permissions.
 */
class FileSystemFailureTest {

    @TempDir
    Path dir;
    private final List<Path> mounts = new ArrayList<>();

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static int sh(String... cmd) throws IOException, InterruptedException {
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    private Path tmpfs(String name, String size) throws Exception {
        Path mount = Files.createDirectories(dir.resolve(name));
        assumeTrue(sh("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mount.toString()) == 0, "tmpfs can be mounted here");
        mounts.add(mount);
        return mount;
    }

    @AfterEach
    void unmount() throws Exception {
        for (Path m : mounts) sh("umount", "-l", m.toString());
    }

    @Test
    void aStudyInAReadOnlyPlaceOpensReadOnlyWithTheReason() throws Exception {
        Path place = isRoot() ? tmpfs("ro", "4m") : Files.createDirectories(dir.resolve("ro"));
        Path built = dir.resolve("built.attune");
        long passId;
        try (Study s = Study.create(built, StudyTest.SCHEME, "x")) {
            passId = StudyTest.seed(s)[2];
            s.events().add(passId, EventDraft.point("C_BID", 100));
        }
        Path file = place.resolve("study.attune");
        Files.copy(built, file, StandardCopyOption.COPY_ATTRIBUTES);
        if (isRoot()) {
            assertEquals(0, sh("mount", "-o", "remount,ro", place.toString()));
        } else {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
            Files.setPosixFilePermissions(place, PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        try (Study s = Study.open(file)) {
            assertTrue(s.isReadOnly());
            assertTrue(s.readOnlyReason().orElseThrow().contains("read-only"), s.readOnlyReason().orElseThrow());
            assertEquals(1, s.events().count(passId), "it can still be read");
            StudyException e = assertThrows(StudyException.class, () -> s.events().add(passId, EventDraft.point("C_BID", 200)));
            assertEquals(StudyException.Kind.READ_ONLY, e.kind());
            assertTrue(e.getMessage().contains("copy the study to a folder you can write to"), e.getMessage());
        }
        StudyException create = assertThrows(StudyException.class, () -> Study.create(place.resolve("new.attune"), StudyTest.SCHEME, "x"));
        assertTrue(create.getMessage().contains("choose a folder you can write to"), create.getMessage());
        if (!isRoot()) Files.setPosixFilePermissions(place, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void aReallyFullDiskKeepsEverySavedEvent() throws Exception {
        assumeTrue(isRoot(), "needs a small tmpfs (root)");
        Path small = tmpfs("small", "1m");
        Path file = small.resolve("full.attune");
        List<Long> acknowledged = new ArrayList<>();
        StudyException failure = null;
        long passId;
        try (Study s = Study.create(file, StudyTest.SCHEME, "x")) {
            passId = StudyTest.seed(s)[2];
            for (int i = 0; i < 100_000 && failure == null; i++) {
                try {
                    CodedEvent e = s.events().add(passId, EventDraft.point("C_BID", i * 10L).withComment("a comment to fill the disk " + "x".repeat(300)));
                    acknowledged.add(e.id());
                } catch (StudyException e) {
                    failure = e;
                }
            }
        }
        assertTrue(failure != null, "1 MB filled up");
        assertEquals(StudyException.Kind.DISK_FULL, failure.kind(), failure.getMessage());
        assertTrue(failure.getMessage().contains("everything saved before is safe"), failure.getMessage());
        assertTrue(failure.getMessage().startsWith("Cannot save the C_BID event"), failure.getMessage());
        assertFalse(acknowledged.isEmpty());
        // room again: move the study out of the full disk and check it
        Path rescued = dir.resolve("rescued.attune");
        Files.copy(file, rescued);
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Path side = small.resolve("full.attune" + suffix);
            if (Files.exists(side)) Files.copy(side, dir.resolve("rescued.attune" + suffix));
        }
        try (Study s = Study.open(rescued)) {
            assertEquals(acknowledged, s.events().list(passId).stream().map(CodedEvent::id).toList());
        }
    }
}
