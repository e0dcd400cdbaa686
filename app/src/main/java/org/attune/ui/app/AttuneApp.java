package org.attune.ui.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.attune.scheme.KeyboardLayout;
import org.attune.store.Study;
import org.attune.ui.AppLog;
import org.attune.ui.DialogService;
import org.attune.ui.FxDialogService;
import org.attune.ui.OpenStudy;
import org.attune.ui.Styles;
import org.attune.ui.Tasks;
import org.attune.ui.UserSettings;
import org.attune.ui.VideoJump;
import org.attune.ui.agreement.AgreementView;
import org.attune.ui.agreement.AgreementViewModel;
import org.attune.ui.coding.CodingWorkspace;
import org.attune.ui.measures.MeasuresView;
import org.attune.ui.measures.MeasuresViewModel;
import org.attune.ui.scheme.SchemeBrowserView;
import org.attune.ui.scheme.SchemeBrowserViewModel;
import org.attune.ui.study.FxStudyForms;
import org.attune.ui.study.StudyBrowser;

/**
 * The Attune desktop app. Tabs: Study (the home: sessions × coders), Coding (the workspace),
 * Coding scheme, Agreement and Measures. One study is open at a time, shared by all tabs
 * ({@link OpenStudy}); on the first run that is the bundled sample study, later the last study opened.
 */
public final class AttuneApp extends Application {

    public static final String STYLESHEET = Styles.STYLESHEET;

