package org.attune.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Sorted, non-overlapping half-open time intervals [start, end) in ms, and the set operations the measures need. */
public final class Intervals {

    /** One interval [start, end). */
    public record Span(long start, long end) {
        public long length() {
            return end - start;
        }
    }

    private final List<Span> spans;

    private Intervals(List<Span> normalised) {
        this.spans = normalised;
    }

    public static final Intervals EMPTY = new Intervals(List.of());

    /** The union of any spans (overlapping or touching ones merge; empty ones vanish). */
    public static Intervals of(List<Span> any) {
        List<Span> sorted = new ArrayList<>(any);
        sorted.removeIf(s -> s.end() <= s.start());
        sorted.sort(Comparator.comparingLong(Span::start));
        List<Span> out = new ArrayList<>();
        for (Span s : sorted) {
            if (!out.isEmpty() && out.get(out.size() - 1).end() >= s.start()) {
                Span last = out.remove(out.size() - 1);
                out.add(new Span(last.start(), Math.max(last.end(), s.end())));
            } else {
                out.add(s);
            }
        }
        return new Intervals(List.copyOf(out));
    }

    public List<Span> spans() {
        return spans;
    }

    public long total() {
        long t = 0;
        for (Span s : spans) t += s.length();
        return t;
    }

    public Intervals intersect(Intervals other) {
        List<Span> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < spans.size() && j < other.spans.size()) {
            Span a = spans.get(i);
            Span b = other.spans.get(j);
            long s = Math.max(a.start(), b.start());
            long e = Math.min(a.end(), b.end());
            if (s < e) out.add(new Span(s, e));
            if (a.end() < b.end()) i++;
            else j++;
        }
        return new Intervals(List.copyOf(out));
    }

    public Intervals union(Intervals other) {
        List<Span> all = new ArrayList<>(spans);
        all.addAll(other.spans);
        return of(all);
    }

    /** This minus other. */
    public Intervals minus(Intervals other) {
        List<Span> out = new ArrayList<>();
        int j = 0;
        for (Span a : spans) {
            long cursor = a.start();
            while (j < other.spans.size() && other.spans.get(j).end() <= cursor) j++;
            int k = j;
            while (k < other.spans.size() && other.spans.get(k).start() < a.end()) {
                Span b = other.spans.get(k);
                if (b.start() > cursor) out.add(new Span(cursor, b.start()));
                cursor = Math.max(cursor, b.end());
                k++;
            }
            if (cursor < a.end()) out.add(new Span(cursor, a.end()));
        }
        return new Intervals(List.copyOf(out));
    }

    /** Whether t lies in one of the spans. */
    public boolean contains(long t) {
        int lo = 0;
        int hi = spans.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Span s = spans.get(mid);
            if (t < s.start()) hi = mid - 1;
            else if (t >= s.end()) lo = mid + 1;
            else return true;
        }
        return false;
    }

    /** Whether [start, end) meets one of the spans. */
    public boolean overlaps(long start, long end) {
        for (Span s : spans) {
            if (s.start() >= end) return false;
            if (s.end() > start) return true;
        }
        return false;
    }

    /** Only the spans of at least {@code minMs}. */
    public Intervals atLeast(long minMs) {
        return new Intervals(spans.stream().filter(s -> s.length() >= minMs).toList());
    }
}
