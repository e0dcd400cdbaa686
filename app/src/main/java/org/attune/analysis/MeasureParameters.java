package org.attune.analysis;

/**
 * Every window and threshold the measures use, explicit and exported with the results.
 * Defaults from shared/research/coding-schemes.md §2.3.
 *
 * @param responseWindowMs   a bid is answered if a response starts within this after it (default 3 s)
 * @param turnWindowMs       turns of a serve-and-return chain are at most this apart (default 5 s, LENA's rule)
 * @param unitMs             time unit for Yule's Q and the time-window association (default 1 s)
 * @param distressGraceMs    soothing this long after a distress bout still counts as a response (default 2 s)
 * @param complianceMs       compliance within this after a directive (default 5 s)
 * @param safeHavenMs        seeking comfort within this after distress ends (default 10 s)
 * @param synchronyMinMs     shortest synchrony episode (default 1 s)
 */
public record MeasureParameters(long responseWindowMs, long turnWindowMs, long unitMs, long distressGraceMs, long complianceMs, long safeHavenMs,
                                long synchronyMinMs) {

    public static final MeasureParameters DEFAULTS = new MeasureParameters(3000, 5000, 1000, 2000, 5000, 10_000, 1000);

    public MeasureParameters withWindows(long responseWindowMs, long turnWindowMs, long unitMs) {
        return new MeasureParameters(responseWindowMs, turnWindowMs, unitMs, distressGraceMs, complianceMs, safeHavenMs, synchronyMinMs);
    }
}
