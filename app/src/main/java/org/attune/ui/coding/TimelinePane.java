package org.attune.ui.coding;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The timeline's pane: the transport bar and the timeline's own bar (zoom, the whole session, coded
 * lanes only, how the mouse works) above the {@link CodingTimeline}. The transport heads this pane,
 * not the foot of the video's: a pane's top always gets its full height (both rows when the bar wraps
 * in a narrow window), where the video's foot could slide under a divider; the timeline is what gives way.
 */
final class TimelinePane extends BorderPane {

    TimelinePane(CodingTimeline timeline, TransportBar transport) {
        super(timeline);
        Button zoomIn = new Button("+");
        zoomIn.setId("zoomIn");
        zoomIn.setTooltip(new Tooltip("Timeline: show less time (Ctrl+wheel on the timeline zooms around the mouse)"));
        zoomIn.setOnAction(e -> timeline.zoom(1 / 2.0));
        Button zoomOut = new Button("−");
        zoomOut.setTooltip(new Tooltip("Timeline: show more time"));
        zoomOut.setOnAction(e -> timeline.zoom(2.0));
        Button whole = new Button("Whole");
        whole.setTooltip(new Tooltip("Timeline: the whole session"));
        whole.setOnAction(e -> timeline.showWhole());
        for (Button b : List.of(zoomIn, zoomOut, whole)) b.setFocusTraversable(false);
        Label zoomLabel = new Label("TIMELINE");
        zoomLabel.getStyleClass().add("section-header");
        Label timelineHint = new Label("click: show the moment · drag an edge: move it · drag: pan · Ctrl+wheel: zoom");
        timelineHint.getStyleClass().add("placeholder");
        CheckBox onlyCoded = new CheckBox("Coded lanes only");
        onlyCoded.setFocusTraversable(false);
        onlyCoded.setId("onlyCoded");
        onlyCoded.selectedProperty().addListener((o, a, on) -> timeline.setOnlyCoded(on));
        for (Control c : List.of(zoomLabel, zoomOut, zoomIn, whole, onlyCoded)) c.setMinWidth(Region.USE_PREF_SIZE);
        timelineHint.setTooltip(new Tooltip(timelineHint.getText())); // the one text that may shorten in a narrow window
        HBox timelineBar = new HBox(6, zoomLabel, zoomOut, zoomIn, whole, onlyCoded, timelineHint);
        timelineBar.setAlignment(Pos.CENTER_LEFT);
        timelineBar.setPadding(new Insets(2, 8, 2, 8));
        setTop(new VBox(transport, timelineBar));
    }
}
