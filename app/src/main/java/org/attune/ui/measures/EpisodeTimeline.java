package org.attune.ui.measures;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.attune.analysis.Intervals;
import org.attune.analysis.SessionMeasures;
import org.attune.coding.TimeFormat;

/** The derived episodes of one session × coder: mutual gaze, shared positive affect, synchrony, distress, and each child bid's fate. */
final class EpisodeTimeline extends Region {
    private static final double LABEL = 170;
    private static final double LANE = 18;
    private final Canvas canvas = new Canvas();
    private SessionMeasures.Episodes episodes;
    private long endMs = 1;
    private long highlightMs = -1;

    EpisodeTimeline() {
        getChildren().add(canvas);
        setPrefHeight(6 * (LANE + 6) + 50);
        setMinHeight(140);
    }

    void show(SessionMeasures.Episodes e, long endMs, long highlightMs) {
        this.episodes = e;
        this.endMs = Math.max(1, endMs);
        this.highlightMs = highlightMs;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private double x(long ms) {
        return LABEL + ms * (canvas.getWidth() - LABEL - 12) / (double) endMs;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (episodes == null || canvas.getWidth() < LABEL + 40) return;
        g.setFont(Font.font("DejaVu Sans", 11));
        g.setTextBaseline(VPos.CENTER);
        double y = 24;
        axis(g);
        y = lane(g, y, "Mutual gaze", episodes.mutualGaze(), Color.web("#228833"));
        y = lane(g, y, "Shared positive affect", episodes.sharedPositiveAffect(), Color.web("#CCBB44"));
        y = lane(g, y, "Synchrony episodes", episodes.synchrony(), Color.web("#4477AA"));
        y = lane(g, y, "Child distress", episodes.distress(), Color.web("#AA3377"));
        y = lane(g, y, "Uncodable", episodes.uncodable(), Color.web("#BBBBBB"));
        g.setFill(Color.web("#3B4657"));
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("Child bids", 6, y + LANE / 2);
        for (SessionMeasures.BidOutcome b : episodes.childBids()) {
            g.setFill(bidColor(b.outcome()));
            double xx = x(b.atMs());
            g.fillPolygon(new double[] {xx - 4, xx + 4, xx}, new double[] {y + 2, y + 2, y + LANE - 2}, 3);
        }
        legend(g, y + LANE + 14);
        if (highlightMs >= 0) {
            g.setStroke(Color.web("#C0392B"));
            g.setLineWidth(1.5);
            g.strokeLine(x(highlightMs), 18, x(highlightMs), y + LANE);
        }
    }

    private void legend(GraphicsContext g, double y) {
        double x = LABEL;
        g.setTextAlign(TextAlignment.LEFT);
        for (String outcome : new String[] {SessionMeasures.BidOutcome.ANSWERED, SessionMeasures.BidOutcome.UNANSWERED, SessionMeasures.BidOutcome.CENSORED}) {
            g.setFill(bidColor(outcome));
            g.fillPolygon(new double[] {x, x + 8, x + 4}, new double[] {y - 4, y - 4, y + 4}, 3);
            g.setFill(Color.web("#3B4657"));
            String text = outcome.equals(SessionMeasures.BidOutcome.CENSORED) ? "censored (window runs into uncodable time or the end)" : outcome;
            g.fillText(text, x + 12, y);
            x += 12 + text.length() * 6.4 + 18;
        }
    }

    private static Color bidColor(String outcome) {
        return switch (outcome) {
            case SessionMeasures.BidOutcome.ANSWERED -> Color.web("#228833");
            case SessionMeasures.BidOutcome.UNANSWERED -> Color.web("#D0342C");
            default -> Color.web("#9AA3AF");
        };
    }

    private double lane(GraphicsContext g, double y, String label, Intervals spans, Color color) {
        g.setFill(Color.web("#3B4657"));
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(label, 6, y + LANE / 2);
        g.setFill(Color.web("#F1F3F6"));
        g.fillRect(LABEL, y + 2, canvas.getWidth() - LABEL - 12, LANE - 4);
        g.setFill(color);
        for (Intervals.Span s : spans.spans()) g.fillRect(x(s.start()), y + 3, Math.max(1.5, x(s.end()) - x(s.start())), LANE - 6);
        return y + LANE + 6;
    }

    private void axis(GraphicsContext g) {
        long[] steps = {10_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000};
        long step = steps[steps.length - 1];
        for (long s : steps) {
            if (x(s) - x(0) >= 64) {
                step = s;
                break;
            }
        }
        g.setFill(Color.web("#66717F"));
        g.setTextAlign(TextAlignment.CENTER);
        for (long t = 0; t <= endMs; t += step) g.fillText(TimeFormat.clock(t).substring(0, 8), x(t), 10);
    }
}
