package org.attune.ui.scheme;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.Family;
import org.attune.scheme.KeyboardLayout;
import org.attune.scheme.json.SchemeFileProblem;
import org.attune.ui.DialogService;

/** Shows a coding scheme: families and codes with keys on the left, the selected code's manual entry on the right. */
public final class SchemeBrowserView extends BorderPane {

    private final SchemeBrowserViewModel model;
    private final DialogService dialogs;
    private final TreeView<Object> tree = new TreeView<>();
    private final CodeDetailPane detail = new CodeDetailPane();
    private final Label schemeTitle = new Label();
    private final Label schemeSummary = new Label();
    private final Label status = new Label();

    public SchemeBrowserView(SchemeBrowserViewModel model, DialogService dialogs) {
        this.model = model;
        this.dialogs = dialogs;
        getStyleClass().add("scheme-browser");
        setTop(header());
        SplitPane split = new SplitPane(treePane(), detail);
        split.setDividerPositions(0.40);
        setCenter(split);
        status.getStyleClass().add("status-bar");
        status.setMaxWidth(Double.MAX_VALUE);
        setBottom(status);

        model.schemeProperty().addListener((obs, old, s) -> rebuild());
        model.layoutProperty().addListener((obs, old, l) -> {
            tree.refresh();
            showSelected();
        });
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null && item.getValue() instanceof Code c) model.selectedCodeProperty().set(c);
        });
        model.selectedCodeProperty().addListener((obs, old, c) -> showSelected());
        rebuild();
    }

    private HBox header() {
        schemeTitle.getStyleClass().add("scheme-title");
        schemeSummary.getStyleClass().add("scheme-summary");
        VBox titles = new VBox(2, schemeTitle, schemeSummary);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        ChoiceBox<KeyboardLayout> layouts = org.attune.ui.KeyboardChoice.create();
        layouts.valueProperty().bindBidirectional(model.layoutProperty());
        layouts.setId("layoutChoice");
        Label layoutLabel = new Label("Keyboard");
        layoutLabel.getStyleClass().add("toolbar-label");

        Button open = new Button("Open scheme…");
        open.setId("openScheme");
        open.setOnAction(e -> chooseScheme());

        HBox bar = new HBox(12, titles, spacer, layoutLabel, layouts, open);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(12, 16, 12, 16));
        bar.getStyleClass().add("header-bar");
        return bar;
    }

    private VBox treePane() {
        tree.setShowRoot(false);
        tree.setId("schemeTree");
        tree.setCellFactory(t -> new SchemeCell());
        VBox box = new VBox(tree);
        VBox.setVgrow(tree, Priority.ALWAYS);
        box.setMinWidth(320);
        return box;
    }

    private void rebuild() {
        CodingScheme s = model.scheme();
        schemeTitle.setText(s.name());
        schemeSummary.setText("version " + s.version() + " · " + model.summary());
        status.setText("Scheme: " + model.sourceProperty().get() + " — keys are stored by position; labels follow the keyboard chosen above.");
        TreeItem<Object> root = new TreeItem<>(s);
        for (Family f : s.families()) {
            TreeItem<Object> fi = new TreeItem<>(f);
            fi.setExpanded(true);
            for (Code c : s.codesIn(f)) fi.getChildren().add(new TreeItem<>(c));
            root.getChildren().add(fi);
        }
        tree.setRoot(root);
        selectInTree(model.selected().orElse(null));
        showSelected();
    }

    private void selectInTree(Code code) {
        if (code == null || tree.getRoot() == null) return;
        for (TreeItem<Object> fi : tree.getRoot().getChildren()) {
            for (TreeItem<Object> ci : fi.getChildren()) {
                if (ci.getValue() == code) {
                    tree.getSelectionModel().select(ci);
                    return;
                }
            }
        }
    }

    private void showSelected() {
        Code c = model.selected().orElse(null);
        detail.show(model.scheme(), c, c == null ? "" : model.keyLabel(c));
    }

    private void chooseScheme() {
        dialogs.chooseFileToOpen("Open coding scheme", "Attune scheme", List.of("*.json")).ifPresent(this::open);
    }

    /** Opens a scheme file, or explains in a dialog why it cannot be used. */
    public void open(Path file) {
        List<SchemeFileProblem> errors = model.open(file);
        if (!errors.isEmpty()) {
            dialogs.showProblems("This scheme cannot be opened",
                    file.getFileName() + " has " + errors.size() + (errors.size() == 1 ? " error" : " errors")
                            + ". Fix them in the file (each names its line and field), then open it again.",
                    errors.stream().map(SchemeFileProblem::format).toList());
        }
    }

    /** Family rows: colour swatch and name. Code rows: swatch, id, label, and the key on the user's keyboard. */
    private final class SchemeCell extends TreeCell<Object> {
        SchemeCell() {
            setPrefWidth(0); // fill the viewport instead of widening it: no horizontal scrolling
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("family-cell", "code-cell");
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(null);
            if (item instanceof Family f) {
                getStyleClass().add("family-cell");
                Rectangle sw = new Rectangle(12, 12, javafx.scene.paint.Color.web(f.color().hex()));
                sw.setArcWidth(3);
                sw.setArcHeight(3);
                Label name = new Label(f.label());
                name.getStyleClass().add("family-name");
                Label count = new Label(Integer.toString(model.scheme().codesIn(f).size()));
                count.getStyleClass().add("family-count");
                HBox row = new HBox(8, sw, name, count);
                row.setAlignment(Pos.CENTER_LEFT);
                setGraphic(row);
            } else if (item instanceof Code c) {
                getStyleClass().add("code-cell");
                Rectangle sw = new Rectangle(4, 18, javafx.scene.paint.Color.web(model.scheme().colorOf(c).hex()));
                Label id = new Label(c.id());
                id.getStyleClass().add("code-id");
                id.setMinWidth(104);
                Label label = new Label(c.label());
                label.getStyleClass().add("code-label");
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                Label kind = new Label(c.kind().jsonName());
                kind.getStyleClass().addAll("kind-tag", "kind-" + c.kind().jsonName());
                kind.setMinWidth(Region.USE_PREF_SIZE);
                String key = model.keyLabel(c);
                Label badge = key.isEmpty() ? new Label() : KeyBadge.of(key);
                StackPane keySlot = new StackPane(badge);
                keySlot.setMinWidth(34);
                keySlot.setPrefWidth(34);
                label.setMinWidth(0);
                HBox row = new HBox(8, sw, keySlot, id, label, spacer, kind);
                row.setAlignment(Pos.CENTER_LEFT);
                row.setMaxWidth(Double.MAX_VALUE);
                setGraphic(row);
            }
        }
    }
}
