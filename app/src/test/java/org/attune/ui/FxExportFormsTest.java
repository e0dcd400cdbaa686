package org.attune.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.attune.coding.PassStatus;
import org.controlsfx.control.CheckListView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real File ▸ Export form: what is ticked is what is exported; nothing ticked is refused in the form. */
@ExtendWith(ApplicationExtension.class)
class FxExportFormsTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @SuppressWarnings("unchecked")
    private static CheckListView<String> list(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(CheckListView.class);
    }

    @Test
    void theTickedSessionsAndStatusesAreTheChoice(FxRobot robot) throws Exception {
        CompletableFuture<Optional<ExportForms.Choice>> result = new CompletableFuture<>();
        Platform.runLater(() -> result.complete(new FxExportForms(stage).exportOptions("Export events", List.of("S1", "S2", "S3"), List.of("AL", "BK"), false)));
        WaitForAsyncUtils.waitForFxEvents();
        CheckListView<String> sessions = list(robot, "#exportSessions");
        robot.interact(() -> sessions.getCheckModel().clearCheck("S2"));
        robot.interact(() -> robot.lookup("#exportInProgress").queryAs(CheckBox.class).setSelected(false));
        robot.clickOn("Export…");
        ExportForms.Choice c = result.get(10, TimeUnit.SECONDS).orElseThrow();
        assertEquals(Set.of("S1", "S3"), c.sessions());
        assertEquals(Set.of(), c.coders(), "every coder ticked: all");
        assertEquals(Set.of(PassStatus.NOT_STARTED, PassStatus.DONE), c.statuses());
    }

    @Test
    void nothingTickedIsRefusedInTheFormAndRatingsOfferWide(FxRobot robot) throws Exception {
        CompletableFuture<Optional<ExportForms.Choice>> result = new CompletableFuture<>();
        Platform.runLater(() -> result.complete(new FxExportForms(stage).exportOptions("Export session ratings", List.of("S1"), List.of("AL"), true)));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> list(robot, "#exportCoders").getCheckModel().clearChecks());
        robot.clickOn("Export…");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Tick at least one coder.", robot.lookup("#exportProblem").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#exportDone").tryQuery().isEmpty(), "ratings have no pass statuses to choose");
        robot.interact(() -> list(robot, "#exportCoders").getCheckModel().checkAll());
        robot.interact(() -> robot.lookup("#exportWide").queryAs(CheckBox.class).setSelected(true));
        robot.clickOn("Export…");
        ExportForms.Choice c = result.get(10, TimeUnit.SECONDS).orElseThrow();
        assertTrue(c.wide());
        assertEquals(Set.of(), c.statuses());
    }
}
