package org.attune.analysis;

/**
 * One measure of one session × coder: a value (or {@code null} with the reason in {@code note}), its
 * unit, and the count it rests on. {@code target} names the code or pair it is about, if any.
 */
public record MeasureValue(String family, String measure, String target, Double value, String unit, Integer n, String note) {

    public static MeasureValue of(String family, String measure, String target, double value, String unit, Integer n) {
        return new MeasureValue(family, measure, target, value, unit, n, "");
    }

    public static MeasureValue undefined(String family, String measure, String target, String unit, Integer n, String why) {
        return new MeasureValue(family, measure, target, null, unit, n, why);
    }

    public MeasureValue withNote(String note) {
        return new MeasureValue(family, measure, target, value, unit, n, note);
    }
}
