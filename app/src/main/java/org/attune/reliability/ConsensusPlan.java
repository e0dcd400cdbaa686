package org.attune.reliability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;

/**
 * What a consensus pass starts from (issue 19): two coders' events of one session matched one to one. Events of
 * the same code that agree by the lab's {@link Matching} — by default points with onsets within the tolerance,
 * states overlapping by at least the overlap share of the longer one or with onset and offset both within the
 * tolerance — are taken over as agreed. What is
 * left is a list of disagreements to decide, in time order: the two coders' events that overlap in time but
 * differ (another code of the same exclusive group or subject, or the same code timed too differently), and events
 * only one coder has.
 */
public final class ConsensusPlan {

    /** One coder's event: its id in the study, code and times (a point's offset is its onset). */
    public record Side(long id, String code, long onsetMs, long offsetMs, boolean point) {
        long end() {
            return point ? onsetMs : offsetMs;
        }
    }

    /** What kind of item: agreed, or how the two coders differ. */
    public enum Kind { AGREED, DIFFERENT, ONLY_FIRST, ONLY_SECOND }

    /** An agreement or a disagreement; {@code key} names it for good (the two events' ids). */
    public record Item(String key, Kind kind, Optional<Side> first, Optional<Side> second) {
        public long atMs() {
            return Math.min(first.map(Side::onsetMs).orElse(Long.MAX_VALUE), second.map(Side::onsetMs).orElse(Long.MAX_VALUE));
        }
    }

    public record Plan(List<Item> agreed, List<Item> disagreements) {
    }

    /**
     * How two events of the same code agree: {@code OVERLAP} — points by onset within the tolerance, states by
     * overlapping at least the overlap share of the longer one or with both ends within the tolerance (the
     * overlap-linking method); {@code ONSETS} — every event by its onset within the tolerance (the alignment
     * method's criterion).
     */
    public enum Matching {
        OVERLAP, ONSETS;

        public String stored() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Matching of(String stored) {
            return valueOf(stored.toUpperCase(java.util.Locale.ROOT));
        }
    }

    private ConsensusPlan() {
    }

    public static Plan of(CodingScheme scheme, List<Side> first, List<Side> second, long toleranceMs, double overlap) {
        return of(scheme, first, second, Matching.OVERLAP, toleranceMs, overlap);
    }

    public static Plan of(CodingScheme scheme, List<Side> first, List<Side> second, Matching matching, long toleranceMs, double overlap) {
        List<Side> a = sorted(first);
        List<Side> b = sorted(second);
        boolean[] usedA = new boolean[a.size()];
        boolean[] usedB = new boolean[b.size()];
        List<Item> agreed = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            int j = closest(a.get(i), b, usedB, (x, y) -> x.code().equals(y.code()) && (matching == Matching.ONSETS
                    ? Math.abs(x.onsetMs() - y.onsetMs()) <= toleranceMs : agree(x, y, toleranceMs, overlap)));
            if (j < 0) continue;
            usedA[i] = true;
            usedB[j] = true;
            agreed.add(item(Kind.AGREED, a.get(i), b.get(j)));
        }
        List<Item> disagreements = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (usedA[i]) continue;
            int j = closest(a.get(i), b, usedB, (x, y) -> related(scheme, x, y) && meet(x, y, toleranceMs));
            if (j < 0) continue;
            usedA[i] = true;
            usedB[j] = true;
            disagreements.add(item(Kind.DIFFERENT, a.get(i), b.get(j)));
        }
        for (int i = 0; i < a.size(); i++) if (!usedA[i]) disagreements.add(new Item("a" + a.get(i).id(), Kind.ONLY_FIRST, Optional.of(a.get(i)), Optional.empty()));
        for (int j = 0; j < b.size(); j++) if (!usedB[j]) disagreements.add(new Item("b" + b.get(j).id(), Kind.ONLY_SECOND, Optional.empty(), Optional.of(b.get(j))));
        disagreements.sort(Comparator.comparingLong(Item::atMs).thenComparing(Item::key));
        return new Plan(List.copyOf(agreed), List.copyOf(disagreements));
    }

    private static Item item(Kind kind, Side a, Side b) {
        return new Item("a" + a.id() + "/b" + b.id(), kind, Optional.of(a), Optional.of(b));
    }

    private static List<Side> sorted(List<Side> sides) {
        List<Side> out = new ArrayList<>(sides);
        out.sort(Comparator.comparingLong(Side::onsetMs).thenComparingLong(Side::id));
        return out;
    }

    private interface Match {
        boolean test(Side a, Side b);
    }

    /** The unused event of {@code b} matching {@code a} with the nearest onset (the earlier on a tie), or -1. */
    private static int closest(Side a, List<Side> b, boolean[] used, Match match) {
        int best = -1;
        for (int j = 0; j < b.size(); j++) {
            if (used[j] || !match.test(a, b.get(j))) continue;
            if (best < 0 || Math.abs(b.get(j).onsetMs() - a.onsetMs()) < Math.abs(b.get(best).onsetMs() - a.onsetMs())) best = j;
        }
        return best;
    }

    static boolean agree(Side a, Side b, long tol, double overlap) {
        if (a.point() || b.point()) return a.point() && b.point() && Math.abs(a.onsetMs() - b.onsetMs()) <= tol;
        if (Math.abs(a.onsetMs() - b.onsetMs()) <= tol && Math.abs(a.offsetMs() - b.offsetMs()) <= tol) return true;
        long shared = Math.min(a.offsetMs(), b.offsetMs()) - Math.max(a.onsetMs(), b.onsetMs());
        long longer = Math.max(a.offsetMs() - a.onsetMs(), b.offsetMs() - b.onsetMs());
        return shared > 0 && longer > 0 && shared >= overlap * longer;
    }

    /** Whether the two events are about the same moment: overlapping states, or a point within the tolerance of the other. */
    private static boolean meet(Side a, Side b, long tol) {
        return a.onsetMs() <= b.end() + tol && b.onsetMs() <= a.end() + tol;
    }

    /** The same code, codes of one exclusive group, or codes of the same kind and subject (e.g. two parent point codes). */
    private static boolean related(CodingScheme scheme, Side a, Side b) {
        if (a.code().equals(b.code())) return true;
        Optional<Code> x = scheme.code(a.code());
        Optional<Code> y = scheme.code(b.code());
        if (x.isEmpty() || y.isEmpty()) return false;
        if (x.get().groupId().isPresent() && x.get().groupId().equals(y.get().groupId())) return true;
        return x.get().isPoint() == y.get().isPoint() && x.get().subject() == y.get().subject();
    }
}
