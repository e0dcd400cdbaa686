package org.attune;

import org.attune.cli.AttuneCommand;
import org.attune.ui.AttuneApp;

/**
 * Entry point of {@code attune.jar}: no arguments opens the app; any argument runs the headless
 * command line. (A plain class, not the JavaFX Application, so the jar starts from the classpath.)
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            AttuneApp.launchApp(args);
        } else {
            System.exit(AttuneCommand.run(args));
        }
    }
}
