package org.attune.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.attune.coding.KeyMap;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.KeyboardLayout;
import org.attune.scheme.json.BundledSchemes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help ▸ Keyboard shortcuts and Coding manual: the coder's own keys on the card, written into the user's folder and opened. */
class HelpPagesTest {

    @TempDir
    Path dir;

    @Test
    void theCardShowsTheCodersOwnKeysOnTheirKeyboardAndMarksAKeyBoundTwice() throws Exception {
        CodingScheme scheme = BundledSchemes.defaultScheme();
        // the coder moved "Child bid" onto Y (KeyY), which Child positive affect also has
        KeyMap mine = new KeyMap(scheme, Map.of("C_BID", "KeyY"), KeyMap.NUMPAD);
        List<Path> opened = new ArrayList<>();
        RecordingDialogs dialogs = new RecordingDialogs();
        new HelpPages(dir, dialogs, opened::add).keyboardShortcuts(mine, KeyboardLayout.DE_QWERTZ, "Your keys in <Lab & co>");
        Path page = dir.resolve("keyboard-shortcuts.html");
        assertEquals(List.of(page), opened);
        String html = Files.readString(page);
        assertTrue(html.contains("<kbd>Z</kbd></td><td>Child bid (serve) <span class=\"warn\">(key shared:"), "KeyY is labelled Z on a German keyboard");
        assertTrue(html.contains("Your keys in &lt;Lab &amp; co&gt;"), "text is escaped");
        assertTrue(html.contains("<td>Play</td>"), "the numeric keypad's player keys");
        assertTrue(html.contains("Ctrl+Shift+← / →"));
        assertFalse(html.contains("R_SENS"), "session ratings have no keys");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(page), files.toList(), "no temporary file left");
        }
        assertEquals(List.of(), dialogs.shown);
    }

    @Test
    void whereNothingCanOpenItThePathIsSaid() throws Exception {
        RecordingDialogs dialogs = new RecordingDialogs();
        new HelpPages(dir.resolve("new-folder"), dialogs, null).codingManual(BundledSchemes.defaultScheme(), KeyboardLayout.US_QWERTY);
        Path page = dir.resolve("new-folder").resolve(BundledSchemes.defaultScheme().id() + "-manual.html");
        assertTrue(Files.readString(page).contains("Coding manual: "));
        assertEquals(List.of("(i) Coding manual: The page is at " + page + ". Open it in your web browser to read or print it."), dialogs.shown);
    }
}
