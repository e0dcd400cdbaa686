package org.attune.agreement;

/**
 * Conventional verbal labels for agreement coefficients, always shown with whose convention they are:
 * no one value is universally acceptable (Bakeman et al. 1997), so the label never replaces the number.
 */
public enum QualityBand {
    /** Landis & Koch (1977) for κ: < 0 poor, ≤ .20 slight, ≤ .40 fair, ≤ .60 moderate, ≤ .80 substantial, above almost perfect. */
    LANDIS_KOCH("Landis & Koch 1977"),
    /** Fleiss (1981) for κ, as quoted by Bakeman (2022): < .40 poor, .40–.60 fair, .60–.75 good, above .75 excellent. */
    FLEISS("Fleiss 1981"),
    /** Koo & Li (2016) for ICC: < .50 poor, .50–.75 moderate, .75–.90 good, above .90 excellent. */
    KOO_LI("Koo & Li 2016");

    private final String source;

    QualityBand(String source) {
        this.source = source;
    }

    public String source() {
        return source;
    }

    /** The label for a value, e.g. "substantial"; empty for an undefined coefficient. */
    public String label(Coefficient c) {
        return c == null || !c.isDefined() ? "" : label(c.get());
    }

    public String label(double v) {
        return switch (this) {
            case LANDIS_KOCH -> v < 0 ? "poor" : v <= 0.20 ? "slight" : v <= 0.40 ? "fair" : v <= 0.60 ? "moderate" : v <= 0.80 ? "substantial" : "almost perfect";
            case FLEISS -> v < 0.40 ? "poor" : v < 0.60 ? "fair" : v <= 0.75 ? "good" : "excellent";
            case KOO_LI -> v < 0.50 ? "poor" : v < 0.75 ? "moderate" : v <= 0.90 ? "good" : "excellent";
        };
    }
}