    /** Work that must not run on the FX thread (loading studies, computing agreement). */
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "attune-background");
        t.setDaemon(true);
        return t;
    });

    /** Reads of the open study for the views (counts, overview, opening): they wait here, not on the FX thread. */
    private final ExecutorService studyReads = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "attune-study-reads");
        t.setDaemon(true);
        return t;
    });

    private final OpenStudy openStudy = new OpenStudy();
    /** What each event view last loaded: the study's edit count then. */
    private final Map<Tab, Long> loadedAt = new HashMap<>();

    /**
     * The log file beside the settings ({@link AppLog}); and a last resort for anything the views did
     * not catch: logged whole, shown in words, the app kept running.
     */
    private static void startLog(UserSettings settings, DialogService dialogs) {
        Path folder = settings.file() == null ? null : settings.file().toAbsolutePath().getParent();
        if (folder != null) {
            try {
                Path log = AppLog.install(folder.resolve("logs"));
                java.util.logging.Logger.getLogger("org.attune.ui").info("Attune started; log " + log);
            } catch (java.io.IOException e) {
                System.err.println("Attune cannot write its log in " + folder + ": " + e.getMessage());
            }
        }
        Thread.setDefaultUncaughtExceptionHandler((thread, t) -> {
            AppLog.failure("uncaught on " + thread.getName(), t);
            // shown after the current pulse: a dialog may not open during layout or an animation
            if (javafx.application.Platform.isFxApplicationThread()) javafx.application.Platform.runLater(() -> dialogs.showError("Something went wrong",
                    DialogService.inWords(t) + AppLog.whereText()));
        });
    }

    public static void launchApp(String[] args) {
        Application.launch(AttuneApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        FxDialogService dialogs = new FxDialogService(stage);
        UserSettings settings = UserSettings.load();
        startLog(settings, dialogs);
        StudyBrowser browser = new StudyBrowser(openStudy, settings, dialogs, new FxStudyForms(), Tasks.background(studyReads));
        // the study opens in the background while the window is built (start-up, issue 16): not after it shows
        String firstTab = openFirstStudy(browser, settings);
        SchemeBrowserViewModel schemeModel = new SchemeBrowserViewModel();
        SchemeBrowserView schemeView = new SchemeBrowserView(schemeModel, dialogs);
        AgreementView agreementView = new AgreementView(new AgreementViewModel(), dialogs, background);
        MeasuresView measuresView = new MeasuresView(new MeasuresViewModel(), dialogs, background);
        CodingWorkspace codingView = new CodingWorkspace(openStudy, dialogs, KeyboardLayout.forLocale(Locale.getDefault()), settings,
                Tasks.background(studyReads));
        Tab studyTab = new Tab("Study", browser);
        Tab codingTab = new Tab("Coding");
        Tab schemeTab = new Tab("Coding scheme");
        Tab agreementTab = new Tab("Agreement");
        Tab measuresTab = new Tab("Measures");
        Tab reliabilityTab = new Tab("Reliability");
        org.attune.ui.reliability.ReliabilityViewModel reliabilityModel = new org.attune.ui.reliability.ReliabilityViewModel(openStudy, dialogs,
                new org.attune.ui.reliability.FxReliabilityForms(stage), Tasks.background(studyReads), browser::say);
        org.attune.ui.reliability.ReliabilityView reliabilityView = new org.attune.ui.reliability.ReliabilityView(reliabilityModel);
        browser.setOnPassDone(reliabilityModel::trainingPassDone);

        TabPane tabs = new TabPane(studyTab, codingTab, schemeTab, agreementTab, measuresTab, reliabilityTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        reliabilityModel.setOnShowTraining(t -> {
            loadedAt.put(agreementTab, openStudy.edits()); // read here, with the training sessions: not again on showing the tab
            agreementView.showTraining(t.study(), t.session(), t.gold(), t.trainee());
            tabs.getSelectionModel().select(agreementTab);
        });
        // A tab's view joins the window when the tab is first shown: styling and laying out four hidden views
        // made the first paint half a second slower (docs/benchmarks.md, start-up).
        Map<Tab, Node> notYetShown = new HashMap<>(Map.of(codingTab, codingView, schemeTab, schemeView,
                agreementTab, agreementView, measuresTab, measuresView, reliabilityTab, reliabilityView));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            Node view = notYetShown.remove(t);
            if (view != null && t.getContent() == null) t.setContent(view);
        });

        browser.setOnOpenPass(cell -> {
            tabs.getSelectionModel().select(codingTab);
            codingView.openPass(cell.pass().orElseThrow().id());
        });
        java.util.function.Consumer<VideoJump> toVideo = jump -> {
            tabs.getSelectionModel().select(codingTab);
            codingView.show(jump);
        };
        agreementView.setOnJump(toVideo);
        measuresView.setOnJump(toVideo);

        // Views of several coders' events read the study when shown, if it changed since they last did;
        // while a blind pass is open for coding they stay closed (its coder must not see others' events).
        Runnable showEventViews = () -> {
            Tab t = tabs.getSelectionModel().getSelectedItem();
            if (!openStudy.isOpen() || (t != agreementTab && t != measuresTab && t != reliabilityTab)) return;
            if (openStudy.blindCodingActive()) return;
            Long at = loadedAt.get(t);
            if (at != null && at == openStudy.edits()) return;
            loadedAt.put(t, openStudy.edits());
            if (t == agreementTab) agreementView.open(openStudy.path());
            else if (t == reliabilityTab) reliabilityView.refresh();
            else measuresView.open(openStudy.path());
        };
        openStudy.onOpenedOrClosed(() -> {
            loadedAt.clear();
            if (openStudy.isOpen()) schemeModel.show(openStudy.scheme(), "scheme of " + openStudy.name());
            showEventViews.run();
        });
        openStudy.activePassProperty().addListener((o, a, p) -> {
            boolean blind = openStudy.blindCodingActive();
            agreementTab.setContent(blind ? blindNotice("Agreement") : agreementView);
            measuresTab.setContent(blind ? blindNotice("Measures") : measuresView);
            reliabilityTab.setContent(blind ? blindNotice("Reliability") : reliabilityView);
            showEventViews.run();
        });
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t == studyTab) browser.refresh();
            // entering the Coding tab, by a click on its header or any other route, gives the keys to coding
            // (else the tab strip keeps the focus: Space would do nothing and → would switch tabs)
            if (t == codingTab) javafx.application.Platform.runLater(codingView::requestFocus);
            showEventViews.run();
        });

        Path userFolder = settings.file() == null ? Path.of(System.getProperty("java.io.tmpdir"), "attune") : settings.file().toAbsolutePath().getParent();
        org.attune.ui.FileActions files = new org.attune.ui.FileActions(openStudy, dialogs, new org.attune.ui.FxExportForms(stage),
                Tasks.background(background), browser::say, codingView::keyboardLayout);
        files.setOnPassDone(reliabilityModel::trainingPassDone); // a trainee's training pass received back done: their result
        javafx.scene.control.MenuBar menus = AppMenus.build(new MenuActions(
                new MenuActions.Tabs(tabs, studyTab, codingTab, schemeTab, agreementTab, measuresTab, reliabilityTab), browser, codingView, agreementView, measuresView,
                openStudy, files, new org.attune.ui.HelpPages(userFolder, dialogs), dialogs, settings, stage).withReliability(reliabilityModel));
        javafx.scene.layout.BorderPane root = new javafx.scene.layout.BorderPane(tabs);
        root.setTop(menus);

        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        WindowSize size = WindowSize.toOpen(screen.getWidth(), screen.getHeight(), settings.get(WindowSize.KEY));
        Scene scene = new Scene(root, size.width(), size.height());
        scene.getStylesheets().add(STYLESHEET);
        stage.titleProperty().bind(openStudy.nameProperty().map(n -> n.isEmpty() ? "Attune" : "Attune — " + n));
        stage.setScene(scene);
        WindowSize least = WindowSize.minimum(screen.getWidth(), screen.getHeight());
        stage.setMinWidth(least.width());
        stage.setMinHeight(least.height());
        stage.setMaximized(settings.getBoolean("window.maximized", false));
        stage.setOnHiding(e -> { // the size the user left it at, for next time
            settings.put("window.maximized", Boolean.toString(stage.isMaximized()));
            if (!stage.isMaximized()) settings.put(WindowSize.KEY, new WindowSize(scene.getWidth(), scene.getHeight()).write());
        });
        StartupProbe.installIfAsked(scene, browser.showingStudyProperty());
        switch (firstTab) {
            case "coding" -> tabs.getSelectionModel().select(codingTab);
            case "agreement" -> tabs.getSelectionModel().select(agreementTab);
            case "measures" -> tabs.getSelectionModel().select(measuresTab);
            default -> { }
        }
        stage.show();
    }

    /** Help ▸ About: the version, and where the user's settings and the log are (to send with a question). */
    static String about(UserSettings settings) {
        String v = AttuneApp.class.getPackage().getImplementationVersion();
        return "Attune " + (v == null ? "(development build)" : v) + " — observation coding and inter-rater agreement for parent–child interaction.\n\n"
                + "Settings: " + settings.file() + "\n"
                + "Log: " + AppLog.file().map(Path::toString).orElse("not written in this run") + "\n\n"
                + "Attune makes no network connections of its own (only to your lab's PostgreSQL server, when you open a lab study on it)"
                + " and never copies or uploads your videos. Bundled libraries and their licences: "
                + "OpenJFX (GPL v2 with the Classpath Exception), ControlsFX (BSD 3-Clause), Apache Commons CSV (Apache 2.0), "
                + "SQLite JDBC by xerial (Apache 2.0; SQLite itself is public domain), Jackson (Apache 2.0), picocli (Apache 2.0), "
                + "the PostgreSQL JDBC driver (BSD 2-Clause), FFmpeg (LGPL 2.1 or later, through JavaCPP's presets, Apache 2.0).";
    }

    /**
     * Starts opening the first study, in the background: {@code -Dattune.open.study=FILE} (a double-clicked
     * study; the screenshots), otherwise the last study opened (a lab study: File ▸ Open lab study… shows, filled in),
     * or on the first run the sample study.
     * Returns the tab to show first: {@code -Dattune.open.tab=coding|agreement|measures}, else the study's.
     */
    private static String openFirstStudy(StudyBrowser browser, UserSettings settings) {
        String explicit = System.getProperty("attune.open.study");
        if (explicit != null) {
            Path file = Path.of(explicit);
            // a sealed package asks for its passphrase: in a dialog over the window, so after it shows
            if (org.attune.service.SealedPassPackages.isSealed(file)) javafx.application.Platform.runLater(() -> browser.openStudy(file));
            else browser.openStudy(file);
            return System.getProperty("attune.open.tab", "study");
        }
        if (settings.get(UserSettings.LAB_STUDY_LAST).isPresent()) { // a lab study: asked before connecting, over the window
            javafx.application.Platform.runLater(browser::openLabStudy);
            return "study";
        }
        Path last = settings.recentStudies().stream().filter(Files::isRegularFile).findFirst().orElse(null);
        if (last != null) browser.openStudy(last);
        else browser.openSample();
        return "study";
    }

    private static Node blindNotice(String view) {
        Label l = new Label(view + " is closed while a blind pass is open for coding: its coder must not see other coders' events.\n\n"
                + "Close the pass (Coding ▸ Close pass) or mark it done in the Study tab to open " + view + " again.");
        l.setWrapText(true);
        l.getStyleClass().add("blind-notice");
        l.setMaxWidth(560);
        javafx.scene.layout.StackPane p = new javafx.scene.layout.StackPane(l);
        p.setId("blindNotice");
        return p;
    }

    @Override
    public void stop() {
        openStudy.close();
        background.shutdownNow();
        studyReads.shutdownNow();
    }
}
