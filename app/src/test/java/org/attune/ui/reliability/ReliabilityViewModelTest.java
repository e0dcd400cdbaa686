package org.attune.ui.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attune.agreement.EventAgreement;
import org.attune.coding.CodingPass;
import org.attune.coding.PassStatus;
import org.attune.coding.Session;
import org.attune.reliability.Criterion;
import org.attune.scheme.json.BundledSchemes;
import org.attune.store.ReliabilityStore;
import org.attune.store.Study;
import org.attune.ui.OpenStudy;
import org.attune.ui.RecordingDialogs;
import org.attune.ui.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reliability workflow in the app without the toolkit, on the hand-made study of ReliabilityCliTest: a
 * trainee (TR) at κ = .60 and .80 on T1 and T2 (CriterionCheckTest works them out) marks T3 done with κ = 1.00
 * and is told at once that the criterion (two in a row) is reached; gold standards, training sessions, the
 * criterion and the sample are set from the menu's actions.
 */
class ReliabilityViewModelTest {

    @TempDir
    Path dir;
    final OpenStudy open = new OpenStudy();
    final RecordingDialogs dialogs = new RecordingDialogs();
    final List<String> said = new ArrayList<>();
    final Deque<Optional<Criterion>> criteria = new ArrayDeque<>();
    final Deque<Optional<ReliabilityViewModel.SampleRequest>> samples = new ArrayDeque<>();
    final Deque<Optional<ReliabilityViewModel.ConsensusRequest>> consensusAsks = new ArrayDeque<>();
    ReliabilityViewModel model;
    Study study;

    private static void affect(Study s, long passId, long changeMs, boolean done) throws Exception {
        org.attune.reliability.AffectCodings.code(s, passId, changeMs, done);
    }

    private CodingPass pass(String session, String coder) throws Exception {
        long sid = study.sessions().stream().filter(x -> x.label().equals(session)).findFirst().orElseThrow().id();
        long cid = study.coders().stream().filter(x -> x.initials().equals(coder)).findFirst().orElseThrow().id();
        return study.pass(sid, cid);
    }

    @BeforeEach
    void aStudy() throws Exception {
        study = open.create(dir.resolve("lab.attune"), BundledSchemes.defaultScheme(), "Lab");
        long gs = study.addCoder("Gold Standard", "GS").id();
        long tr = study.addCoder("Tara Rees", "TR").id();
        long al = study.addCoder("Ana Lopes", "AL").id();
        study.addCoder("Cleo Marsh", "CM");
        long[] trainee = {7_000, 6_000, 5_000};
        for (int i = 1; i <= 3; i++) {
            Session t = study.addSession(new Session(0, "T" + i, "", "", null, "", "", Map.of()));
            affect(study, study.pass(t.id(), gs).id(), 5_000, true);
            affect(study, study.pass(t.id(), tr).id(), trainee[i - 1], i < 3); // T3 not yet done
        }
        for (int i = 1; i <= 4; i++) {
            Session x = study.addSession(new Session(0, "S0" + i, "", "", null, i % 2 == 0 ? "reunion" : "free play", "", Map.of()));
            affect(study, study.pass(x.id(), al).id(), 5_000, true);
        }
        ReliabilityViewModel.Forms forms = new ReliabilityViewModel.Forms() {
            @Override
            public Optional<Criterion> criterion(Criterion now) {
                return criteria.poll();
            }

            @Override
            public Optional<ReliabilityViewModel.ConsensusRequest> consensus(String session, List<String> coders, long toleranceMs) {
                assertEquals(List.of("GS", "TR"), coders, "the coders with a pass of " + session);
                return consensusAsks.poll();
            }

            @Override
            public Optional<ReliabilityViewModel.SampleRequest> sample(List<String> coders, List<String> keys) {
                assertEquals(List.of("AL", "CM", "GS", "TR"), coders.stream().sorted().toList());
                assertEquals(List.of("context", "coder", "week"), keys);
                return samples.poll();
            }
        };
        model = new ReliabilityViewModel(open, dialogs, forms, Tasks.immediate(), said::add);
    }

    @AfterEach
    void close() {
        open.close();
    }

    @Test
    void aTraineeIsToldTheirResultAsSoonAsTheirTrainingPassIsDone() throws Exception {
        for (String t : List.of("T1", "T2", "T3")) {
            model.toggleTraining(Optional.of(study.sessions().stream().filter(x -> x.label().equals(t)).findFirst().orElseThrow()));
            model.toggleGold(Optional.of(pass(t, "GS")), "GS's pass of " + t);
        }
        assertEquals("GS's pass of T3 is now the gold standard of its session (★).", said.get(said.size() - 1));
        criteria.add(Optional.of(new Criterion(EventAgreement.Method.TIME_UNIT, 1000, 0, 0.80, Criterion.Scope.EACH_GROUP, 10, 2)));
        model.editCriterion();
        assertEquals("Criterion: time-unit κ (1-s units) ≥ .80 in each exclusive group, on 2 consecutive training sessions.", said.get(said.size() - 1));

        model.trainingPassDone(pass("T3", "GS"));
        assertTrue(dialogs.shown.isEmpty(), "the gold standard's own pass is not a trainee's");
        study.setPassStatus(pass("T3", "TR").id(), PassStatus.DONE);
        List<ReliabilityViewModel.TrainingShow> agreement = new ArrayList<>();
        model.setOnShowTraining(agreement::add);
        model.trainingPassDone(pass("T3", "TR"));
        assertEquals(1, dialogs.shown.size());
        String shown = dialogs.shown.get(0);
        assertTrue(shown.startsWith("Training result? TR's T3 against the gold standard: κ = 1.00 — meets the criterion"), shown);
        assertEquals(List.of(new ReliabilityViewModel.TrainingShow(study.path(), "T3", "GS", "TR")), agreement, "shown in the Agreement tab when asked");
        assertTrue(shown.contains("Criterion reached on ") && shown.contains(" with T3."), shown);
        assertTrue(shown.contains("Judged:\n  group AFF_C: κ = 1.00  ✓"), shown);

        model.trainingPassDone(pass("S01", "AL"));
        assertEquals(1, dialogs.shown.size(), "not a training session: nothing to show");

        List<ReliabilityViewModel.Shown> read = new ArrayList<>();
        model.read(read::add);
        assertEquals(List.of(0, 1, 2), read.get(0).training().get(0).steps().stream().map(s -> s.run()).toList());
        assertEquals("T3", read.get(0).training().get(0).reached().orElseThrow().session());
        assertEquals("No session has been double-coded yet.", read.get(0).methods());

        java.nio.file.Path records = java.nio.file.Files.createDirectories(dir.resolve("records"));
        dialogs.files.add(records);
        model.exportTrainingRecords();
        String page = java.nio.file.Files.readString(records.resolve("training-record-tr.html"));
        assertTrue(page.contains("Criterion reached on ") && page.contains(" with session T3."), page);
        assertTrue(dialogs.shown.get(dialogs.shown.size() - 1).startsWith("(i) Training records written: training-record-tr.html"), dialogs.shown.toString());
    }

