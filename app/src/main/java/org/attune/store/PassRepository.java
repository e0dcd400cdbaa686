package org.attune.store;

import java.util.List;
import java.util.Map;
import org.attune.coding.Coder;
import org.attune.coding.CodingPass;
import org.attune.coding.PassStatus;

/**
 * A study's coders and coding passes: who codes which session, each pass's status and blind
 * coding. One of the repository seams of ADR 6: the study file is one implementation
 * ({@code SqlitePasses}); a lab server can be another.
 */
public interface PassRepository {

    Coder addCoder(String name, String initials) throws StudyException;

    List<Coder> coders() throws StudyException;

    /** The pass of this coder on this session, created (not started, blind) if there is none yet. */
    CodingPass pass(long sessionId, long coderId) throws StudyException;

    List<CodingPass> passes() throws StudyException;

    /** How many events each pass holds (pass id → count; passes without events are absent), as kept with every edit: nothing counts the events. */
    Map<Long, Long> eventCounts() throws StudyException;

    /**
     * Moves a pass to a status, stamping when coding started and finished. A pass with states still
     * running is not marked done (they have no end, so agreement and measures would leave them out and
     * the export would have empty offsets): end them first, or use {@link #markDoneEndingRunning}.
     */
    CodingPass setPassStatus(long passId, PassStatus status) throws StudyException;

    /**
     * The end of a pass's session on the session clock: where the last camera ends (offset +
     * duration), or, while no video duration is known, the latest time any coder coded in it.
     */
    long sessionEndMs(long passId) throws StudyException;

    /**
     * Marks a pass done, first ending each state still running at the session end
     * ({@link #sessionEndMs}) — one transaction, and the endings are one undo step of the pass.
     * Refused when a running state starts after the known end of the session.
     */
    CodingPass markDoneEndingRunning(long passId) throws StudyException;

    void setBlind(long passId, boolean blind) throws StudyException;
}
