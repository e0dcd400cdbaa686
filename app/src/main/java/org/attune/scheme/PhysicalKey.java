package org.attune.scheme;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A key identified by its position on the keyboard, not by the character it types.
 *
 * <p>Names follow the W3C UI Events {@code KeyboardEvent.code} values ({@code KeyG}, {@code Digit1},
 * {@code Backquote}, {@code Numpad8}), which name the key at that position on a US keyboard. A
 * scheme that says {@code KeyY} therefore means the same physical key for a lab in Berlin (where
 * it is labelled Z) as in Boston, so hand positions in a coding manual hold across layouts.
 * {@link KeyboardLayout} gives the label a coder sees on their own keyboard.
 */
public record PhysicalKey(String code) {

    private static final Map<String, String> US_LABELS = usLabels();

    public PhysicalKey {
        Objects.requireNonNull(code, "code");
        if (!US_LABELS.containsKey(code)) {
            throw new IllegalArgumentException("not a physical key code: " + code);
        }
    }

    public static Optional<PhysicalKey> of(String code) {
        return code != null && US_LABELS.containsKey(code) ? Optional.of(new PhysicalKey(code)) : Optional.empty();
    }

    /** Every key code a scheme may use, in keyboard order. */
    public static Set<String> allCodes() {
        return Collections.unmodifiableSet(US_LABELS.keySet());
    }

    /** The label printed on this key of a US keyboard. */
    public String usLabel() {
        return US_LABELS.get(code);
    }

    /** The label on the given layout's keyboard, for display. */
    public String label(KeyboardLayout layout) {
        return layout.label(this);
    }

    public boolean isNumpad() {
        return code.startsWith("Numpad");
    }

    @Override
    public String toString() {
        return code;
    }

    private static Map<String, String> usLabels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Backquote", "`");
        for (int d = 1; d <= 10; d++) {
            int digit = d % 10;
            m.put("Digit" + digit, Integer.toString(digit));
        }
        m.put("Minus", "-");
        m.put("Equal", "=");
        for (char c : "QWERTYUIOP".toCharArray()) m.put("Key" + c, String.valueOf(c));
        m.put("BracketLeft", "[");
        m.put("BracketRight", "]");
        m.put("Backslash", "\\");
        for (char c : "ASDFGHJKL".toCharArray()) m.put("Key" + c, String.valueOf(c));
        m.put("Semicolon", ";");
        m.put("Quote", "'");
        m.put("IntlBackslash", "\\ (ISO)");
        for (char c : "ZXCVBNM".toCharArray()) m.put("Key" + c, String.valueOf(c));
        m.put("Comma", ",");
        m.put("Period", ".");
        m.put("Slash", "/");
        for (int d = 0; d <= 9; d++) m.put("Numpad" + d, "Num " + d);
        m.put("NumpadDecimal", "Num .");
        m.put("NumpadAdd", "Num +");
        m.put("NumpadSubtract", "Num -");
        m.put("NumpadMultiply", "Num *");
        m.put("NumpadDivide", "Num /");
        m.put("NumpadEnter", "Num Enter");
        for (int f = 1; f <= 12; f++) m.put("F" + f, "F" + f);
        return Collections.unmodifiableMap(m);
    }
}
