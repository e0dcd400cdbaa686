package org.attune.ui.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.attune.coding.Session;
import org.attune.reliability.Criterion;
import org.attune.scheme.json.BundledSchemes;
import org.attune.store.ReliabilityStore;
import org.attune.store.Study;
import org.attune.ui.OpenStudy;
import org.attune.ui.RecordingDialogs;
import org.attune.ui.Styles;
import org.attune.ui.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Reliability tab on a trainee's three training sessions (κ = .60, .80, 1.00) and two coders' four re-checks, one below the criterion. */
@ExtendWith(ApplicationExtension.class)
class ReliabilityViewTest {

    final OpenStudy open = new OpenStudy();
    ReliabilityView view;

    private static void affect(Study s, long passId, long changeMs) throws Exception {
        org.attune.reliability.AffectCodings.code(s, passId, changeMs, true);
    }

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("attune-reliability-view");
        Study s = open.create(dir.resolve("lab.attune"), BundledSchemes.defaultScheme(), "Lab");
        long gs = s.addCoder("Gold Standard", "GS").id();
        long tr = s.addCoder("Tara Rees", "TR").id();
        long al = s.addCoder("Ana Lopes", "AL").id();
        long bk = s.addCoder("Ben Kim", "BK").id();
        long[] trainee = {7_000, 6_000, 5_000};
        long[] second = {5_000, 6_000, 7_000, 5_000};
        for (int i = 1; i <= 3; i++) {
            Session t = s.addSession(new Session(0, "T" + i, "", "", null, "", "", Map.of()));
            long gold = s.pass(t.id(), gs).id();
            affect(s, gold, 5_000);
            affect(s, s.pass(t.id(), tr).id(), trainee[i - 1]);
            ReliabilityStore.setTraining(s, t.id(), true);
            ReliabilityStore.setGold(s, gold, true);
        }
        for (int i = 1; i <= 4; i++) {
            Session x = s.addSession(new Session(0, "S0" + i, "", "", null, "", "", Map.of()));
            affect(s, s.pass(x.id(), al).id(), 5_000);
            affect(s, s.pass(x.id(), bk).id(), second[i - 1]);
        }
        ReliabilityStore.setCriterion(s, new Criterion(Criterion.DEFAULT.method(), 1000, 0, 0.80, Criterion.Scope.EACH_GROUP, 10, 2).toSettings());
        ReliabilityViewModel.Forms none = new ReliabilityViewModel.Forms() {
            @Override
            public Optional<Criterion> criterion(Criterion now) {
                return Optional.empty();
            }

            @Override
            public Optional<ReliabilityViewModel.ConsensusRequest> consensus(String session, List<String> coders, long toleranceMs) {
                return Optional.empty();
            }

            @Override
            public Optional<ReliabilityViewModel.SampleRequest> sample(List<String> coders, List<String> keys) {
                return Optional.empty();
            }
        };
        view = new ReliabilityView(new ReliabilityViewModel(open, new RecordingDialogs(), none, Tasks.immediate(), x -> { }));
        Scene scene = new Scene(view, 1280, 800);
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(open::close);
    }

    @Test
    @SuppressWarnings("unchecked")
    void showsTheTraineesWayToTheCriterionAndTheWeekARecheckFellBelowIt(FxRobot robot) {
        robot.interact(view::refresh);
        assertEquals("Criterion: time-unit κ (1-s units) ≥ .80 in each exclusive group, on 2 consecutive training sessions",
                robot.lookup("#reliabilityCriterion").queryLabeled().getText());
        TableView<ReliabilityView.TrainingRow> training = robot.lookup("#trainingTable").queryAs(TableView.class);
        assertEquals(List.of("T1", "T2", "T3"), training.getItems().stream().map(r -> r.step().session()).toList());
        assertEquals(List.of(false, false, true), training.getItems().stream().map(ReliabilityView.TrainingRow::reached).toList());
        TableView<?> drift = robot.lookup("#driftTable").queryAs(TableView.class);
        assertEquals(4, drift.getItems().size());
        assertTrue(robot.lookup(".warning-text").queryLabeled().getText().startsWith("Below the criterion: AL–BK on S03 (week "), "the re-check below it is named");
        LineChart<String, Number> chart = robot.lookup(".chart").queryAs(LineChart.class);
        assertEquals(List.of("TR", "criterion .80"), chart.getData().stream().map(s -> s.getName()).toList(), "the trainee and the criterion line");
        assertTrue(robot.lookup("#reliabilityMethods").queryAs(TextArea.class).getText().startsWith("Agreement was checked on 4 double-coded sessions"));
    }
}
