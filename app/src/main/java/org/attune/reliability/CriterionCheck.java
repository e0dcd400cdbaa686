package org.attune.reliability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.attune.agreement.Coefficient;
import org.attune.agreement.EventAgreement;
import org.attune.agreement.Mark;
import org.attune.scheme.CodingScheme;

/**
 * Whether two passes of a session meet the lab's {@link Criterion}: their agreement computed as the agreement
 * view computes it (EventAgreement), then judged per exclusive group and per code. A κ that cannot be computed
 * (a group neither coder used) does not count either way; with nothing left to judge, the criterion is not met.
 */
public final class CriterionCheck {

    /** One group's or code's κ and whether it counted toward the judgement. */
    public record Part(String kind, String target, double kappa, boolean counted, String why) {
    }

    /**
     * The judgement of one session: the value compared with the threshold (the mean κ overall, else the lowest κ
     * that counted; NaN when none counted), whether it meets the criterion, and every part.
     */
    public record Judgement(String session, double value, boolean meets, List<Part> parts) {
    }

    private CriterionCheck() {
    }

    /** Judges two passes' marks ({@code first}: the gold standard or the pair's first coder). */
    public static Judgement judge(CodingScheme scheme, Criterion criterion, EventAgreement.SessionMarks marks) {
        List<EventAgreement.Row> rows = EventAgreement.compute(scheme, List.of(marks), criterion.parameters()); // one session: no pooled rows
        Map<String, Integer> events = new HashMap<>();
        for (Mark m : marks.first()) events.merge(m.code(), 1, Integer::sum);
        for (Mark m : marks.second()) events.merge(m.code(), 1, Integer::sum);
        List<Part> parts = new ArrayList<>();
        List<Double> counted = new ArrayList<>();
        for (EventAgreement.Row r : rows) {
            boolean code = r.targetKind().equals("code");
            Coefficient k = kappa(r, criterion);
            String why;
            if (!k.isDefined()) why = "κ undefined (" + k.undefinedReason() + ")";
            else if (code && events.getOrDefault(r.target(), 0) < criterion.minEvents()) why = "fewer than " + criterion.minEvents() + " events";
            else if (code && criterion.scope() == Criterion.Scope.EACH_GROUP) why = "the criterion applies to groups";
            else if (!code && criterion.scope() == Criterion.Scope.EACH_CODE) why = "the criterion applies to codes";
            else why = "";
            double value = k.isDefined() ? k.get() : Double.NaN;
            parts.add(new Part(r.targetKind(), r.target(), value, why.isEmpty(), why));
            if (why.isEmpty()) counted.add(value);
        }
        double value;
        if (counted.isEmpty()) value = Double.NaN;
        else if (criterion.scope() == Criterion.Scope.OVERALL) value = counted.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        else value = counted.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        return new Judgement(marks.session(), value, !Double.isNaN(value) && value >= criterion.threshold() - 1e-12, List.copyOf(parts));
    }

    /**
     * The κ the criterion reads from a row: κ; with a time-unit tolerance, the lower of the two tolerance κs
     * (either coder as the reference), so that the judgement does not depend on which pass is named first.
     */
    private static Coefficient kappa(EventAgreement.Row r, Criterion c) {
        if (c.method() == EventAgreement.Method.TIME_UNIT && c.toleranceMs() > 0) {
            Coefficient a = r.statistics().get("kappa_tolerance_first_as_reference");
            Coefficient b = r.statistics().get("kappa_tolerance_second_as_reference");
            if (a == null || b == null) return Coefficient.undefined("no tolerance κ for " + r.targetKind());
            if (!a.isDefined()) return a;
            if (!b.isDefined()) return b;
            return a.get() <= b.get() ? a : b;
        }
        Coefficient k = r.statistics().get("kappa");
        return k == null ? Coefficient.undefined("no κ for " + r.targetKind()) : k;
    }
}
