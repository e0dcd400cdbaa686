package org.attune.ui.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.attune.coding.CodedEvent;
import org.attune.coding.EventDraft;
import org.attune.coding.Session;
import org.attune.scheme.KeyboardLayout;
import org.attune.scheme.json.BundledSchemes;
import org.attune.store.EventRepository;
import org.attune.store.Study;
import org.attune.ui.Styles;
import org.attune.ui.Await;
import org.attune.ui.RecordingDialogs;
import org.attune.ui.VideoJump;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Coding the sample video from the keyboard, headless, with the real player (needs libavcodec59); and a pass longer than the table's page. */
@ExtendWith(ApplicationExtension.class)
class CodingWorkspaceTest {

    @TempDir
    Path dir;

    private final RecordingDialogs recording = new RecordingDialogs();
    private final List<String> dialogs = recording.shown;
    private CodingWorkspace workspace;

    @Start
    void start(Stage stage) {
        workspace = new CodingWorkspace(recording, KeyboardLayout.US_QWERTY);
        Scene scene = new Scene(workspace, 1280, 800);
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(workspace::close);
    }

    /** The sample study and its videos, copied: coding writes to the study. */
    private Path copySample() throws Exception {
        Path samples = Path.of("..", "sample-sessions");
        for (String f : List.of("sample-study.attune", "free-play-s01.mp4", "free-play-s02.mp4")) Files.copy(samples.resolve(f), dir.resolve(f));
        return dir.resolve("sample-study.attune");
    }

    /** A copy of the sample study with its videos, and S02 · CM (the pass still in progress) opened. */
    private Path openSample(FxRobot robot) throws Exception {
        Path study = copySample();
        robot.interact(() -> workspace.open(study));
        CodingWorkspace.PassChoice cm = workspace.passChoices().stream()
                .filter(p -> p.session().label().equals("S02") && p.coder().initials().equals("CM")).findFirst().orElseThrow();
        robot.interact(() -> workspace.openPass(cm));
        Await.until(() -> workspace.player() != null);
        assertNotNull(workspace.player(), "the sample video opened: " + dialogs);
        return study;
    }

    private void showFrame(FxRobot robot, long frame) throws InterruptedException {
        robot.interact(() -> workspace.player().showFrame(frame));
        Await.until(() -> workspace.player().currentFrame() == frame);
        assertEquals(frame, workspace.player().currentFrame());
    }

    /** Issue 14 bug 7: at the default 1280×800 every code's name in the palette, and every hint, is readable whole (long ones wrap). */
    @Test
    void nothingInTheWorkspaceIsCutOff(FxRobot robot) throws Exception {
        openSample(robot);
        robot.interact(() -> {
            workspace.applyCss();
            workspace.layout();
        });
        List<String> cut = WaitForAsyncUtils.waitForAsyncFx(10_000, () -> org.attune.ui.Truncated.in(workspace));
        assertEquals(List.of(), cut);
        assertTrue(robot.lookup(".palette-row").queryAll().size() > 25);
    }

