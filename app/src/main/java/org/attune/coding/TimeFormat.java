package org.attune.coding;

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

    /** {@code 2000} → {@code "2"}, {@code 1500} → {@code "1.5"}: seconds without trailing zeros, for parameters ("±2 s", unit_s). */
    public static String shortSeconds(long ms) {
        return java.math.BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString();
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
     * Hand-written (no regex, no BigDecimal): imports parse it twice per event.
     */
    public static Optional<Long> parseSeconds(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim();
        int i = 0;
        int n = t.length();
        boolean negative = n > 0 && t.charAt(0) == '-';
        if (negative) i++;
        long whole = 0;
        int wholeDigits = 0;
        while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            if (++wholeDigits > 12) return Optional.empty();
            whole = whole * 10 + (t.charAt(i++) - '0');
        }
        long millis = 0;
        int fractionDigits = 0;
        boolean roundUp = false;
        if (i < n && (t.charAt(i) == '.' || t.charAt(i) == ',')) {
            i++;
            while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                int d = t.charAt(i++) - '0';
                if (fractionDigits < 3) millis = millis * 10 + d;
                else if (fractionDigits == 3) roundUp = d >= 5;
                fractionDigits++;
            }
        }
        if (i != n || wholeDigits + fractionDigits == 0) return Optional.empty();
        for (int k = Math.min(fractionDigits, 3); k < 3; k++) millis *= 10;
        long ms = whole * 1000 + millis + (roundUp ? 1 : 0);
        return Optional.of(negative ? -ms : ms);
    }

    /**
     * Parses a time as typed by a person: {@code 01:02:03.456}, {@code 2:03.456} (minutes and seconds)
     * or plain seconds ({@code 123.456}); a comma works as the decimal separator. Empty for anything else.
     */
    public static Optional<Long> parseClock(String text) {
        if (text == null) return Optional.empty();
        String[] parts = text.trim().split(":", -1);
        if (parts.length > 3) return Optional.empty();
        Optional<Long> seconds = parseSeconds(parts[parts.length - 1]);
        if (seconds.isEmpty() || seconds.get() < 0) return Optional.empty();
        long ms = seconds.get();
        if (parts.length > 1 && ms >= 60_000) return Optional.empty();
        long unit = 60_000;
        for (int i = parts.length - 2; i >= 0; i--, unit *= 60) {
            String p = parts[i].trim();
            if (p.isEmpty() || !p.chars().allMatch(Character::isDigit) || p.length() > 6) return Optional.empty();
            long v = Long.parseLong(p);
            if (i > 0 && v >= 60) return Optional.empty();
            ms += v * unit;
        }
        return Optional.of(ms);
    }

    private static String pad3(long v) {
        return v < 10 ? "00" + v : v < 100 ? "0" + v : Long.toString(v);
    }
}
