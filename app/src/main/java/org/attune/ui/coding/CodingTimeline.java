package org.attune.ui.coding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import org.attune.coding.CodedEvent;
import org.attune.coding.TimeFormat;
import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;

/**
 * The pass under the video: one lane per timed code, grouped by family; point events as ticks, states
 * as bars (a running state reaches to the playhead); the playhead; a time axis. Click to seek; drag a
 * bar's edge to move its onset or offset (snapped to a frame boundary); drag elsewhere to pan;
 * Ctrl+wheel zooms around the mouse, Shift+wheel scrolls in time, the wheel scrolls the lanes.
 *
 * <p>Drawn on one canvas, and only what is on screen: with 100,000 events in the pass a repaint looks
 * at the events between the window's start (less the longest state) and its end.
 */
final class CodingTimeline extends Region {

    static final double GUTTER = 178;
    static final double LANE = 15;
    static final double HEADER = 15;
    static final double AXIS = 20;

    /** A row: a family's header or a code's lane. */
    private record Row(String familyLabel, Code code, Color colour) {
    }

    /** What a drag of a state bar's edge changes. */
    interface EdgeEdit {
        void moved(CodedEvent event, long onsetMs, Long offsetMs);
    }

    private record Drag(CodedEvent event, boolean onsetEdge, double pressX, long minMs, long maxMs) {
    }

    private final Canvas canvas = new Canvas();
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Integer> rowOfCode = new HashMap<>();
    private List<CodedEvent> events = List.of();
    private CodingScheme scheme;
    private boolean onlyCoded;
    private final java.util.Set<String> codesUsed = new java.util.HashSet<>();
    private Map<String, CodedEvent> running = Map.of();
    private long longestStateMs;
    private TimeWindow window = TimeWindow.whole(60_000, 600);
    private double scrollY;
    private LongSupplier playhead = () -> 0;
    private LongUnaryOperator snap = ms -> ms;
    private LongConsumer onSeek = ms -> { };
    private EdgeEdit onEdge = (e, on, off) -> { };
    private Drag drag;
    private long dragMs;
    private double panFromX = Double.NaN;
    private TimeWindow panFrom;
    private boolean moved;
    private long drawnPlayhead = Long.MIN_VALUE;
    /** The whole timeline must be drawn again (window, lanes or events replaced). */
    private boolean dirty = true;
    /** The stretch of session time whose events changed since the last repaint (empty when from > to). */
    private long changedFromMs = Long.MAX_VALUE;
    private long changedToMs = Long.MIN_VALUE;

    CodingTimeline() {
        getStyleClass().add("coding-timeline");
        getChildren().add(canvas);
        setMinHeight(90);
        setPrefHeight(200);
        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(this::dragged);
        canvas.setOnMouseReleased(this::released);
        canvas.setOnMouseMoved(this::hover);
        canvas.setOnScroll(this::scrolled);
    }

    void setScheme(CodingScheme scheme) {
        this.scheme = scheme;
        buildRows();
    }

    /** Shows only the lanes of codes the pass uses (and running ones), or every code's lane. */
    void setOnlyCoded(boolean only) {
        onlyCoded = only;
        buildRows();
    }

    private void buildRows() {
        rows.clear();
        rowOfCode.clear();
        if (scheme == null) return;
        String family = null;
        for (Code c : scheme.timedCodes()) {
            if (onlyCoded && !codesUsed.contains(c.id())) continue;
            if (!c.family().equals(family)) {
                family = c.family();
                String name = scheme.families().stream().filter(f -> f.id().equals(c.family())).map(f -> f.label()).findFirst().orElse(c.family());
                rows.add(new Row(name.toUpperCase(Locale.ROOT), null, null));
            }
            rowOfCode.put(c.id(), rows.size());
            rows.add(new Row(null, c, Color.web(CodeColours.hex(scheme, c))));
        }
        scrollY = 0;
        dirty = true;
        draw();
    }

    void setSources(LongSupplier playhead, LongUnaryOperator snapToFrame, LongConsumer onSeek, EdgeEdit onEdge) {
        this.playhead = playhead;
        this.snap = snapToFrame;
        this.onSeek = onSeek;
        this.onEdge = onEdge;
    }

    /** The pass's events (sorted by onset, as the table holds them) and its running states; a new pass shows whole. */
    void setEvents(List<CodedEvent> sortedEvents, Map<String, CodedEvent> runningStates, long durationMs, boolean newPass) {
        this.events = sortedEvents;
        this.running = runningStates;
        longestStateMs = 0;
        codesUsed.clear();
        for (CodedEvent e : sortedEvents) {
            if (e.offsetMs() != null) longestStateMs = Math.max(longestStateMs, e.offsetMs() - e.onsetMs());
            codesUsed.add(e.code());
        }
        if (onlyCoded) buildRows();
        window = newPass ? TimeWindow.whole(durationMs, plotWidth()) : window.withDuration(durationMs);
        dirty = true;
        draw();
    }

