package org.attune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attune pass send} on the sample study: the package it writes, and its refusals in words. */
class PassCliTest {

    @TempDir
    Path dir;

    @Test
    void sendsACodersPassesAndRefusesToWriteOverAFile() throws Exception {
        for (String f : List.of("sample-study.attune", "free-play-s01.mp4", "free-play-s02.mp4")) {
            Files.copy(Path.of("..", "sample-sessions", f), dir.resolve(f));
        }
        String study = dir.resolve("sample-study.attune").toString();
        Path pkg = dir.resolve("CM.attune");
        CliTest.Run sent = CliTest.run("pass", "send", study, "--coder", "CM", "-o", pkg.toString());
        assertEquals(0, sent.code(), sent.err());
        assertTrue(sent.out().contains("CM's passes of S01, S02 — ") && sent.out().contains("2 videos described (not copied)"), sent.out());

        CliTest.Run info = CliTest.run("study", "info", pkg.toString());
        assertEquals(0, info.code(), info.err());
        assertTrue(info.out().contains("coders    1 (CM)"), "a package is a study: every command takes it\n" + info.out());

        CliTest.Run again = CliTest.run("pass", "send", study, "--coder", "CM", "-o", pkg.toString());
        assertEquals(1, again.code());
        assertTrue(again.err().contains("CM.attune already exists: a package is never written over a file"), again.err());

        CliTest.Run nobody = CliTest.run("pass", "send", study, "--coder", "ZZ", "-o", dir.resolve("ZZ.attune").toString());
        assertEquals(1, nobody.code());
        assertTrue(nobody.err().startsWith("There is no coder ZZ in sample-study.attune; its coders are AL, BK, CM."), nobody.err());
        assertFalse(Files.exists(dir.resolve("ZZ.attune")));

        CliTest.Run received = CliTest.run("pass", "receive", study, pkg.toString());
        assertEquals(0, received.code(), received.err());
        assertTrue(received.out().contains("S01 · CM: 0 added, 0 changed, 0 deleted, "), "the package as sent: nothing to merge\n" + received.out());
        CliTest.Run both = CliTest.run("pass", "receive", study, pkg.toString(), "--theirs", "--ours");
        assertEquals(2, both.code());
    }

