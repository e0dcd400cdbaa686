package org.attune.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.attune.coding.Coder;
import org.attune.coding.EventDraft;
import org.attune.coding.Session;
import org.attune.scheme.json.BundledSchemes;
import org.attune.store.Study;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File ▸ Send passes to a coder… and Receive coded passes… without the toolkit: the questions, the report, the conflict asked about. */
class PassActionsTest {

    @TempDir
    Path dir;
    final OpenStudy open = new OpenStudy();
    final RecordingDialogs dialogs = new RecordingDialogs();
    final List<String> said = new ArrayList<>();
    PassActions passes;
    long bkPass;

    @BeforeEach
    void aStudy() throws Exception {
        Study s = open.create(dir.resolve("lab.attune"), BundledSchemes.defaultScheme(), "Lab");
        Session s1 = s.addSession(new Session(0, "S1", "D1", "", null, "", "", Map.of()));
        Coder al = s.addCoder("Ana", "AL");
        Coder bk = s.addCoder("Ben", "BK");
        s.pass(s1.id(), al.id());
        bkPass = s.pass(s1.id(), bk.id()).id();
        passes = new PassActions(open, dialogs, Tasks.immediate(), said::add);
    }

    @AfterEach
    void close() {
        open.close();
    }

    private Path send(String coder) {
        Path pkg = dir.resolve(coder + ".attune");
        dialogs.texts.add(coder);
        dialogs.files.add(pkg);
        passes.send();
        return pkg;
    }

    private static void code(Path pkg, long onsetMs) throws Exception {
        try (Study p = Study.open(pkg)) {
            p.events().add(p.passes().get(0).id(), EventDraft.point("C_BID", onsetMs));
        }
    }

    @Test
    void aPackageGoesOutAndComesBackWithAReport() throws Exception {
        Path pkg = send("AL");
        assertTrue(Files.exists(pkg));
        assertTrue(dialogs.shown.stream().anyMatch(x -> x.startsWith("(i) Package written: Wrote AL.attune: AL's passes of S1 (0 events, 0 videos described")),
                dialogs.shown.toString());
        code(pkg, 1_000);
        dialogs.files.add(pkg);
        passes.receive();
        assertTrue(dialogs.shown.stream().anyMatch(x -> x.startsWith("(i) Passes received: S1 · AL: 1 added, 0 changed, 0 deleted, 0 unchanged")),
                dialogs.shown.toString());
        assertEquals(1, open.get().events().list(open.get().passes().stream().filter(p -> p.id() != bkPass).findFirst().orElseThrow().id()).size());
        assertEquals("Received AL.attune.", said.get(said.size() - 1));
    }

    @Test
    void aConflictIsShownAndLeftAloneUnlessTheLabTakesTheCodersVersion() throws Exception {
        Path pkg = send("BK");
        code(pkg, 2_000);
        open.get().events().add(bkPass, EventDraft.point("P_BID", 9_000)); // the lab edits BK's pass after sending it

        dialogs.files.add(pkg);
        dialogs.answer = false;
        passes.receive();
        assertTrue(dialogs.shown.stream().anyMatch(x -> x.startsWith("Some passes were edited here too") && x.contains("S1 · BK: P_BID at 00:00:09.000: here, not in the package")),
                dialogs.shown.toString());
        assertEquals(List.of("P_BID"), open.get().events().list(bkPass).stream().map(e -> e.code()).toList(), "left as it is here");

        dialogs.files.add(pkg);
        dialogs.answer = true;
        passes.receive();
        assertEquals(List.of("C_BID"), open.get().events().list(bkPass).stream().map(e -> e.code()).toList(), "the coder's version taken");
    }

    @Test
    void cancellingAsksNothingMoreAndWritesNothing() throws Exception {
        passes.send(); // no initials given: cancelled
        passes.receive(); // no file chosen
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith("package.attune")));
        }
        assertTrue(said.isEmpty());
    }

    @Test
    void theVideosAreCheckedAgainstWhatThePackageRecorded() throws Exception {
        passes.verifyVideos();
        assertTrue(dialogs.shown.stream().anyMatch(x -> x.startsWith("(i) Nothing to check")), dialogs.shown.toString());

        Path video = Files.write(dir.resolve("s1.mp4"), "the session's video, in bytes".getBytes());
        open.get().addMedia(open.get().sessions().get(0).id(), video, 1, 0);
        send("AL"); // records the video's size and SHA-256
        passes.verifyVideos();
        assertTrue(dialogs.shown.stream().anyMatch(x -> x.startsWith("(i) The videos are the ones coded on: S1 camera 1 (s1.mp4)")), dialogs.shown.toString());

        Files.write(video, "the session's video, in bytez".getBytes()); // same size, other content
        passes.verifyVideos();
        assertTrue(dialogs.shown.stream().anyMatch(x -> x.startsWith("Some videos are not the ones coded on")
                && x.endsWith("S1 camera 1 (s1.mp4): another file (same size, different content)")), dialogs.shown.toString());
    }

    @Test
    void aSealedPackageGoesOutAndComesBackWithItsPassphrase() throws Exception {
        Path sealed = dir.resolve("AL-package.sealed");
        dialogs.texts.add("AL");
        dialogs.files.add(sealed);
        dialogs.passphrases.add("blue river stones");
        passes.sendSealed();
        assertTrue(org.attune.service.SealedPassPackages.isSealed(sealed), dialogs.shown.toString());
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().contains("unsealed")), "no plain copy left beside it");
        }

        dialogs.files.add(sealed);
        dialogs.passphrases.add("red river stones");
        passes.receive();
        assertTrue(dialogs.shown.stream().anyMatch(x -> x.startsWith("Nothing was received: The passphrase is wrong, or AL-package.sealed was changed")),
                dialogs.shown.toString());

        dialogs.files.add(sealed);
        dialogs.passphrases.add("blue river stones");
        passes.receive();
        assertTrue(dialogs.shown.stream().anyMatch(x -> x.startsWith("(i) Passes received: S1 · AL: 0 added")), dialogs.shown.toString());
    }

    @Test
    void aPassReceivedBackDoneIsToldOnceAsATrainingPassIsWhenMarkedDone() throws Exception {
        List<org.attune.coding.CodingPass> done = new ArrayList<>();
        passes.setOnPassDone(done::add);
        Path pkg = send("AL");
        code(pkg, 1_000);
        try (Study p = Study.open(pkg)) {
            p.setPassStatus(p.passes().get(0).id(), org.attune.coding.PassStatus.DONE);
        }
        dialogs.files.add(pkg);
        passes.receive();
        assertEquals(1, done.size());
        assertTrue(done.get(0).id() != bkPass && done.get(0).status() == org.attune.coding.PassStatus.DONE);
        dialogs.files.add(pkg);
        passes.receive();
        assertEquals(1, done.size(), "received again: nothing new, nothing told");
    }
}
