package org.attune.agreement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Intraclass correlations in the six forms of Shrout & Fleiss (1979), named also as McGraw &
 * Wong (1996) do, with 95% confidence intervals. Needs numeric ratings; units missing any
 * rater's value are left out (and counted), since the ANOVA needs a complete table.
 */
public final class Icc {

    /** The six forms: key, Shrout–Fleiss name and McGraw–Wong description. */
    public enum Form {
        ICC1("ICC(1,1)", "one-way random effects, absolute agreement, single rater"),
        ICC2("ICC(2,1)", "two-way random effects, absolute agreement, single rater — ICC(A,1)"),
        ICC3("ICC(3,1)", "two-way mixed effects, consistency, single rater — ICC(C,1)"),
        ICC1k("ICC(1,k)", "one-way random effects, absolute agreement, mean of k raters"),
        ICC2k("ICC(2,k)", "two-way random effects, absolute agreement, mean of k raters — ICC(A,k)"),
        ICC3k("ICC(3,k)", "two-way mixed effects, consistency, mean of k raters — ICC(C,k)");

        private final String shroutFleiss;
        private final String description;

        Form(String shroutFleiss, String description) {
            this.shroutFleiss = shroutFleiss;
            this.description = description;
        }

        public String shroutFleiss() {
            return shroutFleiss;
        }

        public String description() {
            return description;
        }
    }

    /** The forms' values, the ANOVA mean squares, and how many units were complete. */
    public record Result(Map<Form, Coefficient> forms, int units, int raters, int incompleteUnits, double msr, double msc, double mse, double msw) {
        public Coefficient get(Form f) {
            return forms.get(f);
        }
    }

    private Icc() {
    }

    public static Result compute(RatingData data) {
        List<String> raters = data.raters();
        List<double[]> rows = new ArrayList<>();
        int incomplete = 0;
        for (String unit : data.units()) {
            double[] row = new double[raters.size()];
            boolean complete = true;
            for (int r = 0; r < raters.size(); r++) {
                String v = data.value(unit, raters.get(r));
                Optional<Double> d = v == null ? Optional.empty() : RatingData.parse(v);
                if (d.isEmpty()) {
                    complete = false;
                    break;
                }
                row[r] = d.get();
            }
            if (complete) rows.add(row);
            else incomplete++;
        }
        return compute(rows, raters.size(), incomplete);
    }

