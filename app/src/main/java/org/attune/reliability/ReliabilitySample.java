package org.attune.reliability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Choosing the sessions to double-code (Bakeman & Quera 2011, on observer agreement; a random part of the sessions, commonly
 * 15–25 %, spread over the coding): a share of the sessions drawn at random, optionally in proportion within
 * strata (condition, age group, coder, coding week), reproducible from the seed, and a second coder for each.
 *
 * <p>The draw, exactly (so that the same seed gives the same sessions in any version): the number to draw is
 * {@code round(percent × eligible / 100)}, at least 1; it is shared out to the strata in proportion to their
 * sizes by largest remainder (Hamilton), ties to the stratum first in order; strata are taken in the order of
 * their names and sessions within a stratum in the order of their labels; one {@link java.util.Random} seeded
 * with the seed shuffles each stratum in turn ({@link Collections#shuffle(List, Random)}) and its first sessions
 * are taken.
 */
public final class ReliabilitySample {

    /** A session that may be drawn: its stratum ("" unstratified) and the coders who already have a pass of it. */
    public record Candidate(String session, String stratum, Set<String> coders) {
    }

    /** A drawn session and the second coder it goes to (null when every listed coder has a pass of it already). */
    public record Chosen(String session, String stratum, String secondCoder) {
    }

    /** The draw: how, from how many, what it chose, and per stratum how many were drawn of how many. */
    public record Drawn(double percent, String stratifiedBy, long seed, int eligible, List<Chosen> chosen, Map<String, int[]> strata) {
    }

    private ReliabilitySample() {
    }

    public static Drawn draw(List<Candidate> candidates, double percent, String stratifiedBy, long seed, List<String> secondCoders) {
        if (!(percent > 0 && percent <= 100)) throw new IllegalArgumentException("the share to double-code must be above 0 and at most 100 %, not " + percent);
        Map<String, List<Candidate>> strata = new TreeMap<>();
        for (Candidate c : candidates) strata.computeIfAbsent(c.stratum(), x -> new ArrayList<>()).add(c);
        strata.values().forEach(l -> l.sort(Comparator.comparing(Candidate::session)));
        int eligible = candidates.size();
        int total = eligible == 0 ? 0 : Math.max(1, (int) Math.round(percent * eligible / 100.0));
        Map<String, Integer> quota = quotas(strata, total, eligible);
        Random random = new Random(seed);
        List<Candidate> drawn = new ArrayList<>();
        Map<String, int[]> perStratum = new LinkedHashMap<>();
        for (Map.Entry<String, List<Candidate>> s : strata.entrySet()) {
            List<Candidate> shuffled = new ArrayList<>(s.getValue());
            Collections.shuffle(shuffled, random);
            int n = quota.get(s.getKey());
            drawn.addAll(shuffled.subList(0, n));
            perStratum.put(s.getKey(), new int[] {n, s.getValue().size()});
        }
        Map<String, Integer> load = new LinkedHashMap<>();
        secondCoders.forEach(c -> load.put(c, 0));
        List<Chosen> chosen = new ArrayList<>();
        for (Candidate c : drawn) {
            String second = null;
            for (String coder : secondCoders) { // the least loaded coder who has not coded it, first in the list on a tie
                if (c.coders().contains(coder)) continue;
                if (second == null || load.get(coder) < load.get(second)) second = coder;
            }
            if (second != null) load.merge(second, 1, Integer::sum);
            chosen.add(new Chosen(c.session(), c.stratum(), second));
        }
        return new Drawn(percent, stratifiedBy, seed, eligible, List.copyOf(chosen), perStratum);
    }

    /** {@code total} shared out in proportion to the strata's sizes, by largest remainder. */
    static Map<String, Integer> quotas(Map<String, List<Candidate>> strata, int total, int eligible) {
        Map<String, Integer> quota = new LinkedHashMap<>();
        Map<String, Double> remainder = new LinkedHashMap<>();
        int given = 0;
        for (Map.Entry<String, List<Candidate>> s : strata.entrySet()) {
            double exact = eligible == 0 ? 0 : (double) total * s.getValue().size() / eligible;
            int whole = (int) Math.floor(exact);
            quota.put(s.getKey(), whole);
            remainder.put(s.getKey(), exact - whole);
            given += whole;
        }
        List<String> byRemainder = new ArrayList<>(remainder.keySet());
        byRemainder.sort((a, b) -> Double.compare(remainder.get(b), remainder.get(a))); // stable: ties keep the strata's order
        for (int i = 0; given < total && i < byRemainder.size(); i++, given++) quota.merge(byRemainder.get(i), 1, Integer::sum);
        return quota;
    }
}
