package org.attune.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A methods-section paragraph for timed-event agreement, with the numbers filled in and the
 * parameters stated, ready to paste (and to edit: coder training and blinding are the lab's to add).
 */
public final class MethodsParagraph {

    private MethodsParagraph() {
    }

    /**
     * @param totalSessions sessions in the study (the denominator of "% double-coded")
     * @param rows          results of {@link EventAgreement#compute} for one method
     */
    public static String forEvents(EventAgreement.Parameters p, int totalSessions, List<String> sessionsCompared, List<String> coders,
                                   List<EventAgreement.Row> rows) {
        return forEvents(p, totalSessions, sessionsCompared, coders, rows, null);
    }

    /**
     * As {@link #forEvents(EventAgreement.Parameters, int, List, List, List)}, closing with the scheme
     * and the established instruments its codes were adapted from (the scheme's {@code instruments}).
     */
    public static String forEvents(EventAgreement.Parameters p, int totalSessions, List<String> sessionsCompared, List<String> coders,
                                   List<EventAgreement.Row> rows, org.attune.scheme.CodingScheme scheme) {
        String paragraph = forEventsOnly(p, totalSessions, sessionsCompared, coders, rows);
        return scheme == null ? paragraph : paragraph.stripTrailing() + " " + schemeSentence(scheme).stripTrailing();
    }

    /** "Sessions were coded with NAME (version V), whose codes were adapted from A, B and C. " — after the numbers, which matter most. */
    static String schemeSentence(org.attune.scheme.CodingScheme scheme) {
        List<String> names = scheme.instruments().stream().map(org.attune.scheme.Instrument::name).toList();
        String from = switch (names.size()) {
            case 0 -> "";
            case 1 -> ", whose codes were adapted from " + names.get(0);
            default -> ", whose codes were adapted from " + String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        };
        return "Sessions were coded with " + scheme.name() + " (version " + scheme.version() + ")" + from + ". ";
    }

    private static String forEventsOnly(EventAgreement.Parameters p, int totalSessions, List<String> sessionsCompared, List<String> coders,
                                        List<EventAgreement.Row> rows) {
        int n = sessionsCompared.size();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%d of %d sessions (%.0f%%) were coded independently by two coders (%s). ", n, totalSessions,
                100.0 * n / Math.max(1, totalSessions), String.join(" and ", coders)));
        String pooled = n > 1 ? EventAgreement.POOLED : sessionsCompared.get(0);
        List<Double> groups = new ArrayList<>();
        boolean pointSequence = false;
        List<Double> codes = new ArrayList<>();
        List<String> undefinedCodes = new ArrayList<>();
        String statistic = switch (p.method()) {
            case TIME_UNIT -> p.toleranceMs() > 0 ? "kappa_tolerance_first_as_reference" : "kappa";
            case OVERLAP -> "kappa_ipf";
            default -> "kappa";
        };
        for (EventAgreement.Row r : rows) {
            if (!r.session().equals(pooled)) continue;
            Coefficient c = r.statistics().get(statistic);
            if (c == null) continue;
            if (r.targetKind().equals("code")) {
                if (c.isDefined()) codes.add(c.get());
                else undefinedCodes.add(r.target());
            } else if (c.isDefined()) {
                groups.add(c.get());
                pointSequence |= r.targetKind().equals("set");
            }
        }
        String what = switch (p.method()) {
            case TIME_UNIT -> String.format(Locale.ROOT, "Time-unit Cohen's κ (%s-s units%s%s)", seconds(p.unitMs()),
                    p.toleranceMs() > 0 ? ", ±" + seconds(p.toleranceMs()) + "-s tolerance with the first coder as reference" : "",
                    p.includeNone() ? ", uncoded time as a category" : "");
            case BORIS -> String.format(Locale.ROOT, "BORIS-compatible time-unit κ (%s-s ticks from the first coded event)", seconds(p.unitMs()));
            case ALIGNMENT -> String.format(Locale.ROOT, "Event-based alignment κ (Bakeman, Quera & Gnisci, 2009; onset tolerance ±%s s)", seconds(p.toleranceMs()));
            case OVERLAP -> String.format(Locale.ROOT, "Overlap-linking κ (Holle & Rein, 2015; links at ≥ %.0f%% overlap of the longer bout, chance by iterative proportional fitting)",
                    p.overlap() * 100);
        };
        b.append(what);
        if (!groups.isEmpty()) {
            int exclusive = groups.size() - (pointSequence ? 1 : 0);
            String over = p.method() == EventAgreement.Method.BORIS ? "all codes together"
                    : (exclusive > 0 ? (exclusive == 1 ? "one mutually exclusive group" : exclusive + " mutually exclusive groups") : "")
                    + (exclusive > 0 && pointSequence ? " and " : "") + (pointSequence ? "the point codes as one sequence" : "");
            b.append(groups.size() == 1 ? String.format(Locale.ROOT, " was %s for %s", f(groups.get(0)), over)
                    : String.format(Locale.ROOT, " averaged %s (range %s–%s) across %s", f(mean(groups)), f(min(groups)), f(max(groups)), over));
        }
        if (!codes.isEmpty()) {
            b.append(groups.isEmpty() ? " averaged " : " and ").append(String.format(Locale.ROOT, "%s (range %s–%s) across %d codes", f(mean(codes)),
                    f(min(codes)), f(max(codes)), codes.size()));
        }
        b.append(n > 1 ? ", pooled over the double-coded sessions." : ".");
        if (!undefinedCodes.isEmpty()) {
            b.append(String.format(Locale.ROOT, " κ was not defined for %d codes that neither coder (or only one coder) used in the reliability set (%s).",
                    undefinedCodes.size(), String.join(", ", undefinedCodes.subList(0, Math.min(8, undefinedCodes.size())))
                            + (undefinedCodes.size() > 8 ? ", …" : "")));
        }
        b.append(" Computed with Attune.");
        return b.toString();
    }

    /** Seconds as set, never rounded ("0.25", "2"): a parameter is stated exactly. */
    private static String seconds(long ms) {
        return org.attune.coding.TimeFormat.shortSeconds(ms);
    }

    /** APA style: no leading zero for statistics bounded by 1. */
    private static String f(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.replaceFirst("^(-?)0\\.", "$1.");
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double min(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
