package org.attune.agreement;

import java.util.ArrayList;
import java.util.List;

/**
 * Where two coders disagree, for a consensus meeting: a time span and what each coder coded there.
 * Built from the same rules as the statistics, so the list explains the numbers.
 */
public record Disagreement(long startMs, long endMs, String first, String second, String kind) {

    /** Time-unit κ: runs of consecutive disagreeing units of one exclusive group (or one code), merged into spans. */
    public static List<Disagreement> timeUnits(List<String> codes, List<Mark> a, List<Mark> b, long endMs, long unitMs) {
        int units = TimeUnitKappa.unitCount(0, endMs, unitMs);
        int[] x = TimeUnitKappa.categoryPerUnit(codes, a, 0, unitMs, units);
        int[] y = TimeUnitKappa.categoryPerUnit(codes, b, 0, unitMs, units);
        List<Disagreement> out = new ArrayList<>();
        int i = 0;
        while (i < units) {
            if (x[i] == y[i]) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < units && x[j + 1] == x[i] && y[j + 1] == y[i]) j++;
            out.add(new Disagreement(i * unitMs, Math.min(endMs, (j + 1) * unitMs), name(codes, x[i]), name(codes, y[i]), "units differ"));
            i = j + 1;
        }
        return out;
    }

    /** Alignment κ: omissions, commissions and aligned events with different codes. */
    public static List<Disagreement> alignment(AlignmentKappa.Result r) {
        List<Disagreement> out = new ArrayList<>();
        for (AlignmentKappa.Pair p : r.alignment()) {
            if (p.agrees()) continue;
            if (p.second() == null) out.add(new Disagreement(p.first().onsetMs(), p.first().offsetMs(), p.first().code(), "—", "only the first coder"));
            else if (p.first() == null) out.add(new Disagreement(p.second().onsetMs(), p.second().offsetMs(), "—", p.second().code(), "only the second coder"));
            else out.add(new Disagreement(Math.min(p.first().onsetMs(), p.second().onsetMs()), Math.max(p.first().offsetMs(), p.second().offsetMs()),
                        p.first().code(), p.second().code(), "different codes"));
        }
        return out;
    }

    /** Overlap κ: unlinked bouts and linked bouts with different codes. */
    public static List<Disagreement> overlap(OverlapKappa.Result r) {
        List<Disagreement> out = new ArrayList<>();
        for (OverlapKappa.Link l : r.links()) {
            if (l.first().code().equals(l.second().code())) continue;
            out.add(new Disagreement(Math.min(l.first().onsetMs(), l.second().onsetMs()), Math.max(l.first().offsetMs(), l.second().offsetMs()),
                    l.first().code(), l.second().code(), "different codes"));
        }
        for (Mark m : r.unmatchedFirst()) out.add(new Disagreement(m.onsetMs(), m.offsetMs(), m.code(), "—", "no matching bout"));
        for (Mark m : r.unmatchedSecond()) out.add(new Disagreement(m.onsetMs(), m.offsetMs(), "—", m.code(), "no matching bout"));
        out.sort(java.util.Comparator.comparingLong(Disagreement::startMs));
        return out;
    }

    private static String name(List<String> codes, int index) {
        return index < codes.size() ? codes.get(index) : TimeUnitKappa.NONE;
    }
}
