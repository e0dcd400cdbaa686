package org.attune.ui;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.attune.coding.PassStatus;
import org.controlsfx.control.CheckListView;

/**
 * {@link ExportForms} as a dialog: the sessions and coders as lists to tick (all ticked at first), the
 * pass statuses (events) or the layout (ratings), and Excel's variant of CSV. Ticking every session
 * means all, including sessions added later.
 */
public final class FxExportForms implements ExportForms {

    private final Window owner;

    public FxExportForms(Window owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Choice> exportOptions(String title, List<String> sessions, List<String> coders, boolean ratings) {
        Dialog<Choice> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(ratings ? "Which passes' session ratings, and how?" : "Which passes' events, and how?");
        CheckListView<String> sessionList = ticked(sessions, "exportSessions");
        CheckListView<String> coderList = ticked(coders, "exportCoders");
        CheckBox notStarted = new CheckBox("not started");
        CheckBox inProgress = new CheckBox("in progress");
        CheckBox done = new CheckBox("done");
        for (CheckBox c : List.of(notStarted, inProgress, done)) c.setSelected(true);
        done.setId("exportDone");
        inProgress.setId("exportInProgress");
        CheckBox wide = new CheckBox("One row per session × coder (wide), instead of one row per rating");
        wide.setId("exportWide");
        CheckBox excel = new CheckBox("For Excel with decimal commas (';' between fields, ',' in numbers)");
        excel.setWrapText(true);
        wide.setWrapText(true);
        excel.setId("exportExcel");
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(8);
        g.setPadding(new Insets(12));
        g.add(new Label("Sessions"), 0, 0);
        g.add(new Label("Coders"), 1, 0);
        g.add(sessionList, 0, 1);
        g.add(coderList, 1, 1);
        VBox options = new VBox(6);
        if (ratings) {
            options.getChildren().add(wide);
        } else {
            options.getChildren().add(new HBox(10, new Label("Passes that are"), notStarted, inProgress, done));
        }
        options.getChildren().add(excel);
        g.add(options, 0, 2, 2, 1);
        Label problem = new Label();
        problem.getStyleClass().add("form-problems");
        problem.setId("exportProblem");
        g.add(problem, 0, 3, 2, 1);
        d.getDialogPane().setContent(g);
        d.getDialogPane().setPrefWidth(560);
        ButtonType go = new ButtonType("Export…", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(go, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(go).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            String why = sessionList.getCheckModel().getCheckedItems().isEmpty() ? "Tick at least one session."
                    : coderList.getCheckModel().getCheckedItems().isEmpty() ? "Tick at least one coder."
                    : !ratings && !notStarted.isSelected() && !inProgress.isSelected() && !done.isSelected() ? "Tick at least one pass status." : "";
            problem.setText(why);
            if (!why.isEmpty()) e.consume();
        });
        d.setResultConverter(b -> {
            if (b != go) return null;
            Set<PassStatus> statuses = EnumSet.noneOf(PassStatus.class);
            if (notStarted.isSelected()) statuses.add(PassStatus.NOT_STARTED);
            if (inProgress.isSelected()) statuses.add(PassStatus.IN_PROGRESS);
            if (done.isSelected()) statuses.add(PassStatus.DONE);
            return new Choice(allOrThese(sessionList, sessions), allOrThese(coderList, coders),
                    ratings || statuses.size() == PassStatus.values().length ? Set.of() : statuses, excel.isSelected(), ratings && wide.isSelected());
        });
        return d.showAndWait();
    }

    private static CheckListView<String> ticked(List<String> items, String id) {
        CheckListView<String> list = new CheckListView<>(FXCollections.observableArrayList(items));
        list.getCheckModel().checkAll();
        list.setPrefHeight(Math.min(260, 26 * items.size() + 8));
        list.setPrefWidth(220);
        list.setId(id);
        return list;
    }

    /** Every item ticked is "all" (an empty set); otherwise the ticked ones. */
    private static Set<String> allOrThese(CheckListView<String> list, List<String> items) {
        List<String> checked = list.getCheckModel().getCheckedItems();
        return checked.size() == items.size() ? Set.of() : checked.stream().collect(Collectors.toSet());
    }
}
