package org.attune.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The start-up probe reports once, after the study is shown and painted, and not before. */
@ExtendWith(ApplicationExtension.class)
class StartupProbeTest {

    private final SimpleBooleanProperty shown = new SimpleBooleanProperty();
    private final AtomicInteger reports = new AtomicInteger();
    private final CountDownLatch reported = new CountDownLatch(1);
    private Label label;
    private Stage own;

    @Start
    void start(Stage primary) {
        // a stage of its own: TestFX keeps one primary stage for every test class, and a small scene on it would
        // leave the next test class's window small
        Stage stage = own = new Stage();
        label = new Label("opening…");
        Scene scene = new Scene(label, 200, 100);
        StartupProbe.install(scene, shown, () -> {
            reports.incrementAndGet();
            reported.countDown();
        });
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void reportsOnceAtThePulseAfterTheStudyIsShown(FxRobot robot) throws Exception {
        // pulses while the study is still being read report nothing
        for (int i = 0; i < 3; i++) {
            robot.interact(() -> label.setText("opening " + reports.get()));
            robot.interact(Platform::requestNextPulse);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(0, reports.get(), "nothing is reported before the study is shown");

        robot.interact(() -> {
            label.setText("Sample sessions");
            shown.set(true);
        });
        assertTrue(reported.await(10, TimeUnit.SECONDS), "reported once the study is shown, without any further change");

        robot.interact(() -> label.setText("later"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, reports.get(), "reported once only");
        robot.interact(own::close);
    }
}
