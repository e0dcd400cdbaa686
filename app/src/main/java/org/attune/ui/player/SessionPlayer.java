package org.attune.ui.player;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import org.attune.media.FrameTimes;

/**
 * The videos of one session (up to four camera angles) played as one: camera 1 is the master clock,
 * the others follow it with their offsets. A camera's file time 0 lies at its offset on the session
 * clock, so at session time T camera k shows file time {@code T − offset_k}. Every seek, step and
 * jump moves all cameras to the matching frame; while playing, the followers are checked twice a
 * second and re-seeked when they drift more than a frame and a half from the master (drift
 * measured: docs/benchmarks.md). Events are stamped on the session clock: camera 1's frame start
 * plus its offset.
 */
public final class SessionPlayer implements AutoCloseable {

    /** A video to open and where its time 0 lies on the session clock. */
    public record Camera(Path file, long offsetMs) {
    }

    /** Drift of the followers from the master seen while playing: checks made, the largest, and how many needed a re-seek. */
    public record Drift(int checks, double maxMs, int corrections) {
    }

    private static final long CHECK_EVERY_NS = 500_000_000L;

    private final VideoPlayer master;
    private final long masterOffset;
    private final List<VideoPlayer> followers;
    private final List<Long> followerOffsets;
    private final GridPane views = new GridPane();
    private long lastCheck;
    private int checks;
    private double maxDrift;
    private int corrections;
    private boolean syncAfterPause;

    private SessionPlayer(VideoPlayer master, long masterOffset, List<VideoPlayer> followers, List<Long> followerOffsets) {
        this.master = master;
        this.masterOffset = masterOffset;
        this.followers = followers;
        this.followerOffsets = followerOffsets;
        List<VideoPlayer> all = new ArrayList<>();
        all.add(master);
        all.addAll(followers);
        int columns = all.size() == 1 ? 1 : 2;
        for (int i = 0; i < all.size(); i++) {
            StackPane cell = new StackPane(all.get(i).node());
            cell.setMinSize(0, 0);
            all.get(i).view().fitWidthProperty().bind(cell.widthProperty());
            all.get(i).view().fitHeightProperty().bind(cell.heightProperty());
            GridPane.setHgrow(cell, Priority.ALWAYS);
            GridPane.setVgrow(cell, Priority.ALWAYS);
            views.add(cell, i % columns, i / columns);
        }
        views.setHgap(2);
        views.setVgap(2);
        views.setMinSize(0, 0);
    }

    /**
     * Opens the cameras (the first is the master). {@code onReady} gets the player once every camera
     * has opened or failed; a follower that fails is left out and reported through {@code onError}
     * while the others play; a master that fails fails the whole.
     */
    public static void open(List<Camera> cameras, Consumer<SessionPlayer> onReady, Consumer<String> onError) {
        if (cameras.isEmpty()) throw new IllegalArgumentException("no camera");
        VideoPlayer[] opened = new VideoPlayer[cameras.size()];
        int[] pending = {cameras.size()};
        boolean[] masterFailed = {false};
        Runnable oneDone = () -> {
            if (--pending[0] > 0) return;
            if (masterFailed[0]) {
                for (VideoPlayer p : opened) if (p != null) p.close();
                return;
            }
            List<VideoPlayer> followers = new ArrayList<>();
            List<Long> offsets = new ArrayList<>();
            for (int i = 1; i < opened.length; i++) {
                if (opened[i] == null) continue;
                followers.add(opened[i]);
                offsets.add(cameras.get(i).offsetMs());
            }
            SessionPlayer sp = new SessionPlayer(opened[0], cameras.get(0).offsetMs(), followers, offsets);
            onReady.accept(sp);
        };
        for (int i = 0; i < cameras.size(); i++) {
            int index = i;
            Camera c = cameras.get(i);
            VideoPlayer.open(c.file(), p -> {
                opened[index] = p;
                oneDone.run();
            }, message -> {
                if (index == 0) masterFailed[0] = true;
                onError.accept(index == 0 ? message : "Camera " + (index + 1) + " is left out: " + message);
                oneDone.run();
            });
        }
    }

    /** The cameras' pictures: one, side by side, or two by two. */
    public Node view() {
        return views;
    }

    /** Why cameras play without sound (FFmpeg's frames alone), camera by camera; empty when all play through JavaFX's player. */
    public List<String> notices() {
        List<String> said = new ArrayList<>();
        master.notice().ifPresent(said::add);
        for (VideoPlayer f : followers) f.notice().ifPresent(said::add);
        return said;
    }

    public int cameras() {
        return 1 + followers.size();
    }

    public FrameTimes clock() {
        return master.clock();
    }

