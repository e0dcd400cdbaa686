package org.attune.ui.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.attune.coding.Session;
import org.attune.scheme.json.BundledSchemes;
import org.attune.store.Study;
import org.attune.store.pg.PgCluster;
import org.attune.store.pg.ServerUrl;
import org.attune.ui.Await;
import org.attune.ui.LabAddress;
import org.attune.ui.OpenStudy;
import org.attune.ui.RecordingDialogs;
import org.attune.ui.Styles;
import org.attune.ui.UserSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * File ▸ Open lab study… on the tests' PostgreSQL server (issue 18): the connection tested and the study opened, the
 * address remembered; another coder's app adding a session shows here without anyone refreshing; a wrong address is
 * said in words.
 */
@ExtendWith(ApplicationExtension.class)
class LabStudyBrowserTest {

    @TempDir
    Path dir;

    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final OpenStudy open = new OpenStudy();
    private final UserSettings settings = UserSettings.memory();
    private StudyBrowser browser;

    @Start
    void start(Stage stage) {
        browser = new StudyBrowser(open, settings, dialogs, new StudyBrowserTest.ScriptedForms());
        Scene scene = new Scene(browser, 1280, 800);
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(open::close);
    }

    @Test
    void aLabStudyOpensAndOtherCodersChangesShowByThemselves(FxRobot robot) throws Exception {
        PgCluster pg = PgCluster.orSkip();
        String address = "postgresql://attune@127.0.0.1:" + pg.port() + "/postgres?study=ui_browser";
        try (Study lab = Study.create(ServerUrl.parse(address), dir, Optional.empty(), BundledSchemes.defaultScheme(), "Free play lab")) {
            lab.pass(lab.addSession(new Session(0, "S01", "", "", null, "", "", Map.of())).id(), lab.addCoder("Ana", "AL").id());
        }
        dialogs.labs.add(new LabAddress(address, new char[0], dir));
        robot.interact(browser::openLabStudy);
        assertEquals("Connected: the study \"Free play lab\", 1 session, 1 coder, 1 pass.", dialogs.labTests.get(0));
        assertTrue(Await.until(() -> open.isOpen() && browser.overviewRows() == 1), dialogs.shown.toString());
        assertEquals(Optional.of(ServerUrl.parse(address)), open.get().server());
        assertEquals(Optional.of(address), settings.get("lab.address"));
        assertEquals(Optional.of(address), settings.get(UserSettings.LAB_STUDY_LAST), "offered again at the next start");

        try (Study other = Study.open(ServerUrl.parse(address), dir, Optional.empty(), false)) {
            other.addSession(new Session(0, "S02", "", "", null, "", "", Map.of()));
        }
        assertTrue(Await.until(() -> browser.overviewRows() == 2), "the other app's session shows here");

        dialogs.labs.add(new LabAddress("postgresql://lab.example.org/attune", new char[0], dir));
        robot.interact(browser::openLabStudy);
        assertTrue(dialogs.labTests.get(1).contains("it names no study (?study=NAME)"), dialogs.labTests.get(1));
        assertTrue(dialogs.shown.stream().anyMatch(x -> x.startsWith("This is not a lab study's address: postgresql://lab.example.org/attune is not")),
                dialogs.shown.toString());

        Path file = dir.resolve("sample.attune");
        java.nio.file.Files.copy(Path.of("..", "sample-sessions", "sample-study.attune"), file);
        robot.interact(() -> browser.openStudy(file));
        assertTrue(Await.until(() -> open.isOpen() && open.get().server().isEmpty()));
        assertEquals(Optional.empty(), settings.get(UserSettings.LAB_STUDY_LAST), "a study file opened last: it opens at the next start");
    }
}
