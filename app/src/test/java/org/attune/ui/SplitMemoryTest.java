package org.attune.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Saved divider positions are used only when they make sense; a hand-edited or stale value falls back to the defaults. */
class SplitMemoryTest {

    @Test
    void savedPositionsAreReadBackAndNonsenseIsIgnored() {
        UserSettings s = UserSettings.memory();
        double[] defaults = {0.5, 0.78};
        assertArrayEquals(defaults, SplitMemory.read(s, "k", defaults));
        s.put("k", SplitMemory.write(new double[] {0.25, 0.7}));
        assertEquals("0.2500,0.7000", s.get("k").orElseThrow());
        assertArrayEquals(new double[] {0.25, 0.7}, SplitMemory.read(s, "k", defaults));
        for (String bad : new String[] {"0.4", "0.4,0.3", "0,0.5", "0.5,1.2", "x,0.5", "NaN,0.6", ""}) {
            s.put("k", bad);
            assertArrayEquals(defaults, SplitMemory.read(s, "k", defaults), bad);
        }
    }
}
