package org.attune.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.attune.agreement.AgreementInput;
import org.attune.agreement.EventAgreement;
import org.attune.agreement.Mark;
import org.attune.coding.Coder;
import org.attune.coding.CodingPass;
import org.attune.coding.PassStatus;
import org.attune.coding.Session;
import org.attune.reliability.Criterion;
import org.attune.reliability.CriterionCheck;
import org.attune.reliability.Drift;
import org.attune.reliability.ReliabilitySample;
import org.attune.reliability.TrainingProgress;
import org.attune.store.ReliabilityStore;
import org.attune.store.SessionCodings;
import org.attune.store.Study;
import org.attune.store.StudyException;

/**
 * The reliability procedure on a study (issue 19; docs/reliability-workflow.md), for the command line and the
 * app: trainees' progress to the lab's criterion against the gold standard, agreement over coding time, and the
 * sample of sessions to double-code. Reads the study once per report; only a drawn sample writes.
 */
public final class Reliability {

    /** What a report is made from: the study's sessions, coders, passes and every pass's marks. */
    private record Data(Study study, Map<Long, Session> sessions, Map<Long, String> coders, List<CodingPass> passes, Map<Long, Long> gold,
                        Set<Long> training, Map<String, Map<String, List<Mark>>> marks, Map<String, Long> endMs) {
        List<Mark> marksOf(CodingPass p) {
            return marks.getOrDefault(sessions.get(p.sessionId()).label(), Map.of()).getOrDefault(coders.get(p.coderId()), List.of());
        }

        EventAgreement.SessionMarks pair(CodingPass first, CodingPass second) {
            String label = sessions.get(first.sessionId()).label();
            return new EventAgreement.SessionMarks(label, marksOf(first), marksOf(second), endMs.getOrDefault(label, 0L));
        }
    }

    private Reliability() {
    }

    /** The lab's criterion, or the default when none was set; a stored one that cannot be read is said. */
    public static Criterion criterion(Study study) throws StudyException {
        Map<String, String> stored = ReliabilityStore.criterion(study);
        if (stored.isEmpty()) return Criterion.DEFAULT;
        try {
            return Criterion.fromSettings(stored);
        } catch (IllegalArgumentException e) {
            throw new StudyException(StudyException.Kind.DAMAGED, study.path().getFileName() + ": " + e.getMessage()
                    + ". Set the criterion again (Reliability ▸ Criterion…, or attune reliability criterion).");
        }
    }

    /** Each trainee's progress (or only {@code coder}'s): their done passes of training sessions against the gold standard. */
    public static List<TrainingProgress.Progress> training(Study study, Criterion criterion, Optional<String> coder) throws StudyException {
        return training(study, read(study), criterion, coder);
    }

    /** The criterion, every trainee's progress, drift and the methods sentences: what the Reliability tab shows, from one reading of the study. */
    public record Overview(Criterion criterion, List<TrainingProgress.Progress> training, Drift.Report drift, String methods) {
    }

    public static Overview overview(Study study) throws StudyException {
        Criterion c = criterion(study);
        Data d = read(study);
        Drift.Report drift = drift(d, c);
        return new Overview(c, training(study, d, c, Optional.empty()), drift, methods(study, c, drift));
    }

    /** The methods section's sentences on the latest reliability sample drawn and on drift. */
    public static String methods(Study study, Criterion c, Drift.Report drift) throws StudyException {
        List<ReliabilityStore.SampleRecord> samples = ReliabilityStore.samples(study);
        Optional<org.attune.reliability.MethodsText.Sample> last = samples.isEmpty() ? Optional.empty() : Optional.of(samples.get(samples.size() - 1))
                .map(x -> new org.attune.reliability.MethodsText.Sample(x.percent(), x.stratifiedBy(), x.seed(), x.eligible(), x.sessions().size()));
        return org.attune.reliability.MethodsText.of(c, drift, last);
    }

