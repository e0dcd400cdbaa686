package org.attune.ui.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.attune.coding.CodedEvent;

/**
 * Which edge of a state bout the pointer is on, on the timeline, and how far it may be dragged: an
 * edge moves between the neighbouring bouts of the same code and never past its own other edge (a
 * running state's onset not past the playhead). Works on the pass's events sorted by onset, looking
 * only near the pointer (a pass of 100,000 events is not walked). No JavaFX: tested on its own.
 */
final class StateEdges {

    /** How near, in pixels, the pointer must be to an edge to take it. */
    static final double EDGE_PX = 4;

    /** An edge under the pointer: the bout, which edge, and the range it may move in. */
    record Edge(CodedEvent event, boolean onset, long minMs, long maxMs) {
    }

    private StateEdges() {
    }

    /** Index of the first event with onset ≥ ms in a list sorted by onset. */
    static int firstAtOrAfter(List<CodedEvent> sorted, double ms) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid).onsetMs() < ms) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /**
     * The edge of a bout of {@code code} within {@link #EDGE_PX} pixels of the pointer at {@code ms}, the
     * nearer one when two are; between an offset and the next onset at the same distance, the one on the
     * pointer's side.
     *
     * @param longestStateMs the longest bout in the pass (how far back a bout covering {@code ms} may start)
     * @param playheadMs     where a running state's onset may be dragged to at most
     * @param sessionEndMs   where the last bout's offset may be dragged to at most
     */
    static Optional<Edge> near(List<CodedEvent> sorted, long longestStateMs, String code, double ms, double msPerPixel,
                               long playheadMs, long sessionEndMs) {
        double slack = EDGE_PX * msPerPixel;
        List<CodedEvent> bouts = new ArrayList<>();
        for (int i = firstAtOrAfter(sorted, ms - slack - longestStateMs - 1); i < sorted.size(); i++) {
            CodedEvent e = sorted.get(i);
            if (e.onsetMs() > ms + slack) break;
            if (e.code().equals(code)) bouts.add(e);
        }
        CodedEvent best = null;
        boolean onset = false;
        double bestPx = Double.POSITIVE_INFINITY;
        for (CodedEvent e : bouts) {
            double dOn = Math.abs(e.onsetMs() - ms) / msPerPixel;
            if (dOn <= EDGE_PX && dOn <= bestPx) {
                best = e;
                onset = true;
                bestPx = dOn;
            }
            if (e.offsetMs() != null) {
                double dOff = Math.abs(e.offsetMs() - ms) / msPerPixel;
                if (dOff <= EDGE_PX && (dOff < bestPx || dOff == bestPx && ms > e.offsetMs())) {
                    best = e;
                    onset = false;
                    bestPx = dOff;
                }
            }
        }
        if (best == null) return Optional.empty();
        long[] bounds = neighbours(sorted, longestStateMs, best, sessionEndMs);
        return Optional.of(onset
                ? new Edge(best, true, bounds[0], best.offsetMs() == null ? playheadMs : best.offsetMs())
                : new Edge(best, false, best.onsetMs(), bounds[1]));
    }

    /** [end of the previous bout of the same code (or 0), start of the next one (or the session's end)] around a state. */
    static long[] neighbours(List<CodedEvent> sorted, long longestStateMs, CodedEvent e, long sessionEndMs) {
        long before = 0;
        long after = sessionEndMs;
        int at = firstAtOrAfter(sorted, e.onsetMs());
        for (int i = at - 1; i >= 0 && i >= at - 5000; i--) {
            CodedEvent p = sorted.get(i);
            if (p.code().equals(e.code()) && p.id() != e.id() && p.offsetMs() != null) {
                before = Math.max(before, p.offsetMs());
                if (p.onsetMs() + longestStateMs < before) break;
            }
        }
        for (int i = at; i < sorted.size(); i++) {
            CodedEvent n = sorted.get(i);
            if (n.code().equals(e.code()) && n.id() != e.id() && n.onsetMs() >= e.onsetMs()) {
                after = n.onsetMs();
                break;
            }
        }
        return new long[] {before, after};
    }
}
