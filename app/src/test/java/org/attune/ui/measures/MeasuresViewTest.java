package org.attune.ui.measures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.attune.analysis.SessionMeasures;
import org.attune.coding.Coder;
import org.attune.coding.EventDraft;
import org.attune.coding.Modifiers;
import org.attune.coding.Session;
import org.attune.scheme.json.BundledSchemes;
import org.attune.store.Study;
import org.attune.ui.Styles;
import org.attune.ui.RecordingDialogs;
import org.attune.ui.VideoJump;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The measures view on a hand-built study, headless. Session S01 is 20 s long, 19–20 s uncodable; W = 3 s.
 * AL: child bids at 5 and 10 s, parent response at 6.5 s → bid 5 answered (1.5 s), bid 10 unanswered
 * (its window (10, 13] holds no response): responsiveness 1/2.
 * BK: bids at 5, 10 and 15 s, responses at 6 and 16 s → bids 5 and 15 answered, bid 10 unanswered: 2/3.
 */
@ExtendWith(ApplicationExtension.class)
class MeasuresViewTest {

    @TempDir
    static Path dir;

    private final MeasuresViewModel model = new MeasuresViewModel();
    private final RecordingDialogs recording = new RecordingDialogs();
    private final List<String> dialogs = recording.shown;
    private MeasuresView view;

