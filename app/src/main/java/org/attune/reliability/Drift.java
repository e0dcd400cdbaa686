package org.attune.reliability;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Agreement over coding time (Bakeman & Quera 2011, on observer agreement; observers drift, so reliability is checked on sessions
 * spread over the coding period, not only at its start): each re-check — two coders' passes of one session, or a
 * coder's pass against the session's gold standard — dated by when the later of the two was finished, judged
 * against the criterion, and a warning for each one below it, with its coding week.
 */
public final class Drift {

    /** One re-check: who against whom (second is "gold" for the gold standard), the session, when, and the judgement. */
    public record Check(String first, String second, String session, String finishedAt, CriterionCheck.Judgement judgement) {
        /** The ISO week the later pass was finished in, e.g. "2026-W14" (UTC date); "" when the date cannot be read. */
        public String week() {
            return weekOf(finishedAt).orElse("");
        }
    }

    /** A pair's checks in time order, and the ones below the criterion. */
    public record Pair(String first, String second, List<Check> checks, List<Check> below) {
        public double mean() {
            return checks.stream().mapToDouble(c -> c.judgement().value()).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
        }
    }

    /** Every pair, and the weeks the checks were spread over. */
    public record Report(List<Pair> pairs, List<String> weeks) {
        public List<Check> warnings() {
            return pairs.stream().flatMap(p -> p.below().stream()).sorted(Comparator.comparing(Check::finishedAt)).toList();
        }
    }

    private Drift() {
    }

    public static Report of(List<Check> checks) {
        Map<String, List<Check>> byPair = new LinkedHashMap<>();
        List<Check> ordered = new ArrayList<>(checks);
        ordered.sort(Comparator.comparing(Check::first).thenComparing(Check::second).thenComparing(Check::finishedAt).thenComparing(Check::session));
        for (Check c : ordered) byPair.computeIfAbsent(c.first() + "\u0000" + c.second(), k -> new ArrayList<>()).add(c);
        List<Pair> pairs = new ArrayList<>();
        for (List<Check> l : byPair.values()) {
            pairs.add(new Pair(l.get(0).first(), l.get(0).second(), List.copyOf(l), l.stream().filter(c -> !c.judgement().meets()).toList()));
        }
        TreeSet<String> weeks = new TreeSet<>();
        for (Check c : checks) if (!c.week().isEmpty()) weeks.add(c.week());
        return new Report(List.copyOf(pairs), List.copyOf(weeks));
    }

    /** The ISO week of an ISO 8601 date or date-time (its date part, as written). */
    public static Optional<String> weekOf(String isoDateTime) {
        if (isoDateTime == null || isoDateTime.length() < 10) return Optional.empty();
        try {
            LocalDate d = LocalDate.parse(isoDateTime.substring(0, 10));
            return Optional.of(String.format(java.util.Locale.ROOT, "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
