package org.attune.ui;

import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.attune.ui.scheme.SchemeBrowserView;
import org.attune.ui.scheme.SchemeBrowserViewModel;

/** The Attune desktop app. Until studies exist it opens on the default coding scheme. */
public final class AttuneApp extends Application {

    public static final String STYLESHEET = Objects.requireNonNull(
            AttuneApp.class.getResource("attune.css"), "attune.css missing from the build").toExternalForm();

    public static void launchApp(String[] args) {
        Application.launch(AttuneApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        SchemeBrowserViewModel model = new SchemeBrowserViewModel();
        SchemeBrowserView view = new SchemeBrowserView(model, new FxDialogService(stage));
        Scene scene = new Scene(view, 1280, 800);
        scene.getStylesheets().add(STYLESHEET);
        stage.titleProperty().bind(model.schemeProperty().map(s -> "Attune — " + s.name()));
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        stage.show();
    }
}
