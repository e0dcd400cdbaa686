package org.attune.reliability;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.attune.agreement.EventAgreement;

/**
 * The lab's criterion of agreement (Bakeman & Quera 2011, on observer agreement; trainees code until they agree with a master
 * coder at a criterion level on several consecutive sessions): the agreement method and its parameters, the
 * threshold, what it applies to, and how many consecutive training sessions must meet it.
 *
 * @param method      how two passes are compared (time-unit κ or alignment κ)
 * @param unitMs      the time unit (time-unit κ)
 * @param toleranceMs the tolerance: ±units that still agree (time-unit κ), onset window (alignment κ)
 * @param threshold   the κ a judgement must reach, e.g. 0.80
 * @param scope       overall (the mean κ of the groups and of the codes with enough events), each exclusive
 *                    group, or each code with enough events
 * @param minEvents   the events (both passes together) a code needs to count on its own; fewer make κ unstable
 * @param consecutive how many consecutive training sessions must meet the criterion
 */
public record Criterion(EventAgreement.Method method, long unitMs, long toleranceMs, double threshold, Scope scope, int minEvents, int consecutive) {

    /** What the threshold applies to. */
    public enum Scope {
        OVERALL, EACH_GROUP, EACH_CODE;

        public String cliName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Scope> parse(String s) {
            for (Scope x : values()) if (x.cliName().equalsIgnoreCase(s.trim())) return Optional.of(x);
            return Optional.empty();
        }
    }

    /** Time-unit κ in 1-s units, no tolerance, ≥ .80 in each exclusive group, on 3 consecutive sessions; codes need 10 events. */
    public static final Criterion DEFAULT = new Criterion(EventAgreement.Method.TIME_UNIT, 1000, 0, 0.80, Scope.EACH_GROUP, 10, 3);

    public Criterion {
        if (method != EventAgreement.Method.TIME_UNIT && method != EventAgreement.Method.ALIGNMENT) {
            throw new IllegalArgumentException("the criterion's method must be time-unit or alignment κ, not " + method.cliName());
        }
        if (unitMs <= 0) throw new IllegalArgumentException("the time unit must be positive");
        if (toleranceMs < 0) throw new IllegalArgumentException("the tolerance must not be negative");
        if (!(threshold > 0 && threshold <= 1)) throw new IllegalArgumentException("the threshold must be above 0 and at most 1, not " + threshold);
        if (minEvents < 1) throw new IllegalArgumentException("a code needs at least 1 event to count");
        if (consecutive < 1) throw new IllegalArgumentException("at least 1 consecutive session must meet the criterion");
    }

    /** The agreement computation the criterion asks for. */
    public EventAgreement.Parameters parameters() {
        return new EventAgreement.Parameters(method, unitMs, toleranceMs, 0.6, true);
    }

    /** The criterion in a sentence, as a methods section gives it. */
    public String describe() {
        String how = method == EventAgreement.Method.TIME_UNIT
                ? "time-unit κ (" + seconds(unitMs) + "-s units" + (toleranceMs > 0 ? ", ±" + seconds(toleranceMs) + " s tolerance" : "") + ")"
                : "alignment κ (onsets within ±" + seconds(toleranceMs) + " s)";
        String what = switch (scope) {
            case OVERALL -> "averaged over the exclusive groups and the codes with at least " + minEvents + " events";
            case EACH_GROUP -> "in each exclusive group";
            case EACH_CODE -> "for each code with at least " + minEvents + " events";
        };
        return how + " ≥ " + String.format(Locale.ROOT, "%.2f", threshold).replaceFirst("^0", "") + " " + what + ", on " + consecutive
                + " consecutive training session" + (consecutive == 1 ? "" : "s");
    }

    private static String seconds(long ms) {
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format(Locale.ROOT, "%.1f", ms / 1000.0);
    }

    /** The criterion as stored in a study (its {@code study_info} keys, without their prefix). */
    public Map<String, String> toSettings() {
        return Map.of("method", method.cliName(), "unit_ms", Long.toString(unitMs), "tolerance_ms", Long.toString(toleranceMs),
                "threshold", Double.toString(threshold), "applies", scope.cliName(), "min_events", Integer.toString(minEvents),
                "consecutive", Integer.toString(consecutive));
    }

    /** A criterion read back from {@link #toSettings}; a missing value is the default's, an unreadable one refused in words. */
    public static Criterion fromSettings(Map<String, String> s) {
        String method = s.getOrDefault("method", DEFAULT.method().cliName());
        String applies = s.getOrDefault("applies", DEFAULT.scope().cliName());
        return new Criterion(EventAgreement.Method.parse(method).orElseThrow(() -> new IllegalArgumentException("the criterion's method \"" + method + "\" is unknown")),
                number(s, "unit_ms", DEFAULT.unitMs()), number(s, "tolerance_ms", DEFAULT.toleranceMs()),
                fraction(s, "threshold", DEFAULT.threshold()),
                Scope.parse(applies).orElseThrow(() -> new IllegalArgumentException("the criterion's scope \"" + applies + "\" is unknown")),
                (int) number(s, "min_events", DEFAULT.minEvents()), (int) number(s, "consecutive", DEFAULT.consecutive()));
    }

    private static long number(Map<String, String> s, String key, long otherwise) {
        String v = s.get(key);
        if (v == null) return otherwise;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the criterion's " + key + " \"" + v + "\" is not a whole number");
        }
    }

    private static double fraction(Map<String, String> s, String key, double otherwise) {
        String v = s.get(key);
        if (v == null) return otherwise;
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the criterion's " + key + " \"" + v + "\" is not a number");
        }
    }
}