    /**
     * One event was added, changed or deleted (call it with the old and the new version of a changed one):
     * the next frame redraws only the stretch of time it covers, not the whole timeline.
     */
    void eventChanged(CodedEvent e) {
        if (e.offsetMs() != null) longestStateMs = Math.max(longestStateMs, e.offsetMs() - e.onsetMs());
        if (codesUsed.add(e.code()) && onlyCoded) buildRows();
        changedFromMs = Math.min(changedFromMs, e.onsetMs());
        long end = e.offsetMs() != null ? e.offsetMs() : Math.max(e.onsetMs(), Math.max(drawnPlayhead, playhead.getAsLong()));
        changedToMs = Math.max(changedToMs, end);
    }

    /**
     * Called every animation frame: turns the page while playing, and redraws what changed. When the window
     * stays, only the columns between the old and the new playhead and those of changed events are drawn again
     * (the canvas keeps the rest): a key press costs the same with 100 events on screen or 100,000.
     */
    void tick() {
        long now = playhead.getAsLong();
        boolean eventsChanged = changedFromMs <= changedToMs;
        if (now == drawnPlayhead && !dirty && !eventsChanged) return;
        TimeWindow before = window;
        if (drag == null && Double.isNaN(panFromX)) window = window.follow(now);
        if (dirty || drag != null || !window.equals(before) || drawnPlayhead == Long.MIN_VALUE) {
            draw();
            return;
        }
        long was = drawnPlayhead;
        if (now != was && running.isEmpty()) {
            drawColumns(was, was); // the playhead leaves one column and appears in another
            drawColumns(now, now);
        } else if (now != was) {
            drawColumns(Math.min(was, now), Math.max(was, now)); // running states' bars grow or shrink to the playhead
        }
        if (eventsChanged) {
            long from = changedFromMs;
            long to = changedToMs;
            changedFromMs = Long.MAX_VALUE;
            changedToMs = Long.MIN_VALUE;
            drawColumns(from, to);
            drawArea(0, GUTTER); // a state that started or stopped lights or dims its lane's name
        }
    }

    /** Draws again the columns showing a stretch of time, with a few pixels' margin for ticks and the playhead. */
    private void drawColumns(long fromMs, long toMs) {
        double x0 = Math.max(GUTTER, Math.floor(xOf(fromMs)) - 3);
        double x1 = Math.min(canvas.getWidth(), Math.ceil(xOf(toMs)) + 3);
        if (x1 > x0) drawArea(x0, x1);
    }

    /** For the benchmark: the whole timeline drawn again, as after a zoom or a scroll. */
    void redrawWhole() {
        draw();
    }

    TimeWindow window() {
        return window;
    }

    void zoom(double factor) {
        window = window.zoom(factor, playhead.getAsLong());
        draw();
    }

    void showWhole() {
        window = TimeWindow.whole(window.durationMs(), plotWidth());
        draw();
    }

    private double plotWidth() {
        return Math.max(1, getWidth() - GUTTER - 8);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        window = window.withWidth(plotWidth());
        draw();
    }

    // ------------------------------------------------------------------ geometry

    double xOf(long ms) {
        return GUTTER + window.xOf(ms);
    }

    /** The y of the middle of a code's lane, or NaN if the code has none. */
    double yOf(String code) {
        Integer r = rowOfCode.get(code);
        return r == null ? Double.NaN : rowTop(r) + LANE / 2;
    }

    private double rowTop(int row) {
        double y = AXIS - scrollY;
        for (int i = 0; i < row; i++) y += rows.get(i).code() == null ? HEADER : LANE;
        return y;
    }

    /** Every row's top, for one repaint (a repaint places thousands of events; each must not walk the rows). */
    private double[] rowTops() {
        double[] tops = new double[rows.size()];
        double y = AXIS - scrollY;
        for (int i = 0; i < rows.size(); i++) {
            tops[i] = y;
            y += rows.get(i).code() == null ? HEADER : LANE;
        }
        return tops;
    }

    private int rowAt(double y) {
        double top = AXIS - scrollY;
        for (int i = 0; i < rows.size(); i++) {
            double h = rows.get(i).code() == null ? HEADER : LANE;
            if (y >= top && y < top + h) return i;
            top += h;
        }
        return -1;
    }

    private double contentHeight() {
        double h = 0;
        for (Row r : rows) h += r.code() == null ? HEADER : LANE;
        return h;
    }

    private int firstAtOrAfter(double ms) {
        return StateEdges.firstAtOrAfter(events, ms);
    }

    // ------------------------------------------------------------------ drawing

