package org.attune.ui;

import java.nio.file.Path;
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
        java.nio.file.Path offered = java.nio.file.Path.of(suggested);
        if (offered.getParent() != null && java.nio.file.Files.isDirectory(offered.getParent())) chooser.setInitialDirectory(offered.getParent().toFile());
        chooser.setInitialFileName(offered.getFileName().toString());
        return java.util.Optional.ofNullable(chooser.showSaveDialog(owner)).map(java.io.File::toPath);
    }

    @Override
    public java.util.Optional<java.nio.file.Path> chooseFolder(String title, java.nio.file.Path start) {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle(title);
        if (start != null && java.nio.file.Files.isDirectory(start)) chooser.setInitialDirectory(start.toFile());
        return java.util.Optional.ofNullable(chooser.showDialog(owner)).map(java.io.File::toPath);
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

    @Override
    public java.util.Optional<LabAddress> askLabStudy(String address, Path videos, java.util.function.Function<LabAddress, String> test) {
        javafx.scene.control.Dialog<LabAddress> d = new javafx.scene.control.Dialog<>();
        d.initOwner(owner);
        d.setTitle("Open lab study");
        d.setHeaderText("A study on your lab's PostgreSQL server, coded by many coders at once.");
        javafx.scene.control.TextField where = new javafx.scene.control.TextField(address);
        where.setId("labAddress");
        where.setPromptText("postgresql://you@lab-server.uni.edu/attune?study=freeplay");
        where.setPrefColumnCount(40);
        javafx.scene.control.PasswordField password = new javafx.scene.control.PasswordField();
        password.setId("labPassword");
        password.setPromptText("leave empty to use PGPASSWORD or ~/.pgpass");
        javafx.scene.control.TextField folder = new javafx.scene.control.TextField(videos == null ? "" : videos.toString());
        folder.setId("labVideos");
        javafx.scene.control.Button choose = new javafx.scene.control.Button("Choose…");
        choose.setOnAction(e -> {
            javafx.stage.DirectoryChooser c = new javafx.stage.DirectoryChooser();
            c.setTitle("The folder with the study's videos on this computer");
            java.io.File chosen = c.showDialog(d.getDialogPane().getScene().getWindow());
            if (chosen != null) folder.setText(chosen.getPath());
        });
        javafx.scene.control.Label result = new javafx.scene.control.Label("Only coding data goes to the server; the videos stay on this computer.");
        result.setId("labTestResult");
        result.setWrapText(true);
        result.setPrefWidth(520);
        result.setMinHeight(60); // room for three lines of what the test found: the dialog does not grow afterwards
        result.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        javafx.scene.control.Button tryIt = new javafx.scene.control.Button("Test connection");
        tryIt.setId("labTest");
        java.util.function.Supplier<LabAddress> typed = () -> new LabAddress(where.getText().strip(), password.getText().toCharArray(),
                Path.of(folder.getText().isBlank() ? System.getProperty("user.home") : folder.getText().strip()));
        tryIt.setOnAction(e -> {
            result.setText("Connecting…");
            tryIt.setDisable(true);
            LabAddress a = typed.get();
            java.util.concurrent.CompletableFuture.supplyAsync(() -> test.apply(a)).whenComplete((said, failure) -> javafx.application.Platform.runLater(() -> {
                tryIt.setDisable(false);
                result.setText(failure != null ? "The test failed: " + failure.getMessage() : said);
            }));
        });
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new javafx.scene.control.Label("Address"), where);
        grid.addRow(1, new javafx.scene.control.Label("Password"), password);
        grid.addRow(2, new javafx.scene.control.Label("Videos in"), folder, choose);
        grid.add(tryIt, 1, 3);
        grid.add(result, 1, 4, 2, 1);
        d.getDialogPane().setContent(grid);
        javafx.scene.control.ButtonType open = new javafx.scene.control.ButtonType("Open", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(open, javafx.scene.control.ButtonType.CANCEL);
        d.getDialogPane().lookupButton(open).disableProperty().bind(where.textProperty().isEmpty());
        javafx.application.Platform.runLater(where::requestFocus);
        d.setResultConverter(b -> b == open ? typed.get() : null);
        java.util.Optional<LabAddress> answer = d.showAndWait();
        password.clear();
        return answer;
    }

    @Override
    public java.util.Optional<char[]> askPassphrase(String title, String question, boolean twice) {
        javafx.scene.control.Dialog<char[]> d = new javafx.scene.control.Dialog<>();
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(question);
        javafx.scene.control.PasswordField first = new javafx.scene.control.PasswordField();
        javafx.scene.control.PasswordField again = new javafx.scene.control.PasswordField();
        first.setPromptText("passphrase");
        again.setPromptText("the same again");
        javafx.scene.control.Label differ = new javafx.scene.control.Label("The two differ.");
        differ.setVisible(false);
        javafx.scene.layout.VBox box = twice ? new javafx.scene.layout.VBox(8, first, again, differ) : new javafx.scene.layout.VBox(8, first);
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().setAll(javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        javafx.scene.Node ok = d.getDialogPane().lookupButton(javafx.scene.control.ButtonType.OK);
        Runnable check = () -> {
            boolean same = !twice || first.getText().equals(again.getText());
            differ.setVisible(!same && !again.getText().isEmpty());
            ok.setDisable(first.getText().isEmpty() || !same);
        };
        first.textProperty().addListener((o, a, b) -> check.run());
        again.textProperty().addListener((o, a, b) -> check.run());
        check.run();
        javafx.application.Platform.runLater(first::requestFocus);
        d.setResultConverter(b -> b == javafx.scene.control.ButtonType.OK ? first.getText().toCharArray() : null);
        java.util.Optional<char[]> answer = d.showAndWait();
        first.clear();
        again.clear();
        return answer;
    }

    @Override
    public Busy showBusy(String title, String text) {
        javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar(-1);
        bar.setPrefWidth(420);
        bar.setId("busyBar");
        javafx.scene.control.Label what = new javafx.scene.control.Label(text);
        what.setWrapText(true);
        what.setId("busyText");
        javafx.scene.control.Button cancel = new javafx.scene.control.Button("Cancel");
        cancel.setId("busyCancel");
        cancel.setCancelButton(true);
        java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(10, what, bar, cancel);
        box.setPadding(new javafx.geometry.Insets(16));
        box.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        javafx.stage.Stage stage = new javafx.stage.Stage();
        stage.initOwner(owner);
        stage.initModality(javafx.stage.Modality.WINDOW_MODAL);
        stage.setTitle(title);
        stage.setResizable(false);
        javafx.scene.Scene scene = new javafx.scene.Scene(box);
        if (owner != null && owner.getScene() != null) scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        Runnable askToCancel = () -> {
            cancelled.set(true);
            cancel.setDisable(true);
            what.setText("Cancelling: nothing will be written…");
        };
        cancel.setOnAction(e -> askToCancel.run());
        stage.setOnCloseRequest(e -> {
            e.consume(); // the window goes when the work has stopped, not before
            askToCancel.run();
        });
        stage.show();
        return new Busy() {
            @Override
            public void update(double fraction, String now) {
                bar.setProgress(fraction < 0 ? -1 : Math.min(1, fraction));
                if (!cancelled.get()) what.setText(now);
            }

            @Override
            public boolean cancelRequested() {
                return cancelled.get();
            }

            @Override
            public void close() {
                stage.close();
            }
        };
    }

    @Override
    public void showWritten(String title, String text, java.nio.file.Path file) {
        Alert alert = alert(Alert.AlertType.INFORMATION, title, text);
        if (FolderOpener.canOpen()) {
            javafx.scene.control.ButtonType show = new javafx.scene.control.ButtonType("Show in folder", javafx.scene.control.ButtonBar.ButtonData.LEFT);
            alert.getButtonTypes().setAll(show, javafx.scene.control.ButtonType.OK);
            if (alert.showAndWait().filter(show::equals).isPresent()) FolderOpener.open(file.toAbsolutePath().getParent(), this);
        } else {
            alert.showAndWait();
        }
    }
}
