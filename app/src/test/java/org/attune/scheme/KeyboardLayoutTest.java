package org.attune.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class KeyboardLayoutTest {

    @ParameterizedTest(name = "{0} on {1} reads {2}")
    @CsvSource(textBlock = """
            KeyY,      US_QWERTY, Y
            KeyY,      DE_QWERTZ, Z
            KeyZ,      DE_QWERTZ, Y
            Semicolon, DE_QWERTZ, Ö
            KeyQ,      FR_AZERTY, A
            KeyA,      FR_AZERTY, Q
            KeyW,      FR_AZERTY, Z
            Semicolon, FR_AZERTY, M
            KeyG,      FR_AZERTY, G
            Digit1,    FR_AZERTY, 1
            Numpad8,   DE_QWERTZ, Num 8
            """)
    void labelFollowsTheLayout(String code, KeyboardLayout layout, String label) {
        assertEquals(label, new PhysicalKey(code).label(layout));
    }

    @Test
    void characterTypedOnALayoutMapsBackToItsPosition() {
        assertEquals(Optional.of(new PhysicalKey("KeyY")), KeyboardLayout.DE_QWERTZ.keyForCharacter("z"));
        assertEquals(Optional.of(new PhysicalKey("KeyZ")), KeyboardLayout.US_QWERTY.keyForCharacter("z"));
        assertEquals(Optional.of(new PhysicalKey("KeyQ")), KeyboardLayout.FR_AZERTY.keyForCharacter("a"));
        assertEquals(Optional.of(new PhysicalKey("Backquote")), KeyboardLayout.US_QWERTY.keyForCharacter("`"));
        assertTrue(KeyboardLayout.US_QWERTY.keyForCharacter("€").isEmpty());
    }

    @Test
    void layoutGuessFollowsLocale() {
        assertEquals(KeyboardLayout.DE_QWERTZ, KeyboardLayout.forLocale(Locale.GERMANY));
        assertEquals(KeyboardLayout.FR_AZERTY, KeyboardLayout.forLocale(Locale.FRANCE));
        assertEquals(KeyboardLayout.US_QWERTY, KeyboardLayout.forLocale(Locale.CANADA_FRENCH));
        assertEquals(KeyboardLayout.US_QWERTY, KeyboardLayout.forLocale(Locale.UK));
    }

    @Test
    void unknownKeyCodeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PhysicalKey("G"));
        assertTrue(PhysicalKey.of("Space").isEmpty(), "Space is kept for the player");
    }
}
