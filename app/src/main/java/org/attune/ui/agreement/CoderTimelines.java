package org.attune.ui.agreement;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.attune.agreement.Disagreement;
import org.attune.agreement.Mark;
import org.attune.coding.TimeFormat;
import org.attune.scheme.CodingScheme;

/**
 * The two coders' timelines side by side for the codes of one result: per code a lane for each
 * coder, state bars and point ticks in the code's colour, disagreements shaded, the selected one
 * outlined. Shows a time window (the whole session, or around the selected disagreement).
 */
final class CoderTimelines extends Region {

    private static final double LABEL_WIDTH = 150;
    private static final double LANE = 15;
    private static final double GAP = 7;
    private static final double AXIS = 22;

    private final Canvas canvas = new Canvas();
    private CodingScheme scheme;
    private List<String> codes = List.of();
    private List<String> coders = List.of("", "");
    private List<List<Mark>> marks = List.of(List.of(), List.of());
    private List<Disagreement> disagreements = List.of();
    private Disagreement selected;
    private long fromMs;
    private long toMs = 1;

    CoderTimelines() {
        getChildren().add(canvas);
        getStyleClass().add("coder-timelines");
        setMinHeight(120);
    }

    void show(CodingScheme scheme, List<String> codes, List<String> coders, List<List<Mark>> marks, List<Disagreement> disagreements,
              Disagreement selected, long fromMs, long toMs) {
        this.scheme = scheme;
        this.codes = codes;
        this.coders = coders;
        this.marks = marks;
        this.disagreements = disagreements;
        this.selected = selected;
        this.fromMs = fromMs;
        this.toMs = Math.max(fromMs + 1, toMs);
        setPrefHeight(AXIS + Math.min(codes.size(), 12) * (2 * LANE + GAP) + 8);
        requestLayout();
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private double x(long ms) {
        double w = canvas.getWidth() - LABEL_WIDTH - 12;
        return LABEL_WIDTH + (ms - fromMs) * w / (double) (toMs - fromMs);
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (scheme == null || codes.isEmpty() || w <= LABEL_WIDTH + 20) return;
        g.setFont(Font.font("DejaVu Sans", 11));
        drawAxis(g, w);
        for (Disagreement d : disagreements) {
            if (d.endMs() < fromMs || d.startMs() > toMs) continue;
            g.setFill(Color.web("#EE6677", d == selected ? 0.35 : 0.16));
            double x0 = x(Math.max(d.startMs(), fromMs));
            g.fillRect(x0, AXIS, Math.max(2, x(Math.min(d.endMs(), toMs)) - x0), h - AXIS);
        }
        double y = AXIS + 4;
        for (String code : codes.subList(0, Math.min(codes.size(), 12))) {
            Color color = Color.web(scheme.code(code).map(scheme::colorOf).map(Object::toString).orElse("#808080"));
            for (int c = 0; c < 2; c++) {
                g.setFill(Color.web("#3B4657"));
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.CENTER);
                g.fillText(code + "  " + coders.get(c), 6, y + LANE / 2);
                g.setFill(Color.web("#F1F3F6"));
                g.fillRect(LABEL_WIDTH, y + 1, w - LABEL_WIDTH - 12, LANE - 2);
                g.setFill(color);
                for (Mark m : marks.get(c)) {
                    if (!m.code().equals(code) || m.offsetMs() < fromMs || m.onsetMs() > toMs) continue;
                    if (m.point()) {
                        g.fillRect(x(m.onsetMs()) - 1, y, 3, LANE);
                    } else {
                        double x0 = x(Math.max(m.onsetMs(), fromMs));
                        g.fillRect(x0, y + 2, Math.max(1.5, x(Math.min(m.offsetMs(), toMs)) - x0), LANE - 4);
                    }
                }
                y += LANE;
            }
            y += GAP;
        }
        if (selected != null) {
            g.setStroke(Color.web("#C0392B"));
            g.setLineWidth(1.5);
            double x0 = x(Math.max(selected.startMs(), fromMs));
            g.strokeRect(x0, AXIS, Math.max(3, x(Math.min(selected.endMs(), toMs)) - x0), y - AXIS);
        }
    }

    private void drawAxis(GraphicsContext g, double w) {
        long[] steps = {1000, 2000, 5000, 10_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000};
        long step = steps[steps.length - 1];
        for (long s : steps) {
            if (x(fromMs + s) - x(fromMs) >= 64) { // room for a label between ticks
                step = s;
                break;
            }
        }
        g.setStroke(Color.web("#D3D9E2"));
        g.setFill(Color.web("#66717F"));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (long t = (fromMs / step) * step; t <= toMs; t += step) {
            if (t < fromMs) continue;
            double xx = x(t);
            g.strokeLine(xx, AXIS - 4, xx, canvas.getHeight());
            String label = TimeFormat.clock(t);
            g.fillText(step >= 60_000 ? label.substring(0, 5) : label.substring(3, 8), xx, AXIS / 2);
        }
    }
}
