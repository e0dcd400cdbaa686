package org.attune.ui.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.attune.coding.CodedEvent;
import org.attune.coding.Coder;
import org.attune.coding.EventDraft;
import org.attune.coding.NewMedia;
import org.attune.coding.Session;
import org.attune.scheme.json.BundledSchemes;
import org.attune.store.Study;
import org.attune.ui.OpenStudy;
import org.attune.ui.RecordingDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The coding workspace's study, without the toolkit: which passes it offers, what opening one reads, and studies changing under it. */
class CodingViewModelTest {

    @TempDir
    Path dir;
    final OpenStudy open = new OpenStudy();
    final RecordingDialogs dialogs = new RecordingDialogs();

    @AfterEach
    void close() {
        open.close();
    }

    private Path aStudy(String name) throws Exception {
        Path file = dir.resolve(name + ".attune");
        Path video = dir.resolve("s1.mp4");
        Files.writeString(video, "not read here");
        try (Study s = Study.create(file, BundledSchemes.defaultScheme(), name)) {
            Session session = s.addSession(new Session(0, "S1", "", "", null, "", "", Map.of()), List.of(new NewMedia(video, 1, 250, 25.0, 90_000L)));
            Coder al = s.addCoder("Ana", "AL");
            long pass = s.pass(session.id(), al.id()).id();
            s.events().add(pass, EventDraft.point("C_BID", 1_000));
            s.events().setRating(pass, "R_SENS", 4);
            s.addCoder("Ben", "BK");
        }
        return file;
    }

    @Test
    void itOffersTheStudysPassesAndReadsOneWithItsCameras() throws Exception {
        CodingViewModel model = new CodingViewModel(open, dialogs);
        List<String> changes = new ArrayList<>();
        model.onStudyChanged(() -> changes.add(model.hasStudy() ? model.studyName() : "(none)"));
        assertFalse(model.hasStudy());
        Path file = aStudy("one");
        model.open(file);
        assertEquals(List.of("one"), changes);
        assertTrue(model.isOpen(dir.resolve("./one.attune")), "the same file under another spelling");
        List<CodingWorkspace.PassChoice> passes = model.readPasses().orElseThrow();
        assertEquals(List.of("S1 · AL (in progress)"), passes.stream().map(Object::toString).toList(), "BK was not given S1: no pass");

        CodingViewModel.PassData data = model.passReader(passes.get(0)).call();
        assertTrue(model.isCurrent(data));
        assertEquals(1, data.cameras().size());
        assertEquals(dir.resolve("s1.mp4").toAbsolutePath().normalize(), data.cameras().get(0).file().toAbsolutePath().normalize());
        assertEquals(250, data.cameras().get(0).offsetMs());
        assertEquals(90_000, data.longestVideoMs());
        assertEquals(List.of(1_000L), data.events().stream().map(CodedEvent::onsetMs).toList());
        assertEquals(Map.of("R_SENS", 4), data.ratings());

        ObservableList<CodedEvent> shown = FXCollections.observableArrayList();
        PassEditor editor = model.editor(passes.get(0), data, shown, e -> { }, () -> { }, s -> { });
        editor.show(data.events());
        editor.code(model.scheme().code("P_INTRUDE").orElseThrow(), 2_000);
        assertEquals(2, shown.size(), "the editor commits to the open study");
        assertEquals(List.of(), dialogs.shown);
    }

    @Test
    void aPassReadForAStudyClosedMeanwhileIsNotCurrent() throws Exception {
        CodingViewModel model = new CodingViewModel(open, dialogs);
        model.onStudyChanged(() -> { });
        model.open(aStudy("first"));
        CodingViewModel.PassData read = model.passReader(model.readPasses().orElseThrow().get(0)).call();
        model.open(aStudy("second"));
        assertFalse(model.isCurrent(read), "the workspace drops it instead of showing another study's pass");
        assertTrue(model.lastPlaceKey(model.readPasses().orElseThrow().get(0)).startsWith("coding.lastPlace."));
    }

    @Test
    void aStudyThatCannotBeOpenedIsSaidAndNothingChanges() throws Exception {
        CodingViewModel model = new CodingViewModel(open, dialogs);
        Path notAStudy = dir.resolve("notes.attune");
        Files.writeString(notAStudy, "just text");
        model.open(notAStudy);
        assertFalse(model.hasStudy());
        assertEquals(1, dialogs.shown.size());
        assertTrue(dialogs.shown.get(0).startsWith("This study cannot be opened: "), dialogs.shown.toString());
    }

    @Test
    void aPackagesVideoIsCheckedBeforeCodingOnceUntilTheFileChanges() throws Exception {
        Path lab = aStudy("lab");
        Path pkg = dir.resolve("AL.attune");
        try (Study s = Study.open(lab)) {
            org.attune.store.PassPackage.send(s, "AL", java.util.Set.of(), pkg); // records s1.mp4's size and SHA-256
        }
        org.attune.ui.UserSettings settings = org.attune.ui.UserSettings.memory();
        CodingViewModel model = new CodingViewModel(open, dialogs, settings);
        model.onStudyChanged(() -> { });
        model.open(pkg);
        CodingWorkspace.PassChoice pass = model.readPasses().orElseThrow().get(0);

        assertTrue(model.videosChecked(model.passReader(pass).call()));
        assertEquals(1, settings.withPrefix(org.attune.service.VideoChecks.PREFIX).size(), "the right file is remembered");
        assertFalse(settings.withPrefix(org.attune.service.VideoChecks.PREFIX).values().iterator().next().contains("s1.mp4"), "by a hash of its path");

        Path video = dir.resolve("s1.mp4");
        var time = Files.getLastModifiedTime(video);
        Files.writeString(video, "not read her!"); // same size, other bytes
        Files.setLastModifiedTime(video, time);
        assertTrue(model.videosChecked(model.passReader(pass).call()), "same size and time: remembered, not read again");

        Files.setLastModifiedTime(video, java.nio.file.attribute.FileTime.fromMillis(time.toMillis() + 60_000));
        assertFalse(model.videosChecked(model.passReader(pass).call()), "changed since: read again, and refused");
        assertEquals(List.of("Not the videos this session was coded on: Relink the original files (not re-encoded or trimmed copies) in the Study tab,"
                + " then open the pass again. File ▸ Check the videos… checks every video of the study.\nS1 camera 1 (s1.mp4): another file (same size, different content)"),
                dialogs.shown);

        Files.writeString(video, "a longer file than it was");
        assertFalse(model.videosChecked(model.passReader(pass).call()));
        assertTrue(dialogs.shown.get(1).endsWith("S1 camera 1 (s1.mp4): another file (its size differs)"), dialogs.shown.toString());
    }
}
