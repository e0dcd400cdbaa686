package org.attune.ui.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real add-session and add-coder dialogs: a problem shown stays only as long as the field is wrong (issue 14 bug 7). */
@ExtendWith(ApplicationExtension.class)
class FxStudyFormsTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    private String problemsShown(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".form-problems").queryAs(Label.class).getText();
    }

    @Test
    void aSessionFormsProblemGoesAwayWhenTheFieldIsFixed(FxRobot robot) throws Exception {
        CompletableFuture<Optional<SessionForm.Result>> result = new CompletableFuture<>();
        Platform.runLater(() -> result.complete(new FxStudyForms().newSession(stage, Set.of("S01"))));
        WaitForAsyncUtils.waitForFxEvents();
        TextField label = robot.lookup(".text-field").match(n -> "e.g. S03 or D12-visit2".equals(((TextField) n).getPromptText())).queryAs(TextField.class);
        robot.interact(() -> label.setText("S01"));
        robot.clickOn("Add session");
        assertTrue(problemsShown(robot).contains("S01"), problemsShown(robot));
        robot.interact(() -> label.setText("S02"));
        assertEquals("", problemsShown(robot), "the label is fixed: its problem is no longer on screen");
        robot.interact(() -> label.setText("S03"));
        robot.clickOn("Add session");
        assertEquals("S03", result.get(10, TimeUnit.SECONDS).orElseThrow().session().label());
    }

    @Test
    void aCodersInitialsProblemGoesAwayWhenFixed(FxRobot robot) throws Exception {
        CompletableFuture<Optional<StudyForms.NewCoder>> result = new CompletableFuture<>();
        Platform.runLater(() -> result.complete(new FxStudyForms().newCoder(stage, Set.of("AL"))));
        WaitForAsyncUtils.waitForFxEvents();
        TextField initials = robot.lookup(".text-field").match(n -> "e.g. AL".equals(((TextField) n).getPromptText())).queryAs(TextField.class);
        robot.interact(() -> initials.setText("AL"));
        robot.clickOn("Add coder");
        assertTrue(problemsShown(robot).startsWith("Initials: AL is already a coder"), problemsShown(robot));
        robot.interact(() -> initials.setText("DO"));
        assertEquals("", problemsShown(robot));
        robot.clickOn("Add coder");
        assertEquals("DO", result.get(10, TimeUnit.SECONDS).orElseThrow().initials());
    }
}
