package org.attune.ui;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.attune.scheme.KeyboardLayout;
import org.attune.ui.agreement.AgreementView;
import org.attune.ui.agreement.AgreementViewModel;
import org.attune.ui.coding.CodingWorkspace;
import org.attune.ui.measures.MeasuresView;
import org.attune.ui.measures.MeasuresViewModel;
import org.attune.ui.scheme.SchemeBrowserView;
import org.attune.ui.scheme.SchemeBrowserViewModel;

/** The Attune desktop app: the coding workspace, the coding scheme, inter-rater agreement and derived measures. */
public final class AttuneApp extends Application {

    public static final String STYLESHEET = Objects.requireNonNull(
            AttuneApp.class.getResource("attune.css"), "attune.css missing from the build").toExternalForm();

    /** Work that must not run on the FX thread (loading studies, computing agreement). */
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "attune-background");
        t.setDaemon(true);
        return t;
    });

    public static void launchApp(String[] args) {
        Application.launch(AttuneApp.class, args);
    }

    private CodingWorkspace codingView;

    @Override
    public void start(Stage stage) {
        FxDialogService dialogs = new FxDialogService(stage);
        SchemeBrowserViewModel schemeModel = new SchemeBrowserViewModel();
        SchemeBrowserView schemeView = new SchemeBrowserView(schemeModel, dialogs);
        AgreementView agreementView = new AgreementView(new AgreementViewModel(), dialogs, background);
        Tab schemeTab = new Tab("Coding scheme", schemeView);
        Tab agreementTab = new Tab("Agreement", agreementView);
        MeasuresView measuresView = new MeasuresView(new MeasuresViewModel(), dialogs, background);
        Tab measuresTab = new Tab("Measures", measuresView);
        codingView = new CodingWorkspace(dialogs, KeyboardLayout.forLocale(Locale.getDefault()));
        Tab codingTab = new Tab("Coding", codingView);
        TabPane tabs = new TabPane(codingTab, schemeTab, agreementTab, measuresTab);
        java.util.function.Consumer<VideoJump> toVideo = jump -> {
            tabs.getSelectionModel().select(codingTab);
            codingView.show(jump);
        };
        agreementView.setOnJump(toVideo);
        measuresView.setOnJump(toVideo);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Scene scene = new Scene(tabs, 1280, 800);
        scene.getStylesheets().add(STYLESHEET);
        stage.titleProperty().bind(schemeModel.schemeProperty().map(s -> "Attune — " + s.name()));
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        stage.show();
        // development aid: -Dattune.open.study=FILE opens a study at start (-Dattune.open.tab=coding|agreement|measures)
        String study = System.getProperty("attune.open.study");
        if (study != null) {
            String tab = System.getProperty("attune.open.tab", "agreement");
            tabs.getSelectionModel().select(switch (tab) {
                case "measures" -> measuresTab;
                case "coding" -> codingTab;
                default -> agreementTab;
            });
            if (tab.equals("coding")) {
                codingView.open(Path.of(study));
            } else {
                agreementView.open(Path.of(study));
                measuresView.open(Path.of(study));
            }
        }
    }

    @Override
    public void stop() {
        if (codingView != null) codingView.close();
        background.shutdownNow();
    }
}