    private static List<TrainingProgress.Progress> training(Study study, Data d, Criterion criterion, Optional<String> coder) {
        Map<String, List<TrainingProgress.Judged>> byCoder = new LinkedHashMap<>();
        for (CodingPass gold : goldPasses(d)) {
            if (!d.training().contains(gold.sessionId())) continue;
            for (CodingPass p : d.passes()) {
                if (p.sessionId() != gold.sessionId() || p.id() == gold.id() || p.status() != PassStatus.DONE || p.finishedAt() == null) continue;
                String who = d.coders().get(p.coderId());
                if (coder.isPresent() && !coder.get().equals(who)) continue;
                CriterionCheck.Judgement j = CriterionCheck.judge(study.scheme(), criterion, d.pair(gold, p));
                byCoder.computeIfAbsent(who, x -> new ArrayList<>()).add(new TrainingProgress.Judged(j.session(), p.finishedAt(), j));
            }
        }
        List<TrainingProgress.Progress> out = new ArrayList<>();
        new java.util.TreeMap<>(byCoder).forEach((who, judged) -> out.add(TrainingProgress.of(who, judged, criterion.consecutive())));
        if (coder.isPresent() && out.isEmpty()) out.add(TrainingProgress.of(coder.get(), List.of(), criterion.consecutive()));
        return out;
    }

    /** Agreement over coding time on the sessions that are not for training: every pair of done passes, and each against the gold standard. */
    public static Drift.Report drift(Study study, Criterion criterion) throws StudyException {
        return drift(read(study), criterion);
    }

    private static Drift.Report drift(Data d, Criterion criterion) {
        List<Drift.Check> checks = new ArrayList<>();
        Map<Long, List<CodingPass>> done = new LinkedHashMap<>();
        for (CodingPass p : d.passes()) {
            if (p.status() == PassStatus.DONE && p.finishedAt() != null && !d.training().contains(p.sessionId())) {
                done.computeIfAbsent(p.sessionId(), x -> new ArrayList<>()).add(p);
            }
        }
        for (List<CodingPass> passes : done.values()) {
            Long goldId = d.gold().get(passes.get(0).sessionId());
            List<CodingPass> coders = new ArrayList<>(passes.stream().filter(p -> goldId == null || p.id() != goldId).toList());
            coders.sort(Comparator.comparing(p -> d.coders().get(p.coderId())));
            for (int i = 0; i < coders.size(); i++) {
                for (int j = i + 1; j < coders.size(); j++) checks.add(check(d, criterion, coders.get(i), coders.get(j), d.coders().get(coders.get(j).coderId())));
            }
            CodingPass gold = goldId == null ? null : passes.stream().filter(p -> p.id() == goldId).findFirst().orElse(null);
            if (gold != null) for (CodingPass p : coders) checks.add(check(d, criterion, p, gold, "gold"));
        }
        return Drift.of(checks);
    }

    private static Drift.Check check(Data d, Criterion criterion, CodingPass a, CodingPass b, String secondName) {
        String later = a.finishedAt().compareTo(b.finishedAt()) >= 0 ? a.finishedAt() : b.finishedAt();
        CriterionCheck.Judgement j = CriterionCheck.judge(d.study().scheme(), criterion, d.pair(a, b));
        return new Drift.Check(d.coders().get(a.coderId()), secondName, j.session(), later, j);
    }

    /** What a stratum key reads of a session: "context", "coder" (who has its first pass), "week" (when that pass was finished), or a metadata key. */
    static String stratum(Data d, Session s, String by) {
        if (by.isEmpty()) return "";
        Optional<CodingPass> first = d.passes().stream().filter(p -> p.sessionId() == s.id()).min(Comparator.comparingLong(CodingPass::id));
        String value = switch (by) {
            case "context" -> s.context();
            case "coder" -> first.map(p -> d.coders().get(p.coderId())).orElse("");
            case "week" -> first.map(CodingPass::finishedAt).flatMap(Drift::weekOf).orElse("");
            default -> s.metadata().getOrDefault(by, "");
        };
        return value == null || value.isBlank() ? "(none)" : value;
    }

