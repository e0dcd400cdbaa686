package org.attune.ui.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attune.coding.NewMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionFormTest {

    @TempDir
    Path dir;

    private static final SessionForm.VideoProbe FAKE = (file, position, offset) -> new NewMedia(file, position, offset, 25.0, 60_000L);

    @Test
    void everyProblemNamesItsFieldAndWhatToDo() throws Exception {
        Path video = Files.writeString(dir.resolve("a.mp4"), "x");
        SessionForm f = new SessionForm();
        f.label = " S01 ";
        f.date = "14/03/2026";
        f.childAgeMonths = "-3";
        f.otherFields = "wave = 2\nsite Leiden\nwave = 3";
        f.videos.add(new SessionForm.VideoRow(video, "1.2.3"));
        f.videos.add(new SessionForm.VideoRow(dir.resolve("gone.mp4"), "0"));
        f.videos.add(new SessionForm.VideoRow(video, "0"));
        SessionForm.Result r = f.check(Set.of("S01"), FAKE);
        assertEquals(List.of(
                "Label: there is already a session labelled \"S01\"; choose another label.",
                "Date: \"14/03/2026\" is not a date; write it as YYYY-MM-DD (e.g. 2026-03-14) or leave it empty.",
                "Child age: -3 months is not an age; give months from 0 (e.g. 14.5) or leave it empty.",
                "Other fields, line 2: \"site Leiden\" is not key = value (e.g. wave = 2).",
                "Other fields, line 3: wave is given twice; keep one.",
                "Video 1 (a.mp4), offset: \"1.2.3\" is not a time in seconds (e.g. 0, 1.250 or -0.5).",
                "Video 2 (gone.mp4): the file " + dir.resolve("gone.mp4") + " does not exist (any more); choose it again.",
                "Video 3 (a.mp4): the same file is attached twice; remove one."), r.problems());
        assertEquals(null, r.session(), "nothing to add from a form with problems");
    }

    @Test
    void aGoodFormBecomesASessionAndItsVideosAtCameraPositionsInOrder() throws Exception {
        Path a = Files.writeString(dir.resolve("a.mp4"), "x");
        Path b = Files.writeString(dir.resolve("b.mp4"), "x");
        SessionForm f = new SessionForm();
        f.label = "S07";
        f.childAgeMonths = "14,5";
        f.otherFields = "\n wave = 2 \n";
        f.videos.add(new SessionForm.VideoRow(a, ""));
        f.videos.add(new SessionForm.VideoRow(b, "-0,5"));
        SessionForm.Result r = f.check(Set.of("S01"), FAKE);
        assertTrue(r.ok(), r.problems().toString());
        assertEquals("S07", r.session().label());
        assertEquals(14.5, r.session().childAgeMonths());
        assertEquals(Map.of("wave", "2"), r.session().metadata());
        assertEquals(List.of(1, 2), r.media().stream().map(NewMedia::position).toList());
        assertEquals(List.of(0L, -500L), r.media().stream().map(NewMedia::offsetMs).toList());
    }

    /** Issue 21: a camera file the player cannot play (an MJPEG AVI) is read through FFmpeg: its rate and length from its frames. */
    @Test
    void anAviIsAttachedWithItsRateAndLengthFromItsFrames() throws Exception {
        Path avi = org.attune.media.TestVideos.mjpegAvi(dir);
        NewMedia m = SessionForm.probe(avi, 2, 500);
        assertEquals(25.0, m.fps(), 1e-9);
        assertEquals(10_000L, m.durationMs());
        assertEquals(2, m.position());
        assertEquals(500, m.offsetMs());
        assertFalse(SessionForm.playsAsIs(avi));
    }

    @Test
    void aFileThatIsNotAVideoIsRefusedWithWhy() throws Exception {
        Path notVideo = Files.writeString(dir.resolve("notes.mp4"), "not a video");
        SessionForm f = new SessionForm();
        f.label = "S08";
        f.videos.add(new SessionForm.VideoRow(notVideo, "0"));
        SessionForm.Result r = f.check(Set.of(), SessionForm::probe);
        assertEquals(1, r.problems().size());
        assertEquals("Video 1 (notes.mp4): notes.mp4 cannot be read as a video. Attune reads MP4, MOV, AVI, MTS, MKV and most other camera formats; "
                + "this file may be damaged or not a video.", r.problems().get(0));
    }
}
