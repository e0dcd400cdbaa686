package org.attune.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Map;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.json.BundledSchemes;
import org.junit.jupiter.api.Test;

class KeyMapTest {

    static final CodingScheme SCHEME = BundledSchemes.defaultScheme();

    @Test
    void theSchemesKeysUnlessTheCoderRemapsOrRemovesThem() {
        KeyMap plain = KeyMap.ofScheme(SCHEME);
        assertEquals("P_GAZE", ((KeyMap.CodeKey) plain.binding("KeyG")).code().id());
        assertEquals(List.of(), plain.conflicts(), "the bundled scheme has no key twice");
        KeyMap mine = new KeyMap(SCHEME, Map.of("P_GAZE", "KeyQ", "C_GAZE", ""), Map.of());
        assertEquals("P_GAZE", ((KeyMap.CodeKey) mine.binding("KeyQ")).code().id());
        assertInstanceOf(KeyMap.Unbound.class, mine.binding("KeyG"));
        assertInstanceOf(KeyMap.Unbound.class, mine.binding("KeyL"), "C_GAZE's key was removed");
    }

    @Test
    void aKeyBoundTwiceIsAConflictAndDoesNothing() {
        KeyMap clash = new KeyMap(SCHEME, Map.of("C_GAZE", "KeyG"), Map.of(KeyMap.Transport.PLAY, "KeyG"));
        KeyMap.Conflict c = (KeyMap.Conflict) clash.binding("KeyG");
        assertEquals("KeyG is bound to P_GAZE and C_GAZE and play", c.describe());
        assertEquals(List.of(c), clash.conflicts());
    }

    @Test
    void theNumericKeypadLayoutDoesNotCollideWithTheDigitCodes() {
        KeyMap numpad = new KeyMap(SCHEME, Map.of(), KeyMap.NUMPAD);
        assertEquals(List.of(), numpad.conflicts());
        assertEquals(KeyMap.Transport.PLAY, ((KeyMap.TransportKey) numpad.binding("Numpad8")).action());
        assertEquals(KeyMap.Transport.STOP, ((KeyMap.TransportKey) numpad.binding("Numpad5")).action());
        assertEquals(KeyMap.Transport.STEP_BACK, ((KeyMap.TransportKey) numpad.binding("Numpad1")).action());
        assertEquals(KeyMap.Transport.FASTER, ((KeyMap.TransportKey) numpad.binding("Numpad6")).action());
        assertInstanceOf(KeyMap.CodeKey.class, numpad.binding("Digit1"), "the digit row still codes");
    }
}
