package org.attune.scheme;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Keyboard layouts whose key labels Attune can show. A key is stored as a {@link PhysicalKey};
 * the layout only changes what the coder sees printed on it.
 */
public enum KeyboardLayout {
    US_QWERTY("US / UK QWERTY", Map.of()),
    DE_QWERTZ("German QWERTZ", Map.ofEntries(
            Map.entry("KeyY", "Z"), Map.entry("KeyZ", "Y"),
            Map.entry("Minus", "ß"), Map.entry("Equal", "´"),
            Map.entry("BracketLeft", "Ü"), Map.entry("BracketRight", "+"),
            Map.entry("Semicolon", "Ö"), Map.entry("Quote", "Ä"),
            Map.entry("Backquote", "^"), Map.entry("Backslash", "#"),
            Map.entry("Slash", "-"), Map.entry("IntlBackslash", "<"))),
    FR_AZERTY("French AZERTY", Map.ofEntries(
            Map.entry("KeyQ", "A"), Map.entry("KeyA", "Q"),
            Map.entry("KeyW", "Z"), Map.entry("KeyZ", "W"),
            Map.entry("KeyM", ","), Map.entry("Semicolon", "M"),
            Map.entry("Minus", ")"), Map.entry("BracketLeft", "^"),
            Map.entry("BracketRight", "$"), Map.entry("Quote", "Ù"),
            Map.entry("Backquote", "²"), Map.entry("Backslash", "*"),
            Map.entry("Comma", ";"), Map.entry("Period", ":"),
            Map.entry("Slash", "!"), Map.entry("IntlBackslash", "<")));

    private final String displayName;
    private final Map<String, String> overrides;

    KeyboardLayout(String displayName, Map<String, String> overrides) {
        this.displayName = displayName;
        this.overrides = overrides;
    }

    public String displayName() {
        return displayName;
    }

    /** The label printed on the key at this position. */
    public String label(PhysicalKey key) {
        return overrides.getOrDefault(key.code(), key.usLabel());
    }

    /**
     * The key that types {@code character} (unshifted, letters case-insensitive) on this layout,
     * used to read keys from tools that store characters, such as BORIS.
     */
    public Optional<PhysicalKey> keyForCharacter(String character) {
        if (character == null || character.isEmpty()) return Optional.empty();
        String wanted = character.toUpperCase(Locale.ROOT);
        for (String code : PhysicalKey.allCodes()) {
            PhysicalKey key = new PhysicalKey(code);
            if (!key.isNumpad() && label(key).equals(wanted)) return Optional.of(key);
        }
        return Optional.empty();
    }

    /** A best guess from the user's locale; users can change it in the settings. */
    public static KeyboardLayout forLocale(Locale locale) {
        return switch (locale.getLanguage()) {
            case "de" -> DE_QWERTZ;
            case "fr" -> "CA".equals(locale.getCountry()) ? US_QWERTY : FR_AZERTY;
            default -> US_QWERTY;
        };
    }
}
