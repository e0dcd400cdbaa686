package org.attune.ui.app;

import java.time.Duration;
import java.time.Instant;
import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Scene;

/**
 * {@code -Dattune.startup=report} prints one line when the study browser is first painted with the opened
 * study: {@code attune: study browser painted N ms after start}; {@code -Dattune.startup=exit} prints it and
 * quits. The start-up benchmark times the line from outside the process (docs/benchmarks.md), the
 * installers' build runs the app this way to learn which classes a start loads (the class-data sharing
 * list, src/dist/make-dist.sh), and .ci/run checks with it that the installed app opens its window.
 *
 * <p>Painted, not just laid out: the line is printed at the pulse after the one that laid the study out,
 * and a pulse starts only once the frame before it has been rendered.
 */
final class StartupProbe {

    static final String PROPERTY = "attune.startup";

    private final Runnable report;
    private boolean laidOut;

    private StartupProbe(Runnable report) {
        this.report = report;
    }

    /** Installs the probe when {@code -Dattune.startup} asks for it; otherwise does nothing. */
    static void installIfAsked(Scene scene, ObservableBooleanValue studyShown) {
        String mode = System.getProperty(PROPERTY, "");
        if (!mode.equals("report") && !mode.equals("exit")) return;
        Instant start = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        install(scene, studyShown, () -> {
            System.out.println("attune: study browser painted " + Duration.between(start, Instant.now()).toMillis() + " ms after start");
            System.out.flush();
            if (mode.equals("exit")) Platform.exit();
        });
    }

    /** Runs {@code report} once, at the first pulse after the study was shown and laid out. */
    static void install(Scene scene, ObservableBooleanValue studyShown, Runnable report) {
        StartupProbe probe = new StartupProbe(report);
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                if (probe.laidOut) {
                    scene.removePostLayoutPulseListener(this);
                    probe.report.run();
                } else if (studyShown.get()) {
                    probe.laidOut = true; // rendered at the end of this pulse; reported at the next one
                    Platform.requestNextPulse();
                }
            }
        });
    }
}
