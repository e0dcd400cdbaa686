package org.attune.ui;

import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** {@link DialogService} with JavaFX alerts. */
public final class FxDialogService implements DialogService {
    private final Window owner;

    public FxDialogService(Window owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, String whatToDo) {
        alert(Alert.AlertType.ERROR, title, whatToDo).showAndWait();
    }

    @Override
    public void showInfo(String title, String text) {
        alert(Alert.AlertType.INFORMATION, title, text).showAndWait();
    }

    /** An alert over the app's window, its title also as its header. */
    private Alert alert(Alert.AlertType type, String title, String text) {
        Alert alert = new Alert(type);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.setContentText(text);
        return alert;
    }

    @Override
    public void showProblems(String title, String whatToDo, List<String> problems) {
        Alert alert = alert(Alert.AlertType.ERROR, title, whatToDo);
        TextArea list = new TextArea(String.join("\n", problems));
        list.setEditable(false);
        list.setWrapText(true);
        list.setPrefRowCount(Math.min(12, problems.size() + 1));
        alert.getDialogPane().setExpandableContent(list);
        alert.getDialogPane().setExpanded(true);
        alert.showAndWait();
    }

    @Override
    public boolean confirm(String title, String question, String yes) {
        javafx.scene.control.ButtonType go = new javafx.scene.control.ButtonType(yes, javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, question);
        alert.getButtonTypes().setAll(go, javafx.scene.control.ButtonType.CANCEL);
        return alert.showAndWait().filter(go::equals).isPresent();
    }

    @Override
    public java.util.Optional<java.nio.file.Path> chooseFileToOpen(String title, String kind, List<String> patterns) {
        return java.util.Optional.ofNullable(chooser(title, kind, patterns).showOpenDialog(owner)).map(java.io.File::toPath);
    }

    @Override
    public java.util.Optional<java.nio.file.Path> chooseFileToSave(String title, String kind, List<String> patterns, String suggested) {
        javafx.stage.FileChooser chooser = chooser(title, kind, patterns);
        chooser.setInitialFileName(suggested);
        return java.util.Optional.ofNullable(chooser.showSaveDialog(owner)).map(java.io.File::toPath);
    }

    /** A file chooser showing only {@code patterns}, named by {@code kind} ("CSV (*.csv)"). */
    private static javafx.stage.FileChooser chooser(String title, String kind, List<String> patterns) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(kind + " (" + String.join(", ", patterns) + ")", patterns));
        return chooser;
    }

    @Override
    public java.util.Optional<String> askText(String title, String question, String initial) {
        javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog(initial);
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(question);
        return d.showAndWait();
    }
}
