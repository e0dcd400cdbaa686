package org.attune.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The reliability sample: how many, shared out over strata by largest remainder, reproducible from its seed, balanced over second coders. */
class ReliabilitySampleTest {

    /** Ten sessions: S01–S06 free play coded by AL, S07–S10 reunions coded by BK. */
    private static List<ReliabilitySample.Candidate> sessions(boolean byContext) {
        List<ReliabilitySample.Candidate> out = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            String context = i <= 6 ? "free play" : "reunion";
            out.add(new ReliabilitySample.Candidate(String.format("S%02d", i), byContext ? context : "", Set.of(i <= 6 ? "AL" : "BK")));
        }
        return out;
    }

    private static Map<String, Integer> perStratum(ReliabilitySample.Drawn d) {
        Map<String, Integer> out = new TreeMap<>();
        d.strata().forEach((k, v) -> out.put(k, v[0]));
        return out;
    }

    @Test
    void twentyPercentOfTenIsTwoAndTheSameSeedDrawsTheSameSessions() {
        ReliabilitySample.Drawn a = ReliabilitySample.draw(sessions(false), 20, "", 42, List.of("AL", "BK", "CM"));
        assertEquals(2, a.chosen().size());
        assertEquals(10, a.eligible());
        assertEquals(a.chosen(), ReliabilitySample.draw(sessions(false), 20, "", 42, List.of("AL", "BK", "CM")).chosen(), "reproducible from the seed");
        List<String> others = new ArrayList<>();
        for (long seed = 1; seed <= 20; seed++) others.add(ReliabilitySample.draw(sessions(false), 20, "", seed, List.of("CM")).chosen().toString());
        assertTrue(others.stream().distinct().count() > 10, "other seeds draw other sessions: " + others);
        assertEquals(1, ReliabilitySample.draw(sessions(false), 1, "", 7, List.of("CM")).chosen().size(), "at least one session");
    }

    @Test
    void strataGetTheirShareByLargestRemainder() {
        assertEquals(Map.of("free play", 3, "reunion", 2), perStratum(ReliabilitySample.draw(sessions(true), 50, "context", 1, List.of("CM"))));
        // 30 % of 10 = 3: exactly 1.8 and 1.2; floors 1 and 1, the larger remainder (.8) takes the third
        assertEquals(Map.of("free play", 2, "reunion", 1), perStratum(ReliabilitySample.draw(sessions(true), 30, "context", 1, List.of("CM"))));
        ReliabilitySample.Drawn d = ReliabilitySample.draw(sessions(true), 30, "context", 9, List.of("CM"));
        assertEquals(2, d.chosen().stream().filter(c -> c.stratum().equals("free play") && c.session().compareTo("S07") < 0).count());
    }

    @Test
    void secondCodersAreBalancedAndNeverTheSessionsOwnCoder() {
        ReliabilitySample.Drawn d = ReliabilitySample.draw(sessions(false), 60, "", 3, List.of("AL", "BK"));
        assertEquals(6, d.chosen().size());
        for (ReliabilitySample.Chosen c : d.chosen()) {
            int n = Integer.parseInt(c.session().substring(1));
            assertEquals(n <= 6 ? "BK" : "AL", c.secondCoder(), c.session() + " is coded by " + (n <= 6 ? "AL" : "BK"));
        }
        ReliabilitySample.Drawn three = ReliabilitySample.draw(sessions(false), 60, "", 3, List.of("AL", "BK", "CM"));
        Map<String, Long> load = new TreeMap<>();
        three.chosen().forEach(c -> load.merge(c.secondCoder(), 1L, Long::sum));
        assertTrue(load.values().stream().allMatch(n -> n == 2), "6 sessions over 3 coders: 2 each, " + load);
        ReliabilitySample.Drawn none = ReliabilitySample.draw(List.of(new ReliabilitySample.Candidate("S01", "", Set.of("AL"))), 100, "", 1, List.of("AL"));
        assertNull(none.chosen().get(0).secondCoder(), "AL coded it already: no second coder");
        assertThrows(IllegalArgumentException.class, () -> ReliabilitySample.draw(sessions(false), 0, "", 1, List.of("CM")));
        assertNotEquals(0, ReliabilitySample.draw(sessions(false), 100, "", 1, List.of("CM")).chosen().size());
    }
}
