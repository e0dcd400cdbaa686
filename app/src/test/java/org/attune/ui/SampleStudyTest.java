package org.attune.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.attune.store.Study;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleStudyTest {

    @TempDir
    Path dir;

    @Test
    void firstRunCopiesTheBundledSampleStudyWithItsVideosAndOpensIt() throws Exception {
        Path folder = dir.resolve("Attune").resolve("Sample study");
        Path study = SampleStudy.install(folder);
        for (String f : SampleStudy.FILES) assertTrue(Files.isRegularFile(folder.resolve(f)), f);
        assertEquals(Files.size(Path.of("..", "sample-sessions", "free-play-s01.mp4")), Files.size(folder.resolve("free-play-s01.mp4")));
        try (Study s = Study.open(study)) {
            assertFalse(s.isReadOnly(), "the copy is writable: coding writes to it");
            assertEquals(2, s.sessions().size());
            for (var m : s.allMedia()) assertTrue(Files.isRegularFile(s.resolveMedia(m)), "the videos resolve beside the copy: " + m.path());
        }
    }

    @Test
    void anExistingCopyIsReusedNotOverwritten() throws Exception {
        Path folder = dir.resolve("sample");
        Path study = SampleStudy.install(folder);
        try (Study s = Study.open(study)) {
            s.addCoder("New Coder", "NC");
        }
        SampleStudy.install(folder);
        try (Study s = Study.openReadOnly(study)) {
            assertTrue(s.coders().stream().anyMatch(c -> c.initials().equals("NC")), "the user's change survived");
        }
    }

    @Test
    void recentStudiesAreRememberedMostRecentFirstAcrossRuns() {
        Path file = dir.resolve("settings.properties");
        UserSettings a = UserSettings.at(file);
        a.rememberStudy(dir.resolve("one.attune"));
        a.rememberStudy(dir.resolve("two.attune"));
        a.rememberStudy(dir.resolve("one.attune"));
        assertEquals(java.util.List.of(dir.resolve("one.attune"), dir.resolve("two.attune")), UserSettings.at(file).recentStudies());
    }
}
