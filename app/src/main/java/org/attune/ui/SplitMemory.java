package org.attune.ui;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;

/**
 * Split panes that keep where the user put their dividers, in the user's settings: restored when the
 * view is built, saved when a drag ends (not on every pixel of it). {@link #reset} puts them back.
 */
public final class SplitMemory {
    private SplitMemory() {
    }

    /** Restores {@code split}'s dividers from {@code key} (or {@code defaults}) and saves them under it after each drag. */
    public static void remember(SplitPane split, UserSettings settings, String key, double... defaults) {
        split.setDividerPositions(read(settings, key, defaults));
        split.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> settings.put(key, write(split.getDividerPositions())));
    }

    /** Puts the dividers back where they start on a first run and forgets the saved ones. */
    public static void reset(SplitPane split, UserSettings settings, String key, double... defaults) {
        settings.put(key, null);
        split.setDividerPositions(defaults);
    }

    /** The saved positions when they are as many as the defaults, each within 0–1 and in order; else the defaults. */
    static double[] read(UserSettings settings, String key, double... defaults) {
        return settings.get(key).map(v -> {
            try {
                double[] p = Arrays.stream(v.split(",")).mapToDouble(x -> Double.parseDouble(x.trim())).toArray();
                if (p.length != defaults.length) return defaults;
                for (int i = 0; i < p.length; i++) {
                    if (!(p[i] > 0 && p[i] < 1) || i > 0 && p[i] <= p[i - 1]) return defaults;
                }
                return p;
            } catch (NumberFormatException e) {
                return defaults;
            }
        }).orElse(defaults);
    }

    static String write(double[] positions) {
        return Arrays.stream(positions).mapToObj(p -> String.format(Locale.ROOT, "%.4f", p)).collect(Collectors.joining(","));
    }
}