    /**
     * Draws the sessions to double-code among those not for training; with {@code apply}, gives each to its second
     * coder as a blind pass and records the draw (seed included) in the study, in one transaction.
     */
    public static ReliabilitySample.Drawn sample(Study study, double percent, String by, long seed, List<String> secondCoders, boolean apply)
            throws StudyException {
        Data d = read(study);
        Map<String, Long> coderIds = new HashMap<>();
        d.coders().forEach((id, initials) -> coderIds.put(initials, id));
        for (String c : secondCoders) {
            if (!coderIds.containsKey(c)) {
                throw new StudyException(StudyException.Kind.INVALID_INPUT, "There is no coder " + c + " in this study (coders: "
                        + String.join(", ", new TreeSet<>(coderIds.keySet())) + "). Add them first, or name others with --coders.");
            }
        }
        if (!by.isEmpty() && !Set.of("context", "coder", "week").contains(by)
                && d.sessions().values().stream().noneMatch(x -> x.metadata().containsKey(by))) {
            TreeSet<String> keys = new TreeSet<>(List.of("context", "coder", "week"));
            d.sessions().values().forEach(x -> keys.addAll(x.metadata().keySet()));
            throw new StudyException(StudyException.Kind.INVALID_INPUT, "No session has \"" + by + "\" to stratify by (the keys: " + String.join(", ", keys)
                    + "). Nothing was drawn.");
        }
        List<ReliabilitySample.Candidate> candidates = new ArrayList<>();
        Map<String, Long> sessionIds = new HashMap<>();
        for (Session s : d.sessions().values()) {
            if (d.training().contains(s.id())) continue;
            Set<String> have = new TreeSet<>();
            for (CodingPass p : d.passes()) if (p.sessionId() == s.id()) have.add(d.coders().get(p.coderId()));
            candidates.add(new ReliabilitySample.Candidate(s.label(), stratum(d, s, by), have));
            sessionIds.put(s.label(), s.id());
        }
        ReliabilitySample.Drawn drawn = ReliabilitySample.draw(candidates, percent, by, seed, secondCoders);
        if (apply) {
            List<ReliabilityStore.Given> given = new ArrayList<>();
            for (ReliabilitySample.Chosen c : drawn.chosen()) {
                if (c.secondCoder() != null) given.add(new ReliabilityStore.Given(sessionIds.get(c.session()), coderIds.get(c.secondCoder())));
            }
            ReliabilityStore.applySample(study, percent, by, seed, drawn.eligible(), drawn.chosen().stream().map(ReliabilitySample.Chosen::session).toList(),
                    drawn.chosen().stream().map(c -> c.secondCoder() == null ? "" : c.secondCoder()).toList(), given);
        }
        return drawn;
    }

    private static List<CodingPass> goldPasses(Data d) {
        return d.passes().stream().filter(p -> java.util.Objects.equals(d.gold().get(p.sessionId()), p.id())).toList();
    }

    private static Data read(Study study) throws StudyException {
        Map<Long, Session> sessions = new LinkedHashMap<>();
        for (Session s : study.sessions()) sessions.put(s.id(), s);
        Map<Long, String> coders = new LinkedHashMap<>();
        for (Coder c : study.coders()) coders.put(c.id(), c.initials());
        AgreementInput.Collector marks = new AgreementInput.Collector(study.scheme());
        SessionCodings.Ends ends = SessionCodings.timings(study, Set.of(), Set.of(), true, marks::accept);
        return new Data(study, sessions, coders, study.passes(), ReliabilityStore.goldPasses(study), ReliabilityStore.trainingSessions(study), marks.marks(),
                ends.endMs());
    }
}
