package org.attune.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attune.coding.CodedEvent;
import org.attune.coding.Coder;
import org.attune.coding.CodingPass;
import org.attune.coding.EventDraft;
import org.attune.coding.Session;
import org.attune.reliability.ConsensusPlan;
import org.attune.scheme.CodingScheme;
import org.attune.store.ConsensusStore;
import org.attune.store.Study;
import org.attune.store.StudyException;

/**
 * Building a consensus pass from two coders' passes of a session (issue 19): the events they agree on are taken
 * over when it starts; each disagreement is then decided — the first coder's event, the second's, an edited one, or
 * neither — one committed step at a time, the last one undoable, and the consensus can be left and resumed.
 */
public final class Consensus {

    /** What a decision takes. */
    public enum Decision {
        FIRST("first"), SECOND("second"), NEITHER("neither"), EDITED("edited");

        final String stored;

        Decision(String stored) {
            this.stored = stored;
        }
    }

    /** A consensus as it stands: its pass, the two coders, the disagreements in time order, and what was decided. */
    public record State(ConsensusStore.Consensus consensus, Session session, String first, String second, List<ConsensusPlan.Item> disagreements,
                        Map<String, String> decisions, Map<String, CodedEvent> events) {
        public int resolved() {
            return (int) disagreements.stream().filter(d -> decisions.containsKey(d.key())).count();
        }

        /** The event behind one side of an item. */
        public Optional<CodedEvent> event(Optional<ConsensusPlan.Side> side) {
            return side.map(s -> events.get("e" + s.id()));
        }
    }

    private Consensus() {
    }

    /** {@link #startOrResume(Study, String, String, String, ConsensusPlan.Matching, long, double)} matching by overlap. */
    public static State startOrResume(Study study, String sessionLabel, String firstCoder, String secondCoder, long toleranceMs, double overlap)
            throws StudyException {
        return startOrResume(study, sessionLabel, firstCoder, secondCoder, ConsensusPlan.Matching.OVERLAP, toleranceMs, overlap);
    }

    /** Starts the session's consensus of the two coders' passes, events matched as the lab chose, or resumes the one under way. */
    public static State startOrResume(Study study, String sessionLabel, String firstCoder, String secondCoder, ConsensusPlan.Matching matching,
                                      long toleranceMs, double overlap) throws StudyException {
        Session session = study.sessions().stream().filter(s -> s.label().equals(sessionLabel)).findFirst()
                .orElseThrow(() -> new StudyException(StudyException.Kind.NOT_FOUND, "There is no session " + sessionLabel + " in this study."));
        Optional<ConsensusStore.Consensus> under = ConsensusStore.of(study, session.id());
        if (under.isPresent()) return read(study, session, under.get());
        CodingPass a = pass(study, session, firstCoder);
        CodingPass b = pass(study, session, secondCoder);
        if (a.id() == b.id()) throw new StudyException(StudyException.Kind.INVALID_INPUT, "A consensus needs two different coders' passes.");
        List<CodedEvent> first = study.events().list(a.id());
        List<CodedEvent> second = study.events().list(b.id());
        ConsensusPlan.Plan plan = plan(study.scheme(), first, second, matching, toleranceMs, overlap);
        Map<String, CodedEvent> events = byId(first, second);
        List<ConsensusStore.Taken> agreed = new ArrayList<>();
        for (ConsensusPlan.Item i : plan.agreed()) agreed.add(new ConsensusStore.Taken(i.key(), EventDraft.of(events.get("e" + i.first().orElseThrow().id()))));
        ConsensusStore.Consensus c = ConsensusStore.start(study, session.id(), a.id(), b.id(), matching.stored(), toleranceMs, overlap, agreed);
        return read(study, session, c);
    }

