package org.attune.analysis;

/**
 * A 2×2 table (a = given ∧ target, b = given ∧ ¬target, c = ¬given ∧ target, d = neither) and the
 * indices of sequential analysis. When a cell is 0, 0.5 is added to every cell for the odds ratio,
 * its log and Yule's Q (Haldane–Anscombe correction), and the note says so.
 */
record TwoByTwo(double a, double b, double c, double d) {

    static TwoByTwo of(double a, double b, double c, double d) {
        return new TwoByTwo(a, b, c, d);
    }

    boolean hasZero() {
        return a == 0 || b == 0 || c == 0 || d == 0;
    }

    String note() {
        return hasZero() ? "0.5 added to every cell (a cell was 0)" : "";
    }

    double minMarginal() {
        return Math.min(Math.min(a + b, c + d), Math.min(a + c, b + d));
    }

    private double[] corrected() {
        double k = hasZero() ? 0.5 : 0;
        return new double[] {a + k, b + k, c + k, d + k};
    }

    MeasureValue yulesQ(String family, String measure, String target) {
        if (a + b + c + d == 0) return MeasureValue.undefined(family, measure, target, "Q", 0, "no codeable time units");
        double[] x = corrected();
        return MeasureValue.of(family, measure, target, (x[0] * x[3] - x[1] * x[2]) / (x[0] * x[3] + x[1] * x[2]), "Q", (int) (a + b + c + d))
                .withNote(note());
    }

    MeasureValue oddsRatio(String family, String measure, String target) {
        if (a + b + c + d == 0) return MeasureValue.undefined(family, measure, target, "ratio", 0, "no codeable time units");
        double[] x = corrected();
        return MeasureValue.of(family, measure, target, x[0] * x[3] / (x[1] * x[2]), "ratio", (int) (a + b + c + d));
    }

    MeasureValue logOddsRatio(String family, String measure, String target) {
        if (a + b + c + d == 0) return MeasureValue.undefined(family, measure, target, "log", 0, "no codeable time units");
        double[] x = corrected();
        return MeasureValue.of(family, measure, target, Math.log(x[0] * x[3] / (x[1] * x[2])), "log", (int) (a + b + c + d));
    }

    /** (a − E[a]) / √(E[a]·(1 − row/N)·(1 − col/N)) — Haberman's adjusted residual of the given-target cell. */
    MeasureValue adjustedResidual(String family, String measure, String target) {
        double n = a + b + c + d;
        double row = a + b;
        double col = a + c;
        if (n == 0 || row == 0 || col == 0 || row == n || col == n) {
            return MeasureValue.undefined(family, measure, target, "z", (int) n, "a margin is empty or full");
        }
        double expected = row * col / n;
        return MeasureValue.of(family, measure, target, (a - expected) / Math.sqrt(expected * (1 - row / n) * (1 - col / n)), "z", (int) n);
    }
}
