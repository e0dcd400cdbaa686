package org.attune.ui.player;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.SourceDataLine;

/**
 * Whether this computer has a sound output: JavaFX's player halts (never ready, never failing) on a
 * video's sound track where it has none, so such a video is played silently from the start instead
 * (the 12-s watchdog in {@link VideoPlayer} catches the rest). Asked once, through Java's own sound API.
 */
final class SoundOutput {

    private static final boolean FOUND = look();

    private SoundOutput() {
    }

    static boolean found() {
        return FOUND;
    }

    private static boolean look() {
        try {
            AudioFormat cd = new AudioFormat(44_100, 16, 2, true, false);
            return AudioSystem.isLineSupported(new DataLine.Info(SourceDataLine.class, cd));
        } catch (RuntimeException | LinkageError e) {
            return true; // unknown: let JavaFX's player try (the watchdog stays)
        }
    }
}
