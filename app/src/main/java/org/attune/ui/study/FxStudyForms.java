package org.attune.ui.study;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.attune.coding.NewMedia;
import org.attune.scheme.json.BundledSchemes;
import org.attune.scheme.json.SchemeReader;
import org.attune.ui.Styles;

/** {@link StudyForms} with JavaFX dialogs and file choosers. */
public final class FxStudyForms implements StudyForms {

    @Override
    public Optional<Path> studyToOpen(Window owner) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open a study");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Attune study or coder package (*.attune, *.sealed)", "*" + StudyForms.FILE_EXTENSION, "*.sealed"),
                new FileChooser.ExtensionFilter("Attune study (*.attune)", "*" + StudyForms.FILE_EXTENSION),
                new FileChooser.ExtensionFilter("Sealed coder package (*.sealed)", "*.sealed"));
        return Optional.ofNullable(fc.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<NewStudy> newStudy(Window owner) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Create a study: choose its folder and name");
        fc.setInitialFileName("my-study" + StudyForms.FILE_EXTENSION);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Attune study (*.attune)", "*" + StudyForms.FILE_EXTENSION));
        File f = fc.showSaveDialog(owner);
        if (f == null) return Optional.empty();
        Path file = f.getName().endsWith(StudyForms.FILE_EXTENSION) ? f.toPath() : f.toPath().resolveSibling(f.getName() + StudyForms.FILE_EXTENSION);
        String name = file.getFileName().toString().replace(StudyForms.FILE_EXTENSION, "");
        ButtonType bundled = new ButtonType("Attachment interaction (bundled)", ButtonBar.ButtonData.YES);
        ButtonType fromFile = new ButtonType("From a scheme file…", ButtonBar.ButtonData.NO);
        Alert which = new Alert(Alert.AlertType.CONFIRMATION,
                "Code with the bundled attachment-interaction scheme (30 codes: synchronicity, reciprocity, insecure and secure-base behaviour), "
                        + "or with a scheme file of your lab's? The study can be moved to a new version of its scheme later (Study tab ▸ Change scheme…).",
                bundled, fromFile, ButtonType.CANCEL);
        which.initOwner(owner);
        which.setTitle("Coding scheme");
        which.setHeaderText("Which coding scheme does " + name + " use?");
        Optional<ButtonType> answer = which.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) return Optional.empty();
        if (answer.get() == bundled) return Optional.of(new NewStudy(file, name, BundledSchemes.defaultScheme()));
        FileChooser sc = new FileChooser();
        sc.setTitle("Choose the coding scheme");
        sc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Attune scheme (*.json)", "*.json"));
        File schemeFile = sc.showOpenDialog(owner);
        if (schemeFile == null) return Optional.empty();
        org.attune.scheme.json.SchemeReadResult read = SchemeReader.read(schemeFile.toPath());
        if (!read.ok()) {
            Alert bad = new Alert(Alert.AlertType.ERROR, String.join("\n", read.errors().stream().map(Object::toString).limit(12).toList()));
            bad.initOwner(owner);
            bad.setHeaderText("This scheme file has errors; fix them and create the study again (attune scheme validate lists them all).");
            bad.showAndWait();
            return Optional.empty();
        }
        return Optional.of(new NewStudy(file, name, read.orThrow()));
    }

    @Override
    public Optional<SessionForm.Result> newSession(Window owner, Set<String> existingLabels) {
        return sessionDialog(owner, existingLabels, null);
    }

    @Override
    public Optional<org.attune.coding.Session> editSession(Window owner, org.attune.coding.Session session, Set<String> otherLabels) {
        return sessionDialog(owner, otherLabels, session).map(r -> {
            org.attune.coding.Session s = r.session();
            return new org.attune.coding.Session(session.id(), s.label(), s.dyad(), s.date(), s.childAgeMonths(), s.context(), s.notes(), s.metadata());
        });
    }

    /** The session form: a new session with its videos, or ({@code editing} not null) an existing session's details. */
    private Optional<SessionForm.Result> sessionDialog(Window owner, Set<String> existingLabels, org.attune.coding.Session editing) {
        Dialog<SessionForm.Result> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(editing == null ? "Add a session" : "Edit session " + editing.label());
        d.setHeaderText(editing == null ? "A recorded session: its details and up to four videos (camera angles)."
                : "The session's details. Its videos and coding passes stay as they are.");
        d.getDialogPane().getStylesheets().add(Styles.STYLESHEET);
        TextField label = new TextField();
        label.setPromptText("e.g. S03 or D12-visit2");
        TextField dyad = new TextField();
        dyad.setPromptText("dyad / family id");
        DatePicker date = new DatePicker();
        date.setPromptText("YYYY-MM-DD");
        date.setConverter(isoDates()); // stored and shown as ISO, whatever the locale's calendar format
        Label dateInWords = new Label();
        dateInWords.getStyleClass().add("placeholder");
        date.getEditor().textProperty().addListener((o, a, text) -> dateInWords.setText(inWords(text)));
        TextField age = new TextField();
        age.setPromptText("months, e.g. 14.5");
        ComboBox<String> context = new ComboBox<>(FXCollections.observableArrayList("free play", "reunion", "still-face", "teaching task", "mealtime", "book sharing"));
        context.setEditable(true);
        TextArea notes = new TextArea();
        notes.setPrefRowCount(2);
        TextArea other = new TextArea();
        other.setPrefRowCount(2);
        other.setPromptText("key = value, one per line (e.g. wave = 2)");
        List<SessionForm.VideoRow> videos = new ArrayList<>();
        VBox videoRows = new VBox(4);
        Button addVideo = new Button("Attach video…");
        Runnable[] redraw = new Runnable[1];
        redraw[0] = () -> {
            videoRows.getChildren().clear();
            for (int i = 0; i < videos.size(); i++) {
                int index = i;
                SessionForm.VideoRow v = videos.get(i);
                TextField offset = new TextField(v.offsetSeconds());
                offset.setPrefColumnCount(6);
                offset.textProperty().addListener((o, a, b) -> videos.set(index, new SessionForm.VideoRow(v.file(), b)));
                Button remove = new Button("Remove");
                remove.setOnAction(e -> {
                    videos.remove(index);
                    redraw[0].run();
                });
                Label name = new Label("Camera " + (i + 1) + ":  " + v.file().getFileName());
                name.setMaxWidth(Double.MAX_VALUE);
                HBox.setHgrow(name, Priority.ALWAYS);
                HBox row = new HBox(8, name, new Label("offset (s)"), offset, remove);
                row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                videoRows.getChildren().add(row);
            }
            addVideo.setDisable(videos.size() >= 4);
        };
        addVideo.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Attach a video (it stays where it is; the study links to it)");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Video (*.mp4, *.m4v, *.mov)", "*.mp4", "*.m4v", "*.mov", "*.MP4", "*.MOV"));
            File f = fc.showOpenDialog(d.getDialogPane().getScene().getWindow());
            if (f != null) {
                videos.add(new SessionForm.VideoRow(f.toPath(), "0"));
                redraw[0].run();
            }
        });
        redraw[0].run();
        Label problems = new Label();
        problems.getStyleClass().add("form-problems");
        problems.setWrapText(true);
        problems.setMaxWidth(600);
        problems.setMinHeight(Region.USE_PREF_SIZE);
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.setPadding(new Insets(10));
        int r = 0;
        g.addRow(r++, new Label("Label *"), label);
        g.addRow(r++, new Label("Dyad"), dyad);
        javafx.scene.layout.HBox dateRow = new javafx.scene.layout.HBox(8, date, dateInWords);
        dateRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        g.addRow(r++, new Label("Date"), dateRow);
        g.addRow(r++, new Label("Child age"), age);
        g.addRow(r++, new Label("Context"), context);
        g.addRow(r++, new Label("Notes"), notes);
        g.addRow(r++, new Label("Other fields"), other);
        Label offsetHelp = new Label("Offset: where the video's 0:00 lies on the session clock (e.g. camera 2 started 1.25 s later → 1.250). "
                + "Videos are linked where they are, never copied.");
        offsetHelp.setWrapText(true);
        offsetHelp.setMinHeight(Region.USE_PREF_SIZE);
        offsetHelp.getStyleClass().add("placeholder");
        if (editing == null) g.addRow(r++, new Label("Videos"), new VBox(6, videoRows, addVideo, offsetHelp));
        if (editing != null) {
            SessionForm was = SessionForm.of(editing);
            label.setText(was.label);
            dyad.setText(was.dyad);
            date.getEditor().setText(was.date);
            age.setText(was.childAgeMonths);
            context.getEditor().setText(was.context);
            notes.setText(was.notes);
            other.setText(was.otherFields);
        }
        g.add(problems, 0, r, 2, 1);
        g.getColumnConstraints().setAll(labelColumn(), fieldColumn());
        d.getDialogPane().setContent(g);
        d.getDialogPane().setPrefWidth(640);
        ButtonType add = new ButtonType(editing == null ? "Add session" : "Save", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(add, ButtonType.CANCEL);
        SessionForm.Result[] checked = new SessionForm.Result[1];
        // a video's timing is read once per dialog: the form is checked again as the user types once it showed problems
        Map<String, NewMedia> probed = new HashMap<>();
        SessionForm.VideoProbe probeOnce = (file, position, offsetMs) -> {
            String key = file + "\u0000" + position + "\u0000" + offsetMs;
            NewMedia known = probed.get(key);
            if (known != null) return known;
            NewMedia read = SessionForm.probe(file, position, offsetMs); // a failure is not kept: the file may be fixed meanwhile
            probed.put(key, read);
            return read;
        };
        java.util.function.Supplier<SessionForm.Result> check = () -> {
            SessionForm form = new SessionForm();
            form.label = label.getText();
            form.dyad = dyad.getText();
            form.date = date.getEditor().getText();
            form.childAgeMonths = age.getText();
            form.context = context.getEditor().getText();
            form.notes = notes.getText();
            form.otherFields = other.getText();
            form.videos.addAll(videos);
            return form.check(existingLabels, probeOnce);
        };
        d.getDialogPane().lookupButton(add).addEventFilter(ActionEvent.ACTION, e -> {
            checked[0] = check.get();
            if (!checked[0].ok()) {
                problems.setText(String.join("\n", checked[0].problems()));
                d.getDialogPane().getScene().getWindow().sizeToScene();
                e.consume(); // keep the dialog open with what was typed
            }
        });
        // once problems are shown, they follow the fields: a fixed field's problem goes away as it is typed
        javafx.beans.InvalidationListener recheck = o -> {
            if (!problems.getText().isEmpty()) problems.setText(String.join("\n", check.get().problems()));
        };
        for (javafx.beans.Observable field : List.of(label.textProperty(), dyad.textProperty(), date.getEditor().textProperty(), age.textProperty(),
                context.getEditor().textProperty(), notes.textProperty(), other.textProperty())) {
            field.addListener(recheck);
        }
        d.setResultConverter(b -> b == add ? checked[0] : null);
        javafx.application.Platform.runLater(label::requestFocus);
        return d.showAndWait();
    }

    private static javafx.scene.layout.ColumnConstraints labelColumn() {
        javafx.scene.layout.ColumnConstraints c = new javafx.scene.layout.ColumnConstraints();
        c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        c.setHalignment(javafx.geometry.HPos.RIGHT);
        return c;
    }

    private static javafx.scene.layout.ColumnConstraints fieldColumn() {
        javafx.scene.layout.ColumnConstraints c = new javafx.scene.layout.ColumnConstraints();
        c.setHgrow(Priority.ALWAYS);
        c.setFillWidth(true);
        return c;
    }

    /** What is wrong with a new coder's initials, or null when they will do. */
    static String initialsProblem(String typed, Set<String> existingInitials) {
        String i = typed.trim();
        return i.isEmpty() ? "Initials: a coder needs initials (e.g. AL)."
                : existingInitials.contains(i) ? "Initials: " + i + " is already a coder of this study; use other initials (e.g. add a digit)."
                : i.length() > 8 ? "Initials: keep them short (at most 8 characters); they head the columns of exports." : null;
    }

    @Override
    public Optional<NewCoder> newCoder(Window owner, Set<String> existingInitials) {
        Dialog<NewCoder> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Add a coder");
        d.setHeaderText("A person who codes. Initials identify them in exports and agreement tables.");
        TextField name = new TextField();
        name.setPromptText("full name");
        TextField initials = new TextField();
        initials.setPromptText("e.g. AL");
        initials.setPrefColumnCount(6);
        Label problem = new Label();
        problem.getStyleClass().add("form-problems");
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.setPadding(new Insets(10));
        g.getColumnConstraints().setAll(labelColumn(), fieldColumn());
        g.addRow(0, new Label("Name"), name);
        g.addRow(1, new Label("Initials *"), initials);
        g.add(problem, 0, 2, 2, 1);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getStylesheets().add(Styles.STYLESHEET);
        ButtonType add = new ButtonType("Add coder", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(add, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(add).addEventFilter(ActionEvent.ACTION, e -> {
            String why = initialsProblem(initials.getText(), existingInitials);
            if (why != null) {
                problem.setText(why);
                e.consume();
            }
        });
        initials.textProperty().addListener((o, was, now) -> { // a shown problem follows the field: gone once fixed
            if (!problem.getText().isEmpty()) problem.setText(Objects.requireNonNullElse(initialsProblem(now, existingInitials), ""));
        });
        d.setResultConverter(b -> b == add ? new NewCoder(name.getText().trim(), initials.getText().trim()) : null);
        javafx.application.Platform.runLater(name::requestFocus);
        return d.showAndWait();
    }

    @Override
    public Optional<Path> videoToAttach(Window owner) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Attach a video (it stays where it is; the study links to it)");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Video (*.mp4, *.m4v, *.mov)", "*.mp4", "*.m4v", "*.mov", "*.MP4", "*.MOV"));
        return Optional.ofNullable(fc.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<String> offset(Window owner, String videoName, String currentSeconds) {
        javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog(currentSeconds);
        d.initOwner(owner);
        d.setTitle("Camera offset");
        d.setHeaderText("Where does " + videoName + "'s 0:00 lie on the session clock?\n"
                + "In seconds: e.g. 1.250 if this camera started 1.25 s after camera 1, -0.5 if half a second before.");
        return d.showAndWait();
    }

    @Override
    public Optional<Path> relink(Window owner, String storedPath, Path expected) {
        Alert a = new Alert(Alert.AlertType.WARNING);
        a.initOwner(owner);
        a.setTitle("Video not found");
        a.setHeaderText("The video " + Path.of(storedPath).getFileName() + " is not where the study expects it.");
        a.setContentText("The study looked for it at\n" + expected + "\n\nIf it was moved or renamed, locate it; the study will link to the new place "
                + "(the video is not copied). Other missing videos in the same folder are relinked with it (found by name; a coder package's videos also renamed, by their size).");
        ButtonType locate = new ButtonType("Locate…", ButtonBar.ButtonData.OK_DONE);
        a.getButtonTypes().setAll(locate, ButtonType.CANCEL);
        if (a.showAndWait().filter(locate::equals).isEmpty()) return Optional.empty();
        FileChooser fc = new FileChooser();
        fc.setTitle("Locate " + Path.of(storedPath).getFileName());
        fc.setInitialFileName(Path.of(storedPath).getFileName().toString());
        return Optional.ofNullable(fc.showOpenDialog(owner)).map(File::toPath);
    }

    /**
     * Dates as the study stores them, ISO 8601 (2026-03-14), for the calendar and the typed text alike:
     * the locale's short format (11/12/2026) would be ambiguous and refused by the form. Text that is
     * not a date yet gives no date (and no exception while it is being typed).
     */
    static javafx.util.StringConverter<java.time.LocalDate> isoDates() {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(java.time.LocalDate d) {
                return d == null ? "" : d.toString();
            }

            @Override
            public java.time.LocalDate fromString(String text) {
                try {
                    return text == null || text.isBlank() ? null : java.time.LocalDate.parse(text.trim());
                } catch (java.time.format.DateTimeParseException e) {
                    return null;
                }
            }
        };
    }

    /** A typed ISO date in the user's own words ("14 Mar 2026"), beside the field; empty while it is not a date. */
    static String inWords(String iso) {
        java.time.LocalDate d = isoDates().fromString(iso);
        return d == null ? "" : d.format(java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM));
    }
}
