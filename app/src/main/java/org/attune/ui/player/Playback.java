package org.attune.ui.player;

/**
 * What moves a video's picture while it plays: JavaFX's player, with sound ({@link JavaFxPlayback}), or
 * FFmpeg's exact frames on a clock of their own, silent ({@link SilentPlayback}: where JavaFX cannot play
 * the file or there is no sound device). {@link VideoPlayer} holds one; call from the FX thread.
 */
interface Playback {

    /** The media time now, in ms. */
    double currentMs();

    /** Moves to a media time (ms); playing goes on from there. */
    void seek(double ms);

    void play();

    /** Pauses; {@code then} runs once the time has stopped (at once, or when the player says so). */
    void pause(Runnable then);

    boolean isPlaying();

    void setRate(double rate);

    double rate();

    void setVolume(double volume);

    void setMute(boolean mute);

    /** Whether the picture is FFmpeg's alone (no sound): the exact frame shows while playing too. */
    boolean silent();

    void close();
}
