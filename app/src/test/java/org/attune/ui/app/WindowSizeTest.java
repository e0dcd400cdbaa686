package org.attune.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 14 bug 4: the first window fits the screen, and the size the user leaves is used again while it fits. */
class WindowSizeTest {

    @Test
    void firstRunIs1280By800OrTheScreenWhicheverIsSmaller() {
        assertEquals(new WindowSize(1280, 800), WindowSize.toOpen(1920, 1050, Optional.empty()));
        assertEquals(new WindowSize(1024, 740), WindowSize.toOpen(1024, 740, Optional.empty()), "a small screen: the window fits it, not its minimum");
        assertEquals(new WindowSize(800, 560), WindowSize.minimum(800, 600));
    }

    @Test
    void theSavedSizeIsUsedWhileItFits() {
        assertEquals(new WindowSize(1600, 1000), WindowSize.toOpen(1920, 1050, Optional.of(new WindowSize(1600, 1000).write())));
        assertEquals(new WindowSize(1366, 728), WindowSize.toOpen(1366, 728, Optional.of("1600x1000")), "moved to a smaller screen");
        for (String bad : new String[] {"", "1600", "axb", "100x100", "1e9x800"}) {
            assertEquals(WindowSize.FIRST, WindowSize.toOpen(1920, 1050, Optional.of(bad)), bad);
        }
    }
}
