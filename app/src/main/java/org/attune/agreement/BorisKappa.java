package org.attune.agreement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * BORIS's time-unit κ, reproduced exactly (BORIS 9.12.3, {@code irr.cohen_kappa}; see
 * shared/reference/boris.md §3.2), so labs moving from BORIS can compare: ticks start at the
 * first event of either coder (not at 0) and run while ≤ the last stop; a state counts at a tick
 * when start ≤ t ≤ stop (both ends inclusive), a point when |start − t| ≤ interval/2; the category
 * of a (tick, subject) unit is the whole list of codes present (co-occurring codes form one compound
 * category; nothing = the empty list, shared by all subjects); all subjects pooled in one table;
 * K rounded to three decimals, and 1 when the denominator is 0. Times are exact milliseconds.
 */
public final class BorisKappa {

    /** K as BORIS prints it (three decimals), the number of ticks and the distinct categories. */
    public record Result(Coefficient k, int ticks, int categories) {
    }

    private BorisKappa() {
    }

    /** @param subjects the subjects to compare (BORIS's "selected subjects"), each a unit per tick */
    public static Result compute(List<Mark> first, List<Mark> second, List<String> subjects, List<String> codeOrder, long intervalMs) {
        if (first.isEmpty() || second.isEmpty()) {
            return new Result(Coefficient.undefined("one coder has no events (BORIS reports an error here)"), 0, 0);
        }
        long start = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (List<Mark> coder : List.of(first, second)) {
            for (Mark m : coder) {
                if (!subjects.contains(m.subject())) continue;
                start = Math.min(start, m.onsetMs());
                last = Math.max(last, m.offsetMs());
            }
        }
        if (start == Long.MAX_VALUE) return new Result(Coefficient.undefined("no events of the selected subjects"), 0, 0);
        int ticks = (int) ((last - start) / intervalMs) + 1;
        List<String> a = categories(first, subjects, codeOrder, start, intervalMs, ticks);
        List<String> b = categories(second, subjects, codeOrder, start, intervalMs, ticks);
        TreeSet<String> distinct = new TreeSet<>(a);
        distinct.addAll(b);
        Map<String, Integer> index = new HashMap<>();
        for (String c : distinct) index.put(c, index.size());
        int k = distinct.size();
        double[][] t = new double[k][k];
        for (int u = 0; u < a.size(); u++) t[index.get(a.get(u))][index.get(b.get(u))]++;
        double total = a.size();
        double agreements = 0;
        double sumEf = 0;
        for (int i = 0; i < k; i++) {
            double row = 0;
            double col = 0;
            for (int j = 0; j < k; j++) {
                row += t[i][j];
                col += t[j][i];
            }
            agreements += t[i][i];
            sumEf += row * col / total;
        }
        double kappa = total - sumEf == 0 ? 1 : (agreements - sumEf) / (total - sumEf);
        double rounded = new java.math.BigDecimal(kappa).setScale(3, java.math.RoundingMode.HALF_EVEN).doubleValue();
        return new Result(Coefficient.of(rounded), ticks, k);
    }

    /** The category of every (tick, subject) unit, ticks outer, subjects inner. */
    private static List<String> categories(List<Mark> marks, List<String> subjects, List<String> codeOrder, long start, long iv, int ticks) {
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < codeOrder.size(); i++) order.put(codeOrder.get(i), i);
        // per tick and subject, the codes present: states first, then points, each in code order
        Map<Long, Map<String, List<Mark>>> states = new HashMap<>();
        Map<Long, Map<String, List<Mark>>> points = new HashMap<>();
        for (Mark m : marks) {
            if (!subjects.contains(m.subject())) continue;
            long from;
            long to;
            if (m.point()) {
                // |onset − (start + k·iv)| ≤ iv/2  ⇔  2·(onset − start) − iv ≤ 2·k·iv ≤ 2·(onset − start) + iv
                from = -Math.floorDiv(-(2 * (m.onsetMs() - start) - iv), 2 * iv);
                to = Math.floorDiv(2 * (m.onsetMs() - start) + iv, 2 * iv);
            } else {
                from = -Math.floorDiv(-(m.onsetMs() - start), iv);
                to = Math.floorDiv(m.offsetMs() - start, iv);
            }
            for (long k = Math.max(0, from); k <= Math.min(ticks - 1, to); k++) {
                (m.point() ? points : states).computeIfAbsent(k, x -> new LinkedHashMap<>()).computeIfAbsent(m.subject(), x -> new ArrayList<>()).add(m);
            }
        }
        List<String> out = new ArrayList<>(ticks * subjects.size());
        java.util.Comparator<Mark> byCode = java.util.Comparator.comparingInt(m -> order.getOrDefault(m.code(), Integer.MAX_VALUE));
        for (long k = 0; k < ticks; k++) {
            for (String subject : subjects) {
                StringBuilder key = new StringBuilder();
                for (Map<Long, Map<String, List<Mark>>> kind : List.of(states, points)) {
                    List<Mark> present = kind.getOrDefault(k, Map.of()).getOrDefault(subject, List.of());
                    List<Mark> sorted = new ArrayList<>(present);
                    sorted.sort(byCode);
                    for (Mark m : sorted) key.append('[').append(m.subject()).append('|').append(m.code()).append(']');
                }
                out.add(key.toString());
            }
        }
        return out;
    }
}
