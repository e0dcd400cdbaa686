package org.attune.ui.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attune.coding.Coder;
import org.attune.coding.CodingPass;
import org.attune.coding.EventDraft;
import org.attune.coding.NewMedia;
import org.attune.coding.PassStatus;
import org.attune.coding.Session;
import org.attune.scheme.json.BundledSchemes;
import org.attune.store.Study;
import org.attune.ui.OpenStudy;
import org.attune.ui.RecordingDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study browser's actions without the toolkit: passes given, marked done, blind; videos' offsets and removal. */
class StudyBrowserViewModelTest {

    @TempDir
    Path dir;
    final OpenStudy open = new OpenStudy();
    final RecordingDialogs dialogs = new RecordingDialogs();
    final List<String> said = new ArrayList<>();
    StudyBrowserViewModel model;
    Session s1;
    Coder al;
    Path video;

    @BeforeEach
    void aStudy() throws Exception {
        Study s = open.create(dir.resolve("b.attune"), BundledSchemes.defaultScheme(), "b");
        video = Files.writeString(dir.resolve("s01.mp4"), "a video");
        s1 = s.addSession(new Session(0, "S01", "", "", null, "", "", Map.of()), List.of(new NewMedia(video, 1, 0, 25.0, 60_000L)));
        al = s.addCoder("Ana", "AL");
        model = new StudyBrowserViewModel(open, dialogs, said::add);
    }

    @AfterEach
    void close() {
        open.close();
    }

    private StudyOverview.Cell cell() throws Exception {
        StudyOverview ov = StudyOverview.read(open.get());
        return ov.rows().get(0).cell(ov.coders().get(0));
    }

    @Test
    void givingACoderASessionCreatesABlindPass() throws Exception {
        assertTrue(cell().pass().isEmpty());
        long revision = open.revisionProperty().get();
        StudyOverview.Cell given = model.passOf(cell()).orElseThrow();
        assertTrue(given.pass().get().blind(), "new passes are blind");
        assertEquals(PassStatus.NOT_STARTED, given.pass().get().status());
        assertTrue(open.revisionProperty().get() > revision, "the views are told");
    }

    @Test
    void aPassWithARunningStateIsMarkedDoneOnlyWithTheStateEnded() throws Exception {
        long pass = model.passOf(cell()).orElseThrow().pass().get().id();
        open.get().events().startState(pass, EventDraft.state("C_EXPLORE", 10_000, null));
        dialogs.answer = false;
        model.setStatus(cell(), PassStatus.DONE);
        assertEquals(PassStatus.IN_PROGRESS, open.get().passes().get(0).status());
        assertEquals("S01 · AL is not marked done: states still running.", said.get(said.size() - 1));
        assertTrue(dialogs.shown.get(0).contains("1 state (C_EXPLORE from 10.000 s) is still running"), dialogs.shown.get(0));
        dialogs.answer = true;
        model.setStatus(cell(), PassStatus.DONE);
        assertEquals(PassStatus.DONE, open.get().passes().get(0).status());
        assertEquals(60_000L, open.get().events().list(pass).get(0).offsetMs(), "ended where the video ends");
        model.setStatus(cell(), PassStatus.IN_PROGRESS);
        assertEquals(PassStatus.IN_PROGRESS, open.get().passes().get(0).status());
        assertEquals("S01 · AL is open for coding again.", said.get(said.size() - 1));
    }

    @Test
    void blindCodingIsSwitchedPerPass() throws Exception {
        model.passOf(cell());
        model.setBlind(cell(), false);
        assertFalse(open.get().passes().get(0).blind());
        model.setBlind(cell(), true);
        assertTrue(open.get().passes().get(0).blind());
    }

