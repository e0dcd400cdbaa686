package org.attune.reliability;

import org.attune.coding.EventDraft;
import org.attune.coding.PassStatus;
import org.attune.store.Study;

/**
 * The hand-made coding the reliability tests share (CriterionCheckTest works out its κs): in a 10-s session,
 * child positive affect from 0 until {@code changeMs}, then distress to the end.
 */
public final class AffectCodings {

    private AffectCodings() {
    }

    /** Codes the pass and, with {@code done}, marks it done. */
    public static void code(Study s, long passId, long changeMs, boolean done) throws Exception {
        s.events().add(passId, EventDraft.state("C_POS", 0, changeMs));
        s.events().add(passId, EventDraft.state("C_DIST", changeMs, 10_000L));
        if (done) s.setPassStatus(passId, PassStatus.DONE);
    }
}