    @Test
    void aGoldStandardIsMarkedAndUnmarkedAndNothingIsAskedWithoutASelection() throws Exception {
        model.toggleGold(Optional.empty(), "");
        assertTrue(dialogs.shown.get(0).startsWith("(i) Choose a pass first"), dialogs.shown.toString());
        model.toggleGold(Optional.of(pass("T1", "GS")), "GS's pass of T1");
        model.toggleGold(Optional.of(pass("T1", "TR")), "TR's pass of T1");
        assertEquals(Map.of(pass("T1", "TR").sessionId(), pass("T1", "TR").id()), ReliabilityStore.goldPasses(study), "one gold standard per session");
        model.toggleGold(Optional.of(pass("T1", "TR")), "TR's pass of T1");
        assertEquals(Map.of(), ReliabilityStore.goldPasses(study));
        criteria.add(Optional.empty());
        model.editCriterion();
        assertTrue(ReliabilityStore.criterion(study).isEmpty(), "cancelled: nothing stored");
    }

    @Test
    void theSampleIsShownBeforeItsPassesAreGivenAndGivenOnlyWhenTheLabAgrees() throws Exception {
        samples.add(Optional.of(new ReliabilityViewModel.SampleRequest(50, "context", 20260301, List.of("CM"))));
        dialogs.answer = false;
        model.drawSample();
        assertTrue(dialogs.shown.get(0).startsWith("Double-code these sessions?? 4 of 7 sessions (50 %, stratified by context, seed 20260301):"),
                dialogs.shown.toString());
        assertTrue(ReliabilityStore.samples(study).isEmpty(), "not agreed: nothing given, nothing kept");

        for (String t : List.of("T1", "T2", "T3")) {
            model.toggleTraining(Optional.of(study.sessions().stream().filter(x -> x.label().equals(t)).findFirst().orElseThrow()));
        }
        samples.add(Optional.of(new ReliabilityViewModel.SampleRequest(50, "context", 20260301, List.of("CM"))));
        dialogs.answer = true;
        model.drawSample();
        assertTrue(dialogs.shown.get(1).startsWith("Double-code these sessions?? 2 of 4 sessions (50 %, stratified by context, seed 20260301):"),
                "the training sessions are not drawn: " + dialogs.shown);
        assertEquals(1, ReliabilityStore.samples(study).size());
        long cm = study.coders().stream().filter(c -> c.initials().equals("CM")).findFirst().orElseThrow().id();
        assertEquals(2, study.passes().stream().filter(p -> p.coderId() == cm && p.blind()).count());
        assertFalse(said.isEmpty());
    }

    @Test
    void aConsensusIsStartedAsTheLabChoosesAndResumedWithoutAsking() throws Exception {
        Session t1 = study.sessions().stream().filter(x -> x.label().equals("T1")).findFirst().orElseThrow();
        List<ConsensusViewModel> reviews = new ArrayList<>();
        List<org.attune.ui.VideoJump> jumps = new ArrayList<>();
        // the trainee put the change to distress at 7 s, the gold standard at 5 s: by overlap both states agree (71 %, 60 %),
        // by onsets (±1 s) the distress bouts do not
        consensusAsks.add(Optional.of(new ReliabilityViewModel.ConsensusRequest("GS", "TR", org.attune.reliability.ConsensusPlan.Matching.ONSETS, 1000, 0.6)));
        model.buildConsensus(Optional.of(t1), reviews::add, jumps::add);
        assertEquals(1, reviews.size());
        assertEquals(1, reviews.get(0).state().disagreements().size());
        assertEquals("1 of 1 · 00:00:05.000 · the two coders differ", reviews.get(0).headingProperty().get());
        assertEquals(List.of(new org.attune.ui.VideoJump(study.path(), "T1", org.attune.store.ConsensusStore.CODER, 5_000)), jumps, "the video cued there");
        reviews.get(0).takeFirst();
        assertEquals("1 of 1 resolved — the consensus is complete", reviews.get(0).progressProperty().get());

        model.buildConsensus(Optional.of(t1), reviews::add, jumps::add); // resumed: nothing asked (the form would fail: no answer queued)
        assertEquals(2, reviews.size());
        assertEquals(1, reviews.get(1).state().resolved());
        assertTrue(said.get(said.size() - 1).startsWith("Resumed the consensus of GS and TR on T1"), said.toString());
    }
}
