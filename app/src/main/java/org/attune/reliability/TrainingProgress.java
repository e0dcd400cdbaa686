package org.attune.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A trainee's way to the criterion: their training passes in the order they finished them, each judged against
 * the session's gold standard; the criterion is reached with the pass that completes the required run of
 * consecutive sessions meeting it (a session that does not meet it starts the run again).
 */
public final class TrainingProgress {

    /** One finished training pass of the trainee, judged. */
    public record Step(String session, String finishedAt, CriterionCheck.Judgement judgement, int run) {
    }

    /** Every step, and the pass (session and when it was finished) with which the criterion was reached, if it was. */
    public record Progress(String coder, List<Step> steps, Optional<Step> reached) {
        /** How many more consecutive sessions must meet the criterion (0 once reached). */
        public int stillNeeded(int consecutive) {
            if (reached.isPresent()) return 0;
            return steps.isEmpty() ? consecutive : consecutive - steps.get(steps.size() - 1).run();
        }
    }

    /** A finished training pass and its judgement against the gold standard. */
    public record Judged(String session, String finishedAt, CriterionCheck.Judgement judgement) {
    }

    private TrainingProgress() {
    }

    /** {@code judged} in the order the trainee finished the passes (finishedAt, ISO 8601, sorts them). */
    public static Progress of(String coder, List<Judged> judged, int consecutive) {
        List<Judged> ordered = new ArrayList<>(judged);
        ordered.sort((a, b) -> a.finishedAt().compareTo(b.finishedAt()));
        List<Step> steps = new ArrayList<>();
        int run = 0;
        Step reached = null;
        for (Judged j : ordered) {
            run = j.judgement().meets() ? run + 1 : 0;
            Step step = new Step(j.session(), j.finishedAt(), j.judgement(), run);
            steps.add(step);
            if (reached == null && run >= consecutive) reached = step;
        }
        return new Progress(coder, List.copyOf(steps), Optional.ofNullable(reached));
    }
}
