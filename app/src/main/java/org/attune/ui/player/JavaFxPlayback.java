package org.attune.ui.player;

import javafx.scene.media.MediaPlayer;
import javafx.util.Duration;

/** Playing through JavaFX's media player: smooth, with sound; its picture is a {@code MediaView} of it. */
final class JavaFxPlayback implements Playback {

    private final MediaPlayer player;

    JavaFxPlayback(MediaPlayer player) {
        this.player = player;
    }

    MediaPlayer player() {
        return player;
    }

    @Override
    public double currentMs() {
        return player.getCurrentTime().toMillis();
    }

    @Override
    public void seek(double ms) {
        player.seek(Duration.millis(ms));
    }

    @Override
    public void play() {
        player.play();
    }

    @Override
    public void pause(Runnable then) {
        if (player.getStatus() != MediaPlayer.Status.PLAYING) {
            player.pause();
            return;
        }
        player.setOnPaused(() -> {
            player.setOnPaused(null);
            then.run();
        });
        player.pause();
    }

    @Override
    public boolean isPlaying() {
        return player.getStatus() == MediaPlayer.Status.PLAYING;
    }

    @Override
    public void setRate(double rate) {
        player.setRate(rate);
    }

    @Override
    public double rate() {
        return player.getRate();
    }

    @Override
    public void setVolume(double volume) {
        player.setVolume(volume);
    }

    @Override
    public void setMute(boolean mute) {
        player.setMute(mute);
    }

    @Override
    public boolean silent() {
        return false;
    }

    @Override
    public void close() {
        player.dispose();
    }
}
