package org.attune;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.attune.cli.AttuneCommand;
import org.attune.ui.app.AttuneApp;

/**
 * Entry point of {@code attune.jar}: no arguments opens the app, and so does one argument that is a study
 * file or a sealed coder package (a double-click on a {@code .attune} or {@code .sealed} file); any other argument runs the headless command line. (A
 * plain class, not the JavaFX Application, so the jar starts from the classpath.)
 */
public final class Launcher {

    static final String NO_DISPLAY = "Attune cannot open its window: there is no display here (a server, or a terminal without a desktop).\n"
            + "The headless commands work without one: attune --help (or java -jar attune.jar --help) lists them (study info, events export and import,\n"
            + "agreement, measures, …). To use the app, start it on a desktop; on a Linux machine without one, under a virtual display:\n"
            + "xvfb-run attune, or xvfb-run java -jar attune.jar (it needs the packages xvfb, libgtk-3-0 and fonts-dejavu-core).";

    private Launcher() {
    }

    public static void main(String[] args) {
        Optional<String> study = studyToOpen(args);
        if (study.isPresent()) { // a double-clicked study (the installers associate .attune files with the app)
            System.setProperty("attune.open.study", study.get());
            args = new String[0];
        }
        if (args.length == 0) {
            Optional<String> why = noDisplay(System.getenv(), System.getProperty("os.name", ""), System.getProperty("glass.platform", ""));
            if (why.isPresent()) {
                System.err.println(why.get());
                System.exit(2);
            }
            try {
                AttuneApp.launchApp(args);
            } catch (UnsupportedOperationException e) { // GTK's "Unable to open DISPLAY": DISPLAY is set but unreachable
                System.err.println(displayUnreachable(System.getenv("DISPLAY")));
                System.exit(2);
            }
        } else {
            Optional<java.nio.file.Path> readWhole = AttuneCommand.studyReadWhole(args);
            if (readWhole.isPresent()) org.attune.store.CheckedRead.prefetch(readWhole.get()); // opened and checked while picocli parses
            else warmUpWhileParsing();
            System.exit(AttuneCommand.run(args));
        }
    }

    /**
     * On a second core, while picocli reads the arguments (~90 ms): SQLite's driver and the scheme reader,
     * which nearly every command needs next (together ~120 ms of code running for the first time). The same
     * classes in the same order as the command's own thread, so class initialisation cannot deadlock.
     */
    private static void warmUpWhileParsing() {
        Thread t = new Thread(() -> {
            org.attune.store.CheckedRead.warmUp();
            org.attune.scheme.json.BundledSchemes.defaultScheme();
        }, "attune-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The study a single argument names when it is an existing {@code .attune} file, or a sealed coder package
     * ({@code .sealed}, whose passphrase the app asks), opened in the app; else empty (a command).
     */
    static Optional<String> studyToOpen(String[] args) {
        if (args.length != 1) return Optional.empty();
        String name = args[0].toLowerCase(Locale.ROOT);
        if (!name.endsWith(".attune") && !name.endsWith(".sealed")) return Optional.empty();
        java.nio.file.Path p = java.nio.file.Path.of(args[0]);
        return java.nio.file.Files.isRegularFile(p) ? Optional.of(p.toAbsolutePath().toString()) : Optional.empty();
    }

    static String displayUnreachable(String display) {
        return "Attune cannot open its window: the display " + (display == null || display.isBlank() ? "" : "(DISPLAY=" + display + ") ")
                + "could not be opened. Check that the desktop or X server is running and that this user may use it; on Linux the app also\n"
                + "needs the packages libgtk-3-0 and fonts-dejavu-core. The headless commands work without a display: attune --help (or java -jar attune.jar --help).";
    }

    /**
     * Why the app's window cannot open, when it cannot: on Linux and other X11/Wayland systems with
     * neither {@code DISPLAY} nor {@code WAYLAND_DISPLAY} set (Windows and macOS always have a
     * display; the headless Monocle platform needs none).
     */
    static Optional<String> noDisplay(Map<String, String> env, String osName, String glassPlatform) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac") || glassPlatform.equalsIgnoreCase("monocle")) return Optional.empty();
        boolean display = !env.getOrDefault("DISPLAY", "").isBlank() || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
        return display ? Optional.empty() : Optional.of(NO_DISPLAY);
    }
}
