package org.attune.ui.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.attune.scheme.KeyboardLayout;
import org.attune.scheme.json.SchemeReaderTest;
import org.attune.ui.Styles;
import org.attune.ui.DialogService;
import org.attune.ui.RecordingDialogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The scheme browser alone, headless through Monocle. */
@ExtendWith(ApplicationExtension.class)
class SchemeBrowserViewTest {

    private SchemeBrowserViewModel model;
    private SchemeBrowserView view;
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @Start
    void start(Stage stage) {
        model = new SchemeBrowserViewModel();
        model.layoutProperty().set(KeyboardLayout.US_QWERTY);
        view = new SchemeBrowserView(model, dialogs);
        Scene scene = new Scene(view, 1200, 800);
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    private static Predicate<Node> label(String text) {
        return n -> n instanceof Label l && text.equals(l.getText());
    }

    private static Predicate<Node> keyBadge(String text) {
        return n -> n instanceof Label l && l.getStyleClass().contains("key-badge") && text.equals(l.getText());
    }

    private static boolean showsLabel(FxRobot robot, String text) {
        return robot.lookup(n -> n instanceof Label l && text.equals(l.getText()) && l.isVisible()).tryQuery().isPresent();
    }

    @Test
    void listsFamiliesAndCodesWithTheirKeys(FxRobot robot) {
        assertTrue(showsLabel(robot, "Synchronicity"));
        assertTrue(showsLabel(robot, "Reciprocity"));
        assertTrue(showsLabel(robot, "P_GAZE"));
        assertTrue(showsLabel(robot, "Parent looks at child"));
        Node gazeRow = robot.lookup(label("P_GAZE")).query().getParent();
        assertTrue(robot.from(gazeRow).lookup(keyBadge("G"))
                .tryQuery().isPresent(), "the key G is shown on the P_GAZE row");
        TreeView<?> tree = robot.lookup("#schemeTree").queryAs(TreeView.class);
        assertEquals(7, tree.getRoot().getChildren().size());
    }

    @Test
    void firstCodeIsSelectedAndItsDefinitionShown(FxRobot robot) {
        assertTrue(showsLabel(robot, "The parent's eyes are directed at the child's face or eyes."));
        assertTrue(showsLabel(robot, "ONSET"));
        assertTrue(showsLabel(robot, "OFFSET"));
    }

    @Test
    void clickingACodeShowsItsManualEntryWithModifiers(FxRobot robot) {
        robot.clickOn("C_BID");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("C_BID", model.selected().orElseThrow().id());
        assertTrue(showsLabel(robot, "The child directs a communicative act to the parent to start or continue interaction or to obtain help."));
        assertTrue(showsLabel(robot, "MODIFIER: BID TYPE (CHOOSE ONE)"));
        assertTrue(showsLabel(robot, "•  2  Need / distress"));
        assertTrue(showsLabel(robot, "WHEN TO PRESS"), "point codes say when to press, not onset/offset");
    }

    @Test
    void keyLabelsFollowTheChosenKeyboard(FxRobot robot) {
        Node row = robot.lookup(label("C_POS")).query().getParent();
        assertTrue(robot.from(row).lookup(keyBadge("Y")).tryQuery().isPresent());
        robot.interact(() -> model.layoutProperty().set(KeyboardLayout.DE_QWERTZ));
        Node rowAfter = robot.lookup(label("C_POS")).query().getParent();
        assertTrue(robot.from(rowAfter).lookup(keyBadge("Z"))
                .tryQuery().isPresent(), "KeyY is labelled Z on a German keyboard");
    }

    @Test
    void brokenSchemeFileIsExplainedAndTheShownSchemeKept(FxRobot robot, @TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, SchemeReaderTest.VALID.replace("\"key\": \"KeyU\"", "\"key\": \"KeyY\""));
        robot.interact(() -> view.open(bad));
        assertEquals(1, dialogs.shown.size());
        String shown = dialogs.shown.get(0);
        assertTrue(shown.startsWith("This scheme cannot be opened: bad.json has 1 error."), shown);
        assertTrue(shown.contains("bad.json:16:13: error: codes[1].key"), shown);
        assertTrue(!shown.contains("Exception") && !shown.contains("\tat "), "no stack trace in a dialog");
        assertEquals("attachment-interaction", model.scheme().id());
    }

    @Test
    void validSchemeFileReplacesTheShownScheme(FxRobot robot, @TempDir Path dir) throws Exception {
        Path good = dir.resolve("mini.json");
        Files.writeString(good, SchemeReaderTest.VALID);
        robot.interact(() -> view.open(good));
        assertEquals(List.of(), dialogs.shown);
        assertEquals("mini", model.scheme().id());
        assertTrue(showsLabel(robot, "Mini scheme"));
        assertTrue(showsLabel(robot, "POS"));
    }
}
