package org.attune.ui.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.attune.service.Consensus;
import org.attune.store.ConsensusStore;
import org.attune.store.Study;
import org.attune.ui.RecordingDialogs;
import org.attune.ui.Styles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The consensus review driven by the keyboard (ConsensusTest's session: three disagreements at 5.0, 7.0 and 8.5 s):
 * 2 takes BK's, X neither, E an edited event typed in, Ctrl+Z takes the last back, ← and → move; the progress and
 * the video cue follow.
 */
@ExtendWith(ApplicationExtension.class)
class ConsensusReviewTest {

    Study study;
    final RecordingDialogs dialogs = new RecordingDialogs();
    final List<Long> cued = new ArrayList<>();
    ConsensusReview review;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("attune-consensus");
        study = org.attune.service.ConsensusTest.study(dir.resolve("lab.attune"));
        Consensus.State state = Consensus.startOrResume(study, "S01", "AL", "BK", 1000, 0.6);
        review = new ConsensusReview(new ConsensusViewModel(study, state, dialogs, cued::add));
        Scene scene = new Scene(review, 760, 520);
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.show();
        review.requestFocus();
    }

    @AfterEach
    void close() {
        study.close();
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryLabeled().getText();
    }

    @Test
    void theDisagreementsAreDecidedFromTheKeyboard(FxRobot robot) throws Exception {
        assertEquals("0 of 3 resolved", text(robot, "#consensusProgress"));
        assertEquals("1 of 3 · 0:00:05.000 · the two coders differ", text(robot, "#consensusHeading").replace("00:00:05.000", "0:00:05.000"));
        assertTrue(text(robot, "#consensusFirst").startsWith("AL: C_DIST"), text(robot, "#consensusFirst"));
        assertTrue(text(robot, "#consensusSecond").startsWith("BK: C_POS"), text(robot, "#consensusSecond"));
        assertEquals(List.of(5_000L), cued, "the video is cued to the first disagreement");

        robot.type(KeyCode.DIGIT2);
        assertEquals("1 of 3 resolved", text(robot, "#consensusProgress"));
        assertTrue(text(robot, "#consensusHeading").endsWith("only AL coded it"), "on to the next undecided: " + text(robot, "#consensusHeading"));
        robot.type(KeyCode.X);
        dialogs.texts.add("C_BID 8.0");
        robot.type(KeyCode.E);
        assertEquals("3 of 3 resolved — the consensus is complete", text(robot, "#consensusProgress"));
        long pass = ConsensusStore.of(study, study.sessions().get(0).id()).orElseThrow().passId();
        assertEquals(Map.of("agreed", 2L, "first", 0L, "second", 1L, "edited", 1L, "added", 0L), ConsensusStore.provenance(study, pass));

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertEquals("2 of 3 resolved", text(robot, "#consensusProgress"));
        assertEquals("Undecided", text(robot, "#consensusDecided"), "the decision taken back is shown again");
        robot.type(KeyCode.LEFT);
        assertEquals("Decided: neither", text(robot, "#consensusDecided"));
        robot.type(KeyCode.LEFT);
        assertEquals("Decided: BK's", text(robot, "#consensusDecided"));
        robot.type(KeyCode.DIGIT1);
        assertTrue(dialogs.shown.get(dialogs.shown.size() - 1).startsWith("(i) Decided already"), dialogs.shown.toString());
        robot.type(KeyCode.RIGHT).type(KeyCode.RIGHT);
        assertEquals(List.of(5_000L, 7_000L, 8_500L, 8_500L, 8_500L, 7_000L, 5_000L, 7_000L, 8_500L), cued, "each move, decision and undo cues the video");
    }
}
