package org.attune.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.attune.service.SealedPassPackages;
import org.attune.store.Study;
import org.attune.ui.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * A sealed coder package double-clicked (the app started on it): the passphrase is asked in a dialog over the
 * window once it shows — not while the window is still being built — and the package opens into a plain one beside it.
 */
@ExtendWith(ApplicationExtension.class)
class AttuneAppSealedTest {

    static Path dir;
    private AttuneApp app;

    @BeforeAll
    static void aSealedPackage() throws Exception {
        dir = Files.createTempDirectory("attune-app-sealed");
        Path samples = Path.of("..", "sample-sessions");
        for (String f : List.of("sample-study.attune", "free-play-s01.mp4", "free-play-s02.mp4")) Files.copy(samples.resolve(f), dir.resolve(f));
        try (Study lab = Study.open(dir.resolve("sample-study.attune"))) {
            SealedPassPackages.send(lab, "AL", Set.of(), dir.resolve("AL.sealed"), "blue river stones".toCharArray());
        }
        System.setProperty("attune.settings", dir.resolve("settings.properties").toString()); // never the user's own settings
        System.setProperty("attune.open.study", dir.resolve("AL.sealed").toString());
    }

    @AfterAll
    static void clear() {
        System.clearProperty("attune.settings");
        System.clearProperty("attune.open.study");
    }

    @Start
    void start(Stage stage) {
        app = new AttuneApp();
        app.start(stage);
    }

    @Stop
    void stop() {
        app.stop();
    }

    @Test
    void theAppStartedOnASealedPackageAsksItsPassphraseThenOpensItBesideIt(FxRobot robot) throws Exception {
        assertTrue(Await.until(() -> robot.lookup(".password-field").tryQuery().isPresent()), "the passphrase is asked");
        robot.clickOn(robot.lookup(".password-field").queryAs(PasswordField.class)).write("blue river stones").type(KeyCode.ENTER);
        Path plain = dir.resolve("AL.attune");
        assertTrue(Await.until(() -> Files.exists(plain) && robot.lookup("#browserStatus").queryLabeled().getText().startsWith("Unsealed AL.sealed into AL.attune")),
                "opened into AL.attune");
        try (Study s = Study.openReadOnly(plain)) {
            assertEquals(2, s.passes().size(), "AL's two passes");
        }
    }
}
