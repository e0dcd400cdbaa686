package org.attune.agreement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
     * The marks of a study's events as loaded (the store's {@code SessionCodings} gives these parts).
     *
     * @param events per session label, per coder initials, the coder's events in onset order
     * @param endMs  per session label, where the session ends
     */
    public static AgreementInput of(CodingScheme scheme, Map<String, Map<String, List<CodedEvent>>> events, Map<String, Long> endMs, int totalSessions) {
        Map<String, Map<String, List<Mark>>> marks = new LinkedHashMap<>();
        int running = 0;
        for (Map.Entry<String, Map<String, List<CodedEvent>>> session : events.entrySet()) {
            for (Map.Entry<String, List<CodedEvent>> coder : session.getValue().entrySet()) {
                List<Mark> list = marks.computeIfAbsent(session.getKey(), x -> new LinkedHashMap<>()).computeIfAbsent(coder.getKey(), x -> new ArrayList<>());
                for (CodedEvent e : coder.getValue()) {
                    if (e.offsetMs() == null) running++;
                    else list.add(mark(scheme, e.code(), e.onsetMs(), e.offsetMs()));
                }
            }
        }
        return new AgreementInput(scheme, marks, endMs, running, totalSessions);
    }

    /** A mark with the code's subject and kind from the scheme. */
    public static Mark mark(CodingScheme scheme, String code, long onset, long offset) {
        Code c = scheme.code(code).orElseThrow(() -> new IllegalArgumentException("code " + code + " is not in the scheme"));
        return new Mark(code, c.subject().jsonName(), onset, offset, c.isPoint());
    }

    /**
     * Marks collected event by event, as a study streams its codes and times (the store's {@code forEachTiming}:
     * {@code collector::accept} is its sink): per session, per coder, in the order given; running states counted.
     */
    public static final class Collector {
        private final CodingScheme scheme;
        private final Map<String, Map<String, List<Mark>>> marks = new LinkedHashMap<>();
        private int running;
        private String session;
        private String coder;
        private List<Mark> list;

        public Collector(CodingScheme scheme) {
            this.scheme = scheme;
        }

        public void accept(String s, String c, String code, long onset, long offset, boolean isRunning) {
            if (!s.equals(session) || !c.equals(coder)) { // passes come whole, one after another
                session = s;
                coder = c;
                list = marks.computeIfAbsent(s, x -> new LinkedHashMap<>()).computeIfAbsent(c, x -> new ArrayList<>());
            }
            if (isRunning) running++;
            else list.add(mark(scheme, code, onset, offset));
        }

        public Map<String, Map<String, List<Mark>>> marks() {
            return marks;
        }

        public int running() {
            return running;
        }
    }
}