    public static Result compute(List<double[]> x, int k, int incomplete) {
        int n = x.size();
        Map<Form, Coefficient> forms = new LinkedHashMap<>();
        if (k < 2 || n < 2) {
            String why = k < 2 ? "ICC needs at least two raters" : "ICC needs at least two units rated by every rater (" + n + " complete)";
            for (Form f : Form.values()) forms.put(f, Coefficient.undefined(why));
            return new Result(forms, n, k, incomplete, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double grand = 0;
        double[] rowMean = new double[n];
        double[] colMean = new double[k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                grand += x.get(i)[j];
                rowMean[i] += x.get(i)[j] / k;
                colMean[j] += x.get(i)[j] / n;
            }
        }
        grand /= n * k;
        double sst = 0;
        double ssr = 0;
        double ssc = 0;
        for (int i = 0; i < n; i++) {
            ssr += k * Math.pow(rowMean[i] - grand, 2);
            for (int j = 0; j < k; j++) sst += Math.pow(x.get(i)[j] - grand, 2);
        }
        for (int j = 0; j < k; j++) ssc += n * Math.pow(colMean[j] - grand, 2);
        double sse = sst - ssr - ssc;
        double ssw = sst - ssr;
        double msr = ssr / (n - 1);
        double msc = ssc / (k - 1);
        double mse = sse / ((double) (n - 1) * (k - 1));
        double msw = ssw / ((double) n * (k - 1));
        if (msr == 0 && mse == 0 && msw == 0) {
            for (Form f : Form.values()) forms.put(f, Coefficient.undefined("every rating is the same, so there is no variance to apportion"));
            return new Result(forms, n, k, incomplete, msr, msc, mse, msw);
        }
        double q = 0.975;
        MeanSquares ms = new MeanSquares(msr, msc, mse, msw);
        // one-way
        double f1 = msr / msw;
        double fl1 = f1 / FDistribution.quantile(q, n - 1, n * (k - 1.0));
        double fu1 = f1 * FDistribution.quantile(q, n * (k - 1.0), n - 1);
        forms.put(Form.ICC1, form(ms, msr - msw, msr + (k - 1) * msw, (fl1 - 1) / (fl1 + k - 1), (fu1 - 1) / (fu1 + k - 1)));
        // two-way random, absolute agreement (Satterthwaite degrees of freedom for the interval)
        double den2 = msr + (k - 1) * mse + k * (msc - mse) / n;
        double icc2 = (msr - mse) / den2;
        if (den2 > 0 && icc2 >= 1) icc2 = 1; // no error variance: perfect agreement, no interval
        double a = k * icc2 / (n * (1 - icc2));
        double b = 1 + k * icc2 * (n - 1) / (n * (1 - icc2));
        double v = Math.pow(a * msc + b * mse, 2) / (Math.pow(a * msc, 2) / (k - 1) + Math.pow(b * mse, 2) / ((n - 1.0) * (k - 1)));
        double fStar = FDistribution.quantile(q, n - 1, v);
        double fStar2 = FDistribution.quantile(q, v, n - 1);
        double l2 = n * (msr - fStar * mse) / (fStar * (k * msc + (k * n - k - n) * mse) + n * msr);
        double u2 = n * (fStar2 * msr - mse) / (k * msc + (k * n - k - n) * mse + n * fStar2 * msr);
        forms.put(Form.ICC2, form(ms, icc2 * den2, den2, l2, u2));
        // two-way, consistency
        double f3 = msr / mse;
        double fl3 = f3 / FDistribution.quantile(q, n - 1, (n - 1.0) * (k - 1));
        double fu3 = f3 * FDistribution.quantile(q, (n - 1.0) * (k - 1), n - 1);
        forms.put(Form.ICC3, form(ms, msr - mse, msr + (k - 1) * mse, (fl3 - 1) / (fl3 + k - 1), (fu3 - 1) / (fu3 + k - 1)));
        // means of k raters
        forms.put(Form.ICC1k, form(ms, msr - msw, msr, 1 - 1 / fl1, 1 - 1 / fu1));
        forms.put(Form.ICC2k, form(ms, msr - mse, msr + (msc - mse) / n, k * l2 / (1 + (k - 1) * l2), k * u2 / (1 + (k - 1) * u2)));
        forms.put(Form.ICC3k, form(ms, msr - mse, msr, 1 - 1 / fl3, 1 - 1 / fu3));
        return new Result(forms, n, k, incomplete, msr, msc, mse, msw);
    }

    private record MeanSquares(double rows, double columns, double error, double within) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "MS rows %.4g, MS raters %.4g, MS error %.4g, MS within %.4g", rows, columns, error, within);
        }
    }

    /**
     * A form's value {@code numerator / denominator} with its interval, or undefined with the reason
     * when the variance-components estimate makes it meaningless: a denominator ≤ 0 (the estimated
     * variances would be negative), a value outside [−1, 1], or an interval whose bounds come out
     * in reverse order or do not contain the value. Methods sections should then report another form
     * (or more units), not a number.
     */
    private static Coefficient form(MeanSquares ms, double numerator, double denominator, double lower, double upper) {
        if (!(denominator > 0)) {
            return Coefficient.undefined("not defined for these ratings: its denominator, a sum of estimated variance components, is "
                    + String.format(java.util.Locale.ROOT, "%.4g", denominator) + " (" + ms + "); rate more units, or report another form");
        }
        double value = numerator / denominator;
        if (value > 1 || value < -1) {
            return Coefficient.undefined("not defined for these ratings: the estimate " + String.format(java.util.Locale.ROOT, "%.3f", value)
                    + " falls outside [−1, 1] (" + ms + "); rate more units, or report another form");
        }
        if (Double.isFinite(lower) && Double.isFinite(upper) && (lower > upper || value < lower - 1e-9 || value > upper + 1e-9)) {
            return Coefficient.undefined(String.format(java.util.Locale.ROOT,
                    "not defined for these ratings: its 95%% confidence interval comes out as [%.3f, %.3f] around %.3f (%s), so the estimate cannot be trusted; rate more units",
                    lower, upper, value, ms));
        }
        return interval(value, lower, upper);
    }

    /** A value with its interval; an interval that does not exist (perfect agreement: infinite F) is left out. */
    private static Coefficient interval(double value, double lower, double upper) {
        if (!Double.isFinite(value)) return Coefficient.undefined("the variance components do not define this form");
        if (!Double.isFinite(lower) || !Double.isFinite(upper)) return Coefficient.of(value);
        return Coefficient.ofInterval(value, lower, upper);
    }
}
