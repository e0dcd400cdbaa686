package org.attune.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attune.agreement.Mark;
import org.attune.coding.MediaFile;
import org.attune.coding.Session;
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
        CodingScheme scheme = study.scheme();
        Map<String, Map<String, List<Mark>>> marks = new LinkedHashMap<>();
        Map<String, Long> end = new LinkedHashMap<>();
        int[] running = {0};
        study.events().forEach(sessions, coders, se -> {
            if (se.event().offsetMs() == null) {
                running[0]++;
                return;
            }
            Mark m = mark(scheme, se.event().code(), se.event().onsetMs(), se.event().offsetMs());
            marks.computeIfAbsent(se.session().label(), x -> new LinkedHashMap<>()).computeIfAbsent(se.coder().initials(), x -> new ArrayList<>()).add(m);
            end.merge(se.session().label(), m.offsetMs(), Math::max);
        });
        List<Session> all = study.sessions();
        for (Session s : all) {
            if (!end.containsKey(s.label())) continue;
            for (MediaFile mf : study.media(s.id())) {
                if (mf.durationMs() != null) end.merge(s.label(), mf.offsetMs() + mf.durationMs(), Math::max);
            }
        }
        return new AgreementInput(scheme, marks, end, running[0], all.size());
    }

    /** A mark with the code's subject and kind from the scheme. */
    public static Mark mark(CodingScheme scheme, String code, long onset, long offset) {
        Code c = scheme.code(code).orElseThrow(() -> new IllegalArgumentException("code " + code + " is not in the scheme"));
        return new Mark(code, c.subject().jsonName(), onset, offset, c.isPoint());
    }
}
