package org.attune.ui.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.attune.coding.CodingPass;
import org.attune.coding.MediaFile;
import org.attune.coding.PassStatus;
import org.attune.store.Study;
import org.attune.ui.OpenStudy;
import org.attune.ui.RecordingDialogs;
import org.attune.ui.Styles;
import org.attune.ui.UserSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The study browser on a copy of the sample study, headless; the forms are answered by a script. */
@ExtendWith(ApplicationExtension.class)
class StudyBrowserTest {

    @TempDir
    Path dir;

    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final ScriptedForms forms = new ScriptedForms();
    private final OpenStudy open = new OpenStudy();
    private final List<StudyOverview.Cell> opened = new ArrayList<>();
    private StudyBrowser browser;

    /** Answers the browser's questions from queues the test fills. */
    static final class ScriptedForms implements StudyForms {
        final Deque<SessionForm> sessions = new ArrayDeque<>();
        final Deque<NewCoder> coders = new ArrayDeque<>();
        final Deque<Path> relinks = new ArrayDeque<>();
        final Deque<NewStudy> newStudies = new ArrayDeque<>();
        final List<String> relinkAsked = new ArrayList<>();

        @Override
        public Optional<Path> studyToOpen(Window owner) {
            return Optional.empty();
        }

        @Override
        public Optional<NewStudy> newStudy(Window owner) {
            return Optional.ofNullable(newStudies.poll());
        }

        @Override
        public Optional<SessionForm.Result> newSession(Window owner, Set<String> existingLabels) {
            SessionForm f = sessions.poll();
            return f == null ? Optional.empty() : Optional.of(f.check(existingLabels, SessionForm::probe)).filter(SessionForm.Result::ok);
        }

        final Deque<org.attune.coding.Session> edits = new ArrayDeque<>();

        @Override
        public Optional<org.attune.coding.Session> editSession(Window owner, org.attune.coding.Session session, Set<String> otherLabels) {
            return Optional.ofNullable(edits.poll());
        }

        @Override
        public Optional<NewCoder> newCoder(Window owner, Set<String> existingInitials) {
            return Optional.ofNullable(coders.poll());
        }

        @Override
        public Optional<Path> videoToAttach(Window owner) {
            return Optional.empty();
        }

        @Override
        public Optional<String> offset(Window owner, String videoName, String currentSeconds) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> relink(Window owner, String storedPath, Path expected) {
            relinkAsked.add(storedPath);
            return Optional.ofNullable(relinks.poll());
        }
    }

    /** While true, the browser's background work (reading the study) waits in {@link #heldWork} as it would behind a slow disk. */
    boolean holdWork;
    final List<Runnable> heldWork = new ArrayList<>();
    final org.attune.ui.Tasks tasks = new org.attune.ui.Tasks() {
        @Override
        public <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> onDone, java.util.function.Consumer<Throwable> onFailed) {
            Runnable r = () -> org.attune.ui.Tasks.immediate().run(work, onDone, onFailed);
            if (holdWork) heldWork.add(r);
            else r.run();
        }

