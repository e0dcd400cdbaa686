package org.attune.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attune.agreement.Icc;

/**
 * How reliable each derived measure is between coders: for every measure (and target), the
 * sessions every coder has a defined value for are the units, the coders the raters, and the ICC
 * forms are computed (Koo & Li 2016 recommend reporting ICC(2,1), two-way random, absolute agreement).
 */
public final class MeasureReliability {

    /** One measure's ICCs over the sessions all coders have it for. */
    public record Row(String family, String measure, String target, String unit, int sessions, Icc.Result icc) {
    }

    /** A session × coder's computed measures. */
    public record Coded(String session, String coder, List<MeasureValue> values) {
    }

    private MeasureReliability() {
    }

    public static List<Row> compute(List<Coded> codings, List<String> coders) {
        // measure key → session → coder → value
        Map<String, Map<String, Map<String, Double>>> values = new LinkedHashMap<>();
        Map<String, MeasureValue> first = new LinkedHashMap<>();
        for (Coded c : codings) {
            if (!coders.contains(c.coder())) continue;
            for (MeasureValue v : c.values()) {
                String key = v.family() + "\u0000" + v.measure() + "\u0000" + v.target();
                first.putIfAbsent(key, v);
                if (v.value() == null) continue;
                values.computeIfAbsent(key, x -> new LinkedHashMap<>()).computeIfAbsent(c.session(), x -> new LinkedHashMap<>()).put(c.coder(), v.value());
            }
        }
        List<Row> out = new ArrayList<>();
        for (Map.Entry<String, MeasureValue> e : first.entrySet()) {
            List<double[]> rows = new ArrayList<>();
            int incomplete = 0;
            for (Map<String, Double> byCoder : values.getOrDefault(e.getKey(), Map.of()).values()) {
                if (!byCoder.keySet().containsAll(coders)) {
                    incomplete++;
                    continue;
                }
                double[] r = new double[coders.size()];
                for (int i = 0; i < coders.size(); i++) r[i] = byCoder.get(coders.get(i));
                rows.add(r);
            }
            MeasureValue v = e.getValue();
            out.add(new Row(v.family(), v.measure(), v.target(), v.unit(), rows.size(), Icc.compute(rows, coders.size(), incomplete)));
        }
        return out;
    }
}
