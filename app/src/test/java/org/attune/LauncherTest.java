package org.attune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Started without a display, the app says what to do instead of printing a toolkit's stack trace. */
class LauncherTest {

    @Test
    void withoutADisplayOnLinuxTheLauncherExplainsTheHeadlessCommands() {
        String why = Launcher.noDisplay(Map.of(), "Linux", "").orElseThrow();
        assertTrue(why.startsWith("Attune cannot open its window: there is no display here"), why);
        assertTrue(why.contains("java -jar attune.jar --help") && why.contains("xvfb-run"), why);
        assertEquals(Optional.empty(), Launcher.noDisplay(Map.of("DISPLAY", ":0"), "Linux", ""));
        assertEquals(Optional.empty(), Launcher.noDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", ""));
        assertEquals(Optional.empty(), Launcher.noDisplay(Map.of(), "Windows 11", ""));
        assertEquals(Optional.empty(), Launcher.noDisplay(Map.of(), "Mac OS X", ""));
        assertEquals(Optional.empty(), Launcher.noDisplay(Map.of(), "Linux", "Monocle"), "the headless test platform needs no display");
    }

    /** A double-clicked study or sealed package (one argument, an existing .attune or .sealed file) opens in the app; anything else is a command. */
    @Test
    void aStudyFileAsTheOnlyArgumentOpensTheApp(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path study = java.nio.file.Files.writeString(dir.resolve("Free play.attune"), "x");
        assertEquals(Optional.of(study.toAbsolutePath().toString()), Launcher.studyToOpen(new String[] {study.toString()}));
        assertEquals(Optional.empty(), Launcher.studyToOpen(new String[] {dir.resolve("missing.attune").toString()}), "not there: the command line says so");
        assertEquals(Optional.empty(), Launcher.studyToOpen(new String[] {"study", "info", study.toString()}));
        assertEquals(Optional.empty(), Launcher.studyToOpen(new String[] {"--version"}));
        java.nio.file.Path sealed = java.nio.file.Files.writeString(dir.resolve("AL.SEALED"), "x");
        assertEquals(Optional.of(sealed.toAbsolutePath().toString()), Launcher.studyToOpen(new String[] {sealed.toString()}), "a sealed package: the app asks its passphrase");
    }
}
