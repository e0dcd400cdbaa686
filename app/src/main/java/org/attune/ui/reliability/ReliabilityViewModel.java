package org.attune.ui.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.attune.coding.CodingPass;
import org.attune.coding.Coder;
import org.attune.coding.Session;
import org.attune.reliability.Criterion;
import org.attune.reliability.Drift;
import org.attune.reliability.MethodsText;
import org.attune.reliability.ReliabilitySample;
import org.attune.reliability.TrainingProgress;
import org.attune.service.Reliability;
import org.attune.store.ReliabilityStore;
import org.attune.store.Study;
import org.attune.store.StudyException;
import org.attune.ui.DialogService;
import org.attune.ui.OpenStudy;
import org.attune.ui.Tasks;

/**
 * The reliability procedure in the app (issue 19): marking gold-standard passes and training sessions, the
 * lab's criterion, drawing the reliability sample, the trainee's result when a training pass is done, and what
 * the Reliability tab shows. No JavaFX nodes: the forms come through {@link Forms}, tested without the toolkit.
 */
public final class ReliabilityViewModel {

    /** What a sample draw asks: the share, the stratum key ("" none), the seed and the second coders. */
    public record SampleRequest(double percent, String by, long seed, List<String> coders) {
    }

    /** What starting a consensus asks: the two coders and how their events are matched. */
    public record ConsensusRequest(String first, String second, org.attune.reliability.ConsensusPlan.Matching matching, long toleranceMs, double overlap) {
    }

    /** The forms the actions ask with (FX dialogs in the app, scripted answers in tests). */
    public interface Forms {
        Optional<Criterion> criterion(Criterion now);

        Optional<SampleRequest> sample(List<String> coders, List<String> keys);

        /** {@code coders}: those with a pass of the session, the done ones first. */
        Optional<ConsensusRequest> consensus(String session, List<String> coders, long toleranceMs);
    }

    /** What the Reliability tab shows of the open study. */
    public record Shown(Criterion criterion, List<TrainingProgress.Progress> training, Drift.Report drift, String methods) {
    }

    private final OpenStudy open;
    private final DialogService dialogs;
    private final Forms forms;
    private final Tasks tasks;
    private final Consumer<String> say;

    public ReliabilityViewModel(OpenStudy open, DialogService dialogs, Forms forms, Tasks tasks, Consumer<String> say) {
        this.open = open;
        this.dialogs = dialogs;
        this.forms = forms;
        this.tasks = tasks;
        this.say = say;
    }

    private Optional<Study> writable(String toDo) {
        if (!open.isOpen()) {
            dialogs.showInfo("No study is open", "Open a study first (File ▸ Open study…), then " + toDo + ".");
            return Optional.empty();
        }
        if (open.get().isReadOnly()) {
            dialogs.showInfo("The study is read-only here", open.get().path().getFileName() + " is open read-only ("
                    + open.get().readOnlyReason().orElse("") + "); " + toDo + " where it is open for editing.");
            return Optional.empty();
        }
        return Optional.of(open.get());
    }

    /** Makes the pass the gold standard of its session, or no longer (Reliability ▸ Gold standard). */
    public void toggleGold(Optional<CodingPass> pass, String describe) {
        if (pass.isEmpty()) {
            dialogs.showInfo("Choose a pass first", "In the Study tab, select a coder's cell of a session (the master coder's, or a consensus pass), then"
                    + " make it the session's gold standard.");
            return;
        }
        Optional<Study> s = writable("mark a gold standard");
        if (s.isEmpty()) return;
        try {
            boolean gold = ReliabilityStore.goldPasses(s.get()).containsValue(pass.get().id());
            ReliabilityStore.setGold(s.get(), pass.get().id(), !gold);
            open.changed();
            say.accept(describe + (gold ? " is no longer the gold standard of its session." : " is now the gold standard of its session (★)."));
        } catch (StudyException e) {
            dialogs.showError("The gold standard was not changed", e.getMessage());
        }
    }

    /** Marks the session for training, or not (Reliability ▸ Training session). */
    public void toggleTraining(Optional<Session> session) {
        if (session.isEmpty()) {
            dialogs.showInfo("Choose a session first", "In the Study tab, select a session's row, then mark it for training.");
            return;
        }
        Optional<Study> s = writable("mark a training session");
        if (s.isEmpty()) return;
        try {
            boolean training = ReliabilityStore.trainingSessions(s.get()).contains(session.get().id());
            ReliabilityStore.setTraining(s.get(), session.get().id(), !training);
            open.changed();
            say.accept(session.get().label() + (training ? " is no longer a training session." : " is a training session: left out of analyses and exports"
                    + " unless asked, and of the reliability sample."));
        } catch (StudyException e) {
            dialogs.showError("The session was not changed", e.getMessage());
        }
    }

