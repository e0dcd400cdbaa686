package org.attune.ui.coding;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.attune.coding.KeyMap;
import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.KeyboardLayout;
import org.attune.scheme.PhysicalKey;
import org.attune.ui.UserSettings;

/**
 * The coder's own keys and keyboard layout, kept in the user's settings (never in the study):
 * {@code keys.SCHEME.code.ID}, {@code keys.transport.ACTION}, {@code keyboard.layout}. Only keys
 * that differ from the scheme's are stored, so a scheme's new version brings its new keys.
 */
final class KeySettings {

    private final UserSettings settings;

    KeySettings(UserSettings settings) {
        this.settings = settings;
    }

    /** The layout chosen in Keys…, else {@code fallback} (the locale's). */
    KeyboardLayout layout(KeyboardLayout fallback) {
        return settings.get("keyboard.layout").flatMap(KeySettings::layoutNamed).orElse(fallback);
    }

    void saveLayout(KeyboardLayout layout) {
        settings.put("keyboard.layout", layout.name());
    }

    /** The coder's key map for a scheme. */
    KeyMap load(CodingScheme scheme) {
        Map<String, String> codes = settings.withPrefix("keys." + scheme.id() + ".code.");
        Map<KeyMap.Transport, String> transport = new EnumMap<>(KeyMap.Transport.class);
        settings.withPrefix("keys.transport.").forEach((action, key) -> {
            try {
                transport.put(KeyMap.Transport.valueOf(action), key);
            } catch (IllegalArgumentException ignored) {
                // a setting from another version of Attune: skipped
            }
        });
        return new KeyMap(scheme, codes, transport);
    }

    /** Saves a key map as the coder's own (codes that keep the scheme's key are not stored); returns it as read back. */
    KeyMap save(KeyMap map) {
        CodingScheme scheme = map.scheme();
        settings.clearPrefix("keys." + scheme.id() + ".code.");
        settings.clearPrefix("keys.transport.");
        for (Code c : scheme.timedCodes()) {
            String mine = map.keyOf(c).orElse("");
            String schemes = c.physicalKey().map(PhysicalKey::code).orElse("");
            if (!mine.equals(schemes)) settings.put("keys." + scheme.id() + ".code." + c.id(), mine);
        }
        map.transportKeys().forEach((t, k) -> settings.put("keys.transport." + t.name(), k));
        return load(scheme);
    }

    private static Optional<KeyboardLayout> layoutNamed(String name) {
        try {
            return Optional.of(KeyboardLayout.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a setting from another version of Attune: the locale's layout
        }
    }
}