    /** Issue 14 bug 4: in the smallest window the transport buttons wrap to a second row; none reads "…". */
    @Test
    void theTransportNeverTruncatesInTheSmallestWindow(FxRobot robot) throws Exception {
        openSample(robot);
        javafx.stage.Window window = workspace.getScene().getWindow();
        double width = window.getWidth();
        double height = window.getHeight();
        robot.interact(() -> {
            window.setWidth(900);
            window.setHeight(560);
        });
        try {
            List<String> cut = WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
                workspace.applyCss();
                workspace.layout();
                return org.attune.ui.Truncated.in(robot.lookup("#transport").query());
            });
            assertEquals(List.of(), cut);
            javafx.scene.Node readout = robot.lookup("#readout").query();
            assertTrue(readout.localToScene(readout.getBoundsInLocal()).getMaxX() <= workspace.getScene().getWidth() + 0.5, "the time is on screen");
            javafx.scene.Node timeline = robot.lookup("#timeline").query();
            assertTrue(readout.localToScene(readout.getBoundsInLocal()).getMaxY() <= timeline.localToScene(timeline.getLayoutBounds()).getMinY() + 0.5,
                    "the second row (sound and time) is not hidden under the timeline");
        } finally { // TestFX keeps one stage for every test class: leave it as it was found
            robot.interact(() -> {
                window.setWidth(width);
                window.setHeight(height);
            });
        }
    }

    /** Issue 14 bug 4: the dividers start where the coder left them (user settings) and a drag is remembered. */
    @Test
    void splitDividersAreRememberedInTheUsersSettings(FxRobot robot) throws Exception {
        org.attune.ui.UserSettings settings = org.attune.ui.UserSettings.at(dir.resolve("settings.properties"));
        settings.put("layout.coding.rows", "0.4000,0.7000");
        CodingWorkspace[] other = new CodingWorkspace[1];
        robot.interact(() -> {
            other[0] = new CodingWorkspace(new org.attune.ui.OpenStudy(), recording, KeyboardLayout.US_QWERTY, settings);
            workspace.getScene().setRoot(other[0]);
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.SplitPane rows = robot.lookup("#codingRows").queryAs(javafx.scene.control.SplitPane.class);
        assertEquals(0.4, rows.getDividerPositions()[0], 0.005); // snapped to whole pixels
        assertEquals(0.7, rows.getDividerPositions()[1], 0.005);
        javafx.scene.Node divider = rows.lookup(".split-pane-divider");
        robot.drag(divider).moveBy(0, 60).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double saved = Double.parseDouble(org.attune.ui.UserSettings.at(dir.resolve("settings.properties")).get("layout.coding.rows").orElseThrow().split(",")[0]);
        assertTrue(saved > 0.43, "the dragged divider was saved lower: " + saved);
        robot.interact(() -> {
            other[0].close();
            other[0].getScene().setRoot(workspace);
        });
    }

    @Test
    void keyPressesAtKnownFramesAreStoredAtThoseFrameBoundaries(FxRobot robot) throws Exception {
        Path file = openSample(robot);
        int before = workspace.events().size();
        showFrame(robot, 250);                      // 10.000 s
        robot.push(KeyCode.G);                      // P_GAZE starts (CM codes it again from 14.160 s: fine if it ends by then)
        robot.push(KeyCode.T);                      // P_TOUCH starts
        showFrame(robot, 303);                      // 12.120 s
        robot.push(KeyCode.T);                      // … and ends
        robot.push(KeyCode.G);                      // P_GAZE ends
        showFrame(robot, 326);                      // 13.040 s
        robot.push(KeyCode.E);                      // P_INTRUDE
        robot.push(KeyCode.I);                      // C_BID: the chooser opens
        robot.push(KeyCode.DIGIT3);                 // "help"
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + 4, workspace.events().size(), "four events added: " + dialogs);
        assertTrue(robot.lookup("#saveStatus").queryLabeled().getText().startsWith("Coded Child bid (serve) at 00:00:13.040. All changes saved."));
        robot.push(KeyCode.Y);                      // C_POS starts at 13.040 and keeps running
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("C_POS"), workspace.runningInPalette().stream().filter(c -> !c.equals("P_DISENG")).toList());
        robot.push(KeyCode.CONTROL, KeyCode.Z);     // undo the C_POS start
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(workspace.runningInPalette().stream().noneMatch("C_POS"::equals));
        robot.interact(workspace::close);

        try (Study s = Study.openReadOnly(file)) {  // what the coder saw acknowledged is in the file
            long pass = passOf(s, "S02", "CM");
            List<String> added = s.events().list(pass).stream().filter(e -> e.onsetMs() >= 10_000 && e.onsetMs() <= 13_040
                    && List.of("P_TOUCH", "P_GAZE", "P_INTRUDE", "C_BID", "C_POS").contains(e.code()) && isNew(e)).map(CodedEvent::toString).toList();
            assertEquals(4, added.size(), added.toString());
            assertTrue(s.events().list(pass).stream().anyMatch(e -> e.code().equals("P_TOUCH") && e.onsetMs() == 10_000 && e.offsetMs() == 12_120));
            assertTrue(s.events().list(pass).stream().anyMatch(e -> e.code().equals("P_GAZE") && e.onsetMs() == 10_000 && e.offsetMs() == 12_120));
            assertTrue(s.events().list(pass).stream().anyMatch(e -> e.code().equals("P_INTRUDE") && e.onsetMs() == 13_040));
            assertTrue(s.events().list(pass).stream().anyMatch(e -> e.code().equals("C_BID") && e.onsetMs() == 13_040
                    && e.modifiers().asMap().get("type").equals(List.of("help"))));
        }
        assertEquals(List.of(), dialogs);
    }

    /** In the app a pass's events are read in the background (ADR 6): until they are shown, a key press changes nothing. */
    @Test
    void aPassReadInTheBackgroundTakesNoEditsUntilItIsShown(FxRobot robot) throws Exception {
        Path study = copySample();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService reads = java.util.concurrent.Executors.newSingleThreadExecutor();
        // the read waits for the test's go, so the "still opening" moment is certain, not a race
        org.attune.ui.Tasks held = new org.attune.ui.Tasks() {
            final org.attune.ui.Tasks inner = org.attune.ui.Tasks.background(reads);

            @Override
            public <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> onDone, java.util.function.Consumer<Throwable> onFailed) {
                inner.run(() -> {
                    release.await();
                    return work.call();
                }, onDone, onFailed);
            }

            @Override
            public void later(Runnable r) {
                inner.later(r);
            }
        };
        try {
            CodingWorkspace[] w = new CodingWorkspace[1];
            robot.interact(() -> {
                w[0] = new CodingWorkspace(new org.attune.ui.OpenStudy(), recording, KeyboardLayout.US_QWERTY, org.attune.ui.UserSettings.memory(), held);
                workspace.getScene().setRoot(w[0]);
                w[0].open(study);
                CodingWorkspace.PassChoice cm = w[0].passChoices().stream()
                        .filter(p -> p.session().label().equals("S02") && p.coder().initials().equals("CM")).findFirst().orElseThrow();
                w[0].openPass(cm);
                w[0].code("KeyE", 5_000);
            });
            assertEquals(0, w[0].events().size(), "nothing shown or coded yet");
            assertEquals("The pass is still opening: nothing was changed.", robot.lookup("#saveStatus").queryLabeled().getText());
            release.countDown();
            assertTrue(Await.until(() -> w[0].events().size() == 24), "the pass's 24 events are shown once read");
            robot.interact(() -> w[0].code("KeyE", 5_000));
            assertEquals(25, w[0].events().size());
            robot.interact(w[0]::close);
        } finally {
            reads.shutdownNow();
        }
        assertEquals(List.of(), dialogs);
    }

    /** Keys… and Go to time ask through injected dialogs (issue 13: no dialog a test cannot answer). */
    @Test
    void keysAndGoToTimeAskThroughDialogsATestCanAnswer(FxRobot robot) throws Exception {
        openSample(robot);
        robot.interact(() -> workspace.setKeyEditor((owner, current, layout) -> Optional.of(
                new KeysDialog.Choice(new org.attune.coding.KeyMap(workspace.scheme(), Map.of("P_INTRUDE", "KeyQ"), Map.of()), layout))));
        robot.clickOn("#keys");
        showFrame(robot, 400);
        int before = workspace.events().size();
        robot.push(KeyCode.Q);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + 1, workspace.events().size(), "Q codes P_INTRUDE after Keys…");
        recording.texts.add("0:20");
        robot.push(KeyCode.CONTROL, KeyCode.G);
        assertTrue(Await.until(() -> workspace.player().currentFrame() == 500), "Go to time 0:20 shows frame 500");
        assertTrue(dialogs.contains("Go to time? Go to a time in the session (00:01:23.456, 1:23.456 or 83.456 seconds)."), dialogs.toString());
    }

    /** Issue 14: a pass reopens where the coder left it, not at frame 0 (kept in the user's settings, not the study). */
    @Test
    void aPassReopensWhereTheCoderLeftIt(FxRobot robot) throws Exception {
        openSample(robot);
        showFrame(robot, 500);
        CodingWorkspace.PassChoice cm = workspace.passChoices().stream()
                .filter(p -> p.session().label().equals("S02") && p.coder().initials().equals("CM")).findFirst().orElseThrow();
        robot.interact(workspace::closePass);
        robot.interact(() -> workspace.openPass(cm));
        assertTrue(Await.until(() -> workspace.player() != null && workspace.player().currentFrame() == 500), "back at frame 500 (20 s)");
    }

    @Test
    void aJumpFromAnotherViewOpensThePassAtThatFrame(FxRobot robot) throws Exception {
        Path study = copySample();
        robot.interact(() -> workspace.show(new VideoJump(study, "S01", "BK", 10_040)));
        Await.until(() -> workspace.player() != null && workspace.player().currentFrame() == 251);
        assertNotNull(workspace.player());
        assertEquals(251, workspace.player().currentFrame(), "10.040 s is frame 251 at 25 fps");
        assertTrue(robot.lookup("#saveStatus").queryLabeled().getText().startsWith("Coding S01 · BK"));
        robot.interact(() -> workspace.show(new VideoJump(study, "S09", "BK", 0)));
        assertEquals(List.of("There is no such pass: BK has no pass of session S09 in this study."), dialogs);
    }

    @Test
    void codingIntoAPassMarkedDoneAsksFirst(FxRobot robot) throws Exception {
        Path file = copySample();
        robot.interact(() -> workspace.open(file));
        CodingWorkspace.PassChoice al = workspace.passChoices().stream()
                .filter(p -> p.session().label().equals("S01") && p.coder().initials().equals("AL")).findFirst().orElseThrow();
        robot.interact(() -> workspace.openPass(al));
        Await.until(() -> workspace.player() != null);
        int before = workspace.events().size();
        recording.answer = false;
        robot.interact(() -> workspace.code("KeyE", 5_000));
        assertEquals(before, workspace.events().size(), "declined: nothing coded");
        assertTrue(dialogs.get(0).startsWith("This pass is marked done? S01 · AL was marked done"), dialogs.toString());
        assertTrue(robot.lookup("#saveStatus").queryLabeled().getText().startsWith("Nothing changed"));
        recording.answer = true;
        robot.interact(() -> workspace.code("KeyE", 5_000));
        assertEquals(before + 1, workspace.events().size());
        robot.interact(() -> workspace.code("KeyE", 6_000));
        assertEquals(2, dialogs.size(), "asked once: the pass is open for coding again");
        robot.interact(workspace::close);
        try (Study s = Study.openReadOnly(file)) {
            assertEquals(org.attune.coding.PassStatus.IN_PROGRESS, s.pass(al.session().id(), al.coder().id()).status());
        }
    }

    @Test
    void theTimelineSeeksOnClickAndMovesABoutsEdgeByDrag(FxRobot robot) throws Exception {
        Path file = openSample(robot);
        CodingTimeline timeline = robot.lookup("#timeline").queryAs(CodingTimeline.class);
        assertEquals(60_000, timeline.window().durationMs(), "the whole 60-s session");
        // click in the "Child looks at parent" lane at 20 s: the video shows the frame there
        double y = timeline.yOf("C_GAZE");
        robot.clickOn(timeline.localToScreen(timeline.xOf(20_000), y));
        long frame = 500;
        double withinAPixel = 1.0 * timeline.window().msPerPixel() / 40 + 1;
        Await.until(() -> Math.abs(workspace.player().currentFrame() - frame) <= withinAPixel);
        assertEquals(frame, workspace.player().currentFrame(), withinAPixel, "within a pixel of 20 s");

        // CM coded C_GAZE 3.280–5.400; drag its offset edge to about 6 s
        CodedEvent before = workspace.events().stream().filter(e -> e.code().equals("C_GAZE") && e.onsetMs() == 3_280).findFirst().orElseThrow();
        assertEquals(5_400L, before.offsetMs());
        robot.drag(timeline.localToScreen(timeline.xOf(5_400), y)).dropTo(timeline.localToScreen(timeline.xOf(6_000), y));
        WaitForAsyncUtils.waitForFxEvents();
        CodedEvent after = workspace.events().stream().filter(e -> e.id() == before.id()).findFirst().orElseThrow();
        assertEquals(3_280, after.onsetMs(), "the onset stays");
        assertEquals(0, after.offsetMs() % 40, "snapped to a frame boundary: " + after.offsetMs());
        assertTrue(Math.abs(after.offsetMs() - 6_000) <= 2 * timeline.window().msPerPixel() + 40, after.offsetMs().toString());
        assertTrue(robot.lookup("#saveStatus").queryLabeled().getText().startsWith("Moved the offset of Child looks at parent to 00:00:0"));
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5_400L, workspace.events().stream().filter(e -> e.id() == before.id()).findFirst().orElseThrow().offsetMs(), "one undo step");
        robot.interact(workspace::close);
        try (Study s = Study.openReadOnly(file)) {
            assertEquals(5_400L, s.events().get(before.id()).orElseThrow().offsetMs());
        }
        assertEquals(List.of(), dialogs);
    }

    @Test
    void theTimelineCanShowOnlyTheLanesOfCodesThePassUses(FxRobot robot) throws Exception {
        openSample(robot);
        CodingTimeline timeline = robot.lookup("#timeline").queryAs(CodingTimeline.class);
        assertFalse(Double.isNaN(timeline.yOf("P_TOUCH")), "every code has a lane");
        robot.clickOn("#onlyCoded");
        assertTrue(Double.isNaN(timeline.yOf("P_TOUCH")), "CM has not coded P_TOUCH in S02");
        assertFalse(Double.isNaN(timeline.yOf("C_GAZE")));
        showFrame(robot, 250);
        robot.push(KeyCode.T);                       // the first P_TOUCH: its lane appears
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(Double.isNaN(timeline.yOf("P_TOUCH")));
    }

    @Test
    void eventsAreEditedInTheTableByKeyboardAndButtons(FxRobot robot) throws Exception {
        Path file = openSample(robot);
        javafx.scene.control.TableView<CodedEvent> table = robot.lookup("#events").queryTableView();
        CodedEvent gaze = workspace.events().stream().filter(e -> e.code().equals("C_GAZE") && e.onsetMs() == 3_280).findFirst().orElseThrow();
        int row = workspace.events().indexOf(gaze);
        // F2 on the Offset cell, type a time, Enter
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(row, table.getColumns().get(1));
            table.getFocusModel().focus(row, table.getColumns().get(1));
        });
        robot.push(KeyCode.F2);
        robot.push(KeyCode.CONTROL, KeyCode.A).write("6.01").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(6_000L, workspace.events().stream().filter(e -> e.id() == gaze.id()).findFirst().orElseThrow().offsetMs(), "snapped to frame 150");
        assertTrue(robot.lookup("#saveStatus").queryLabeled().getText().startsWith("Changed the offset of Child looks at parent at 00:00:03.280."));
        // a bad time leaves the event as it was and says why
        int again = workspace.events().indexOf(workspace.events().stream().filter(e -> e.id() == gaze.id()).findFirst().orElseThrow());
        robot.interact(() -> {
            table.requestFocus();
            table.getFocusModel().focus(again, table.getColumns().get(1));
        });
        robot.push(KeyCode.F2);
        robot.push(KeyCode.CONTROL, KeyCode.A).write("soon").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(6_000L, workspace.events().stream().filter(e -> e.id() == gaze.id()).findFirst().orElseThrow().offsetMs());
        assertTrue(robot.lookup("#saveStatus").queryLabeled().getText().startsWith("Not changed: \"soon\" is not a time"));
        // "Offset ← frame on screen" on P_DISENG (0.200–14.400) with frame 300 (12.000 s) shown
        showFrame(robot, 300);
        CodedEvent diseng = workspace.events().stream().filter(e -> e.code().equals("P_DISENG")).findFirst().orElseThrow();
        robot.interact(() -> table.getSelectionModel().clearAndSelect(workspace.events().indexOf(diseng), table.getColumns().get(0)));
        robot.clickOn("#setOffset");
        assertEquals(12_000L, workspace.events().stream().filter(e -> e.id() == diseng.id()).findFirst().orElseThrow().offsetMs());
        // Delete, then Ctrl+Z brings it back
        int before = workspace.events().size();
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(0, table.getColumns().get(0));
        });
        long firstId = workspace.events().get(0).id();
        robot.push(KeyCode.DELETE);
        assertEquals(before - 1, workspace.events().size());
        robot.push(KeyCode.ESCAPE).push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, workspace.events().size());
        robot.interact(workspace::close);
        try (Study s = Study.openReadOnly(file)) {
            assertEquals(6_000L, s.events().get(gaze.id()).orElseThrow().offsetMs());
            assertEquals(12_000L, s.events().get(diseng.id()).orElseThrow().offsetMs());
            assertTrue(s.events().get(firstId).isPresent(), "undone delete is back in the file");
        }
        assertEquals(List.of(), dialogs);
    }

    @Test
    void sessionRatingsAreSavedAndUndoneLikeEvents(FxRobot robot) throws Exception {
        Path file = openSample(robot);
        Map<String, Integer> before;
        try (Study s = Study.openReadOnly(file)) {
            before = s.events().ratings(passOf(s, "S02", "CM"));
        }
        int wanted = before.getOrDefault("R_SENS", 0) == 2 ? 3 : 2;
        assertTrue(robot.lookup("#rating-R_SENS-" + before.getOrDefault("R_SENS", 1)).queryAs(javafx.scene.control.ToggleButton.class).isSelected()
                || !before.containsKey("R_SENS"), "the pass's stored rating is shown");
        robot.interact(() -> robot.lookup("#paletteScroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        robot.clickOn("#rating-R_SENS-" + wanted);
        assertTrue(robot.lookup("#saveStatus").queryLabeled().getText().contains("rated " + wanted));
        try (Study s = Study.openReadOnly(file)) {
            assertEquals(wanted, s.events().ratings(passOf(s, "S02", "CM")).get("R_SENS"));
        }
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        try (Study s = Study.openReadOnly(file)) {
            assertEquals(before.get("R_SENS"), s.events().ratings(passOf(s, "S02", "CM")).get("R_SENS"), "undo restores the earlier rating");
        }
        if (before.containsKey("R_SENS")) {
            assertTrue(robot.lookup("#rating-R_SENS-" + before.get("R_SENS")).queryAs(javafx.scene.control.ToggleButton.class).isSelected());
        }
        assertEquals(List.of(), dialogs);
    }

    @Test
    void remappedKeysCodeAndNumpadKeysDriveThePlayer(FxRobot robot) throws Exception {
        openSample(robot);
        robot.interact(() -> workspace.saveKeys(new org.attune.coding.KeyMap(workspace.scheme(),
                Map.of("P_INTRUDE", "KeyQ"), org.attune.coding.KeyMap.NUMPAD)));
        showFrame(robot, 400);
        int before = workspace.events().size();
        robot.push(KeyCode.Q);                       // P_INTRUDE now on Q
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + 1, workspace.events().size());
        assertTrue(workspace.events().stream().anyMatch(e -> e.code().equals("P_INTRUDE") && e.onsetMs() == 16_000));
        robot.push(KeyCode.E);                       // E no longer codes
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + 1, workspace.events().size());
        robot.push(KeyCode.NUMPAD3);                 // one frame forward
        Await.until(() -> workspace.player().currentFrame() == 401);
        assertEquals(401, workspace.player().currentFrame());
        robot.push(KeyCode.NUMPAD1).push(KeyCode.NUMPAD1);
        Await.until(() -> workspace.player().currentFrame() == 399);
        assertEquals(399, workspace.player().currentFrame());
        // a key bound twice codes nothing and says why
        robot.interact(() -> workspace.saveKeys(new org.attune.coding.KeyMap(workspace.scheme(), Map.of("C_GAZE", "KeyG"), Map.of())));
        robot.push(KeyCode.G);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + 1, workspace.events().size());
        assertEquals("Nothing coded: KeyG is bound to P_GAZE and C_GAZE. Choose another key for one of them (Keys…).",
                robot.lookup("#saveStatus").queryLabeled().getText());
        assertEquals(List.of(), dialogs);
    }

    @Test
    void startingAStateEndsItsExclusiveGroupsRunningStateAndBothAreDrawn(FxRobot robot) throws Exception {
        Path file = openSample(robot);
        showFrame(robot, 1000);                     // 40.000 s
        robot.push(KeyCode.Y);                      // C_POS starts
        showFrame(robot, 1050);                     // 42.000 s
        robot.push(KeyCode.U);                      // C_DIST starts: same exclusive group (child affect), so C_POS ends here
        WaitForAsyncUtils.waitForFxEvents();
        CodedEvent pos = workspace.events().stream().filter(e -> e.code().equals("C_POS") && e.onsetMs() == 40_000).findFirst().orElseThrow();
        assertEquals(42_000L, pos.offsetMs());
        assertTrue(workspace.runningInPalette().contains("C_DIST"));
        assertFalse(workspace.runningInPalette().contains("C_POS"));
        // the timeline shows the ended bout and the running one (it reaches to the playhead)
        showFrame(robot, 1100);
        CodingTimeline timeline = robot.lookup("#timeline").queryAs(CodingTimeline.class);
        robot.interact(timeline::showWhole);
        robot.interact(timeline::tick);             // the frame the next animation pulse would draw
        assertTrue(paintedAt(robot, timeline, 41_000, "C_POS"), "the C_POS bar is drawn");
        assertTrue(paintedAt(robot, timeline, 43_000, "C_DIST"), "the running C_DIST bar is drawn up to the playhead");
        assertFalse(paintedAt(robot, timeline, 41_000, "C_DIST"), "…and not before its onset");
        robot.interact(workspace::close);
        try (Study s = Study.openReadOnly(file)) {
            long pass = passOf(s, "S02", "CM");
            assertTrue(s.events().list(pass).stream().anyMatch(e -> e.code().equals("C_POS") && e.onsetMs() == 40_000 && e.offsetMs() == 42_000));
            assertTrue(s.events().running(pass).stream().anyMatch(e -> e.code().equals("C_DIST") && e.onsetMs() == 42_000));
        }
    }

    @Test
    void theTimelineRedrawnOnlyWhereThingsChangedLooksAsIfRedrawnWhole(FxRobot robot) throws Exception {
        openSample(robot);
        CodingTimeline timeline = robot.lookup("#timeline").queryAs(CodingTimeline.class);
        robot.interact(timeline::showWhole); // the window stays put, so each frame redraws only what changed
        robot.interact(timeline::tick);
        showFrame(robot, 1000);
        robot.push(KeyCode.Y);                      // C_POS starts at 40.000: its bar grows with the playhead
        showFrame(robot, 1040);
        robot.push(KeyCode.E);                      // P_INTRUDE at 41.600
        showFrame(robot, 1080);
        robot.push(KeyCode.Y);                      // C_POS stops at 43.200
        showFrame(robot, 300);                      // the playhead jumps back
        robot.push(KeyCode.E);                      // P_INTRUDE at 12.000…
        WaitForAsyncUtils.waitForFxEvents();
        CodedEvent early = workspace.events().stream().filter(e -> e.code().equals("P_INTRUDE") && e.onsetMs() == 12_000).findFirst().orElseThrow();
        javafx.scene.control.TableView<CodedEvent> table = robot.lookup("#events").queryTableView();
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(table.getItems().indexOf(early), table.getColumns().get(0));
        });
        robot.push(KeyCode.DELETE);                 // …deleted again
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(timeline::tick);             // the frame the next animation pulse would draw
        int[] partial = pixels(robot, timeline);
        robot.interact(timeline::redrawWhole);
        int[] whole = pixels(robot, timeline);
        int differing = 0;
        for (int i = 0; i < whole.length; i++) if (partial[i] != whole[i]) differing++;
        assertEquals(0, differing, "pixels that differ between the timeline redrawn in parts and redrawn whole");
        assertTrue(paintedAt(robot, timeline, 42_000, "C_POS"), "the stopped C_POS bout is drawn");
    }

    private static int[] pixels(FxRobot robot, CodingTimeline timeline) {
        int[][] out = new int[1][];
        robot.interact(() -> {
            javafx.scene.image.WritableImage img = timeline.snapshot(null, null);
            int w = (int) img.getWidth();
            int h = (int) img.getHeight();
            out[0] = new int[w * h];
            img.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), out[0], 0, w);
        });
        return out[0];
    }

    /** Whether the timeline has a bar's colour (not a lane's white or grey) at a time in a code's lane. */
    private static boolean paintedAt(FxRobot robot, CodingTimeline timeline, long ms, String code) {
        javafx.scene.paint.Color[] c = new javafx.scene.paint.Color[1];
        robot.interact(() -> {
            javafx.scene.image.WritableImage img = timeline.snapshot(null, null);
            c[0] = img.getPixelReader().getColor((int) Math.round(timeline.xOf(ms)), (int) Math.round(timeline.yOf(code)));
        });
        double spread = Math.max(c[0].getRed(), Math.max(c[0].getGreen(), c[0].getBlue())) - Math.min(c[0].getRed(), Math.min(c[0].getGreen(), c[0].getBlue()));
        return spread > 0.15; // lanes are white or light grey; bars are coloured
    }

    @Test
    void sortingTheTableByAColumnLeavesThePassInTimeOrder(FxRobot robot) throws Exception {
        openSample(robot);
        javafx.scene.control.TableView<CodedEvent> table = robot.lookup("#events").queryTableView();
        javafx.scene.control.TableColumn<CodedEvent, ?> code = table.getColumns().get(2);
        assertEquals("Code", code.getText());
        robot.interact(() -> table.getSortOrder().setAll(List.of(code)));
        assertEquals("C_AVOID", table.getItems().get(0).code(), "sorted by code");
        showFrame(robot, 400);
        robot.push(KeyCode.E);                       // P_INTRUDE at 16.000
        WaitForAsyncUtils.waitForFxEvents();
        List<CodedEvent> pass = workspace.events();
        for (int i = 1; i < pass.size(); i++) assertTrue(pass.get(i - 1).onsetMs() <= pass.get(i).onsetMs(), "the pass stays in onset order at " + i);
        assertTrue(table.getItems().stream().anyMatch(e -> e.code().equals("P_INTRUDE") && e.onsetMs() == 16_000), "the new event is in the table");
        for (int i = 1; i < table.getItems().size(); i++) {
            assertTrue(table.getItems().get(i - 1).code().compareTo(table.getItems().get(i).code()) <= 0, "the table stays sorted by code at " + i);
        }
        CodingTimeline timeline = robot.lookup("#timeline").queryAs(CodingTimeline.class);
        robot.interact(timeline::showWhole);
        assertTrue(paintedAt(robot, timeline, 4_000, "C_GAZE"), "the timeline still finds CM's C_GAZE bout 3.28–5.40");
    }

    @Test
    void theKeyboardLayoutSettingDecidesTheKeyCapsShown(FxRobot robot) throws Exception {
        Path file = copySample();
        org.attune.ui.UserSettings settings = org.attune.ui.UserSettings.at(dir.resolve("settings.properties"));
        settings.put("keyboard.layout", "DE_QWERTZ");
        CodingWorkspace[] german = new CodingWorkspace[1];
        robot.interact(() -> {
            german[0] = new CodingWorkspace(new org.attune.ui.OpenStudy(), recording, KeyboardLayout.US_QWERTY, settings);
            german[0].open(file);
        });
        assertEquals("Z", german[0].keyCapInPalette("C_POS"), "C_POS sits on the key right of T: Y in the US, Z in Germany");
        robot.interact(german[0]::close);
    }

    private static long passOf(Study s, String sessionLabel, String initials) throws Exception {
        long session = s.sessions().stream().filter(x -> x.label().equals(sessionLabel)).findFirst().orElseThrow().id();
        long coder = s.coders().stream().filter(c -> c.initials().equals(initials)).findFirst().orElseThrow().id();
        return s.pass(session, coder).id();
    }

    /** Events the sample already had lie on the script ± lag; the ones this test added are at exactly these times. */
    private static boolean isNew(CodedEvent e) {
        return e.onsetMs() == 10_000 && e.code().startsWith("P_") || e.onsetMs() == 13_040 && !e.code().equals("P_GAZE");
    }

    /** A study whose one pass has 12,000 points, one every 300 ms (no video: times come from the test). */
    private Path bigStudy() throws Exception {
        Path file = dir.resolve("big.attune");
        try (Study s = Study.create(file, BundledSchemes.defaultScheme(), "big")) {
            s.addSession(new Session(0, "S01", "", "", null, "", "", Map.of()));
            s.addCoder("Ana Lee", "AL");
            List<EventRepository.ImportRow> rows = new ArrayList<>();
            for (int i = 0; i < 12_000; i++) rows.add(new EventRepository.ImportRow("S01", "AL", EventDraft.point(i % 2 == 0 ? "C_BID" : "P_RESP", 300L * i)));
            s.events().importAll(rows);
        }
        return file;
    }

    @Test
    void aLongPassIsShownAPageAtATimeAndTheKeyboardAndCodingTurnThePages(FxRobot robot) throws Exception {
        Path file = bigStudy();
        robot.interact(() -> workspace.open(file));
        robot.interact(() -> workspace.openPass(workspace.passChoices().get(0)));
        TableView<CodedEvent> table = robot.lookup("#events").queryTableView();
        Button earlier = robot.lookup("#earlierRows").queryButton();
        Button later = robot.lookup("#laterRows").queryButton();
        assertEquals(5_000, table.getItems().size(), "one page of rows, not 12,000");
        assertEquals("Rows 1–5,000 of 12,000", pageLabel(robot));
        assertTrue(earlier.isDisabled(), "nothing earlier than the first page");

        robot.clickOn(later);
        assertFalse(earlier.isDisabled());
        long firstShown = table.getItems().get(0).onsetMs();
        assertTrue(firstShown > 0 && firstShown < 5_000 * 300L, "the next page starts a few rows before the end of the first: " + firstShown);
        assertTrue(pageLabel(robot).endsWith("of 12,000"));

        // ↑ on the page's first row goes on to the row before it, on the page before
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(0, table.getColumns().get(0));
            table.getFocusModel().focus(0, table.getColumns().get(0));
        });
        robot.push(KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(firstShown - 300, table.getSelectionModel().getSelectedItem().onsetMs(), "the row just before the page's first");
        robot.push(KeyCode.ESCAPE);

        // coding near the session's end shows the page with the new event on it
        robot.interact(() -> workspace.code("KeyE", 3_599_000)); // P_INTRUDE
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(table.getItems().stream().anyMatch(e -> e.code().equals("P_INTRUDE") && e.onsetMs() == 3_599_000), "the page turned to the new event");
        assertTrue(pageLabel(robot).endsWith("of 12,001"), pageLabel(robot));
        assertTrue(later.isDisabled(), "the last page: nothing later");
        assertEquals(List.of(), dialogs);
    }

    private static String pageLabel(FxRobot robot) {
        return robot.lookup("#pageLabel").queryLabeled().getText();
    }
}
