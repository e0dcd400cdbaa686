package org.attune.ui.coding;

/**
 * The stretch of session time a timeline shows: from {@code startMs}, {@code spanMs} long, drawn
 * across {@code widthPx} pixels. Zooming keeps the time under the mouse where it is; following keeps
 * the playhead on screen by turning the page, so the lanes do not crawl under the coder's eyes while
 * the video plays. Pure arithmetic, no JavaFX.
 */
public record TimeWindow(double startMs, double spanMs, double widthPx, long durationMs) {

    /** 0.5 s across the whole width at the closest; the whole session (at least 10 s) at the widest. */
    public static final double MIN_SPAN_MS = 500;

    public TimeWindow {
        if (!(widthPx > 0)) widthPx = 1;
        durationMs = Math.max(durationMs, 1);
        double maxSpan = Math.max(10_000, durationMs);
        spanMs = Math.max(MIN_SPAN_MS, Math.min(spanMs, maxSpan));
        startMs = Math.max(0, Math.min(startMs, Math.max(0, durationMs - spanMs)));
    }

    /** The whole session. */
    public static TimeWindow whole(long durationMs, double widthPx) {
        return new TimeWindow(0, Math.max(10_000, durationMs), widthPx, durationMs);
    }

    public double endMs() {
        return startMs + spanMs;
    }

    public double xOf(double ms) {
        return (ms - startMs) * widthPx / spanMs;
    }

    public double msAt(double x) {
        return startMs + x * spanMs / widthPx;
    }

    public double msPerPixel() {
        return spanMs / widthPx;
    }

    public TimeWindow withWidth(double px) {
        return new TimeWindow(startMs, spanMs, px, durationMs);
    }

    public TimeWindow withDuration(long ms) {
        return new TimeWindow(startMs, spanMs, widthPx, ms);
    }

    /** Zooms by {@code factor} (&gt;1 shows more time) keeping {@code anchorMs} at the same x. */
    public TimeWindow zoom(double factor, double anchorMs) {
        double newSpan = Math.max(MIN_SPAN_MS, Math.min(spanMs * factor, Math.max(10_000, durationMs)));
        double fraction = (anchorMs - startMs) / spanMs;
        return new TimeWindow(anchorMs - fraction * newSpan, newSpan, widthPx, durationMs);
    }

    /** Moves by a fraction of the span (negative: earlier). */
    public TimeWindow scroll(double fractionOfSpan) {
        return new TimeWindow(startMs + fractionOfSpan * spanMs, spanMs, widthPx, durationMs);
    }

    /** The same window if the playhead is on it; else the page that shows it a tenth in from the left. */
    public TimeWindow follow(double playheadMs) {
        if (playheadMs >= startMs && playheadMs <= endMs()) return this;
        return new TimeWindow(playheadMs - spanMs / 10, spanMs, widthPx, durationMs);
    }

    /** A tick step for the time axis: the smallest of 1 s, 2 s, 5 s, 10 s … that leaves {@code minPx} between ticks. */
    public long tickMs(double minPx) {
        long[] steps = {40, 100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000};
        for (long s : steps) if (s / msPerPixel() >= minPx) return s;
        return 3_600_000;
    }
}