    /** Reliability ▸ Criterion…: shows the lab's criterion in a form and stores what the lab sets. */
    public void editCriterion() {
        Optional<Study> s = writable("set the criterion");
        if (s.isEmpty()) return;
        try {
            Criterion now;
            try {
                now = Reliability.criterion(s.get());
            } catch (StudyException unreadable) {
                dialogs.showError("The stored criterion cannot be read", unreadable.getMessage() + " The form starts from the default.");
                now = Criterion.DEFAULT;
            }
            Optional<Criterion> next = forms.criterion(now);
            if (next.isEmpty()) return;
            ReliabilityStore.setCriterion(s.get(), next.get().toSettings());
            open.changed();
            say.accept("Criterion: " + next.get().describe() + ".");
        } catch (StudyException e) {
            dialogs.showError("The criterion was not set", e.getMessage());
        }
    }

    /** Reliability ▸ Draw a reliability sample…: asks, shows the draw, and gives the blind passes only when the lab agrees. */
    public void drawSample() {
        Optional<Study> s = writable("draw a reliability sample");
        if (s.isEmpty()) return;
        Study study = s.get();
        try {
            List<String> coders = study.coders().stream().map(Coder::initials).toList();
            List<String> keys = new ArrayList<>(List.of("context", "coder", "week"));
            study.sessions().stream().flatMap(x -> x.metadata().keySet().stream()).distinct().sorted().forEach(keys::add);
            Optional<SampleRequest> asked = forms.sample(coders, keys);
            if (asked.isEmpty()) return;
            SampleRequest r = asked.get();
            ReliabilitySample.Drawn preview = Reliability.sample(study, r.percent(), r.by(), r.seed(), r.coders(), false);
            List<String> lines = preview.chosen().stream().map(c -> c.session() + (r.by().isEmpty() ? "" : " [" + c.stratum() + "]") + " → "
                    + (c.secondCoder() == null ? "no second coder (each chosen coder has a pass of it)" : c.secondCoder())).toList();
            if (!dialogs.confirm("Double-code these sessions?", preview.chosen().size() + " of " + preview.eligible() + " sessions ("
                    + MethodsText.percent(r.percent()) + " %" + (r.by().isEmpty() ? "" : ", stratified by " + r.by()) + ", seed " + r.seed() + "):\n"
                    + String.join("\n", lines) + "\n\nEach goes to its second coder as a blind pass; the draw and its seed are kept in the study.", "Give the passes")) {
                return;
            }
            Reliability.sample(study, r.percent(), r.by(), r.seed(), r.coders(), true);
            open.changed();
            say.accept("Drew " + preview.chosen().size() + " sessions to double-code (seed " + r.seed() + "); their blind passes are in the Study tab.");
        } catch (StudyException e) {
            dialogs.showError("No sample was drawn", e.getMessage());
        }
    }

    /** A training session to show in the Agreement tab: the gold standard's coder against the trainee. */
    public record TrainingShow(java.nio.file.Path study, String session, String gold, String trainee) {
    }

    private Consumer<TrainingShow> showTraining = t -> { };

    /** Where "Show in the Agreement tab" of a training result goes (the app: the Agreement tab, computed). */
    public void setOnShowTraining(Consumer<TrainingShow> then) {
        showTraining = then;
    }

    private static String coderOf(Study study, long passId) throws StudyException {
        long coderId = study.passes().stream().filter(p -> p.id() == passId).findFirst().map(CodingPass::coderId).orElse(-1L);
        return study.coders().stream().filter(c -> c.id() == coderId).map(Coder::initials).findFirst().orElse("?");
    }