    @Test
    void anOffsetIsTypedInSecondsAndAWrongOneIsRefused() throws Exception {
        StudyOverview.Video v = StudyOverview.read(open.get()).rows().get(0).videos().get(0);
        model.setOffset(v, "soon");
        assertEquals(List.of("That is not an offset: \"soon\" is not a time in seconds; type e.g. 0, 1.250 or -0.5."), dialogs.shown);
        model.setOffset(v, "1,25");
        assertEquals(1250, open.get().media(s1.id()).get(0).offsetMs());
    }

    @Test
    void aVideoIsRemovedOnlyAfterAskingAndItsFileStays() throws Exception {
        StudyOverview.Video v = StudyOverview.read(open.get()).rows().get(0).videos().get(0);
        dialogs.answer = false;
        model.removeVideo(v);
        assertEquals(1, open.get().media(s1.id()).size());
        dialogs.answer = true;
        model.removeVideo(v);
        assertEquals(0, open.get().media(s1.id()).size());
        assertTrue(Files.isRegularFile(video), "the file itself is never touched");
    }

    @Test
    void aReadOnlyStudyGivesNoPasses() throws Exception {
        Path file = open.get().path();
        open.close();
        try (Study elsewhere = Study.open(file)) { // another window holds it: here it opens read-only
            open.open(file);
            assertFalse(model.isWritable());
            assertEquals(Optional.empty(), model.passOf(cell()));
        }
    }

    /**
     * Issue 21: a video the player cannot play with sound (an AVI) is attached as it is — it plays silently,
     * every frame exact — and a coding copy is offered; made in the background, it is remembered beside the
     * original: the study links the original, the player opens the copy. A copy already beside it is used,
     * not made again.
     */
    @Test
    void anAviIsAttachedAsItIsAndItsCodingCopyRememberedBesideIt() throws Exception {
        Path avi = org.attune.media.TestVideos.mjpegAvi(dir);
        StudyOverview.Row row = StudyOverview.read(open.get()).rows().get(0);
        dialogs.answer = false; // no copy for now
        model.attachVideo(row, avi);
        List<org.attune.coding.MediaFile> media = open.get().media(s1.id());
        assertEquals(2, media.size(), "attached as camera 2");
        org.attune.coding.MediaFile camera2 = media.get(1);
        assertEquals(25.0, camera2.fps(), 1e-9, "its rate from its frames' times");
        assertEquals(10_000L, camera2.durationMs());
        assertNull(camera2.codingCopy());
        assertFalse(Files.exists(dir.resolve("lab-camera-coding.mp4")), "declined: no copy");
        assertEquals(avi.toAbsolutePath().normalize(), open.get().playbackFile(camera2).toAbsolutePath().normalize(), "it plays as it is");

        dialogs.answer = true;
        model.makeCodingCopy(camera2, avi);
        Path copy = dir.resolve("lab-camera-coding.mp4");
        assertTrue(Files.isRegularFile(copy), dialogs.shown.toString());
        assertTrue(dialogs.shown.stream().anyMatch(d -> d.startsWith("(written) Make a coding copy: Made a coding copy of lab-camera.avi (250 frames, with its sound)")),
                dialogs.shown.toString());
        camera2 = open.get().media(s1.id()).get(1);
        assertEquals("lab-camera-coding.mp4", camera2.codingCopy(), "remembered, relative to the study");
        assertEquals(avi.toAbsolutePath().normalize(), open.get().resolveMedia(camera2).toAbsolutePath().normalize(), "the study links the original");
        assertEquals(copy.toAbsolutePath().normalize(), open.get().playbackFile(camera2).toAbsolutePath().normalize(), "the player opens the copy");
        assertTrue(said.get(said.size() - 1).startsWith("Camera 2 now plays lab-camera-coding.mp4"), said.toString());
        assertTrue(Files.exists(avi), "the original stays");

        open.get().setCodingCopy(camera2.id(), null);
        long written = Files.getLastModifiedTime(copy).toMillis();
        model.makeCodingCopy(open.get().media(s1.id()).get(1), avi); // the copy is there already: used, not made again
        assertTrue(dialogs.shown.stream().anyMatch(d -> d.startsWith("Use the coding copy beside it?")), dialogs.shown.toString());
        assertEquals("lab-camera-coding.mp4", open.get().media(s1.id()).get(1).codingCopy());
        assertEquals(written, Files.getLastModifiedTime(copy).toMillis());
        Files.delete(copy);
        assertEquals(avi.toAbsolutePath().normalize(), open.get().playbackFile(open.get().media(s1.id()).get(1)).toAbsolutePath().normalize(),
                "a copy gone from this computer: the original plays");
    }

