package org.attune.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attune.coding.CodedEvent;
import org.attune.coding.MediaFile;
import org.attune.coding.Session;
import org.attune.scheme.CodingScheme;

/**
 * A study's events grouped as analyses take them: per session label, per coder initials, in onset
 * order; and each session's end (the later of the last coded time and the known video duration).
 */
public record SessionCodings(CodingScheme scheme, Map<String, Map<String, List<CodedEvent>>> events, Map<String, Long> endMs, int totalSessions,
                             Map<String, Session> sessions) {

    /**
     * @param sessions session labels to include (empty = all)
     * @param coders   coder initials to include (empty = all)
     */
    public static SessionCodings load(Study study, Set<String> sessions, Set<String> coders) throws StudyException {
        return load(study, sessions, coders, false);
    }

    /** {@link #load}; training sessions (issue 19) only with {@code includeTraining} or when named in {@code sessions}. */
    public static SessionCodings load(Study study, Set<String> sessions, Set<String> coders, boolean includeTraining) throws StudyException {
        Map<String, Map<String, List<CodedEvent>>> events = new LinkedHashMap<>();
        Map<String, Long> end = new LinkedHashMap<>();
        study.events().forEach(sessions, coders, includeTraining, se -> {
            events.computeIfAbsent(se.session().label(), x -> new LinkedHashMap<>()).computeIfAbsent(se.coder().initials(), x -> new ArrayList<>()).add(se.event());
            long last = se.event().offsetMs() == null ? se.event().onsetMs() : se.event().offsetMs();
            end.merge(se.session().label(), last, Math::max);
        });
        Map<String, Session> byLabel = new LinkedHashMap<>();
        int total = withVideoEnds(study, end, byLabel, includeTraining);
        return new SessionCodings(study.scheme(), events, end, total, byLabel);
    }

    /** Each session's end and how many sessions the study has, as {@link #load} finds them. */
    public record Ends(Map<String, Long> endMs, int totalSessions) {
    }

    /**
     * {@link #load} for agreement's hot path: each event handed over as its code and times only
     * ({@link EventLog#forEachTiming}), no event objects made.
     */
    public static Ends timings(Study study, Set<String> sessions, Set<String> coders, EventLog.Timing sink) throws StudyException {
        return timings(study, sessions, coders, false, sink);
    }

    /** {@link #timings}; training sessions as {@link #load(Study, Set, Set, boolean)} takes them. */
    public static Ends timings(Study study, Set<String> sessions, Set<String> coders, boolean includeTraining, EventLog.Timing sink) throws StudyException {
        Map<String, Long> end = new LinkedHashMap<>();
        study.events().forEachTiming(sessions, coders, includeTraining, (session, coder, code, onset, offset, running) -> {
            end.merge(session, running ? onset : offset, Math::max);
            sink.accept(session, coder, code, onset, offset, running);
        });
        int total = withVideoEnds(study, end, new LinkedHashMap<>(), includeTraining);
        return new Ends(end, total);
    }

    /**
     * Moves each coded session's end to its videos' end where they run longer; fills {@code byLabel}; the number of
     * sessions (training sessions counted only with {@code includeTraining}).
     */
    private static int withVideoEnds(Study study, Map<String, Long> end, Map<String, Session> byLabel, boolean includeTraining) throws StudyException {
        List<Session> all = study.sessions();
        Set<Long> training = includeTraining ? Set.of() : ReliabilityStore.trainingSessions(study);
        int counted = 0;
        for (Session s : all) {
            if (!training.contains(s.id())) counted++;
            byLabel.put(s.label(), s);
            if (!end.containsKey(s.label())) continue;
            for (MediaFile mf : study.media(s.id())) {
                if (mf.durationMs() != null) end.merge(s.label(), mf.offsetMs() + mf.durationMs(), Math::max);
            }
        }
        return counted;
    }
}