    @Start
    void start(Stage stage) {
        view = new MeasuresView(model, recording, Runnable::run); // same-thread background work in tests
        Scene scene = new Scene(view, 1280, 800);
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    private static EventDraft bid(long at) {
        return EventDraft.point("C_BID", at).withModifiers(Modifiers.single("type", "social"));
    }

    private static Path study() throws Exception {
        Path file = dir.resolve("measures-" + System.nanoTime() + ".attune");
        try (Study s = Study.create(file, BundledSchemes.defaultScheme(), "x")) {
            Session s1 = s.addSession(new Session(0, "S01", "", "", null, "", "", Map.of()));
            Coder al = s.addCoder("A", "AL");
            Coder bk = s.addCoder("B", "BK");
            long a = s.pass(s1.id(), al.id()).id();
            long b = s.pass(s1.id(), bk.id()).id();
            s.events().add(a, bid(5000));
            s.events().add(a, bid(10_000));
            s.events().add(a, EventDraft.point("P_RESP", 6500));
            s.events().add(a, EventDraft.state("UNCODE", 19_000, 20_000L));
            s.events().add(b, bid(5000));
            s.events().add(b, bid(10_000));
            s.events().add(b, bid(15_000));
            s.events().add(b, EventDraft.point("P_RESP", 6000));
            s.events().add(b, EventDraft.point("P_RESP", 16_000));
            s.events().add(b, EventDraft.state("UNCODE", 19_000, 20_000L));
        }
        return file;
    }

    @Test
    void showsMeasuresChartAndUnansweredBids(FxRobot robot) throws Exception {
        Path file = study();
        CountDownLatch done = new CountDownLatch(1);
        view.setAfterCompute(done::countDown);
        robot.interact(() -> view.open(file));
        assertTrue(done.await(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();

        TableView<?> table = robot.lookup("#measures").queryAs(TableView.class);
        assertEquals(2, table.getItems().size());
        MeasuresViewModel.Row al = model.rows().get(0);
        MeasuresViewModel.Row bk = model.rows().get(1);
        assertEquals("AL", al.coder());
        assertEquals(0.5, al.value("reciprocity", "parent_responsiveness", "").value(), 1e-12);
        assertEquals(2 / 3.0, bk.value("reciprocity", "parent_responsiveness", "").value(), 1e-12);

        assertEquals(List.of("AL", "BK"), view.seriesNames(), "one chart series per coder");
        assertEquals(Map.of("AL", Map.of("S01", 0.5), "BK", Map.of("S01", 2 / 3.0)), model.chartSeries());

        ListView<?> unanswered = robot.lookup("#unanswered").queryAs(ListView.class);
        assertEquals(1, unanswered.getItems().size(), "AL (selected first) left the bid at 10 s unanswered");
        assertEquals(10_000, ((SessionMeasures.BidOutcome) unanswered.getItems().get(0)).atMs());
        robot.interact(() -> unanswered.getSelectionModel().select(0));
        assertTrue(robot.lookup(".jump-hint").queryLabeled().getText().startsWith("▶ S01 at 00:00:10.000"));
        List<VideoJump> jumps = new ArrayList<>();
        view.setOnJump(jumps::add);
        robot.interact(unanswered::requestFocus);
        robot.push(javafx.scene.input.KeyCode.ENTER);
        assertEquals(List.of(new VideoJump(file, "S01", "AL", 10_000)), jumps);

        robot.interact(() -> model.selectedProperty().set(bk));
        assertEquals(1, unanswered.getItems().size());
        assertEquals(10_000, ((SessionMeasures.BidOutcome) unanswered.getItems().get(0)).atMs());

        assertEquals(List.of(MeasuresViewModel.ALL_CODERS, "AL", "BK"), List.copyOf(model.coders()));
        robot.interact(() -> model.coderFilterProperty().set("BK"));
        assertEquals(List.of(bk), List.copyOf(table.getItems()), "the coder filter leaves BK's rows");
        assertEquals(List.of("BK"), view.seriesNames());
        assertEquals(List.of(), dialogs);
    }

    /** Issue 14: the Measures tab exports the rows it shows (the coder filter applies), as `attune measures --csv`, and reads back. */
    @Test
    void exportsTheMeasuresShownAsTidyCsv(FxRobot robot) throws Exception {
        Path file = study();
        robot.interact(() -> view.open(file));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> model.coderFilterProperty().set("BK"));
        Path csv = dir.resolve("m-" + System.nanoTime() + ".csv");
        recording.files.add(csv);
        robot.clickOn("#exportMeasures");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> lines = java.nio.file.Files.readAllLines(csv);
        assertEquals(String.join(",", org.attune.exchange.MeasuresCsv.COLUMNS), lines.get(0));
        assertTrue(lines.size() > 10, "every measure of BK's coding");
        assertTrue(lines.stream().skip(1).allMatch(l -> l.startsWith("S01,BK,")), "only the coder shown");
        assertEquals("Exported " + (lines.size() - 1) + " rows to " + csv, model.summaryProperty().get());
        recording.files.add(file); // the study as the target: refused, untouched
        long before = java.nio.file.Files.size(file);
        robot.clickOn("#exportMeasures");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dialogs.get(dialogs.size() - 1).startsWith("Nothing was exported: "), dialogs.toString());
        assertEquals(before, java.nio.file.Files.size(file));
    }

    @Test
    void aFileThatIsNotAStudyGivesAMessageNotAStackTrace(FxRobot robot) throws Exception {
        Path bad = Files.writeString(dir.resolve("notes.attune"), "not a study");
        robot.interact(() -> view.open(bad));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, dialogs.size());
        assertTrue(dialogs.get(0).startsWith("The measures could not be computed: notes.attune is not an Attune study"), dialogs.get(0));
    }

    @Test
    void aTrainingSessionIsLeftOutUnlessAskedFor(FxRobot robot) throws Exception {
        Path file = study();
        try (Study s = Study.open(file)) {
            org.attune.store.ReliabilityStore.setTraining(s, s.sessions().get(0).id(), true);
        }
        CountDownLatch first = new CountDownLatch(1);
        view.setAfterCompute(first::countDown);
        robot.interact(() -> view.open(file));
        assertTrue(first.await(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, model.rows().size(), "S01 is for training: no measures of it");
        CountDownLatch second = new CountDownLatch(1);
        view.setAfterCompute(second::countDown);
        robot.clickOn("#includeTraining");
        assertTrue(second.await(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, model.rows().size(), "asked for: both coders' S01");
    }
}
