package org.attune.coding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** Converts millisecond times to text and back, only at the edges (UI readouts, CSV). Exact: no floating point. */
public final class TimeFormat {

    private TimeFormat() {
    }

    /** {@code 83456} → {@code "83.456"} (seconds, three decimals, dot or the given separator). */
    public static String seconds(long ms, char decimalSeparator) {
        long abs = Math.abs(ms);
        String s = (abs / 1000) + String.valueOf(decimalSeparator) + pad3(abs % 1000);
        return ms < 0 ? "-" + s : s;
    }

    public static String seconds(long ms) {
        return seconds(ms, '.');
    }

    /** {@code 3723456} → {@code "01:02:03.456"}. */
    public static String clock(long ms) {
        long h = ms / 3_600_000;
        long m = (ms / 60_000) % 60;
        long s = (ms / 1000) % 60;
        return String.format("%02d:%02d:%02d.%s", h, m, s, pad3(ms % 1000));
    }

    /**
     * Parses seconds written with a dot or comma decimal separator ({@code "12.5"}, {@code "12,500"})
     * into milliseconds, rounding half up past the third decimal. Empty for anything else.
     */
    public static Optional<Long> parseSeconds(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim().replace(',', '.');
        if (t.isEmpty() || !t.matches("-?\\d+(\\.\\d*)?|-?\\.\\d+")) return Optional.empty();
        try {
            return Optional.of(new BigDecimal(t).movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact());
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static String pad3(long v) {
        return v < 10 ? "00" + v : v < 100 ? "0" + v : Long.toString(v);
    }
}