    private void draw() {
        dirty = false;
        changedFromMs = Long.MAX_VALUE;
        changedToMs = Long.MIN_VALUE;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight()); // drops the canvas's buffered commands too
        drawArea(0, canvas.getWidth());
    }

    /** Draws the columns x0 ≤ x < x1 of the timeline (all of it, or what a change touched) over what was there. */
    private void drawArea(double x0, double x1) {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w < GUTTER + 20 || h < AXIS + 4) return;
        long now = playhead.getAsLong();
        drawnPlayhead = now;
        GraphicsContext g = canvas.getGraphicsContext2D();
        boolean part = x0 > 0 || x1 < w;
        if (part) {
            g.save();
            g.beginPath();
            g.rect(x0, 0, x1 - x0, h);
            g.clip();
        }
        g.setFill(Color.WHITE);
        g.fillRect(x0, 0, x1 - x0, h);
        g.setFont(Font.font("DejaVu Sans", 10.5));
        g.setTextBaseline(VPos.CENTER);
        // lanes and gutter
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double top = rowTop(i);
            double rh = r.code() == null ? HEADER : LANE;
            if (top + rh < AXIS || top > h) continue;
            if (r.code() == null) {
                g.setFill(Color.web("#eef1f5"));
                g.fillRect(0, top, w, rh);
                g.setFill(Color.web("#7a8594"));
                g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 9.5));
                g.fillText(r.familyLabel(), 6, top + rh / 2);
                g.setFont(Font.font("DejaVu Sans", 10.5));
            } else {
                if (i % 2 == 0) {
                    g.setFill(Color.web("#fafbfc"));
                    g.fillRect(GUTTER, top, w - GUTTER, rh);
                }
                g.setFill(r.colour());
                g.fillRect(0, top + 2, 4, rh - 4);
                g.setFill(running.containsKey(r.code().id()) ? Color.web("#8a5a00") : Color.web("#1f2a3a"));
                g.fillText(clip(r.code().label(), 26), 9, top + rh / 2);
            }
        }
        // events on screen (in the area being drawn, with a pixel or two either side)
        double windowStart = window.startMs();
        double windowEnd = window.endMs();
        double areaStart = Math.max(windowStart, window.msAt(x0 - GUTTER - 3));
        double areaEnd = Math.min(windowEnd, window.msAt(x1 - GUTTER + 3));
        double[] lastX = new double[rows.size()];
        java.util.Arrays.fill(lastX, -1);
        double[] tops = rowTops();
        for (int i = firstAtOrAfter(areaStart - longestStateMs - 1); i < events.size(); i++) {
            CodedEvent e = events.get(i);
            if (e.onsetMs() > areaEnd) break;
            if (e.offsetMs() == null) continue; // running: drawn below, to the playhead
            drawEvent(g, e, e.offsetMs(), lastX, tops);
        }
        for (CodedEvent r : running.values()) {
            if (r.onsetMs() <= areaEnd) drawEvent(g, r, Math.max(r.onsetMs(), now), lastX, tops);
        }
        if (drag != null) {
            CodedEvent e = drag.event();
            long on = drag.onsetEdge() ? dragMs : e.onsetMs();
            long off = drag.onsetEdge() ? (e.offsetMs() == null ? now : e.offsetMs()) : dragMs;
            double y = yOf(e.code());
            g.setStroke(Color.web("#1f2a3a"));
            g.setLineWidth(1.5);
            g.strokeRect(xOf(on), y - LANE / 2 + 2, Math.max(1, xOf(off) - xOf(on)), LANE - 4);
            g.setFill(Color.web("#1f2a3a"));
            g.fillText(TimeFormat.clock(dragMs), Math.min(xOf(dragMs) + 4, w - 90), y - LANE);
        }
        // axis
        g.setFill(Color.web("#f4f6f9"));
        g.fillRect(0, 0, w, AXIS);
        g.setStroke(Color.web("#d3d9e2"));
        g.setLineWidth(1);
        g.strokeLine(0, AXIS - 0.5, w, AXIS - 0.5);
        g.strokeLine(GUTTER - 0.5, 0, GUTTER - 0.5, h);
        long tick = window.tickMs(70);
        g.setFill(Color.web("#66717f"));
        for (long t = (long) Math.ceil(windowStart / tick) * tick; t <= windowEnd; t += tick) {
            double x = xOf(t);
            g.strokeLine(x + 0.5, AXIS - 5, x + 0.5, AXIS);
            g.fillText(axisLabel(t, tick), x + 3, AXIS / 2);
        }
        g.setFill(Color.web("#3b4657"));
        g.fillText(String.format(Locale.ROOT, "%s  –  %s", TimeFormat.clock((long) windowStart), TimeFormat.clock((long) windowEnd)), 6, AXIS / 2);
        // playhead
        if (now >= windowStart && now <= windowEnd) {
            double x = Math.round(xOf(now)) + 0.5;
            g.setStroke(Color.web("#d62728"));
            g.setLineWidth(1.5);
            g.strokeLine(x, 0, x, h);
        }
        if (part) g.restore();
    }

    private void drawEvent(GraphicsContext g, CodedEvent e, long end, double[] lastX, double[] tops) {
        Integer row = rowOfCode.get(e.code());
        if (row == null) return;
        double top = tops[row];
        if (top + LANE < AXIS || top > canvas.getHeight()) return;
        double x0 = Math.max(GUTTER, xOf(e.onsetMs()));
        double x1 = Math.min(canvas.getWidth(), xOf(end));
        if (x1 < GUTTER) return;
        Color c = rows.get(row).colour();
        boolean point = end == e.onsetMs() && rows.get(row).code().isPoint();
        if (point) {
            if (x0 - lastX[row] < 1) return; // another tick already covers this pixel
            lastX[row] = x0;
            g.setFill(c.darker());
            g.fillRect(Math.round(x0) - 1, top + 1, 2, LANE - 2);
            return;
        }
        if (x1 <= lastX[row]) return;
        lastX[row] = x1;
        g.setFill(c.deriveColor(0, 1, 1, e.offsetMs() == null ? 0.45 : 0.75));
        g.fillRect(x0, top + 2, Math.max(1.5, x1 - x0), LANE - 4);
    }

    private static String axisLabel(long t, long tick) {
        long s = t / 1000;
        String base = s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60) : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        return tick < 1000 ? base + String.format(Locale.ROOT, ".%03d", t % 1000).replaceAll("0+$", "") : base;
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    // ------------------------------------------------------------------ mouse

    /** The state whose onset or offset edge lies within a few pixels of (x, y), if any. */
    private Drag edgeAt(double x, double y) {
        int row = rowAt(y);
        if (row < 0 || y < AXIS || rows.get(row).code() == null || !rows.get(row).code().isState() || x < GUTTER) return null;
        return StateEdges.near(events, longestStateMs, rows.get(row).code().id(), window.msAt(x - GUTTER), window.msPerPixel(),
                playhead.getAsLong(), window.durationMs()).map(e -> new Drag(e.event(), e.onset(), x, e.minMs(), e.maxMs())).orElse(null);
    }

    private void hover(MouseEvent m) {
        canvas.setCursor(edgeAt(m.getX(), m.getY()) != null ? Cursor.H_RESIZE : Cursor.DEFAULT);
    }

    private void pressed(MouseEvent m) {
        moved = false;
        drag = edgeAt(m.getX(), m.getY());
        if (drag != null) {
            dragMs = drag.onsetEdge() ? drag.event().onsetMs() : drag.event().offsetMs();
        } else {
            panFromX = m.getX();
            panFrom = window;
        }
    }

    private void dragged(MouseEvent m) {
        if (Math.abs(m.getX() - (drag != null ? drag.pressX() : panFromX)) >= 2) moved = true;
        if (drag != null) {
            long ms = snap.applyAsLong((long) Math.round(window.msAt(m.getX() - GUTTER)));
            dragMs = Math.max(drag.minMs(), Math.min(drag.maxMs(), ms));
            draw();
        } else if (!Double.isNaN(panFromX) && moved) {
            window = panFrom.scroll(-(m.getX() - panFromX) / panFrom.widthPx());
            draw();
        }
    }

    private void released(MouseEvent m) {
        Drag d = drag;
        drag = null;
        panFromX = Double.NaN;
        if (d != null && moved) {
            CodedEvent e = d.event();
            long original = d.onsetEdge() ? e.onsetMs() : e.offsetMs();
            if (dragMs != original) onEdge.moved(e, d.onsetEdge() ? dragMs : e.onsetMs(), d.onsetEdge() ? e.offsetMs() : Long.valueOf(dragMs));
        } else if (!moved && m.getX() >= GUTTER && m.getY() >= 0) {
            onSeek.accept(Math.max(0, Math.round(window.msAt(m.getX() - GUTTER))));
        }
        draw();
    }

    private void scrolled(ScrollEvent s) {
        if (s.isControlDown() || s.isShortcutDown()) {
            window = window.zoom(s.getDeltaY() > 0 ? 1 / 1.25 : 1.25, window.msAt(s.getX() - GUTTER));
        } else if (s.isShiftDown() || Math.abs(s.getDeltaX()) > Math.abs(s.getDeltaY())) {
            double d = s.getDeltaX() != 0 ? s.getDeltaX() : s.getDeltaY();
            window = window.scroll(-d / 400);
        } else {
            double max = Math.max(0, contentHeight() - (canvas.getHeight() - AXIS));
            scrollY = Math.max(0, Math.min(max, scrollY - s.getDeltaY()));
        }
        draw();
        s.consume();
    }
}
