package org.attune.ui.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attune.coding.Coder;
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

    /** Issue 21: attaching a video the player cannot show offers a coding copy beside it, made in the background, and attaches the copy. */
    @Test
    void anAviIsAttachedAsACodingCopyMadeBesideIt() throws Exception {
        Path avi = org.attune.media.TestVideos.mjpegAvi(dir);
        StudyOverview.Row row = StudyOverview.read(open.get()).rows().get(0);
        dialogs.answer = false;
        model.attachVideo(row, avi);
        assertTrue(dialogs.shown.get(dialogs.shown.size() - 1).startsWith("The video was not attached: lab-camera.avi is not a video the player shows as it is"),
                dialogs.shown.toString());
        assertFalse(Files.exists(dir.resolve("lab-camera-coding.mp4")), "declined: no copy");
        assertEquals(1, open.get().media(s1.id()).size());

        dialogs.answer = true;
        model.attachVideo(row, avi);
        Path copy = dir.resolve("lab-camera-coding.mp4");
        assertTrue(Files.isRegularFile(copy), dialogs.shown.toString());
        List<org.attune.coding.MediaFile> media = open.get().media(s1.id());
        assertEquals(2, media.size(), "the copy is camera 2");
        assertEquals(copy.toAbsolutePath().normalize(), open.get().resolveMedia(media.get(1)).toAbsolutePath().normalize());
        assertEquals(25.0, media.get(1).fps(), 1e-9);
        assertTrue(dialogs.shown.stream().anyMatch(d -> d.startsWith("(written) Make a coding copy: Made a coding copy of lab-camera.avi (250 frames)")),
                dialogs.shown.toString());
        assertTrue(said.get(said.size() - 1).startsWith("Attached lab-camera-coding.mp4 to S01 as camera 2"), said.toString());
        assertTrue(Files.exists(avi), "the original stays");
        model.attachVideo(row, avi); // again: the copy is there already
        assertTrue(dialogs.shown.get(dialogs.shown.size() - 1).endsWith("lab-camera-coding.mp4 is already beside it: attach that coding copy instead."),
                dialogs.shown.toString());
        assertEquals(2, open.get().media(s1.id()).size());
    }
}