    @Test
    void aSealedPackageTravelsAndAWrongPassphraseOpensNothing() throws Exception {
        for (String f : List.of("sample-study.attune", "free-play-s01.mp4", "free-play-s02.mp4")) {
            Files.copy(Path.of("..", "sample-sessions", f), dir.resolve(f));
        }
        String study = dir.resolve("sample-study.attune").toString();
        Path pass = Files.writeString(dir.resolve("pass.txt"), "a long way home\n");
        Path wrong = Files.writeString(dir.resolve("wrong.txt"), "a long way round\n");
        Path sealed = dir.resolve("BK.sealed");
        CliTest.Run sent = CliTest.run("pass", "send", study, "--coder", "BK", "-o", sealed.toString(), "--seal", "--passphrase-file", pass.toString());
        assertEquals(0, sent.code(), sent.err());
        assertTrue(sent.out().endsWith("sealed with the passphrase" + System.lineSeparator()), sent.out());
        try (var in = Files.newInputStream(sealed)) {
            assertTrue(org.attune.exchange.SealedPackage.isSealed(in.readNBytes(8)));
        }
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().contains("unsealed")), "the plain package is not left beside the sealed one");
        }

        CliTest.Run refused = CliTest.run("pass", "receive", study, sealed.toString(), "--passphrase-file", wrong.toString());
        assertEquals(1, refused.code());
        assertTrue(refused.err().startsWith("The passphrase is wrong, or BK.sealed was changed after it was sealed"), refused.err());

        CliTest.Run received = CliTest.run("pass", "receive", study, sealed.toString(), "--passphrase-file", pass.toString());
        assertEquals(0, received.code(), received.err());
        assertTrue(received.out().contains("S02 · BK: 0 added, 0 changed, 0 deleted"), received.out());

        CliTest.Run asStudy = CliTest.run("study", "info", sealed.toString()); // a sealed package where a study is asked for
        assertEquals(1, asStudy.code());
        assertTrue(asStudy.err().startsWith("BK.sealed is a sealed coder package: open it in Attune (File ▸ Open study…, which asks its passphrase),"
                + " or unseal it first: attune pass unseal BK.sealed -o BK.attune"), asStudy.err());
        Path plain = dir.resolve("BK.attune");
        assertEquals(0, CliTest.run("pass", "unseal", sealed.toString(), "-o", plain.toString(), "--passphrase-file", pass.toString()).code());
        CliTest.Run info = CliTest.run("study", "info", plain.toString());
        assertTrue(info.out().contains("coders    1 (BK)"), info.out());
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().contains("unsealed")), "nothing left from opening it");
        }
    }

    @Test
    void onTheCodersComputerTheVideosAreRecognisedAndChecked() throws Exception {
        for (String f : List.of("sample-study.attune", "free-play-s01.mp4", "free-play-s02.mp4")) {
            Files.copy(Path.of("..", "sample-sessions", f), dir.resolve(f));
        }
        Path coder = Files.createDirectories(dir.resolve("coder"));
        Path pkg = coder.resolve("AL.attune");
        assertEquals(0, CliTest.run("pass", "send", dir.resolve("sample-study.attune").toString(), "--coder", "AL", "-o", pkg.toString()).code());
        CliTest.Run missing = CliTest.run("media", "verify", pkg.toString());
        assertEquals(1, missing.code());
        assertTrue(missing.out().contains("S01 camera 1 free-play-s01.mp4: not found"), missing.out());

        // the coder's copy of the videos, in a folder of their own; and a file of the same name that is another video
        Path videos = Files.createDirectories(coder.resolve("videos"));
        Files.copy(dir.resolve("free-play-s01.mp4"), videos.resolve("free-play-s01.mp4"));
        Files.copy(dir.resolve("free-play-s02.mp4"), videos.resolve("free-play-s02.mp4"));
        Path other = Files.createDirectories(coder.resolve("other"));
        Files.copy(dir.resolve("free-play-s02.mp4"), other.resolve("free-play-s01.mp4"));
        try (org.attune.store.Study s = org.attune.store.Study.open(pkg)) {
            org.attune.coding.MediaFile s01 = s.media(s.session("S01").orElseThrow().id()).get(0);
            org.attune.store.StudyException wrong = org.junit.jupiter.api.Assertions.assertThrows(org.attune.store.StudyException.class,
                    () -> org.attune.service.MediaRelinker.relink(s, s01.id(), other.resolve("free-play-s01.mp4")));
            assertTrue(wrong.getMessage().startsWith("free-play-s01.mp4 is not the video this session was coded on: it has "), wrong.getMessage());
            assertEquals(1, org.attune.service.MediaRelinker.relink(s, s01.id(), videos.resolve("free-play-s01.mp4")).alsoFound().size(),
                    "S02's video found beside it");
        }
        CliTest.Run same = CliTest.run("media", "verify", pkg.toString());
        assertEquals(0, same.code(), same.out() + same.err());
        assertTrue(same.out().contains("S02 camera 1 videos/free-play-s02.mp4: the same video"), same.out());

        byte[] bytes = Files.readAllBytes(videos.resolve("free-play-s02.mp4"));
        bytes[bytes.length / 2] ^= 1; // same size, one bit of the content changed
        Files.write(videos.resolve("free-play-s02.mp4"), bytes);
        CliTest.Run changed = CliTest.run("media", "verify", pkg.toString());
        assertEquals(1, changed.code());
        assertTrue(changed.out().contains("ANOTHER FILE: same size, different content (SHA-256)"), changed.out());
    }
}