    /**
     * After a pass was marked done: if it is a trainee's pass of a training session with a gold standard, their
     * result against the criterion, at once (the pass was blind until now).
     */
    public void trainingPassDone(CodingPass pass) {
        if (!open.isOpen()) return;
        Study study = open.get();
        try {
            if (!ReliabilityStore.trainingSessions(study).contains(pass.sessionId())) return;
            Long gold = ReliabilityStore.goldPasses(study).get(pass.sessionId());
            if (gold == null || gold == pass.id()) return;
            String coder = study.coders().stream().filter(c -> c.id() == pass.coderId()).map(Coder::initials).findFirst().orElse("?");
            Criterion criterion = Reliability.criterion(study);
            List<TrainingProgress.Progress> progress = Reliability.training(study, criterion, Optional.of(coder));
            String session = study.sessions().stream().filter(x -> x.id() == pass.sessionId()).map(Session::label).findFirst().orElse("?");
            String goldCoder = coderOf(study, gold);
            progress.stream().flatMap(p -> p.steps().stream()).filter(st -> st.session().equals(session)).reduce((a, b) -> b).ifPresent(step -> {
                TrainingProgress.Progress p = progress.get(0);
                List<String> counted = step.judgement().parts().stream().filter(x -> x.counted())
                        .map(x -> "  " + x.kind() + " " + x.target() + ": κ = " + MethodsText.apa(x.kappa()) + (x.kappa() >= criterion.threshold() - 1e-12 ? "  ✓" : "  below"))
                        .toList();
                long undefined = step.judgement().parts().stream().filter(x -> !x.counted() && Double.isNaN(x.kappa())).count();
                long left = step.judgement().parts().stream().filter(x -> !x.counted() && !Double.isNaN(x.kappa())).count();
                String head = coder + "'s " + session + " against the gold standard: " + (Double.isNaN(step.judgement().value()) ? "nothing could be judged"
                        : "κ = " + MethodsText.apa(step.judgement().value())) + " — " + (step.judgement().meets() ? "meets" : "below") + " the criterion ("
                        + criterion.describe() + ").\n\n" + (p.reached().isPresent() ? "Criterion reached on "
                        + p.reached().get().finishedAt().substring(0, Math.min(10, p.reached().get().finishedAt().length())) + " with " + p.reached().get().session() + "."
                        : p.stillNeeded(criterion.consecutive()) + " more consecutive session" + (p.stillNeeded(criterion.consecutive()) == 1 ? "" : "s")
                        + " meeting it needed.");
                String detail = (counted.isEmpty() ? "" : "\n\nJudged:\n" + String.join("\n", counted))
                        + (undefined + left == 0 ? "" : "\n\nNot counted: " + (undefined == 0 ? "" : undefined + " with no κ (neither coded them)")
                        + (undefined > 0 && left > 0 ? "; " : "") + (left == 0 ? "" : left + " the criterion does not apply to (codes with few events, or codes"
                        + " when it applies to groups)") + ".")
                        + "\n\nShow the confusion matrices and the disagreements on the two timelines in the Agreement tab?";
                if (dialogs.confirm("Training result", head + detail, "Show in the Agreement tab")) {
                    showTraining.accept(new TrainingShow(study.path(), session, goldCoder, coder));
                }
            });
        } catch (StudyException e) {
            dialogs.showError("The training result cannot be shown", e.getMessage());
        }
    }

    /**
     * Reliability ▸ Build a consensus pass of the selected session…: asks which two coders' passes (the session's
     * done passes offered), starts the consensus or resumes the one under way, and hands it to {@code review}.
     */
    public void buildConsensus(Optional<Session> session, Consumer<ConsensusViewModel> review, Consumer<org.attune.ui.VideoJump> toVideo) {
        if (session.isEmpty()) {
            dialogs.showInfo("Choose a session first", "In the Study tab, select the session whose two passes the consensus resolves.");
            return;
        }
        Optional<Study> s = writable("build a consensus");
        if (s.isEmpty()) return;
        Study study = s.get();
        try {
            boolean resuming = org.attune.store.ConsensusStore.of(study, session.get().id()).isPresent();
            org.attune.service.Consensus.State state;
            if (resuming) {
                state = org.attune.service.Consensus.startOrResume(study, session.get().label(), "", "", 0, 0.6);
            } else {
                Map<Long, String> initials = new java.util.HashMap<>();
                study.coders().forEach(c -> initials.put(c.id(), c.initials()));
                List<String> done = study.passes().stream() // the session's coders, those done first
                        .filter(p -> p.sessionId() == session.get().id() && !initials.get(p.coderId()).equals(org.attune.store.ConsensusStore.CODER))
                        .sorted(java.util.Comparator.comparing((CodingPass p) -> p.status() != org.attune.coding.PassStatus.DONE))
                        .map(p -> initials.get(p.coderId())).toList();
                if (done.size() < 2) {
                    dialogs.showInfo("Two passes are needed", session.get().label() + " has " + done.size() + " coder" + (done.size() == 1 ? "'s pass" : "s' passes")
                            + ": a consensus resolves two coders' passes of a session.");
                    return;
                }
                Optional<ConsensusRequest> asked = forms.consensus(session.get().label(), done, Math.max(Reliability.criterion(study).toleranceMs(), 1000));
                if (asked.isEmpty()) return;
                ConsensusRequest r = asked.get();
                state = org.attune.service.Consensus.startOrResume(study, session.get().label(), r.first(), r.second(), r.matching(), r.toleranceMs(), r.overlap());
            }
            open.changed();
            say.accept((resuming ? "Resumed" : "Started") + " the consensus of " + state.first() + " and " + state.second() + " on " + session.get().label()
                    + ": " + state.resolved() + " of " + state.disagreements().size() + " disagreements decided.");
            String label = session.get().label();
            review.accept(new ConsensusViewModel(study, state, dialogs,
                    atMs -> toVideo.accept(new org.attune.ui.VideoJump(study.path(), label, org.attune.store.ConsensusStore.CODER, atMs))));
        } catch (StudyException e) {
            dialogs.showError("No consensus was started", e.getMessage());
        }
    }