    /** Decides a disagreement; {@code edited} is the event for {@link Decision#EDITED}. */
    public static State decide(Study study, State state, ConsensusPlan.Item item, Decision decision, Optional<EventDraft> edited) throws StudyException {
        Optional<EventDraft> event = switch (decision) {
            case FIRST -> state.event(item.first()).map(EventDraft::of);
            case SECOND -> state.event(item.second()).map(EventDraft::of);
            case NEITHER -> Optional.empty();
            case EDITED -> Optional.of(edited.orElseThrow(() -> new IllegalArgumentException("an edited decision needs its event")));
        };
        if (event.isPresent()) {
            Optional<String> problem = org.attune.coding.EventRules.problem(study.scheme(), event.get());
            if (problem.isPresent()) throw new StudyException(StudyException.Kind.INVALID_INPUT, "The event cannot be taken: " + problem.get() + ".");
        }
        // taking the side a coder left empty takes nothing: it is "neither"
        String stored = event.isEmpty() ? Decision.NEITHER.stored : decision.stored;
        ConsensusStore.decide(study, state.consensus().passId(), item.key(), stored, event);
        return read(study, state.session(), state.consensus());
    }

    /** Takes the last decision back (also one made before the consensus was left). */
    public static State undo(Study study, State state) throws StudyException {
        ConsensusStore.undoLast(study, state.consensus().passId());
        return read(study, state.session(), state.consensus());
    }

    private static State read(Study study, Session session, ConsensusStore.Consensus c) throws StudyException {
        List<CodingPass> passes = study.passes();
        CodingPass a = passes.stream().filter(p -> p.id() == c.firstPass()).findFirst()
                .orElseThrow(() -> new StudyException(StudyException.Kind.NOT_FOUND, "The first pass of this consensus is gone from the study."));
        CodingPass b = passes.stream().filter(p -> p.id() == c.secondPass()).findFirst()
                .orElseThrow(() -> new StudyException(StudyException.Kind.NOT_FOUND, "The second pass of this consensus is gone from the study."));
        List<CodedEvent> first = study.events().list(a.id());
        List<CodedEvent> second = study.events().list(b.id());
        ConsensusPlan.Plan plan = plan(study.scheme(), first, second, ConsensusPlan.Matching.of(c.matching()), c.toleranceMs(), c.overlap());
        return new State(c, session, initials(study, a), initials(study, b), plan.disagreements(), ConsensusStore.decisions(study, c.passId()),
                byId(first, second));
    }

    private static ConsensusPlan.Plan plan(CodingScheme scheme, List<CodedEvent> first, List<CodedEvent> second, ConsensusPlan.Matching matching, long tol,
                                           double overlap) {
        return ConsensusPlan.of(scheme, sides(scheme, first), sides(scheme, second), matching, tol, overlap);
    }

    private static List<ConsensusPlan.Side> sides(CodingScheme scheme, List<CodedEvent> events) {
        List<ConsensusPlan.Side> out = new ArrayList<>();
        for (CodedEvent e : events) {
            boolean point = scheme.code(e.code()).map(org.attune.scheme.Code::isPoint).orElse(false);
            if (!point && e.offsetMs() == null) continue; // a running state has no end to agree on
            out.add(new ConsensusPlan.Side(e.id(), e.code(), e.onsetMs(), point ? e.onsetMs() : e.offsetMs(), point));
        }
        return out;
    }

    /** The two passes' events by "e" + id, as {@link State#event} looks them up. */
    private static Map<String, CodedEvent> byId(List<CodedEvent> first, List<CodedEvent> second) {
        Map<String, CodedEvent> out = new java.util.HashMap<>();
        for (CodedEvent e : first) out.put("e" + e.id(), e);
        for (CodedEvent e : second) out.put("e" + e.id(), e);
        return out;
    }

    private static CodingPass pass(Study study, Session session, String initials) throws StudyException {
        Coder coder = study.coders().stream().filter(c -> c.initials().equals(initials)).findFirst()
                .orElseThrow(() -> new StudyException(StudyException.Kind.NOT_FOUND, "There is no coder " + initials + " in this study."));
        return study.passes().stream().filter(p -> p.sessionId() == session.id() && p.coderId() == coder.id()).findFirst()
                .orElseThrow(() -> new StudyException(StudyException.Kind.NOT_FOUND, initials + " has no pass of " + session.label() + "."));
    }

    private static String initials(Study study, CodingPass p) throws StudyException {
        return study.coders().stream().filter(c -> c.id() == p.coderId()).map(Coder::initials).findFirst().orElse("?");
    }
}
