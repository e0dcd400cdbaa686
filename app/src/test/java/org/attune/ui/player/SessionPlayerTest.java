package org.attune.ui.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.attune.ui.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Two cameras of one session, headless on the real sample video: camera 2 is a copy that started 1 s
 * after camera 1 (offset 1.000 s), so at every moment it must show the frame 25 frames earlier. The
 * frame codes burned into the video say which frame each camera really shows.
 */
@ExtendWith(ApplicationExtension.class)
class SessionPlayerTest {

    @TempDir
    Path dir;

    private final StackPane root = new StackPane();
    private SessionPlayer player;
    private final AnimationTimer ticks = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (player != null) player.tick();
        }
    };

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 1280, 360));
        stage.show();
        ticks.start();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            ticks.stop();
            if (player != null) player.close();
        });
    }

    private SessionPlayer open(FxRobot robot) throws Exception {
        Path cam2 = Files.copy(VideoPlayerTest.SAMPLE, dir.resolve("camera-2.mp4"));
        CompletableFuture<Object> result = new CompletableFuture<>();
        robot.interact(() -> SessionPlayer.open(List.of(new SessionPlayer.Camera(VideoPlayerTest.SAMPLE, 0),
                new SessionPlayer.Camera(cam2, 1000)), result::complete, result::complete));
        Object r = result.get(15, TimeUnit.SECONDS);
        assertTrue(r instanceof SessionPlayer, String.valueOf(r));
        SessionPlayer p = (SessionPlayer) r;
        robot.interact(() -> root.getChildren().setAll(p.view()));
        return p;
    }

    private static int shown(FxRobot robot, VideoPlayer camera, long frame) {
        return VideoPlayerTest.shown(robot, camera, frame);
    }

    @Test
    void everyCameraShowsTheFrameOfTheSameMoment(FxRobot robot) throws Exception {
        player = open(robot);
        assertEquals(2, player.cameras());
        VideoPlayer cam2 = player.followers().get(0);
        robot.interact(() -> player.showFrame(250));                 // session 10.000 s
        assertEquals(250, shown(robot, player.master(), 250));
        assertEquals(225, shown(robot, cam2, 225), "camera 2 started 1 s later: its 9.000 s");
        robot.interact(() -> player.step(1));
        assertEquals(226, shown(robot, cam2, 226));
        robot.interact(() -> player.seekStored(20_000));
        assertEquals(475, shown(robot, cam2, 475));
        robot.interact(() -> player.seekStored(520));                 // before camera 2 began: its first frame
        assertEquals(0, shown(robot, cam2, 0));
        assertEquals(520, player.stampMs(), "events are stamped on the session clock");
    }

    @Test
    void playingKeepsTheCamerasInStepAndPausingLandsThemOnMatchingFrames(FxRobot robot) throws Exception {
        player = open(robot);
        VideoPlayer cam2 = player.followers().get(0);
        robot.interact(() -> player.showFrame(100));
        assertEquals(75, shown(robot, cam2, 75));
        for (double rate : new double[] {1.0, 4.0}) {
            robot.interact(() -> {
                player.setRate(rate);
                player.play();
            });
            long from = player.currentFrame();
            long until = from + Math.round(150 * rate); // six seconds of playing, measured on the video's clock
            assertTrue(Await.until(() -> player.currentFrame() >= until && player.drift().checks() >= 5), "playing at " + rate + "×: " + player.drift());
            robot.interact(player::pause);
            assertTrue(Await.until(() -> !player.isPlaying()), "paused");
            long master = player.currentFrame();
            assertEquals(master, shown(robot, player.master(), master), "camera 1 shows the frame its clock stopped in");
            assertEquals(master - 25, shown(robot, cam2, master - 25), "camera 2 is on the matching frame after pausing at " + rate + "×");
            SessionPlayer.Drift d = player.drift();
            System.out.printf("two-camera drift while playing at %.0fx: %d checks, max %.1f ms, %d re-seeks%n", rate, d.checks(), d.maxMs(), d.corrections());
            assertTrue(d.checks() >= 5, "the followers were checked while playing: " + d);
            robot.interact(() -> player.showFrame(100));
        }
    }
}
