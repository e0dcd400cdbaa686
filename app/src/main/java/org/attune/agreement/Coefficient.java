package org.attune.agreement;

import java.util.Objects;

/**
 * An agreement statistic: a value with, where the method gives them, a standard error and a 95%
 * confidence interval — or, when the data do not define it (one category only, no paired units,
 * chance agreement of 1), no value and the reason in words. Never NaN.
 */
public record Coefficient(Double value, Double standardError, Double ciLower, Double ciUpper, String undefinedReason) {

    public Coefficient {
        if (value != null && !Double.isFinite(value)) throw new IllegalArgumentException("not a finite value: " + value);
        if (value == null) Objects.requireNonNull(undefinedReason, "an undefined coefficient needs a reason");
    }

    public static Coefficient of(double value) {
        return new Coefficient(value, null, null, null, null);
    }

    public static Coefficient of(double value, double se, double lower, double upper) {
        return new Coefficient(value, se, lower, upper, null);
    }

    public static Coefficient ofInterval(double value, double lower, double upper) {
        return new Coefficient(value, null, lower, upper, null);
    }

    public static Coefficient undefined(String reason) {
        return new Coefficient(null, null, null, null, reason);
    }

    public boolean isDefined() {
        return value != null;
    }

    /** The value; only call when {@link #isDefined()}. */
    public double get() {
        if (value == null) throw new IllegalStateException("undefined: " + undefinedReason);
        return value;
    }
}
