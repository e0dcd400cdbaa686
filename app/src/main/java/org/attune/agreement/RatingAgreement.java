package org.attune.agreement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;

/**
 * Agreement on a study's session ratings (the scheme's rating codes, e.g. parental sensitivity 1–7):
 * for each rating code, the sessions are the units and the coders the raters, and every classic
 * statistic is computed over the code's whole scale ({@link RatingsReport}). Shared by
 * {@code attune agreement ratings STUDY} and the Agreement tab.
 */
public final class RatingAgreement {

    /** One coder's rating of one session. */
    public record Rated(String session, String coder, String code, int value) {
    }

    /** One rating code's agreement: how many sessions two or more of the coders rated, and the statistics. */
    public record Row(String code, String label, int sessions, RatingsReport report) {
    }

    private RatingAgreement() {
    }

    /**
     * @param coders   the coders to compare (empty = every coder who rated)
     * @param sessions the sessions to include (empty = all)
     * @param level    Krippendorff's α level (ratings are ordinal scales; interval when the lab says so)
     */
    public static List<Row> compute(CodingScheme scheme, List<Rated> ratings, Collection<String> coders, Set<String> sessions,
                                    KrippendorffAlpha.Level level) {
        List<Row> rows = new ArrayList<>();
        for (Code c : scheme.ratingCodes()) {
            RatingData data = data(c.id(), ratings, coders, sessions);
            RatingsReport report = RatingsReport.of(data, scale(c), level, null);
            int both = (int) data.units().stream().filter(u -> data.valuesOf(u).size() >= 2).count();
            rows.add(new Row(c.id(), c.label(), both, report));
        }
        return rows;
    }

    /** The units (sessions) × raters (coders) table of one rating code. */
    public static RatingData data(String code, List<Rated> ratings, Collection<String> coders, Set<String> sessions) {
        RatingData data = new RatingData();
        for (Rated r : ratings) {
            if (!r.code().equals(code)) continue;
            if (!coders.isEmpty() && !coders.contains(r.coder())) continue;
            if (!sessions.isEmpty() && !sessions.contains(r.session())) continue;
            data.add(r.session(), r.coder(), Integer.toString(r.value()));
        }
        return data;
    }

    /** Every point of a rating code's scale, in order: the category set (chance and weights depend on the whole scale, used or not). */
    public static List<String> scale(Code c) {
        List<String> scale = new ArrayList<>();
        for (int v = c.scale().min(); v <= c.scale().max(); v++) scale.add(Integer.toString(v));
        return scale;
    }
}
