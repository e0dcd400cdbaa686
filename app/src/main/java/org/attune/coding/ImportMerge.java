package org.attune.coding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;

/**
 * How imported events merge with those a study already holds (docs/events-csv.md, "Importing into
 * a study that has events"):
 *
 * <ul>
 *   <li>an event <b>identical</b> to a stored one of the same pass (code, onset, offset, modifiers,
 *       comment) is already there: it is skipped and counted, so importing the same file twice — or
 *       an export of the study back into it — changes nothing;</li>
 *   <li>a point event of the same code at the same time as a stored one, but with other modifiers or
 *       comment, is <b>refused</b>: it is either an edit of the stored event or a double entry, and
 *       Attune cannot tell which;</li>
 *   <li>a state bout that overlaps a stored bout of the same code, or of a state it excludes (an
 *       exclusive group or exclusion pair), is <b>refused</b> — a running stored state reaches to the
 *       end of the session.</li>
 * </ul>
 * Any refusal refuses the whole import; the caller imports {@link Plan#toAdd()} only when there is none.
 * Overlaps among the imported rows themselves are the CSV reader's check.
 */
public final class ImportMerge {

    /** An event to import, with the file line it came from (0 when not from a file). */
    public record Incoming(int line, String session, String coder, EventDraft event) {
    }

    /** A refused row: its line and why. */
    public record Conflict(int line, String message) {
    }

    /** What to add, what is already there, and what is refused. */
    public record Plan(List<Incoming> toAdd, List<Incoming> duplicates, List<Conflict> conflicts) {
        public boolean ok() {
            return conflicts.isEmpty();
        }
    }

    private ImportMerge() {
    }

    /** The key of a pass in {@code stored}: session label and coder initials. */
    public static String passKey(String session, String coder) {
        return session + "\u0000" + coder;
    }

    /**
     * @param stored the events already in the study, by {@link #passKey}; passes not in the map hold none
     */
    public static Plan plan(CodingScheme scheme, Map<String, List<CodedEvent>> stored, List<Incoming> rows) {
        Map<String, PassEvents> byPass = new HashMap<>();
        List<Incoming> toAdd = new ArrayList<>();
        List<Incoming> duplicates = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        for (Incoming row : rows) {
            String key = passKey(row.session(), row.coder());
            List<CodedEvent> events = stored.get(key);
            if (events == null || events.isEmpty()) {
                toAdd.add(row);
                continue;
            }
            PassEvents pass = byPass.computeIfAbsent(key, k -> new PassEvents(events));
            EventDraft d = row.event();
            if (pass.takeIdentical(d)) {
                duplicates.add(row);
                continue;
            }
            Code code = scheme.code(d.code()).orElseThrow(() -> new IllegalArgumentException("code not in scheme: " + d.code()));
            String problem = code.isPoint() ? pass.pointClash(d) : pass.stateClash(d, scheme.statesEndedBy(code));
            if (problem == null) toAdd.add(row);
            else conflicts.add(new Conflict(row.line(), problem + " (session " + row.session() + ", coder " + row.coder() + ")"));
        }
        return new Plan(toAdd, duplicates, conflicts);
    }

    /** One pass's stored events, indexed for the checks. */
    private static final class PassEvents {
        /** Identical-event counts: each stored event absorbs one identical imported row. */
        private final Map<List<Object>, Integer> unmatched = new HashMap<>();
        private final Map<List<Object>, CodedEvent> pointAt = new HashMap<>();
        /** State bouts per code, in onset order; bouts of one code never overlap. */
        private final Map<String, List<CodedEvent>> bouts;

        PassEvents(List<CodedEvent> events) {
            for (CodedEvent e : events) {
                unmatched.merge(identity(e.code(), e.onsetMs(), e.offsetMs(), e.modifiers(), e.comment()), 1, Integer::sum);
                pointAt.putIfAbsent(List.of(e.code(), e.onsetMs()), e);
            }
            bouts = events.stream().collect(Collectors.groupingBy(CodedEvent::code));
            bouts.values().forEach(l -> l.sort(Comparator.comparingLong(CodedEvent::onsetMs)));
        }

        boolean takeIdentical(EventDraft d) {
            List<Object> id = identity(d.code(), d.onsetMs(), d.offsetMs(), d.modifiers(), d.comment());
            Integer n = unmatched.get(id);
            if (n == null) return false;
            if (n == 1) unmatched.remove(id);
            else unmatched.put(id, n - 1);
            return true;
        }

        String pointClash(EventDraft d) {
            CodedEvent there = pointAt.get(List.of(d.code(), d.onsetMs()));
            if (there == null) return null;
            if (there.modifiers().equals(d.modifiers()) && there.comment().equals(d.comment())) {
                return d.code() + " at " + TimeFormat.seconds(d.onsetMs()) + " s is in the file more often than it is stored; remove the repeated row";
            }
            return d.code() + " at " + TimeFormat.seconds(d.onsetMs()) + " s is already stored with "
                    + (there.modifiers().equals(d.modifiers()) ? "another comment" : "other modifiers (" + describe(there.modifiers()) + ")")
                    + "; change or delete the stored event in Attune, or remove this row";
        }

        String stateClash(EventDraft d, List<Code> excluded) {
            List<String> codes = new ArrayList<>();
            codes.add(d.code());
            excluded.stream().map(Code::id).filter(c -> !c.equals(d.code())).forEach(codes::add);
            for (String c : codes) {
                CodedEvent hit = overlapping(bouts.getOrDefault(c, List.of()), d.onsetMs(), d.offsetMs());
                if (hit != null) {
                    String what = c.equals(d.code()) ? "a stored bout of the same state" : "a stored bout of " + c + ", a state it excludes";
                    return d.code() + " " + span(d.onsetMs(), d.offsetMs()) + " overlaps " + what + " (" + span(hit.onsetMs(), hit.offsetMs())
                            + "); bouts of states that exclude each other cannot overlap — correct the times, or change the stored bout in Attune";
                }
            }
            return null;
        }

        /** A bout of {@code sorted} (one code, onset order, not overlapping each other) overlapping [on, off); null = none. */
        private static CodedEvent overlapping(List<CodedEvent> sorted, long on, Long off) {
            if (sorted.isEmpty()) return null;
            long end = off == null ? Long.MAX_VALUE : off;
            // the last bout starting before our end has the latest offset of all that could overlap
            int lo = 0;
            int hi = sorted.size() - 1;
            int last = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                CodedEvent m = sorted.get(mid);
                if (m.onsetMs() < end || m.onsetMs() == on) {
                    last = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            if (last < 0) return null;
            CodedEvent b = sorted.get(last);
            long bEnd = b.offsetMs() == null ? Long.MAX_VALUE : b.offsetMs();
            return b.onsetMs() == on || bEnd > on ? b : null;
        }
    }

    private static List<Object> identity(String code, long onset, Long offset, Modifiers modifiers, String comment) {
        return Collections.unmodifiableList(java.util.Arrays.asList(code, onset, offset, modifiers.encode(), comment));
    }

    private static String span(long on, Long off) {
        return TimeFormat.seconds(on) + "–" + (off == null ? "running" : TimeFormat.seconds(off)) + " s";
    }

    private static String describe(Modifiers m) {
        return m.asMap().isEmpty() ? "none" : m.encode();
    }
}
