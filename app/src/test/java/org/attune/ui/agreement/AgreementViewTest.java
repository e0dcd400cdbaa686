package org.attune.ui.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.attune.agreement.Disagreement;
import org.attune.agreement.EventAgreement;
import org.attune.agreement.Icc;
import org.attune.analysis.MeasureReliability;
import org.attune.coding.Coder;
import org.attune.coding.EventDraft;
import org.attune.coding.Session;
import org.attune.scheme.json.BundledSchemes;
import org.attune.store.Study;
import org.attune.ui.Styles;
import org.attune.ui.RecordingDialogs;
import org.attune.ui.VideoJump;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The agreement view on a study with the hand-computed timelines of TimedAgreementTest, headless. */
@ExtendWith(ApplicationExtension.class)
class AgreementViewTest {

    @TempDir
    static Path dir;

    private final AgreementViewModel model = new AgreementViewModel();
    private final RecordingDialogs recording = new RecordingDialogs();
    private final List<String> dialogs = recording.shown;
    private AgreementView view;

    @Start
    void start(Stage stage) {
        view = new AgreementView(model, recording, Runnable::run); // same-thread background work in tests
        Scene scene = new Scene(view, 1280, 800);
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    private static Path study() throws Exception {
        Path file = dir.resolve("agree-" + System.nanoTime() + ".attune");
        try (Study s = Study.create(file, BundledSchemes.defaultScheme(), "x")) {
            Session s1 = s.addSession(new Session(0, "S01", "", "", null, "", "", Map.of()));
            Coder al = s.addCoder("A", "AL");
            Coder bk = s.addCoder("B", "BK");
            long a = s.pass(s1.id(), al.id()).id();
            long b = s.pass(s1.id(), bk.id()).id();
            s.events().add(a, EventDraft.state("C_POS", 0, 4000L));
            s.events().add(a, EventDraft.state("C_DIST", 6000, 9000L));
            s.events().add(b, EventDraft.state("C_POS", 1000, 4000L));
            s.events().add(b, EventDraft.state("C_DIST", 6000, 10_000L));
        }
        return file;
    }

    @Test
    void computesShowsTheTableDisagreementsAndParagraph(FxRobot robot) throws Exception {
        Path file = study();
        robot.interact(() -> view.open(file));
        assertEquals(List.of("AL", "BK"), model.coders());
        model.toleranceSecondsProperty().set(1);
        CountDownLatch done = new CountDownLatch(1);
        view.setAfterCompute(done::countDown);
        robot.clickOn("#compute");
        assertTrue(done.await(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#results").queryAs(TableView.class);
        assertFalse(table.getItems().isEmpty());
        EventAgreement.Row affect = model.selectedProperty().get();
        assertEquals("AFF_C", affect.target(), "the first exclusive group is selected");
        // issue 14 bug 6: names, not ids, and no cryptic "κ±tol (1st)"
        assertEquals("Child affect · AFF_C", model.targetName(affect));
        assertEquals("κ ±1 s, AL as reference", model.statisticName("kappa_tolerance_first_as_reference"));
        assertEquals("κ ±1 s, BK as reference", model.statisticName("kappa_tolerance_second_as_reference"));
        assertTrue(robot.lookup("#results").queryAs(TableView.class).getColumns().stream()
                .anyMatch(c -> "Target".equals(((javafx.scene.control.TableColumn<?, ?>) c).getText())));
        assertEquals(0.47 / 0.67, affect.statistics().get("kappa").get(), 1e-9);
        assertTrue(model.results().stream().noneMatch(r -> r.target().equals("P_GAZE")), "codes nobody used are not listed");
        // units 0 (C_POS vs none) and 9 (none vs C_DIST) differ
        assertEquals(List.of(new Disagreement(0, 1000, "C_POS", "(none)", "units differ"), new Disagreement(9000, 10_000, "(none)", "C_DIST", "units differ")),
                List.copyOf(model.disagreements()));
        ListView<?> list = robot.lookup("#disagreements").queryAs(ListView.class);
        assertEquals(2, list.getItems().size());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#disagreements .list-cell").queryAll().stream().map(c -> ((javafx.scene.control.ListCell<?>) c).getText())
                .anyMatch(t -> t != null && t.contains("Child positive affect  vs  (none)")), "the list names the behaviours, not their ids");
        robot.interact(() -> list.getSelectionModel().select(1));
        assertTrue(robot.lookup(".jump-hint").queryLabeled().getText().startsWith("▶ S01 at 00:00:09.000"));
        List<VideoJump> jumps = new ArrayList<>();
        view.setOnJump(jumps::add);
        robot.interact(list::requestFocus);
        robot.push(javafx.scene.input.KeyCode.ENTER);
        assertEquals(List.of(new VideoJump(file, "S01", "AL", 9000)), jumps, "Enter on a disagreement shows it in the first coder's pass");
        String paragraph = model.paragraphProperty().get();
        assertTrue(paragraph.startsWith("1 of 1 sessions (100%) were coded independently by two coders (AL and BK)."), paragraph);
        assertTrue(paragraph.endsWith(" Sessions were coded with Attachment-informed parent–child interaction (version 1.1.0), whose codes were adapted from "
                + "Ainsworth's maternal care scales (as described by Bretherton, 2013), the Coding Interactive Behavior (Feldman, 1998), the Emotional "
                + "Availability Scales (Biringen & Easterbrooks, 2012), the CARE-Index (Crittenden), Main and Solomon's (1990) indices of disorganisation, "
                + "Bakeman and Adamson's (1984) engagement states, Harrist and Waugh's (2002) dyadic synchrony, Kochanska's (2002) mutually responsive "
                + "orientation, Bornstein and Tamis-LeMonda's (1989) responsiveness and Lyons-Ruth and colleagues' (2013) maternal withdrawal."),
                "the numbers first, then the scheme and what its codes were adapted from: " + paragraph);
        assertEquals(List.of(), dialogs);
        // issue 14 bug 7: at 1280×800 nothing in the tab is drawn cut off ("Uncoded time is a categ…")
        assertEquals(List.of(), WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            view.applyCss();
            view.layout();
            return org.attune.ui.Truncated.in(view);
        }));
    }

