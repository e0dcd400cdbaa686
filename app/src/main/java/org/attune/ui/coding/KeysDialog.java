package org.attune.ui.coding;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.attune.coding.KeyMap;
import org.attune.scheme.Code;
import org.attune.scheme.KeyboardLayout;
import org.attune.scheme.PhysicalKey;
import org.attune.ui.Styles;

/**
 * The coder's keys: every code and transport action with its key; select a row and press the new
 * key (Backspace removes it). Conflicts are listed as they arise and must be resolved before saving.
 * "Numeric keypad transport" fills in Datavyu's layout (8 play, 5 stop, 1/3 frame, 4/6 shuttle, 7/9 5 s).
 */
final class KeysDialog {

    /** A row: a code or a transport action, and its key ("" = none). */
    private static final class Row {
        final Code code;
        final KeyMap.Transport action;
        String key;

        Row(Code code, KeyMap.Transport action, String key) {
            this.code = code;
            this.action = action;
            this.key = key;
        }

        String name() {
            return code != null ? code.id() + "  " + code.label() : "Player: " + action.label();
        }
    }

    private KeysDialog() {
    }

    /** The coder's keys and the keyboard they type on. */
    /**
     * How the workspace asks for keys: the dialog in the app, a script in tests. One method, so
     * {@code KeysDialog::show} is one.
     */
    @FunctionalInterface
    interface Editor {
        Optional<Choice> edit(Window owner, KeyMap current, KeyboardLayout startLayout);
    }

    record Choice(KeyMap keys, KeyboardLayout layout) {
    }

    static Optional<Choice> show(Window owner, KeyMap current, KeyboardLayout startLayout) {
        javafx.scene.control.ChoiceBox<KeyboardLayout> keyboard = org.attune.ui.KeyboardChoice.create();
        keyboard.setValue(startLayout);
        ObservableList<Row> rows = FXCollections.observableArrayList();
        for (Code c : current.scheme().timedCodes()) rows.add(new Row(c, null, current.keyOf(c).orElse("")));
        for (KeyMap.Transport t : KeyMap.Transport.values()) rows.add(new Row(null, t, current.keyOf(t).orElse("")));
        TableView<Row> table = new TableView<>(rows);
        TableColumn<Row, String> name = new TableColumn<>("Code or action");
        name.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().name()));
        name.setPrefWidth(320);
        TableColumn<Row, String> scheme = new TableColumn<>("Scheme's key");
        scheme.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().code == null ? ""
                : r.getValue().code.physicalKey().map(k -> k.label(keyboard.getValue())).orElse("")));
        scheme.setPrefWidth(112);
        TableColumn<Row, String> mine = new TableColumn<>("Your key");
        mine.setCellValueFactory(r -> new ReadOnlyStringWrapper(PhysicalKey.of(r.getValue().key).map(k -> k.label(keyboard.getValue())).orElse("")));
        mine.setPrefWidth(100);
        table.getColumns().setAll(List.of(name, scheme, mine));
        table.setPrefHeight(420);
        Label conflicts = new Label();
        conflicts.getStyleClass().add("form-problems");
        conflicts.setWrapText(true);
        conflicts.setId("keyConflicts");
        Runnable check = () -> {
            KeyMap m = build(current, rows);
            List<String> problems = m.conflicts().stream().map(c -> c.describe() + ".").toList();
            conflicts.setText(problems.isEmpty() ? "" : "Conflicts (resolve before saving): " + String.join(" ", problems));
            table.refresh();
        };
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Row r, boolean empty) {
                super.updateItem(r, empty);
                boolean clash = !empty && r != null && !r.key.isEmpty() && build(current, rows).binding(r.key) instanceof KeyMap.Conflict;
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("conflict"), clash);
            }
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            Row r = table.getSelectionModel().getSelectedItem();
            if (r == null || e.getCode().isNavigationKey() || e.getCode() == KeyCode.TAB || e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.ENTER) return;
            if (e.getCode() == KeyCode.BACK_SPACE || e.getCode() == KeyCode.DELETE) {
                r.key = "";
            } else {
                Optional<String> k = FxKeys.physicalCode(e, keyboard.getValue());
                if (k.isEmpty()) return;
                r.key = k.get();
            }
            e.consume();
            check.run();
        });
        CheckBox numpad = new CheckBox("Numeric keypad transport (Datavyu layout: 8 play, 5 stop, 1/3 frame, 4/6 shuttle slower/faster, 7/9 ∓5 s; NumLock on)");
        numpad.setWrapText(true);
        numpad.setSelected(KeyMap.NUMPAD.entrySet().stream().allMatch(e -> current.keyOf(e.getKey()).map(e.getValue()::equals).orElse(false)));
        numpad.selectedProperty().addListener((o, a, on) -> {
            for (Row r : rows) {
                if (r.action == null) continue;
                String k = KeyMap.NUMPAD.get(r.action);
                if (on && k != null) r.key = k;
                if (!on && k != null && k.equals(r.key)) r.key = "";
            }
            check.run();
        });
        Button reset = new Button("Use the scheme's keys");
        reset.setOnAction(e -> {
            for (Row r : rows) if (r.code != null) r.key = r.code.physicalKey().map(PhysicalKey::code).orElse("");
            check.run();
        });
        Label help = new Label("Select a row, then press the key you want for it (Backspace removes it). "
                + "Space and the arrow keys always work as play/pause and frame/second steps. Your keys are kept on this computer, not in the study.");
        help.setWrapText(true);
        keyboard.valueProperty().addListener((o, a, b) -> table.refresh());
        Label keyboardLabel = new Label("Your keyboard:");
        keyboardLabel.setMinWidth(Region.USE_PREF_SIZE);
        keyboard.setMinWidth(Region.USE_PREF_SIZE);
        Label keyboardHelp = new Label("Keys are kept by position; the keyboard decides what the key caps read.");
        keyboardHelp.getStyleClass().add("placeholder");
        keyboardHelp.setWrapText(true);
        HBox keyboardRow = new HBox(8, keyboardLabel, keyboard, keyboardHelp);
        keyboardRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox box = new VBox(8, help, keyboardRow, table, conflicts, new HBox(10, numpad), reset);
        box.setPadding(new Insets(10));
        box.setPrefWidth(600);
        Dialog<Choice> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Keys");
        d.setHeaderText("Your keys for " + current.scheme().name());
        d.getDialogPane().getStylesheets().add(Styles.STYLESHEET);
        d.getDialogPane().setContent(box);
        ButtonType save = new ButtonType("Save keys", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(save).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (!build(current, rows).conflicts().isEmpty()) e.consume();
        });
        check.run();
        d.setResultConverter(b -> b == save ? new Choice(build(current, rows), keyboard.getValue()) : null);
        return d.showAndWait();
    }

    private static KeyMap build(KeyMap current, List<Row> rows) {
        Map<String, String> codes = new LinkedHashMap<>();
        Map<KeyMap.Transport, String> transport = new EnumMap<>(KeyMap.Transport.class);
        for (Row r : rows) {
            if (r.code != null) codes.put(r.code.id(), r.key);
            else if (!r.key.isEmpty()) transport.put(r.action, r.key);
        }
        return new KeyMap(current.scheme(), codes, transport);
    }
}
