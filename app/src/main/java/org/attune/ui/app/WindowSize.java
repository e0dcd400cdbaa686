package org.attune.ui.app;

import java.util.Locale;
import java.util.Optional;

/**
 * The main window's size: on the first run 1280 × 800 or the screen, whichever is smaller (a window
 * larger than the screen is shrunk by some window managers to its minimum, where every button reads
 * "…"); afterwards the size the user left it at, as long as it still fits the screen.
 */
record WindowSize(double width, double height) {
    static final WindowSize FIRST = new WindowSize(1280, 800);
    static final WindowSize MINIMUM = new WindowSize(900, 560);
    static final String KEY = "window.size";

    /** The size to open at on a screen of {@code screenWidth} × {@code screenHeight} (its free area), given the saved size if any. */
    static WindowSize toOpen(double screenWidth, double screenHeight, Optional<String> saved) {
        WindowSize wanted = saved.flatMap(WindowSize::parse).orElse(FIRST);
        return new WindowSize(Math.min(wanted.width, screenWidth), Math.min(wanted.height, screenHeight));
    }

    /** The smallest the window may be made on that screen. */
    static WindowSize minimum(double screenWidth, double screenHeight) {
        return new WindowSize(Math.min(MINIMUM.width, screenWidth), Math.min(MINIMUM.height, screenHeight));
    }

    String write() {
        return String.format(Locale.ROOT, "%.0fx%.0f", width, height);
    }

    static Optional<WindowSize> parse(String s) {
        String[] p = s.trim().split("x");
        if (p.length != 2) return Optional.empty();
        try {
            double w = Double.parseDouble(p[0]);
            double h = Double.parseDouble(p[1]);
            return w >= MINIMUM.width && h >= MINIMUM.height && w < 100_000 && h < 100_000 ? Optional.of(new WindowSize(w, h)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
