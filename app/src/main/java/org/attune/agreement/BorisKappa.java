package org.attune.agreement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BORIS's time-unit κ, reproduced exactly (BORIS 9.12.3, {@code irr.cohen_kappa}; see
 * shared/reference/boris.md §3.2), so labs moving from BORIS can compare: ticks start at the
 * first event of either coder (not at 0); a state counts at a tick when start ≤ t ≤ stop (both ends
 * inclusive); the category of a (tick, subject) unit is the whole list of codes present
 * (co-occurring codes form one compound category; nothing = the empty list, shared by all
 * subjects); all subjects pooled in one table; K rounded to three decimals, and 1 when the
 * denominator is 0.
 *
 * <p>Two of BORIS's rules are in binary floating point, and are reproduced as such (only here; the
 * other methods are exact in milliseconds):
 * <ul>
 *   <li>a point counts at a tick when {@code abs(start − t) <= interval/2} in doubles (SQLite's
 *       arithmetic on the stored floats): with a unit of 0.1 s, a point at 0.150 s counts at tick 0.1
 *       (0.04999999999999999) but not at 0.2 (0.05000000000000002);</li>
 *   <li>ticks run while the decimal tick is ≤ the double of the last stop (Python compares a
 *       {@code Decimal} with a {@code float} exactly): a last stop of 0.300 s, stored as
 *       0.29999999999999998…, ends the ticks at 0.2; one of 1.000 s includes 1.0.</li>
 * </ul>
 * Every other comparison (states, the first tick) involves only doubles nearest to millisecond
 * values, whose order is the order of the milliseconds, so it is done exactly in milliseconds.
 */
public final class BorisKappa {

    /** K as BORIS prints it (three decimals), the number of ticks and the number of categories (the empty one included). */
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
        if ((last - start) % intervalMs == 0 && decimalAbove(last)) ticks--; // the tick at exactly the last stop is > its double
        Map<String, Integer> ids = new HashMap<>();
        ids.put("", 0);
        int[] a = categories(first, subjects, codeOrder, start, intervalMs, ticks, ids);
        int[] b = categories(second, subjects, codeOrder, start, intervalMs, ticks, ids);
        int k = ids.size();
        // κ needs only the diagonal and the margins, not the (possibly large) compound-category table
        double[] rowSum = new double[k];
        double[] colSum = new double[k];
        double agreements = 0;
        for (int u = 0; u < a.length; u++) {
            rowSum[a[u]]++;
            colSum[b[u]]++;
            if (a[u] == b[u]) agreements++;
        }
        double total = a.length;
        double sumEf = 0;
        for (int i = 0; i < k; i++) sumEf += rowSum[i] * colSum[i] / total;
        double kappa = total - sumEf == 0 ? 1 : (agreements - sumEf) / (total - sumEf);
        double rounded = new java.math.BigDecimal(kappa).setScale(3, java.math.RoundingMode.HALF_EVEN).doubleValue();
        return new Result(Coefficient.of(rounded), ticks, k);
    }

    /**
     * The category id of every (tick, subject) unit, ticks outer, subjects inner. A sweep over the
     * ticks keeps only the events active at the current tick, so memory grows with the events (plus
     * one int per unit), not with units × codes.
     */
    private static int[] categories(List<Mark> marks, List<String> subjects, List<String> codeOrder, long start, long iv, int ticks,
                                    Map<String, Integer> ids) {
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < codeOrder.size(); i++) order.put(codeOrder.get(i), i);
        record Span(Mark mark, long from, long to) {
        }
        List<List<Span>> bySubject = new ArrayList<>();
        for (int s = 0; s < subjects.size(); s++) bySubject.add(new ArrayList<>());
        for (Mark m : marks) {
            int s = subjects.indexOf(m.subject());
            if (s < 0) continue;
            long from;
            long to;
            if (m.point()) {
                // exactly: |onset − (start + k·iv)| ≤ iv/2  ⇔  2·(onset − start) − iv ≤ 2·k·iv ≤ 2·(onset − start) + iv;
                // BORIS decides the half-way ticks at the ends in doubles
                from = -Math.floorDiv(-(2 * (m.onsetMs() - start) - iv), 2 * iv);
                to = Math.floorDiv(2 * (m.onsetMs() - start) + iv, 2 * iv);
                while (from <= to && !pointAtTick(m.onsetMs(), start + from * iv, iv)) from++;
                while (to >= from && !pointAtTick(m.onsetMs(), start + to * iv, iv)) to--;
            } else {
                from = -Math.floorDiv(-(m.onsetMs() - start), iv);
                to = Math.floorDiv(m.offsetMs() - start, iv);
            }
            if (to >= from && to >= 0 && from < ticks) bySubject.get(s).add(new Span(m, from, to));
        }
        java.util.Comparator<Span> byCode = java.util.Comparator.comparingInt(x -> order.getOrDefault(x.mark().code(), Integer.MAX_VALUE));
        int[] out = new int[ticks * subjects.size()];
        StringBuilder key = new StringBuilder();
        for (int s = 0; s < subjects.size(); s++) {
            List<Span> spans = bySubject.get(s);
            spans.sort(java.util.Comparator.comparingLong(Span::from));
            List<Span> active = new ArrayList<>();
            int next = 0;
            for (int k = 0; k < ticks; k++) {
                while (next < spans.size() && spans.get(next).from() <= k) active.add(spans.get(next++));
                final int tick = k;
                active.removeIf(x -> x.to() < tick);
                if (active.isEmpty()) continue; // id 0 = nothing coded
                key.setLength(0);
                for (boolean points : new boolean[] {false, true}) {
                    List<Span> present = new ArrayList<>();
                    for (Span x : active) if (x.mark().point() == points) present.add(x);
                    present.sort(byCode);
                    for (Span x : present) key.append('[').append(x.mark().subject()).append('|').append(x.mark().code()).append(']');
                }
                out[k * subjects.size() + s] = ids.computeIfAbsent(key.toString(), x -> ids.size());
            }
        }
        return out;
    }

    /** BORIS's point rule, {@code abs(start - t) <= interval/2} on the doubles SQLite holds (seconds). */
    static boolean pointAtTick(long onsetMs, long tickMs, long intervalMs) {
        return Math.abs(onsetMs / 1000.0 - tickMs / 1000.0) <= intervalMs / 2000.0;
    }

    /** Whether the decimal {@code ms}/1000 is greater than the double nearest to it (so a tick there is past it). */
    static boolean decimalAbove(long ms) {
        return java.math.BigDecimal.valueOf(ms, 3).compareTo(new java.math.BigDecimal(ms / 1000.0)) > 0;
    }
}