        @Override
        public void later(Runnable r) {
            r.run();
        }
    };

    @Start
    void start(Stage stage) {
        browser = new StudyBrowser(open, UserSettings.at(dir.resolve("settings.properties")), dialogs, forms, tasks);
        browser.setOnOpenPass(opened::add);
        Scene scene = new Scene(browser, 1280, 800);
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(open::close);
    }

    private Path copySample(Path into) throws Exception {
        Files.createDirectories(into);
        Path samples = Path.of("..", "sample-sessions");
        for (String f : List.of("sample-study.attune", "free-play-s01.mp4", "free-play-s02.mp4")) Files.copy(samples.resolve(f), into.resolve(f));
        return into.resolve("sample-study.attune");
    }

    /**
     * The grid as it will be drawn: a table updates its cells in the next layout pass, which may come
     * after the FX events a test waits for; this runs that pass now, on the FX thread.
     */
    private void layOut(FxRobot robot) {
        robot.interact(() -> {
            browser.applyCss();
            browser.layout();
        });
    }

    private List<String> cellTexts(FxRobot robot, String session) {
        List<String> out = new ArrayList<>();
        StudyOverview.Row row = browser.overview().rows().stream().filter(r -> r.session().label().equals(session)).findFirst().orElseThrow();
        for (var coder : browser.overview().coders()) {
            StudyOverview.Cell c = row.cell(coder);
            out.add(coder.initials() + "=" + c.pass().map(p -> p.status().name() + ":" + c.events()).orElse("none"));
        }
        return out;
    }

    @Test
    void showsEachPassWithStatusAndEventCount(FxRobot robot) throws Exception {
        Path file = copySample(dir.resolve("s"));
        robot.interact(() -> browser.openStudy(file));
        assertEquals("Sample sessions (synthetic free play)", robot.lookup("#studyTitle").queryLabeled().getText());
        assertTrue(robot.lookup("#studySummary").queryLabeled().getText().contains("2 sessions, 3 coders, 5 of 6 passes done"));
        try (Study s = Study.openReadOnly(file)) {
            for (CodingPass p : s.passes()) {
                String session = s.sessions().stream().filter(x -> x.id() == p.sessionId()).findFirst().orElseThrow().label();
                String coder = s.coders().stream().filter(x -> x.id() == p.coderId()).findFirst().orElseThrow().initials();
                assertTrue(cellTexts(robot, session).contains(coder + "=" + p.status().name() + ":" + s.events().count(p.id())));
            }
        }
        assertTrue(cellTexts(robot, "S02").contains("CM=IN_PROGRESS:24"), cellTexts(robot, "S02").toString());
        assertEquals(List.of(file.toAbsolutePath().normalize()), UserSettings.at(dir.resolve("settings.properties")).recentStudies());
        // the grid's cells say the same: S02's row under CM
        TableColumn<StudyOverview.Row, ?> cm = browser.grid().getColumns().get(5).getColumns().get(2);
        assertEquals("CM", cm.getText());
        assertEquals("● coding   24", robot.lookup(".pass-progress").queryLabeled().getText());
        assertEquals(5, robot.lookup(".pass-done").queryAll().size());
        assertEquals(List.of(), dialogs.shown);
    }

    /** Issue 14 bug 7: at 1280×800 the grid and a selected pass's details are readable whole. */
    @Test
    void nothingIsDrawnCutOffWithAPassSelected(FxRobot robot) throws Exception {
        Path file = copySample(dir.resolve("s"));
        robot.interact(() -> browser.openStudy(file));
        StudyOverview.Row s02 = browser.overview().rows().get(1);
        long cm = browser.overview().coders().stream().filter(c -> c.initials().equals("CM")).findFirst().orElseThrow().id();
        robot.interact(() -> browser.select(s02.session().id(), cm));
        assertEquals(List.of(), WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            browser.applyCss();
            browser.layout();
            return org.attune.ui.Truncated.in(browser);
        }));
    }

    /** Issue 14 bug 8: the scheme is changed from the Study tab, and the study opens again under the new version. */
    @Test
    void theSchemeIsChangedFromTheStudyTab(FxRobot robot) throws Exception {
        Path file = copySample(dir.resolve("s"));
        robot.interact(() -> browser.openStudy(file));
        Path v11 = dir.resolve("scheme-1.1.json");
        Files.writeString(v11, Files.readString(org.attune.TestPaths.defaultScheme()).replace("\"version\": \"1.1.0\"", "\"version\": \"1.2.0\""));
        dialogs.files.add(v11);
        robot.clickOn("#changeScheme");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#studySummary").queryLabeled().getText().startsWith("Attachment-informed parent–child interaction 1.2.0"),
                robot.lookup("#studySummary").queryLabeled().getText());
        assertEquals("1.2.0", open.get().scheme().version());
        assertTrue(dialogs.shown.stream().anyMatch(x -> x.startsWith("Move Sample sessions (synthetic free play) to ")), dialogs.shown.toString());
    }

    /** Issue 14 bug 7: a study open in another window is information, said in one sentence, and the summary line stays short. */
    @Test
    void aStudyOpenElsewhereOpensReadOnlyWithANoticeNotAnError(FxRobot robot) throws Exception {
        Path file = copySample(dir.resolve("s"));
        try (Study elsewhere = Study.open(file)) {
            robot.interact(() -> browser.openStudy(file));
            assertEquals(1, dialogs.shown.size(), dialogs.shown.toString());
            String notice = dialogs.shown.get(0);
            assertTrue(notice.startsWith("(i) Read-only here: You can look at Sample sessions (synthetic free play) but not code in it or change anything: "
                    + "it is open in another window or on another computer ("), notice);
            assertTrue(notice.endsWith("); close it there to edit here."), notice);
            String summary = robot.lookup("#studySummary").queryLabeled().getText();
            assertTrue(summary.endsWith("5 of 6 passes done   ·   read-only here"), summary);
            assertEquals(notice.substring("(i) Read-only here: ".length()), robot.lookup("#studySummary").queryLabeled().getTooltip().getText());
        }
    }

    /** In the app the study is opened and read in the background (ADR 6): the grid appears when the reading is done. */
    @Test
    void opensAndReadsTheStudyInTheBackground(FxRobot robot) throws Exception {
        Path file = copySample(dir.resolve("s"));
        java.util.concurrent.ExecutorService reads = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            StudyBrowser[] background = new StudyBrowser[1];
            OpenStudy other = new OpenStudy();
            java.util.concurrent.CountDownLatch shown = new java.util.concurrent.CountDownLatch(1);
            robot.interact(() -> {
                background[0] = new StudyBrowser(other, UserSettings.at(dir.resolve("bg.properties")), dialogs, forms,
                        org.attune.ui.Tasks.background(reads));
                background[0].setAfterRefresh(() -> {
                    if (other.isOpen()) shown.countDown();
                });
                background[0].openStudy(file);
                assertFalse(other.isOpen(), "openStudy returned before the study was opened: the FX thread did not wait");
            });
            assertTrue(shown.await(30, java.util.concurrent.TimeUnit.SECONDS));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(2, background[0].overview().rows().size());
            assertEquals(List.of(), dialogs.shown);
            robot.interact(other::close);
        } finally {
            reads.shutdownNow();
        }
    }

    @Test
    void addsACoderGivesThemASessionAndMarksItDone(FxRobot robot) throws Exception {
        Path file = copySample(dir.resolve("s"));
        robot.interact(() -> browser.openStudy(file));
        forms.coders.add(new StudyForms.NewCoder("Dana Okafor", "DO"));
        robot.clickOn("#addCoder");
        assertEquals(List.of("AL=DONE:41", "BK=DONE:39", "CM=DONE:37", "DO=none"), cellTexts(robot, "S01"));
        long s01 = browser.overview().rows().get(0).session().id();
        long dana = browser.overview().coders().get(3).id();
        robot.interact(() -> browser.select(s01, dana));
        assertEquals("Give DO this session", robot.lookup("#codePass").queryButton().getText());
        robot.interact(browser::openSelectedPass);
        assertEquals(1, opened.size());
        assertEquals("DO", opened.get(0).coder().initials());
        assertTrue(opened.get(0).pass().isPresent(), "the pass was created before it was opened");
        assertEquals(List.of("AL=DONE:41", "BK=DONE:39", "CM=DONE:37", "DO=NOT_STARTED:0"), cellTexts(robot, "S01"));
        assertTrue(opened.get(0).pass().get().blind(), "new passes are blind");

        robot.interact(() -> browser.select(s01, dana));
        robot.clickOn("#markDone");
        assertTrue(cellTexts(robot, "S01").contains("DO=DONE:0"));
        assertTrue(robot.lookup("#markDone").queryButton().isDisabled());
        robot.clickOn("#reopen");
        assertTrue(cellTexts(robot, "S01").contains("DO=IN_PROGRESS:0"));
        robot.clickOn("#blind");
        try (Study s = Study.openReadOnly(file)) {
            CodingPass p = s.pass(s01, dana);
            assertEquals(PassStatus.IN_PROGRESS, p.status());
            assertFalse(p.blind(), "the Blind box was unticked");
            assertTrue(p.startedAt() != null && p.finishedAt() == null);
        }
        assertEquals(List.of(), dialogs.shown);
    }

    @Test
    void markingAPassDoneWithStatesStillRunningAsksToEndThemAtTheSessionEnd(FxRobot robot) throws Exception {
        Path file = copySample(dir.resolve("s"));
        robot.interact(() -> browser.openStudy(file));
        StudyOverview.Row s02 = browser.overview().rows().get(1);
        long cm = browser.overview().coders().get(2).id();
        CodingPass pass = s02.cell(browser.overview().coders().get(2)).pass().orElseThrow();
        robot.interact(() -> {
            try {
                open.get().events().startState(pass.id(), org.attune.coding.EventDraft.state("C_EXPLORE", 59_000, null));
            } catch (org.attune.store.StudyException e) {
                throw new AssertionError(e);
            }
            open.changed();
            browser.select(s02.session().id(), cm);
        });
        dialogs.answer = false;
        robot.clickOn("#markDone");
        assertEquals(1, dialogs.shown.size());
        assertTrue(dialogs.shown.get(0).startsWith("States still running? CM's pass of S02: 1 state (C_EXPLORE from 59.000 s) is still running."),
                dialogs.shown.get(0));
        assertTrue(dialogs.shown.get(0).contains("at the end of the session (00:01:00.000)"), dialogs.shown.get(0));
        assertTrue(cellTexts(robot, "S02").contains("CM=IN_PROGRESS:25"), "cancelled: nothing changed");

        dialogs.answer = true;
        robot.clickOn("#markDone");
        assertTrue(cellTexts(robot, "S02").contains("CM=DONE:25"), cellTexts(robot, "S02").toString());
        assertEquals("S02 · CM is marked done. 1 running state was ended at the end of the session (undo in the Coding tab).",
                robot.lookup("#browserStatus").queryLabeled().getText());
        try (Study s = Study.openReadOnly(file)) {
            assertEquals(List.of(), s.events().running(pass.id()));
            assertEquals(60_000L, s.events().list(pass.id()).stream().filter(e -> e.onsetMs() == 59_000).findFirst().orElseThrow().offsetMs());
        }
    }

    @Test
    void addsASessionWithItsVideoInOneStepAndRefusesABadForm(FxRobot robot) throws Exception {
        Path file = copySample(dir.resolve("s"));
        robot.interact(() -> browser.openStudy(file));
        SessionForm bad = new SessionForm();
        bad.label = "S01";
        bad.childAgeMonths = "fourteen";
        forms.sessions.add(bad);
        robot.clickOn("#addSession");
        assertEquals(2, browser.overview().rows().size(), "a form with problems adds nothing");

        Path video = dir.resolve("s").resolve("free-play-s01.mp4");
        SessionForm form = new SessionForm();
        form.label = "S03";
        form.dyad = "D03";
        form.date = "2026-04-02";
        form.childAgeMonths = "18,5";
        form.context = "reunion";
        form.otherFields = "wave = 2\nsite = Leiden";
        form.videos.add(new SessionForm.VideoRow(video, "1.250"));
        forms.sessions.add(form);
        robot.clickOn("#addSession");
        assertEquals(3, browser.overview().rows().size());
        StudyOverview.Row s03 = browser.overview().rows().get(2);
        assertEquals("S03", s03.session().label());
        assertEquals(18.5, s03.session().childAgeMonths());
        assertEquals("Leiden", s03.session().metadata().get("site"));
        assertEquals(1, s03.videos().size());
        MediaFile m = s03.videos().get(0).file();
        assertEquals("free-play-s01.mp4", m.path(), "stored relative to the study, not copied");
        assertEquals(1250, m.offsetMs());
        assertEquals(25.0, m.fps());
        assertEquals(60_000L, m.durationMs());
        assertTrue(robot.lookup("#browserStatus").queryLabeled().getText().startsWith("Added session S03 with 1 video"));
    }

    @Test
    void relinksMovedVideosTogetherWhenTheyAreInOneFolder(FxRobot robot) throws Exception {
        Path file = copySample(dir.resolve("s"));
        Path moved = Files.createDirectories(dir.resolve("s").resolve("videos"));
        Files.move(dir.resolve("s").resolve("free-play-s01.mp4"), moved.resolve("free-play-s01.mp4"));
        Files.move(dir.resolve("s").resolve("free-play-s02.mp4"), moved.resolve("free-play-s02.mp4"));
        robot.interact(() -> browser.openStudy(file));
        assertEquals(2, browser.overview().missingVideos().size());
        assertTrue(robot.lookup("#relink").queryButton().isVisible());
        robot.interact(open::close);
        assertFalse(robot.lookup("#relink").queryButton().isVisible(), "no study open: nothing to relink");
        robot.interact(() -> browser.openStudy(file));
        assertEquals("Relink 2 missing videos…", robot.lookup("#relink").queryButton().getText());

        forms.relinks.add(moved.resolve("free-play-s01.mp4"));
        holdWork = true; // the study is read again in the background after the first answer: not before the second question
        robot.clickOn("#relink");
        assertEquals(List.of("free-play-s01.mp4"), forms.relinkAsked, "asked once: the second video was found beside the first");
        holdWork = false;
        robot.interact(() -> heldWork.forEach(Runnable::run));
        assertEquals(List.of(), browser.overview().missingVideos());
        assertFalse(robot.lookup("#relink").queryButton().isVisible());
        try (Study s = Study.openReadOnly(file)) {
            assertEquals(List.of("videos/free-play-s01.mp4", "videos/free-play-s02.mp4"),
                    s.allMedia().stream().map(MediaFile::path).toList(), "still relative to the study");
        }
        assertTrue(robot.lookup("#browserStatus").queryLabeled().getText().contains("and 1 other video in the same folder"));
    }

    @Test
    void opensAPassWhoseVideoIsMissingThroughTheRelinkQuestion(FxRobot robot) throws Exception {
        Path file = copySample(dir.resolve("s"));
        Files.delete(dir.resolve("s").resolve("free-play-s02.mp4"));
        robot.interact(() -> browser.openStudy(file));
        long s02 = browser.overview().rows().get(1).session().id();
        long cm = browser.overview().coders().get(2).id();
        robot.interact(() -> browser.select(s02, cm));
        robot.interact(browser::openSelectedPass); // the user cancels the relink question
        assertEquals(List.of("free-play-s02.mp4"), forms.relinkAsked);
        assertEquals(1, opened.size(), "the pass still opens (events can be edited without video)");
        assertEquals(List.of(), dialogs.shown, "no error dialog, no exception");
    }

    @Test
    void aBlindPassOpenForCodingHidesTheOtherCodersCountsOfItsSession(FxRobot robot) throws Exception {
        Path file = copySample(dir.resolve("s"));
        robot.interact(() -> browser.openStudy(file));
        CodingPass cmS02 = browser.overview().rows().get(1).cell(browser.overview().coders().get(2)).pass().orElseThrow();
        assertTrue(cmS02.blind());
        robot.interact(() -> open.activePassProperty().set(cmS02));
        layOut(robot);
        assertEquals(2, robot.lookup(".pass-hidden").queryAll().size(), "AL's and BK's cells of S02");
        assertEquals(3, robot.lookup(".pass-done").queryAll().size(), "S01 stays visible");
        robot.interact(() -> open.activePassProperty().set(null));
        layOut(robot);
        assertEquals(0, robot.lookup(".pass-hidden").queryAll().size());
    }

    @Test
    void aSecondCameraIsAttachedAndItsOffsetSet(FxRobot robot) throws Exception {
        Path file = copySample(dir.resolve("s"));
        Path cam2 = Files.copy(dir.resolve("s").resolve("free-play-s01.mp4"), dir.resolve("s").resolve("s01-camera-2.mp4"));
        robot.interact(() -> browser.openStudy(file));
        robot.interact(() -> browser.attachVideo(browser.overview().rows().get(0), cam2));
        StudyOverview.Row s01 = browser.overview().rows().get(0);
        assertEquals(2, s01.videos().size());
        MediaFile second = s01.videos().get(1).file();
        assertEquals(2, second.position());
        assertEquals("s01-camera-2.mp4", second.path());
        assertEquals(25.0, second.fps());
        robot.interact(() -> browser.setOffset(s01.videos().get(1), "1,25"));
        assertEquals(1250, browser.overview().rows().get(0).videos().get(1).file().offsetMs());
        robot.interact(() -> browser.setOffset(s01.videos().get(1), "later"));
        assertEquals(List.of("That is not an offset: \"later\" is not a time in seconds; type e.g. 0, 1.250 or -0.5."), dialogs.shown);
        assertEquals(1250, browser.overview().rows().get(0).videos().get(1).file().offsetMs());
    }

    @Test
    void createsANewStudyAndNeverOverwritesAFile(FxRobot robot) throws Exception {
        Path file = dir.resolve("reunions-2026.attune");
        forms.newStudies.add(new StudyForms.NewStudy(file, "reunions-2026", org.attune.scheme.json.BundledSchemes.defaultScheme()));
        robot.clickOn("#newStudy");
        assertEquals("reunions-2026", robot.lookup("#studyTitle").queryLabeled().getText());
        assertTrue(robot.lookup("#studySummary").queryLabeled().getText().contains("0 sessions, 0 coders"));
        assertTrue(Files.isRegularFile(file));
        assertFalse(robot.lookup("#addSession").queryButton().isDisabled(), "a new study is open for writing");
        forms.newStudies.add(new StudyForms.NewStudy(file, "again", org.attune.scheme.json.BundledSchemes.defaultScheme()));
        robot.clickOn("#newStudy");
        assertEquals(List.of("A file of that name exists: " + file + " already exists; Attune does not overwrite it. Choose another name, or open it."),
                dialogs.shown);
        assertEquals("reunions-2026", robot.lookup("#studyTitle").queryLabeled().getText());
    }

    @Test
    void aSessionsDetailsAreEditedAndAVideoRemovedAfterAsking(FxRobot robot) throws Exception {
        Path file = copySample(dir.resolve("s"));
        robot.interact(() -> browser.openStudy(file));
        org.attune.coding.Session s01 = browser.overview().rows().get(0).session();
        SessionForm form = SessionForm.of(s01);
        assertEquals("S01", form.label);
        form.label = "S01-home";
        form.otherFields = form.otherFields + "wave = 1\n";
        SessionForm.Result checked = form.check(Set.of("S02"), (f, p, o) -> null);
        assertTrue(checked.ok(), checked.problems().toString());
        org.attune.coding.Session edited = checked.session();
        robot.interact(() -> browser.saveSession(new org.attune.coding.Session(s01.id(), edited.label(), edited.dyad(), edited.date(), edited.childAgeMonths(),
                edited.context(), edited.notes(), edited.metadata())));
        StudyOverview.Row row = browser.overview().rows().stream().filter(r -> r.session().id() == s01.id()).findFirst().orElseThrow();
        assertEquals("S01-home", row.session().label());
        assertEquals("1", row.session().metadata().get("wave"));
        assertEquals(s01.childAgeMonths(), row.session().childAgeMonths(), "unchanged fields survive the round trip through the form");
        assertTrue(row.cells().values().stream().allMatch(c -> c.pass().isPresent()), "the passes stay");

        dialogs.answer = false;
        robot.interact(() -> browser.removeVideo(row.videos().get(0)));
        assertEquals(1, browser.overview().rows().stream().filter(r -> r.session().id() == s01.id()).findFirst().orElseThrow().videos().size(), "declined");
        dialogs.answer = true;
        robot.interact(() -> browser.removeVideo(row.videos().get(0)));
        assertEquals(0, browser.overview().rows().stream().filter(r -> r.session().id() == s01.id()).findFirst().orElseThrow().videos().size());
        assertTrue(Files.exists(dir.resolve("s").resolve("free-play-s01.mp4")), "the file itself stays");
    }

    @Test
    void aTrainingSessionAndAGoldStandardAreMarkedInTheGridAndTheDetails(FxRobot robot) throws Exception {
        Path file = copySample(dir.resolve("gold"));
        long session;
        long coder;
        try (Study s = Study.open(file)) {
            session = s.sessions().get(0).id();
            long first = session;
            var pass = s.passes().stream().filter(p -> p.sessionId() == first).findFirst().orElseThrow();
            coder = pass.coderId();
            org.attune.store.ReliabilityStore.setTraining(s, session, true);
            org.attune.store.ReliabilityStore.setGold(s, pass.id(), true);
        }
        robot.interact(() -> browser.openStudy(file));
        robot.interact(() -> browser.select(session, coder));
        layOut(robot);
        java.util.Set<String> texts = new java.util.HashSet<>();
        robot.lookup(".label").queryAllAs(javafx.scene.control.Label.class).forEach(l -> texts.add(l.getText()));
        assertTrue(texts.contains("yes (★): other passes of the session are judged against it"), texts.toString());
        assertTrue(texts.contains("yes: left out of analyses, exports and the reliability sample unless asked"), texts.toString());
        assertTrue(browser.overview().isTraining(browser.overview().rows().get(0).session()));
    }
}
