package org.attune.agreement;

/**
 * The F distribution's cumulative distribution and quantiles (for ICC confidence intervals), via
 * the regularised incomplete beta function (continued fraction, Lentz's method) and bisection.
 * Degrees of freedom may be fractional (Satterthwaite).
 */
final class FDistribution {

    private FDistribution() {
    }

    static double cdf(double f, double df1, double df2) {
        if (f <= 0) return 0;
        double x = df1 * f / (df1 * f + df2);
        return regularizedBeta(x, df1 / 2, df2 / 2);
    }

    /** The value q with P(F ≤ q) = p. */
    static double quantile(double p, double df1, double df2) {
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 200; i++) { // bisection on x = df1·f / (df1·f + df2) in (0, 1)
            double mid = (lo + hi) / 2;
            if (regularizedBeta(mid, df1 / 2, df2 / 2) < p) lo = mid;
            else hi = mid;
        }
        double x = (lo + hi) / 2;
        return df2 * x / (df1 * (1 - x));
    }

    static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        double lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
        if (x < (a + 1) / (a + b + 2)) return Math.exp(lnFront) * continuedFraction(x, a, b) / a;
        return 1 - Math.exp(lnFront) * continuedFraction(1 - x, b, a) / b;
    }

    private static double continuedFraction(double x, double a, double b) {
        final double tiny = 1e-300;
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        if (Math.abs(d) < tiny) d = tiny;
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= 500; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < tiny) d = tiny;
            c = 1 + aa / c;
            if (Math.abs(c) < tiny) c = tiny;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + aa * d;
            if (Math.abs(d) < tiny) d = tiny;
            c = 1 + aa / c;
            if (Math.abs(c) < tiny) c = tiny;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-15) break;
        }
        return h;
    }

    /** Lanczos approximation (g = 7, n = 9), accurate to about 15 digits for x > 0. */
    static double logGamma(double x) {
        double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
        if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        x -= 1;
        double sum = g[0];
        for (int i = 1; i < 9; i++) sum += g[i] / (x + i);
        double t = x + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