    /** The session time a key press now stores: camera 1's frame start on the session clock. */
    public long stampMs() {
        return master.stampMs() + masterOffset;
    }

    /** The start of camera 1's frame that contains a session time. */
    public long snap(long sessionMs) {
        return master.clock().snap(sessionMs - masterOffset) + masterOffset;
    }

    /** Camera 1's frame on screen. */
    public long currentFrame() {
        return master.currentFrame();
    }

    /** The session's length as camera 1 sees it (its duration from its offset). */
    public long durationMs() {
        return master.durationMs() + masterOffset;
    }

    public long frameCount() {
        return master.frameCount();
    }

    /** Shows camera 1's frame n and the matching frames of the others. */
    public void showFrame(long frame) {
        long n = Math.max(0, Math.min(master.frameCount() - 1, frame));
        master.showFrame(n);
        syncFollowers(master.clock().seekTargetMs(n)); // a seek is not read back at once: the followers go by the target
    }

    public void step(int frames) {
        long to = master.currentFrame() + frames;
        master.pause();
        for (VideoPlayer f : followers) f.pause();
        showFrame(to);
    }

    public void jump(long deltaMs) {
        showFrame(master.clock().frameAt(master.currentMs() + deltaMs));
    }

    /** Shows the frame a stored session time was coded on. */
    public void seekStored(long sessionMs) {
        showFrame(master.clock().frameOfStored(sessionMs - masterOffset));
    }

    public void play() {
        double masterMs = master.currentMs();
        syncFollowers(masterMs);
        master.play();
        for (int i = 0; i < followers.size(); i++) {
            if (inRange(i, targetMs(i, masterMs))) followers.get(i).play();
        }
        lastCheck = System.nanoTime();
    }

    public void pause() {
        master.pause();
        for (VideoPlayer f : followers) f.pause();
        syncAfterPause = !followers.isEmpty();
    }

    public boolean isPlaying() {
        return master.isPlaying();
    }

    public void setRate(double rate) {
        master.setRate(rate);
        for (VideoPlayer f : followers) f.setRate(rate);
    }

    public double rate() {
        return master.rate();
    }

    /** Sound comes from camera 1 only (several sound tracks at once would echo). */
    public void setVolume(double v) {
        master.setVolume(v);
        for (VideoPlayer f : followers) f.setMute(true);
    }

    public void setMute(boolean mute) {
        master.setMute(mute);
    }

    /**
     * Call every animation frame: while playing, checks each follower against the master twice a
     * second and re-seeks it when it has drifted more than a frame and a half; after a pause, puts the
     * followers on the master's final frame.
     */
    public void tick() {
        if (followers.isEmpty()) return;
        if (!master.isPlaying()) {
            if (syncAfterPause) {
                syncAfterPause = false;
                syncFollowers(master.currentMs());
            }
            return;
        }
        long now = System.nanoTime();
        if (now - lastCheck < CHECK_EVERY_NS) return;
        lastCheck = now;
        double masterMs = master.currentMs();
        for (int i = 0; i < followers.size(); i++) {
            VideoPlayer f = followers.get(i);
            double target = targetMs(i, masterMs);
            if (!inRange(i, target)) {
                if (f.isPlaying()) f.pause();
                continue;
            }
            if (!f.isPlaying()) {
                f.showFrame(f.clock().frameAt(target));
                f.play();
                continue;
            }
            double drift = f.currentMs() - target;
            checks++;
            maxDrift = Math.max(maxDrift, Math.abs(drift));
            if (Math.abs(drift) > 1.5 * f.clock().frameMs()) {
                f.showFrame(f.clock().frameAt(target));
                corrections++;
            }
        }
    }

    public Drift drift() {
        return new Drift(checks, maxDrift, corrections);
    }

    public List<VideoPlayer> followers() {
        return List.copyOf(followers);
    }

    public VideoPlayer master() {
        return master;
    }

    /** Follower i's file time matching camera 1's file time {@code masterFileMs}. */
    private double targetMs(int i, double masterFileMs) {
        return masterFileMs + masterOffset - followerOffsets.get(i);
    }

    private boolean inRange(int i, double fileMs) {
        return fileMs >= 0 && fileMs < followers.get(i).durationMs();
    }

    /** Puts every follower on the frame matching camera 1's (its first or last frame when the session time lies outside its file). */
    private void syncFollowers(double masterFileMs) {
        for (int i = 0; i < followers.size(); i++) {
            VideoPlayer f = followers.get(i);
            double target = targetMs(i, masterFileMs);
            long frame = target < 0 ? 0 : f.clock().frameAt(Math.min(target, f.durationMs() - 1));
            f.showFrame(frame);
        }
    }

    @Override
    public void close() {
        master.close();
        for (VideoPlayer f : followers) f.close();
    }
}
