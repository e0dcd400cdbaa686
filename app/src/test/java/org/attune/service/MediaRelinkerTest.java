package org.attune.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.attune.coding.MediaFile;
import org.attune.coding.Session;
import org.attune.scheme.json.BundledSchemes;
import org.attune.store.Study;
import org.attune.store.StudyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One located video relinks the others found beside it; nothing is copied, paths stay relative to the study. */
class MediaRelinkerTest {

    @TempDir
    Path dir;

    @Test
    void oneAnswerRelinksEveryMissingVideoInThatFolder() throws Exception {
        Path a = Files.writeString(dir.resolve("s01-cam1.mp4"), "1");
        Path b = Files.writeString(dir.resolve("s01-cam2.mp4"), "2");
        Path c = Files.writeString(dir.resolve("s02.mp4"), "3");
        try (Study s = Study.create(dir.resolve("study.attune"), BundledSchemes.defaultScheme(), "x")) {
            Session s1 = s.addSession(new Session(0, "S01", "", "", null, "", "", Map.of()));
            Session s2 = s.addSession(new Session(0, "S02", "", "", null, "", "", Map.of()));
            MediaFile m1 = s.addMedia(s1.id(), a, 1, 0);
            s.addMedia(s1.id(), b, 2, 1250);
            s.addMedia(s2.id(), c, 1, 0);
            Path moved = Files.createDirectories(dir.resolve("videos"));
            for (Path p : List.of(a, b)) Files.move(p, moved.resolve(p.getFileName()));
            Files.delete(c); // this one is gone for good

            MediaRelinker.Result r = MediaRelinker.relink(s, m1.id(), moved.resolve("s01-cam1.mp4"));
            assertEquals("videos/s01-cam1.mp4", r.located().path());
            assertEquals(List.of("videos/s01-cam2.mp4"), r.alsoFound().stream().map(MediaFile::path).toList(), "found beside it; s02.mp4 is not there");
            assertEquals(1250, r.alsoFound().get(0).offsetMs(), "the camera keeps its offset");
            assertTrue(Files.isRegularFile(s.resolveMedia(s.media(s1.id()).get(1))));
            StudyException e = assertThrows(StudyException.class, () -> MediaRelinker.relink(s, m1.id(), dir.resolve("nowhere.mp4")));
            assertTrue(e.getMessage().contains("is not a file"), e.getMessage());
        }
    }

    @Test
    void aPackagesVideoRenamedOnTheCodersComputerIsFoundByItsSizeOnlyWhenNoOtherFileThereHasIt() throws Exception {
        Path a = Files.writeString(dir.resolve("S01_cam1.mp4"), "first session, camera one");
        Path b = Files.writeString(dir.resolve("S02_cam1.mp4"), "the second session's camera one");
        Path c = Files.writeString(dir.resolve("S03_cam1.mp4"), "third session, cam 1");
        Path lab = dir.resolve("lab.attune");
        Path pkg = dir.resolve("AL.attune");
        try (Study s = Study.create(lab, BundledSchemes.defaultScheme(), "x")) {
            long al = s.addCoder("Ana", "AL").id();
            for (Path video : List.of(a, b, c)) {
                Session x = s.addSession(new Session(0, video.getFileName().toString().substring(0, 3), "", "", null, "", "", Map.of()));
                s.addMedia(x.id(), video, 1, 0);
                s.pass(x.id(), al);
            }
            org.attune.store.PassPackage.send(s, "AL", java.util.Set.of(), pkg);
        }
        Path coder = Files.createDirectories(dir.resolve("coder"));
        Files.move(pkg, coder.resolve("AL.attune"));
        Path downloads = Files.createDirectories(dir.resolve("downloads"));
        Files.move(a, downloads.resolve("session 1.mp4"));
        Files.move(b, downloads.resolve("session 2 (1).mp4")); // renamed by a browser
        Files.move(c, downloads.resolve("session 3.mp4"));
        Files.writeString(downloads.resolve("notes.mp4"), "unrelated notes, 20."); // S03's size: which one is S03 cannot be told by size

        try (Study s = Study.open(coder.resolve("AL.attune"))) {
            MediaRelinker.Result r = MediaRelinker.relink(s, s.allMedia().get(0).id(), downloads.resolve("session 1.mp4"));
            assertEquals(List.of("../downloads/session 2 (1).mp4"), r.alsoFound().stream().map(MediaFile::path).toList(),
                    "S02 by its size; S03 left to ask (two files of its size)");
            StudyException e = assertThrows(StudyException.class, () -> MediaRelinker.relink(s, s.allMedia().get(2).id(), downloads.resolve("session 1.mp4")));
            assertTrue(e.getMessage().startsWith("session 1.mp4 is not the video this session was coded on: it has 25 bytes, the video has 20."), e.getMessage());
        }
    }
}
