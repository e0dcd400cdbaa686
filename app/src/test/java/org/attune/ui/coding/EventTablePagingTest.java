package org.attune.ui.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.attune.coding.CodedEvent;
import org.attune.coding.EventDraft;
import org.attune.coding.Session;
import org.attune.scheme.KeyboardLayout;
import org.attune.scheme.json.BundledSchemes;
import org.attune.store.EventLog;
import org.attune.store.Study;
import org.attune.ui.AttuneApp;
import org.attune.ui.RecordingDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A pass longer than a page: the table shows 5,000 rows at a time, and buttons, arrow keys and coding move the page. */
@ExtendWith(ApplicationExtension.class)
class EventTablePagingTest {

    @TempDir
    Path dir;

    private final RecordingDialogs dialogs = new RecordingDialogs();
    private CodingWorkspace workspace;

    @Start
    void start(Stage stage) {
        workspace = new CodingWorkspace(dialogs, KeyboardLayout.US_QWERTY);
        Scene scene = new Scene(workspace, 1280, 800);
        scene.getStylesheets().add(AttuneApp.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(workspace::close);
    }

    /** A study whose one pass has 12,000 points, one every 300 ms (no video: times come from the test). */
    private Path bigStudy() throws Exception {
        Path file = dir.resolve("big.attune");
        try (Study s = Study.create(file, BundledSchemes.defaultScheme(), "big")) {
            s.addSession(new Session(0, "S01", "", "", null, "", "", Map.of()));
            s.addCoder("Ana Lee", "AL");
            List<EventLog.ImportRow> rows = new ArrayList<>();
            for (int i = 0; i < 12_000; i++) rows.add(new EventLog.ImportRow("S01", "AL", EventDraft.point(i % 2 == 0 ? "C_BID" : "P_RESP", 300L * i)));
            s.events().importAll(rows);
        }
        return file;
    }

    @Test
    void aLongPassIsShownAPageAtATimeAndTheKeyboardAndCodingTurnThePages(FxRobot robot) throws Exception {
        Path file = bigStudy();
        robot.interact(() -> workspace.open(file));
        robot.interact(() -> workspace.openPass(workspace.passChoices().get(0)));
        TableView<CodedEvent> table = robot.lookup("#events").queryTableView();
        Button earlier = robot.lookup("#earlierRows").queryButton();
        Button later = robot.lookup("#laterRows").queryButton();
        assertEquals(5_000, table.getItems().size(), "one page of rows, not 12,000");
        assertEquals("Rows 1–5,000 of 12,000", pageLabel(robot));
        assertTrue(earlier.isDisabled(), "nothing earlier than the first page");

        robot.clickOn(later);
        assertFalse(earlier.isDisabled());
        long firstShown = table.getItems().get(0).onsetMs();
        assertTrue(firstShown > 0 && firstShown < 5_000 * 300L, "the next page starts a few rows before the end of the first: " + firstShown);
        assertTrue(pageLabel(robot).endsWith("of 12,000"));

        // ↑ on the page's first row goes on to the row before it, on the page before
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(0, table.getColumns().get(0));
            table.getFocusModel().focus(0, table.getColumns().get(0));
        });
        robot.push(KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(firstShown - 300, table.getSelectionModel().getSelectedItem().onsetMs(), "the row just before the page's first");
        robot.push(KeyCode.ESCAPE);

        // coding near the session's end shows the page with the new event on it
        robot.interact(() -> workspace.code("KeyE", 3_599_000)); // P_INTRUDE
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(table.getItems().stream().anyMatch(e -> e.code().equals("P_INTRUDE") && e.onsetMs() == 3_599_000), "the page turned to the new event");
        assertTrue(pageLabel(robot).endsWith("of 12,001"), pageLabel(robot));
        assertTrue(later.isDisabled(), "the last page: nothing later");
        assertEquals(List.of(), dialogs.shown);
    }

    private static String pageLabel(FxRobot robot) {
        return robot.lookup("#pageLabel").queryLabeled().getText();
    }
}
