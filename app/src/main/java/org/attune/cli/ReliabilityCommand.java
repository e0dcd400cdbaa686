package org.attune.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.attune.agreement.EventAgreement;
import org.attune.coding.CodingPass;
import org.attune.coding.Session;
import org.attune.reliability.Criterion;
import org.attune.reliability.ReliabilitySample;
import org.attune.service.Reliability;
import org.attune.store.ReliabilityStore;
import org.attune.store.Study;
import org.attune.store.StudyException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code attune reliability …}: the procedure around the coding (issue 19, docs/reliability-workflow.md) — the
 * lab's criterion, gold-standard passes and training sessions, training to criterion, drift, and the sample of
 * sessions to double-code. The reports are in {@link ReliabilityReports}.
 */
@Command(name = "reliability", mixinStandardHelpOptions = true,
        description = "Training to criterion, the reliability sample, drift: the procedure around double coding.")
public final class ReliabilityCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs {@code work} on the study opened for editing; a refusal is said in words (exit 1). */
    interface Edit {
        int run(Study study, PrintWriter out, PrintWriter err) throws StudyException;
    }

    static int edit(StudyArg file, CommandLine.Model.CommandSpec spec, Edit work) {
        PrintWriter err = spec.commandLine().getErr();
        try (Study study = file.open()) {
            if (study.isReadOnly()) {
                err.println(file.shortName() + " is open read-only (" + study.readOnlyReason().orElse("") + "); close it elsewhere to change it.");
                return 1;
            }
            return work.run(study, spec.commandLine().getOut(), err);
        } catch (StudyException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    static Optional<Session> session(Study study, String label, PrintWriter err) throws StudyException {
        Optional<Session> s = study.sessions().stream().filter(x -> x.label().equals(label)).findFirst();
        if (s.isEmpty()) err.println("There is no session " + label + " in " + study.location() + ".");
        return s;
    }

    @Command(name = "criterion", mixinStandardHelpOptions = true,
            description = {"Show the lab's criterion of agreement, or set it (any option given). Unset, it is time-unit κ in 1-s",
                    "units ≥ .80 in each exclusive group on 3 consecutive training sessions."})
    static final class CriterionCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "STUDY", description = "The study file, or a lab study's address postgresql://…?study=NAME.")
        StudyArg study;

        @Option(names = "--method", paramLabel = "time-unit|alignment", description = "How two passes are compared.")
        String method;

        @Option(names = "--unit", paramLabel = "S", description = "Time unit in seconds (time-unit κ).")
        Double unit;

        @Option(names = "--tolerance", paramLabel = "S", description = "Tolerance in seconds.")
        Double tolerance;

        @Option(names = "--threshold", paramLabel = "K", description = "The κ to reach, e.g. 0.80.")
        Double threshold;

        @Option(names = "--applies", paramLabel = "overall|each-group|each-code", description = "What the threshold applies to.")
        String applies;

        @Option(names = "--min-events", paramLabel = "N", description = "Events (both passes) a code needs to count on its own.")
        Integer minEvents;

        @Option(names = "--consecutive", paramLabel = "N", description = "Consecutive training sessions that must meet it.")
        Integer consecutive;

        @Override
        public Integer call() {
            return edit(study, spec, (s, out, err) -> {
                boolean show = method == null && unit == null && tolerance == null && threshold == null && applies == null && minEvents == null && consecutive == null;
                Criterion now;
                try {
                    now = Reliability.criterion(s);
                } catch (StudyException unreadable) {
                    if (show) throw unreadable;
                    now = Criterion.DEFAULT; // setting it mends a stored criterion that cannot be read
                }
                if (show) {
                    out.println(now.describe());
                    return 0;
                }
                Criterion next;
                try {
                    next = new Criterion(method == null ? now.method() : EventAgreement.Method.parse(method)
                            .orElseThrow(() -> new IllegalArgumentException("--method must be time-unit or alignment, not '" + method + "'")),
                            unit == null ? now.unitMs() : Math.round(unit * 1000), tolerance == null ? now.toleranceMs() : Math.round(tolerance * 1000),
                            threshold == null ? now.threshold() : threshold,
                            applies == null ? now.scope() : Criterion.Scope.parse(applies)
                                    .orElseThrow(() -> new IllegalArgumentException("--applies must be overall, each-group or each-code, not '" + applies + "'")),
                            minEvents == null ? now.minEvents() : minEvents, consecutive == null ? now.consecutive() : consecutive);
                } catch (IllegalArgumentException e) {
                    err.println(e.getMessage() + ". Nothing was changed.");
                    return 2;
                }
                ReliabilityStore.setCriterion(s, next.toSettings());
                out.println("criterion: " + next.describe());
                return 0;
            });
        }
    }

    @Command(name = "gold", mixinStandardHelpOptions = true,
            description = "Make a coder's pass of a session the session's gold standard (the master coder's, or a consensus pass).")
    static final class Gold implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "STUDY", description = "The study file, or a lab study's address postgresql://…?study=NAME.")
        StudyArg study;

        @Option(names = "--session", required = true, paramLabel = "LABEL", description = "The session.")
        String session;

        @Option(names = "--coder", required = true, paramLabel = "INITIALS", description = "Whose pass is the gold standard.")
        String coder;

        @Option(names = "--off", description = "The pass is no longer the gold standard.")
        boolean off;

        @Override
        public Integer call() {
            return edit(study, spec, (s, out, err) -> {
                Optional<Session> x = session(s, session, err);
                if (x.isEmpty()) return 1;
                List<CodingPass> passes = s.passes();
                Optional<CodingPass> pass = s.coders().stream().filter(c -> c.initials().equals(coder)).findFirst()
                        .flatMap(c -> passes.stream().filter(p -> p.sessionId() == x.get().id() && p.coderId() == c.id()).findFirst());
                if (pass.isEmpty()) {
                    err.println(coder + " has no pass of " + session + "; give them the session first.");
                    return 1;
                }
                ReliabilityStore.setGold(s, pass.get().id(), !off);
                out.println(coder + "'s pass of " + session + (off ? " is no longer" : " is") + " the session's gold standard.");
                return 0;
            });
        }
    }

    @Command(name = "training-sessions", mixinStandardHelpOptions = true,
            description = "Mark sessions as for training (left out of the reliability sample and drift), or not (--off).")
    static final class TrainingSessions implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "STUDY", description = "The study file, or a lab study's address postgresql://…?study=NAME.")
        StudyArg study;

        @Parameters(index = "1", split = ",", paramLabel = "LABEL", description = "The sessions, e.g. T1,T2,T3.")
        List<String> sessions;

        @Option(names = "--off", description = "They are not for training.")
        boolean off;

        @Override
        public Integer call() {
            return edit(study, spec, (s, out, err) -> {
                List<Session> found = new ArrayList<>();
                for (String label : sessions) {
                    Optional<Session> x = session(s, label, err);
                    if (x.isEmpty()) return 1; // none marked: the labels are checked first
                    found.add(x.get());
                }
                for (Session x : found) ReliabilityStore.setTraining(s, x.id(), !off);
                out.println(String.join(", ", sessions) + (off ? " are not for training." : " are for training."));
                return 0;
            });
        }
    }

    @Command(name = "sample", mixinStandardHelpOptions = true,
            description = {"Choose sessions to double-code at random (not training sessions), optionally in proportion within strata,",
                    "reproducible from the seed; each goes to the least loaded of the second coders who has not coded it, as a",
                    "blind pass. The draw and its seed are kept in the study (--dry-run: only list it)."})
    static final class Sample implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "STUDY", description = "The study file, or a lab study's address postgresql://…?study=NAME.")
        StudyArg study;

        @Option(names = "--percent", required = true, paramLabel = "P", description = "The share of sessions to double-code, e.g. 20.")
        double percent;

        @Option(names = "--by", paramLabel = "KEY", defaultValue = "", description = "Stratify by context, coder (of the session's first pass), week "
                + "(when that pass was finished) or a session metadata key (e.g. condition, age_group).")
        String by;

        @Option(names = "--seed", required = true, paramLabel = "N", description = "The seed: the same seed draws the same sessions.")
        long seed;

        @Option(names = "--coders", required = true, split = ",", paramLabel = "A,B", description = "The second coders to give them to.")
        List<String> coders;

        @Option(names = "--dry-run", description = "List the draw; change nothing.")
        boolean dryRun;

        @Option(names = "--json", description = "Machine-readable output.")
        boolean json;

        @Override
        public Integer call() {
            if (!(percent > 0 && percent <= 100)) {
                spec.commandLine().getErr().println("--percent must be above 0 and at most 100, not " + percent);
                return 2;
            }
            return edit(study, spec, (s, out, err) -> {
                ReliabilitySample.Drawn d = Reliability.sample(s, percent, by, seed, coders, !dryRun);
                if (json) {
                    Map<String, Object> j = new LinkedHashMap<>();
                    j.put("percent", d.percent());
                    j.put("stratified_by", d.stratifiedBy());
                    j.put("seed", d.seed());
                    j.put("eligible_sessions", d.eligible());
                    j.put("applied", !dryRun);
                    List<Map<String, Object>> chosen = new ArrayList<>();
                    for (ReliabilitySample.Chosen c : d.chosen()) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("session", c.session());
                        m.put("stratum", c.stratum());
                        m.put("second_coder", c.secondCoder());
                        chosen.add(m);
                    }
                    j.put("sessions", chosen);
                    ReliabilityReports.printJson(out, j);
                    return 0;
                }
                out.println((dryRun ? "would double-code " : "double-coding ") + d.chosen().size() + " of " + d.eligible() + " sessions ("
                        + org.attune.reliability.MethodsText.percent(d.percent()) + " %" + (by.isEmpty() ? "" : ", stratified by " + by)
                        + ", seed " + seed + "):");
                for (ReliabilitySample.Chosen c : d.chosen()) {
                    out.println("  " + c.session() + (by.isEmpty() ? "" : "  [" + c.stratum() + "]") + "  → "
                            + (c.secondCoder() == null ? "no second coder (each listed coder has a pass of it)" : c.secondCoder() + (dryRun ? "" : ", blind pass given")));
                }
                return 0;
            });
        }
    }
}
