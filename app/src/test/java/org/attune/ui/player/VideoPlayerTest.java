package org.attune.ui.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.attune.samples.SampleSessions;
import org.attune.ui.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The player on a real H.264 video (needs libavcodec59, which .ci/run installs), headless. The sample
 * video carries its frame number as a 12-bit code in every frame, so these tests read which frame is
 * actually on screen, not what the player claims.
 */
@ExtendWith(ApplicationExtension.class)
class VideoPlayerTest {

    static final Path SAMPLE = Path.of("..", "sample-sessions", "free-play-s01.mp4").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private final StackPane root = new StackPane();
    private VideoPlayer player;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 640, 360));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        if (player != null) robot.interact(player::close);
    }

    private VideoPlayer open(FxRobot robot, Path file) throws Exception {
        CompletableFuture<Object> result = new CompletableFuture<>();
        robot.interact(() -> VideoPlayer.open(file, result::complete, result::complete));
        Object r = result.get(15, TimeUnit.SECONDS);
        if (r instanceof VideoPlayer p) {
            robot.interact(() -> root.getChildren().setAll(p.node()));
            player = p;
        }
        return r instanceof VideoPlayer p ? p : null;
    }

    private static String error(FxRobot robot, Path file) throws Exception {
        CompletableFuture<String> result = new CompletableFuture<>();
        robot.interact(() -> VideoPlayer.open(file, p -> {
            p.close();
            result.complete("opened");
        }, result::complete));
        return result.get(15, TimeUnit.SECONDS);
    }

    /** Waits until the frame code on screen reads {@code frame}; returns what it last read. */
    private int shown(FxRobot robot, long frame) {
        return shown(robot, player, frame);
    }

    /** Waits until the frame code in a player's picture reads {@code frame}; returns what it last read. */
    static int shown(FxRobot robot, VideoPlayer player, long frame) {
        AtomicInteger read = new AtomicInteger(-1);
        Await.until(() -> {
            robot.interact(() -> {
                WritableImage img = player.shownPicture().snapshot(null, null);
                PixelReader px = img.getPixelReader();
                read.set(SampleSessions.decodeFrame(px::getArgb));
            });
            return read.get() == frame;
        });
        return read.get();
    }

    @Test
    void showsExactlyTheRequestedFrameAndStampsItsStart(FxRobot robot) throws Exception {
        VideoPlayer p = open(robot, SAMPLE);
        assertNotNull(p);
        assertEquals(25.0, p.clock().fps(), 1e-9);
        assertEquals(1500, p.frameCount());
        for (long n : new long[] {0, 1, 26, 700, 938, 1498, 1499}) {
            robot.interact(() -> p.showFrame(n));
            assertEquals(n, shown(robot, n), "frame on screen after showFrame(" + n + ")");
            assertEquals(n, p.currentFrame());
            assertEquals(n * 40, p.stampMs(), "a key press stores the start of the frame on screen");
        }
    }

    /** Issue 21: the frame asked for is laid over the paused picture as decoded by FFmpeg, exactly that frame; playing hides it. */
    @Test
    void anExactFrameIsLaidOverThePausedPicture(FxRobot robot) throws Exception {
        VideoPlayer p = open(robot, SAMPLE);
        assertTrue(Await.until(p::exactFramesOn), "FFmpeg opened the sample");
        java.util.List<Long> shownExactly = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> p.setOnExactFrame(shownExactly::add));
        javafx.scene.Node overlay = ((javafx.scene.layout.StackPane) p.node()).getChildren().stream()
                .filter(n -> n instanceof javafx.scene.image.ImageView).findFirst().orElseThrow();
        for (long n : new long[] {0, 1, 2, 701, 700, 699, 1499}) {
            robot.interact(() -> p.showFrame(n));
            assertTrue(Await.until(() -> shownExactly.contains(n)), "exact frame " + n);
            AtomicInteger read = new AtomicInteger(-1);
            robot.interact(() -> {
                assertTrue(overlay.isVisible());
                WritableImage img = overlay.snapshot(null, null);
                read.set(SampleSessions.decodeFrame((x, y) -> img.getPixelReader().getArgb(x * (int) Math.round(img.getWidth()) / 640,
                        y * (int) Math.round(img.getHeight()) / 360)));
            });
            assertEquals(n, read.get(), "the frame laid over the picture is frame " + n);
        }
        robot.interact(p::play);
        assertFalse(overlay.isVisible(), "while playing the player's own picture shows");
        robot.interact(p::pause);
    }

    /**
     * Issue 21: a variable-frame-rate file (frames dropped, the others keeping their times, as phones
     * record) is coded by each frame's own timestamp: the frame shown is the one asked for, and a key
     * press stores its own start.
     */
    @Test
    void aVariableRateVideoIsShownAndStampedByItsFramesOwnTimes(FxRobot robot) throws Exception {
        Path vfr = org.attune.media.TestVideos.variableRate(dir);
        VideoPlayer p = open(robot, vfr);
        assertNotNull(p);
        assertTrue(p.clock() instanceof org.attune.media.TimestampClock, p.clock().toString());
        long[] starts = ((org.attune.media.TimestampClock) p.clock()).startsMicros();
        for (int n : new int[] {0, 1, 2, 3, 40, 41, 100, starts.length - 1}) {
            long original = starts[n] / 40_000; // the sample's frame number, burned into the picture
            robot.interact(() -> p.showFrame(n));
            assertEquals(original, shown(robot, original), "frame " + n + " of the phone-like file");
            assertEquals(n, p.currentFrame());
            assertEquals(Math.round(starts[n] / 1000.0), p.stampMs(), "a key press stores frame " + n + "'s own start");
        }
        assertTrue(Await.until(p::exactFramesOn), "exact frames are on: the player counts frames as FFmpeg does");
    }

    /**
     * Issue 21: where there is no sound device (as headless here), JavaFX's player neither opens a video with
     * a sound track nor fails; the video then plays silently through FFmpeg's frames, and says why. Where
     * there is a device, it simply opens with its sound.
     */
    @Test
    void aVideoWithSoundPlaysWithItOrSilentlyNeverHangs(FxRobot robot) throws Exception {
        Path withSound = org.attune.media.TestVideos.longGop1080(dir);
        assertTrue(org.attune.media.Mp4Info.hasSound(withSound));
        assertFalse(org.attune.media.Mp4Info.hasSound(SAMPLE));
        CompletableFuture<Object> result = new CompletableFuture<>();
        robot.interact(() -> VideoPlayer.open(withSound, result::complete, result::complete));
        Object r = result.get((long) VideoPlayer.WATCHDOG_SECONDS + 30, TimeUnit.SECONDS);
        assertTrue(r instanceof VideoPlayer, String.valueOf(r));
        VideoPlayer p = (VideoPlayer) r;
        try {
            if (p.notice().isPresent()) {
                assertEquals(VideoPlayer.noSoundDevice("free-play-s01-camcorder.mp4"), p.notice().get());
                assertTrue(p.notice().get().startsWith("free-play-s01-camcorder.mp4 plays without sound: this computer seems to have no sound device"));
            }
            java.util.List<Long> exact = new java.util.concurrent.CopyOnWriteArrayList<>();
            robot.interact(() -> p.setOnExactFrame(exact::add));
            assertTrue(Await.until(p::exactFramesOn));
            for (long n : new long[] {700, 701, 699, 1499}) {
                robot.interact(() -> p.showFrame(n));
                assertTrue(Await.until(() -> exact.contains(n)), "frame " + n + " shown");
                assertEquals(n, p.currentFrame());
            }
        } finally {
            robot.interact(p::close);
        }
    }

    /**
     * Issue 21: a file JavaFX's player cannot play at all (a lab system's MJPEG AVI) plays silently through
     * FFmpeg: every frame asked for is that frame, playing moves on, pausing lands on the frame the clock
     * stopped in, a key press stamps its start; the notice says why there is no sound and how to get it.
     */
    @Test
    void anAviPlaysSilentlyThroughFfmpegFrameExactly(FxRobot robot) throws Exception {
        Path avi = org.attune.media.TestVideos.mjpegAvi(dir);
        VideoPlayer p = open(robot, avi);
        assertNotNull(p);
        assertTrue(p.notice().orElseThrow().startsWith("lab-camera.avi plays without sound: it is not an MP4 file"), p.notice().orElseThrow());
        assertTrue(p.notice().get().contains("attune media prepare \"lab-camera.avi\" -o \"lab-camera-coding.mp4\""), p.notice().get());
        assertEquals(250, p.frameCount(), "10 s at 25 fps");
        assertEquals(25.0, p.clock().fps(), 1e-9);
        for (long n : new long[] {0, 1, 100, 99, 249}) {
            robot.interact(() -> p.showFrame(n));
            assertEquals(n, shown(robot, n), "frame " + n);
            assertEquals(n * 40, p.stampMs());
        }
        robot.interact(() -> p.showFrame(10));
        robot.interact(p::play);
        assertTrue(p.isPlaying());
        assertTrue(Await.until(() -> p.currentFrame() >= 40), "playing moves on");
        robot.interact(p::pause);
        assertFalse(p.isPlaying());
        long at = p.currentFrame();
        assertEquals(at, shown(robot, at), "paused on the frame its clock stopped in");
        assertEquals(at, p.currentFrame(), "paused means paused");
        robot.interact(() -> p.step(-1));
        assertEquals(at - 1, shown(robot, at - 1));
    }

    @Test
    void stepsJumpsAndReturnsToAStoredTime(FxRobot robot) throws Exception {
        VideoPlayer p = open(robot, SAMPLE);
        robot.interact(() -> p.showFrame(100));
        assertEquals(100, shown(robot, 100));
        robot.interact(() -> p.step(1));
        assertEquals(101, shown(robot, 101));
        robot.interact(() -> p.step(-1));
        robot.interact(() -> p.step(-1));
        assertEquals(99, shown(robot, 99));
        robot.interact(() -> p.jump(5000));
        assertEquals(99 + 125, shown(robot, 224), "+5 s at 25 fps is 125 frames");
        robot.interact(() -> p.seekStored(1040));
        assertEquals(26, shown(robot, 26));
        robot.interact(() -> p.showFrame(5000));
        assertEquals(1499, shown(robot, 1499), "past the end clamps to the last frame");
    }

    @Test
    void playsAtTheSetRateAndPauses(FxRobot robot) throws Exception {
        VideoPlayer p = open(robot, SAMPLE);
        robot.interact(() -> {
            p.setRate(2);
            p.play();
        });
        assertEquals(2.0, p.rate(), 1e-9);
        assertTrue(Await.until(() -> p.currentMs() > 1000), "playback advances: " + p.currentMs());
        robot.interact(p::pause);
        assertTrue(Await.until(() -> !p.isPlaying()), "paused");
        long atFrame = p.currentFrame();
        assertEquals(atFrame, shown(robot, atFrame), "the frame on screen is the frame a key press would stamp");
        assertEquals(atFrame, p.currentFrame(), "paused means paused: the clock stayed while the picture was read back");
        assertEquals(2.0, p.rate(), 1e-9);
    }

    @Test
    void unplayableFilesGiveAMessageWithTheRemedy(FxRobot robot) throws Exception {
        assertTrue(error(robot, dir.resolve("moved.mp4")).startsWith("The video moved.mp4 is not where the study expects it"));
        Path notes = Files.writeString(dir.resolve("notes.avi"), "not a video");
        String broken = error(robot, notes);
        assertTrue(broken.startsWith("notes.avi cannot be played. notes.avi cannot be read as a video.") && broken.contains("ffmpeg -i \"notes.avi\""), broken);
        assertEquals(VideoPlayer.noSoundDevice("s.mp4"), VideoPlayer.describe(Path.of("s.mp4"), new RuntimeException("PLAYBACK_HALTED: Could not open audio device")));
    }
}