    /** Issue 14: the Agreement tab exports what it shows, as the command line's --csv, and never over the study. */
    @Test
    void exportsTheResultsAsTidyCsvAndReadsThemBack(FxRobot robot) throws Exception {
        Path file = study();
        robot.interact(() -> view.open(file));
        assertTrue(robot.lookup("#exportAgreement").queryButton().isDisabled(), "nothing to export before computing");
        model.toleranceSecondsProperty().set(1);
        robot.clickOn("#compute");
        WaitForAsyncUtils.waitForFxEvents();
        Path csv = dir.resolve("out-" + System.nanoTime() + ".csv");
        recording.files.add(csv);
        robot.clickOn("#exportAgreement");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> lines = java.nio.file.Files.readAllLines(csv);
        assertEquals("session,coder_first,coder_second,method,target_kind,target,unit_s,tolerance_s,include_none,statistic,value,undefined_reason", lines.get(0));
        assertTrue(lines.contains("S01,AL,BK,time-unit,group,AFF_C,1,1,true,kappa," + String.format(Locale.ROOT, "%.6f", 0.47 / 0.67) + ","), lines.toString());
        assertEquals("Exported " + (lines.size() - 1) + " rows to " + csv, model.summaryProperty().get());
        // the study itself as the target: refused in words, the study untouched
        long before = java.nio.file.Files.size(file);
        recording.files.add(file);
        robot.clickOn("#exportAgreement");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dialogs.get(dialogs.size() - 1).startsWith("Nothing was exported: "), dialogs.toString());
        assertEquals(before, java.nio.file.Files.size(file));
    }

    private static Path threeSessions() throws Exception {
        Path file = dir.resolve("icc-" + System.nanoTime() + ".attune");
        try (Study s = Study.create(file, BundledSchemes.defaultScheme(), "x")) {
            Coder al = s.addCoder("A", "AL");
            Coder bk = s.addCoder("B", "BK");
            long[][] seconds = {{2, 3}, {5, 5}, {8, 7}};
            for (int i = 0; i < 3; i++) {
                Session session = s.addSession(new Session(0, "S0" + (i + 1), "", "", null, "", "", Map.of()));
                long a = s.pass(session.id(), al.id()).id();
                long b = s.pass(session.id(), bk.id()).id();
                s.events().add(a, EventDraft.state("C_POS", 0, seconds[i][0] * 1000));
                s.events().add(b, EventDraft.state("C_POS", 0, seconds[i][1] * 1000));
                s.events().add(a, EventDraft.state("UNCODE", 10_000, 11_000L));
                s.events().add(b, EventDraft.state("UNCODE", 10_000, 11_000L));
                s.events().setRating(a, "R_SENS", new int[] {2, 3, 5}[i]);
                s.events().setRating(b, "R_SENS", new int[] {2, 4, 5}[i]);
            }
        }
        return file;
    }

    @Test
    void comparesOnlyTheChosenSessions(FxRobot robot) throws Exception {
        Path file = threeSessions();
        robot.interact(() -> view.open(file));
        assertEquals(List.of("S01", "S02", "S03"), List.copyOf(model.sessions()));
        CheckComboBox<String> sessions = robot.lookup("#sessions").queryAs(CheckComboBox.class);
        robot.interact(() -> {
            sessions.getCheckModel().check("S01");
            sessions.getCheckModel().check("S03");
        });
        CountDownLatch done = new CountDownLatch(1);
        view.setAfterCompute(done::countDown);
        robot.clickOn("#compute");
        assertTrue(done.await(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("S01", "S03"), model.sessionsCompared());
        MeasureReliability.Row pos = model.measureIcc().stream()
                .filter(r -> r.measure().equals("percent_time") && r.target().equals("C_POS")).findFirst().orElseThrow();
        assertEquals(2, pos.sessions(), "only the chosen sessions are units");
        assertTrue(model.paragraphProperty().get().startsWith("2 of 3 sessions (67%) were coded independently"), model.paragraphProperty().get());
    }

    /**
     * Three 11-s sessions, 10–11 s uncodable (T = 10 s); C_POS coded for AL 2, 5, 8 s and for BK 3, 5, 7 s →
     * percent time [[20, 30], [50, 50], [80, 70]]. Grand mean 50; row means 25, 50, 75; column means 50, 50.
     * SSR = 2·(625 + 0 + 625) = 2500, MSR = 1250; MSC = 0; SST = 2600, SSE = 100, MSE = 100/2 = 50.
     * ICC(2,1) = (1250 − 50) / (1250 + 50 + 2·(0 − 50)/3) = 18/19; ICC(3,1) = 1200/1300 = 12/13.
     */
    /** Opens the three-session study and computes with the default choices; returns once the results are shown. */
    private void computeOnThreeSessions(FxRobot robot) throws Exception {
        Path file = threeSessions();
        robot.interact(() -> view.open(file));
        CountDownLatch done = new CountDownLatch(1);
        view.setAfterCompute(done::countDown);
        robot.clickOn("#compute");
        assertTrue(done.await(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void showsTheIccOfEachDerivedMeasureBetweenTheCoders(FxRobot robot) throws Exception {
        computeOnThreeSessions(robot);
        MeasureReliability.Row pos = model.measureIcc().stream()
                .filter(r -> r.measure().equals("percent_time") && r.target().equals("C_POS")).findFirst().orElseThrow();
        assertEquals(3, pos.sessions());
        assertEquals(18 / 19.0, pos.icc().get(Icc.Form.ICC2).get(), 1e-9);
        assertEquals(12 / 13.0, pos.icc().get(Icc.Form.ICC3).get(), 1e-9);
        robot.clickOn("Derived measures (ICC)");
        TableView<?> table = robot.lookup("#measureIcc").queryAs(TableView.class);
        assertTrue(table.isVisible());
        assertFalse(table.getItems().isEmpty());
        // issue 14: the events' confusion matrix, disagreements and paragraph are not left under the measures
        assertTrue(robot.lookup("#disagreements").tryQuery().isEmpty(), "no event-κ detail under the measures' table");
        robot.clickOn("Events (κ)");
        assertTrue(robot.lookup("#disagreements").tryQuery().isPresent(), "back with the events' κ");
        assertEquals(List.of(), dialogs);
    }

    /**
     * Issue 20: session ratings in the tab. R_SENS (scale 1–5): AL 2, 3, 5 and BK 2, 4, 5 over three sessions.
     * Exact agreement 2/3. Quadratic weights 1 − d²/16: p_o = (1 + 15/16 + 1)/3 = 47/48; p_e = (1/9)·7.1875 →
     * κ_w = (47/48 − 7.1875/9)/(1 − 7.1875/9) = 26/29. Randolph: (2/3 − 1/5)/(1 − 1/5) = 7/12.
     */
    @Test
    void showsTheAgreementOnEachSessionRating(FxRobot robot) throws Exception {
        computeOnThreeSessions(robot);
        org.attune.agreement.RatingAgreement.Row sens = model.ratingAgreement().stream().filter(r -> r.code().equals("R_SENS")).findFirst().orElseThrow();
        assertEquals(3, sens.sessions());
        assertEquals(2.0 / 3, sens.report().allAgree().get(), 1e-12);
        assertEquals(26.0 / 29, sens.report().weightedKappaQuadratic().get(), 1e-12);
        assertEquals(7.0 / 12, sens.report().randolphKappa().get(), 1e-12);
        assertEquals(0, model.ratingAgreement().stream().filter(r -> r.code().equals("R_INTRUS")).findFirst().orElseThrow().sessions());
        robot.clickOn("Session ratings");
        TableView<?> table = robot.lookup("#ratingAgreement").queryAs(TableView.class);
        assertTrue(table.isVisible());
        assertEquals(4, table.getItems().size(), "one row per rating code of the scheme");
        assertEquals(List.of(), dialogs);
    }

    @Test
    void sameCoderTwiceIsExplainedNotComputed(FxRobot robot) throws Exception {
        Path file = study();
        robot.interact(() -> view.open(file));
        robot.interact(() -> model.secondCoderProperty().set("AL"));
        robot.clickOn("#compute");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Choose two different coders: Agreement compares two coders; pick a different coder in the second box."), dialogs);
        assertTrue(model.results().isEmpty());
    }

    @Test
    void aFileThatIsNotAStudyGivesAMessageNotAStackTrace(FxRobot robot) throws Exception {
        Path bad = java.nio.file.Files.writeString(dir.resolve("notes.attune"), "not a study");
        robot.interact(() -> view.open(bad));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, dialogs.size());
        assertTrue(dialogs.get(0).startsWith("This study cannot be opened: notes.attune is not an Attune study"), dialogs.get(0));
    }

    @Test
    void aTrainingSessionIsLeftOutUnlessAskedForAndATrainingResultIsShownComputed(FxRobot robot) throws Exception {
        Path file = study();
        try (Study s = Study.open(file)) {
            org.attune.store.ReliabilityStore.setTraining(s, s.sessions().get(0).id(), true);
        }
        robot.interact(() -> view.open(file));
        assertEquals(List.of(), model.sessions(), "S01 is for training: left out");
        robot.clickOn("#includeTraining");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("S01"), model.sessions());

        robot.interact(() -> model.includeTrainingProperty().set(false));
        CountDownLatch done = new CountDownLatch(1);
        view.setAfterCompute(done::countDown);
        robot.interact(() -> view.showTraining(file, "S01", "BK", "AL"));
        assertTrue(done.await(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("BK", model.firstCoderProperty().get(), "the gold standard's coder first");
        assertEquals(List.of("S01"), List.copyOf(model.chosenSessions()));
        assertTrue(model.includeTrainingProperty().get());
        assertEquals("AFF_C", model.selectedProperty().get().target());
    }
}
