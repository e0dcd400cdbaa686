package org.attune.ui.study;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.attune.ui.RecentStudies;

/**
 * The study browser's heading: the open study's name, what it holds and where it is; a spinner while
 * it is read in the background; New study…, Open study… and Recent (with the sample study).
 */
final class StudyHeader extends HBox {

    private final Label title = new Label("No study open");
    private final Label summary = new Label("Open a study, or create one.");
    private final Label path = new Label();
    final ProgressIndicator busy = new ProgressIndicator();

    /**
     * @param recentStudies the studies opened lately, newest first
     * @param open          opens a study chosen from Recent
     */
    StudyHeader(Runnable create, Runnable choose, Supplier<List<Path>> recentStudies, Consumer<Path> open, Runnable openSample) {
        super(10);
        title.getStyleClass().add("scheme-title");
        title.setId("studyTitle");
        summary.getStyleClass().add("scheme-summary");
        summary.setId("studySummary");
        summary.setWrapText(true); // a narrow window puts the counts on a second line rather than "…"
        summary.setMinHeight(Region.USE_PREF_SIZE);
        path.getStyleClass().add("scheme-summary");
        path.setId("studyPath");
        VBox names = new VBox(2, title, summary, path);
        names.setMinWidth(0);
        Button createButton = new Button("New study…");
        createButton.setId("newStudy");
        createButton.setOnAction(e -> create.run());
        Button openButton = new Button("Open study…");
        openButton.setOnAction(e -> choose.run());
        MenuButton recent = new MenuButton("Recent");
        recent.setOnShowing(e -> {
            recent.getItems().setAll(RecentStudies.items(recentStudies.get(), open));
            recent.getItems().add(new SeparatorMenuItem());
            MenuItem sample = new MenuItem("Sample study (two free-play sessions, three coders)");
            sample.setOnAction(x -> openSample.run());
            recent.getItems().add(sample);
        });
        for (Control c : List.of(createButton, openButton, recent)) c.setMinWidth(Region.USE_PREF_SIZE);
        busy.setPrefSize(22, 22);
        busy.setId("browserBusy");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        getChildren().setAll(names, gap, busy, createButton, openButton, recent);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(10, 14, 10, 14));
        getStyleClass().add("header-bar");
    }

    /** No study open. */
    void showNone() {
        title.setText("No study open");
        path.setText("");
        summary.setText("Open a study, or create one. The sample study (Recent ▸ Sample study) shows two coded free-play sessions.");
        summary.setTooltip(null);
    }

    /** The study's name, a summary line, its file; the read-only reason as the summary's tooltip. */
    void show(String name, String summaryLine, String where, String readOnlyText) {
        title.setText(name);
        summary.setText(summaryLine);
        path.setText(where);
        summary.setTooltip(readOnlyText.isEmpty() ? null : new Tooltip(readOnlyText));
    }
}