    @Test
    void aSealedPackageOpensWithItsPassphraseIntoAPlainOneBesideItAndGoesBackSealed() throws Exception {
        Path lab = dir.resolve("lab.attune");
        Path sealed = dir.resolve("AL.sealed");
        try (Study s = Study.create(lab, BundledSchemes.defaultScheme(), "Lab")) {
            Session x = s.addSession(new Session(0, "S1", "", "", null, "", "", Map.of()));
            s.pass(x.id(), s.addCoder("Ana", "AL").id());
            org.attune.service.SealedPassPackages.send(s, "AL", java.util.Set.of(), sealed, "blue river stones".toCharArray());
        }
        Path plain = dir.resolve("AL.attune").toAbsolutePath();
        List<Path> opened = new ArrayList<>();
        List<String> busy = new ArrayList<>();
        java.util.function.Function<String, Runnable> notice = text -> {
            busy.add(text);
            return () -> busy.add("done");
        };

        dialogs.passphrases.add("red river stones");
        model.openSealed(sealed, notice, opened::add);
        assertTrue(dialogs.shown.stream().anyMatch(x -> x.startsWith("This package cannot be opened: The passphrase is wrong, or AL.sealed was changed")),
                dialogs.shown.toString());
        assertFalse(Files.exists(plain), "a wrong passphrase writes nothing");
        assertEquals(dir.resolve("b.attune"), open.path(), "the study open before stays open");
        assertTrue(opened.isEmpty());

        dialogs.passphrases.add("blue river stones");
        model.openSealed(sealed, notice, opened::add);
        assertEquals(List.of(plain), opened);
        assertEquals(plain, open.path().toAbsolutePath());
        assertEquals(List.of("Unsealing AL.sealed into AL.attune…", "done", "Unsealing AL.sealed into AL.attune…", "done"), busy);
        assertTrue(said.get(said.size() - 1).startsWith("Unsealed AL.sealed into AL.attune: code in it"), said.toString());
        CodingPass pass = open.get().passes().get(0);
        open.get().events().add(pass.id(), EventDraft.point("C_BID", 4_000));

        open.close();
        dialogs.answer = false; // opened again later: the plain package, after asking; no passphrase, never written over
        model.openSealed(sealed, notice, opened::add);
        assertTrue(dialogs.shown.get(dialogs.shown.size() - 1).startsWith("Open the package you unsealed before? AL.attune beside it was unsealed from AL.sealed"),
                dialogs.shown.toString());
        assertFalse(open.isOpen());
        dialogs.answer = true;
        model.openSealed(sealed, notice, opened::add);
        assertEquals(plain, open.path().toAbsolutePath());
        assertEquals(1, open.get().events().list(pass.id()).size(), "the coding done in it is there");

        Path back = dir.resolve("AL-back.sealed"); // the coder seals it again to send it back
        dialogs.texts.add("AL");
        dialogs.files.add(back);
        dialogs.passphrases.add("green hill road");
        new org.attune.ui.PassActions(open, dialogs, org.attune.ui.Tasks.immediate(), said::add).sendSealed();
        open.close();
        try (Study s = Study.open(lab)) {
            var received = org.attune.service.SealedPassPackages.receive(s, back, "green hill road".toCharArray(), org.attune.store.PassReceive.Decide.ASK);
            assertEquals(1, received.passes().get(0).added(), received.toString());
        }
    }
}
