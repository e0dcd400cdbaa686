package org.attune.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attune.agreement.Mark;
import org.attune.coding.CodedEvent;
import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;

/**
 * A study's events as the agreement methods take them: per session, each coder's marks, and the
 * session's end (the later of the last coded offset and the known video duration). States still
 * running are counted, not guessed.
 */
public record AgreementInput(CodingScheme scheme, Map<String, Map<String, List<Mark>>> marks, Map<String, Long> endMs, int runningStates,
                             int totalSessions) {

    /**
     * @param sessions session labels to include (empty = all)
     * @param coders   coder initials to include (empty = all)
     */
    public static AgreementInput load(Study study, Set<String> sessions, Set<String> coders) throws StudyException {
        return of(SessionCodings.load(study, sessions, coders));
    }

    /** The marks of events already loaded (for a caller that also needs the events themselves). */
    public static AgreementInput of(SessionCodings codings) {
        CodingScheme scheme = codings.scheme();
        Map<String, Map<String, List<Mark>>> marks = new LinkedHashMap<>();
        int running = 0;
        for (Map.Entry<String, Map<String, List<CodedEvent>>> session : codings.events().entrySet()) {
            for (Map.Entry<String, List<CodedEvent>> coder : session.getValue().entrySet()) {
                List<Mark> list = marks.computeIfAbsent(session.getKey(), x -> new LinkedHashMap<>()).computeIfAbsent(coder.getKey(), x -> new ArrayList<>());
                for (CodedEvent e : coder.getValue()) {
                    if (e.offsetMs() == null) running++;
                    else list.add(mark(scheme, e.code(), e.onsetMs(), e.offsetMs()));
                }
            }
        }
        return new AgreementInput(scheme, marks, codings.endMs(), running, codings.totalSessions());
    }

    /** A mark with the code's subject and kind from the scheme. */
    public static Mark mark(CodingScheme scheme, String code, long onset, long offset) {
        Code c = scheme.code(code).orElseThrow(() -> new IllegalArgumentException("code " + code + " is not in the scheme"));
        return new Mark(code, c.subject().jsonName(), onset, offset, c.isPoint());
    }
}
