package org.attune.ui.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.attune.coding.CodedEvent;
import org.attune.coding.Session;
import org.attune.scheme.KeyboardLayout;
import org.attune.scheme.json.BundledSchemes;
import org.attune.store.Study;
import org.attune.store.pg.PgCluster;
import org.attune.store.pg.ServerUrl;
import org.attune.ui.Await;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * Coding a lab study on the tests' PostgreSQL server from the keyboard (issue 18): a lost connection pauses coding
 * with a banner — the key press it lost is not shown as coded — and coding resumes by itself when the server answers;
 * a pass another app is coding opens to look at only, saying who codes it.
 */
@ExtendWith(ApplicationExtension.class)
class LabCodingTest {

    @TempDir
    Path dir;

    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final OpenStudy open = new OpenStudy();
    private CodingWorkspace workspace;

    @Start
    void start(Stage stage) {
        workspace = new CodingWorkspace(open, dialogs, KeyboardLayout.US_QWERTY, UserSettings.memory());
        Scene scene = new Scene(workspace, 1280, 800);
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(workspace::close);
    }

    /** A lab study with one session (the sample's first video, found in this computer's folder {@code dir}) and AL's pass. */
    private long makeLab(ServerUrl url) throws Exception {
        java.nio.file.Files.copy(Path.of("..", "sample-sessions", "free-play-s01.mp4"), dir.resolve("free-play-s01.mp4"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (Study lab = Study.create(url, dir, Optional.empty(), BundledSchemes.defaultScheme(), url.study())) {
            Session s1 = lab.addSession(new Session(0, "S01", "", "", null, "", "", Map.of()));
            lab.addMedia(s1.id(), dir.resolve("free-play-s01.mp4"), 1, 0);
            return lab.pass(s1.id(), lab.addCoder("Ana", "AL").id()).id();
        }
    }

    /** Opens the lab study in the workspace, and AL's pass with its video. */
    private Study openPass(FxRobot robot, ServerUrl url) throws Exception {
        Study s = Study.open(url, dir, Optional.empty(), false);
        robot.interact(() -> open.adopt(s));
        robot.interact(() -> workspace.openPass(workspace.passChoices().get(0)));
        assertTrue(Await.until(() -> workspace.player() != null), "the video opened: " + dialogs.shown);
        robot.clickOn("#codingColumns");
        return s;
    }

    private List<CodedEvent> stored() throws Exception {
        return open.get().events().list(open.get().passes().get(0).id());
    }

    /**
     * The app's login is shut out and its connections ended (the server out of reach for it, as when the network
     * drops), then let in again: whichever reaches the server first — a key press or a refresh — coding pauses under
     * the banner and nothing is shown as coded that was not saved; coding resumes by itself once the server answers.
     */
    @Test
    void aLostConnectionPausesCodingWithABannerAndCodingResumesWhenTheServerAnswers(FxRobot robot) throws Exception {
        PgCluster pg = PgCluster.orSkip();
        try (Connection admin = DriverManager.getConnection(pg.jdbc("postgres")); var st = admin.createStatement()) {
            try (var rs = st.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = 'lab_ui'")) {
                if (!rs.next()) st.execute("CREATE ROLE lab_ui LOGIN SUPERUSER");
            }
            makeLab(ServerUrl.parse("postgresql://attune@127.0.0.1:" + pg.port() + "/postgres?study=ui_banner"));
            openPass(robot, ServerUrl.parse("postgresql://lab_ui@127.0.0.1:" + pg.port() + "/postgres?study=ui_banner"));
            Label banner = robot.lookup("#serverBanner").queryAs(Label.class);
            assertFalse(banner.isVisible());
            List<String> shown = new java.util.concurrent.CopyOnWriteArrayList<>(); // what the banner said, however soon it went again
            banner.textProperty().addListener((o, before, now) -> {
                if (now != null) shown.add(now);
            });
            robot.push(KeyCode.E); // P_INTRUDE, saved on the server
            assertEquals(1, PgCluster.count(admin, "SELECT count(*) FROM attune_ui_banner.events"));

            st.execute("ALTER ROLE lab_ui NOLOGIN");
            st.executeQuery("SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity WHERE usename = 'lab_ui'").close();
            robot.push(KeyCode.E); // not saved: the server is out of reach for the app
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(!shown.isEmpty() && shown.get(0).startsWith("The lab server is out of reach, so coding is paused: "), shown.toString());
            String status = robot.lookup("#saveStatus").queryLabeled().getText();
            assertTrue(status.startsWith("Not saved: the lab server is out of reach.") || status.startsWith("Nothing was changed: coding is paused"), status);
            assertEquals(1, PgCluster.count(admin, "SELECT count(*) FROM attune_ui_banner.events"), "nothing saved while out of reach");
            assertEquals(List.of(), dialogs.shown, "a banner, not a dialog per key press");

            st.execute("ALTER ROLE lab_ui LOGIN");
            assertTrue(Await.until(() -> !banner.isVisible()), "coding resumed when the server answered");
            robot.push(KeyCode.E);
            assertEquals(2, PgCluster.count(admin, "SELECT count(*) FROM attune_ui_banner.events"), "the next press was saved");
            assertTrue(robot.lookup("#saveStatus").queryLabeled().getText().startsWith("Coded Intrusive"), robot.lookup("#saveStatus").queryLabeled().getText());
        }
    }

    @Test
    void aPassAnotherAppCodesOpensToLookAtOnly(FxRobot robot) throws Exception {
        PgCluster pg = PgCluster.orSkip();
        ServerUrl url = ServerUrl.parse("postgresql://attune@127.0.0.1:" + pg.port() + "/postgres?study=ui_held");
        long pass = makeLab(url);
        try (Study other = Study.open(url, dir, Optional.empty(), false)) {
            assertEquals(Optional.empty(), other.lab().orElseThrow().holdPass(pass));
            Study s = openPass(robot, url);
            String status = robot.lookup("#saveStatus").queryLabeled().getText();
            assertTrue(status.contains(" is being coded by attune@") && status.endsWith(": open here to look at only."), status);
            robot.push(KeyCode.E);
            assertEquals(0, s.events().count(pass), "nothing coded into a pass another app holds");
            assertTrue(robot.lookup("#saveStatus").queryLabeled().getText().startsWith("Nothing was changed: this pass is being coded by attune@"),
                    robot.lookup("#saveStatus").queryLabeled().getText());
        }
    }

    @Test
    void aPassClosedHereIsFreeForAnotherAppAtOnce(FxRobot robot) throws Exception {
        PgCluster pg = PgCluster.orSkip();
        ServerUrl url = ServerUrl.parse("postgresql://attune@127.0.0.1:" + pg.port() + "/postgres?study=ui_closed");
        long pass = makeLab(url);
        openPass(robot, url);
        try (Study other = Study.open(url, dir, Optional.empty(), false)) {
            assertTrue(other.lab().orElseThrow().holdPass(pass).isPresent(), "held while open here");
            robot.interact(workspace::closePass);
            assertTrue(Await.until(() -> other.lab().orElseThrow().holdPass(pass).isEmpty()), "given back when closed here");
        }
    }
}
