package org.attune.scheme;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** A colour as {@code #RRGGBB}; kept as text so the domain needs no UI toolkit. */
public record HexColor(String hex) {
    private static final Pattern FORMAT = Pattern.compile("#[0-9A-Fa-f]{6}");

    public HexColor {
        Objects.requireNonNull(hex, "hex");
        if (!FORMAT.matcher(hex).matches()) {
            throw new IllegalArgumentException("not a #RRGGBB colour: " + hex);
        }
        hex = hex.toUpperCase(Locale.ROOT);
    }

    public static boolean isValid(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }

    public int red() { return Integer.parseInt(hex.substring(1, 3), 16); }
    public int green() { return Integer.parseInt(hex.substring(3, 5), 16); }
    public int blue() { return Integer.parseInt(hex.substring(5, 7), 16); }

    /** Relative luminance (WCAG) in 0..1, used to pick black or white text on this colour. */
    public double luminance() {
        return 0.2126 * linear(red()) + 0.7152 * linear(green()) + 0.0722 * linear(blue());
    }

    /** Black or white, whichever reads better on this colour. */
    public HexColor readableText() {
        return luminance() > 0.4 ? new HexColor("#000000") : new HexColor("#FFFFFF");
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    @Override
    public String toString() {
        return hex;
    }
}