    /** Training records (HTML)…: each trainee's printable one-page record into a folder the lab chooses (never over a file). */
    public void exportTrainingRecords() {
        if (!open.isOpen()) {
            dialogs.showInfo("No study is open", "Open a study first (File ▸ Open study…), then export its training records.");
            return;
        }
        Study study = open.get();
        try {
            Criterion c = Reliability.criterion(study);
            List<TrainingProgress.Progress> all = Reliability.training(study, c, Optional.empty());
            if (all.isEmpty()) {
                dialogs.showInfo("No training records yet", "No trainee has finished a training pass of a session with a gold standard.");
                return;
            }
            Optional<java.nio.file.Path> folder = dialogs.chooseFolder("Save the training records in…", study.path().toAbsolutePath().getParent());
            if (folder.isEmpty()) return;
            for (TrainingProgress.Progress p : all) { // all or none: every file checked before any is written
                Optional<String> problem = org.attune.exchange.OutputFile.problem(folder.get().resolve(org.attune.reliability.TrainingRecord.fileName(p.coder())),
                        List.of(study.path()));
                if (problem.isPresent()) {
                    dialogs.showError("No training record was written", problem.get());
                    return;
                }
            }
            List<String> written = new ArrayList<>();
            for (TrainingProgress.Progress p : all) {
                String name = study.coders().stream().filter(k -> k.initials().equals(p.coder())).map(Coder::name).findFirst().orElse(p.coder());
                String page = org.attune.reliability.TrainingRecord.html(study.name(), name, p, c, java.time.LocalDate.now().toString());
                java.nio.file.Path file = folder.get().resolve(org.attune.reliability.TrainingRecord.fileName(p.coder()));
                org.attune.exchange.OutputFile.write(file, List.of(study.path()), tmp -> {
                    java.nio.file.Files.writeString(tmp, page, java.nio.charset.StandardCharsets.UTF_8);
                    return null;
                });
                written.add(file.getFileName().toString());
            }
            dialogs.showInfo("Training records written", String.join("\n", written) + "\n\nin " + folder.get() + " — one page each, to print for the lab's records.");
            say.accept("Wrote " + written.size() + " training record" + (written.size() == 1 ? "" : "s") + ".");
        } catch (StudyException e) {
            dialogs.showError("No training record was written", e.getMessage());
        } catch (org.attune.exchange.OutputFile.Refused e) {
            dialogs.showError("No training record was written", e.getMessage());
        }
    }

    /** Reads what the Reliability tab shows, off the FX thread; {@code show} gets it, failures are said. */
    public void read(Consumer<Shown> show) {
        if (!open.isOpen()) return;
        Study study = open.get();
        tasks.run(() -> {
            Reliability.Overview o = Reliability.overview(study); // one reading of the study for all of it
            return new Shown(o.criterion(), o.training(), o.drift(), o.methods());
        }, show, failure -> {
            if (failure instanceof StudyException e) dialogs.showError("Reliability cannot be shown", e.getMessage());
            else dialogs.showFailure("Reliability cannot be shown", failure);
        });
    }
}
