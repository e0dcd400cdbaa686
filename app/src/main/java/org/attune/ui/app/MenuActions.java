package org.attune.ui.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.attune.ui.DialogService;
import org.attune.ui.FileActions;
import org.attune.ui.HelpPages;
import org.attune.ui.OpenStudy;
import org.attune.ui.UserSettings;
import org.attune.ui.agreement.AgreementView;
import org.attune.ui.coding.CodingWorkspace;
import org.attune.ui.measures.MeasuresView;
import org.attune.ui.study.StudyBrowser;

/**
 * What each menu item does, as actions of the views and of {@link FileActions}: the menus
 * ({@link AppMenus}) hold no logic and this holds no state of its own. An action shows the tab it
 * belongs to first, so its dialogs open over the view they are about.
 */
final class MenuActions implements AppMenus.Actions {

    /** The app's tabs, in order. */
    record Tabs(TabPane pane, Tab study, Tab coding, Tab scheme, Tab agreement, Tab measures, Tab reliability) {
        List<Tab> all() {
            return List.of(study, coding, scheme, agreement, measures, reliability);
        }
    }

    private final Tabs tabs;
    private final StudyBrowser browser;
    private final CodingWorkspace coding;
    private final AgreementView agreement;
    private final MeasuresView measures;
    private final OpenStudy open;
    private final FileActions files;
    private final HelpPages help;
    private final DialogService dialogs;
    private final UserSettings settings;
    private final Stage stage;
    private org.attune.ui.reliability.ReliabilityViewModel reliability;

    MenuActions(Tabs tabs, StudyBrowser browser, CodingWorkspace coding, AgreementView agreement, MeasuresView measures, OpenStudy open,
                FileActions files, HelpPages help, DialogService dialogs, UserSettings settings, Stage stage) {
        this.tabs = tabs;
        this.browser = browser;
        this.coding = coding;
        this.agreement = agreement;
        this.measures = measures;
        this.open = open;
        this.files = files;
        this.help = help;
        this.dialogs = dialogs;
        this.settings = settings;
        this.stage = stage;
    }

    /** The reliability workflow's actions (the Reliability menu). */
    MenuActions withReliability(org.attune.ui.reliability.ReliabilityViewModel model) {
        this.reliability = model;
        return this;
    }

    @Override
    public void toggleGold() {
        show(tabs.study());
        java.util.Optional<org.attune.ui.study.StudyOverview.Cell> cell = browser.selectedCell();
        reliability.toggleGold(cell.flatMap(org.attune.ui.study.StudyOverview.Cell::pass),
                cell.map(c -> c.coder().initials() + "'s pass of " + c.session().label()).orElse(""));
    }

    @Override
    public void toggleTraining() {
        show(tabs.study());
        reliability.toggleTraining(browser.selectedSession());
    }

    @Override
    public void editCriterion() {
        show(tabs.reliability());
        reliability.editCriterion();
    }

    @Override
    public void drawSample() {
        show(tabs.reliability());
        reliability.drawSample();
    }

    @Override
    public void buildConsensus() {
        show(tabs.study());
        java.util.Optional<org.attune.coding.Session> session = browser.selectedSession();
        reliability.buildConsensus(session, review -> {
            Stage window = new Stage();
            window.initOwner(stage);
            window.setTitle("Consensus — " + session.map(org.attune.coding.Session::label).orElse(""));
            javafx.scene.Scene scene = new javafx.scene.Scene(new org.attune.ui.reliability.ConsensusReview(review), 760, 520);
            scene.getStylesheets().addAll(stage.getScene().getStylesheets());
            window.setScene(scene);
            window.show();
            scene.getRoot().requestFocus();
        }, jump -> { // the main window shows the consensus pass's video at the disagreement, with the decisions made so far
            show(tabs.coding());
            coding.refreshPass();
            coding.show(jump);
        });
    }

    private void show(Tab tab) {
        tabs.pane().getSelectionModel().select(tab);
    }

    // ------------------------------------------------------------------ File

    @Override
    public void newStudy() {
        show(tabs.study());
        browser.createStudy();
    }

    @Override
    public void openStudy() {
        show(tabs.study());
        browser.chooseAndOpen();
    }

    @Override
    public void openLabStudy() {
        show(tabs.study());
        browser.openLabStudy();
    }

    @Override
    public List<Path> recentStudies() {
        return settings.recentStudies();
    }

    @Override
    public void openRecent(Path study) {
        show(tabs.study());
        browser.openStudy(study);
    }

    @Override
    public void saveCopy() {
        files.saveCopy();
    }

    @Override
    public void importEvents() {
        show(tabs.study());
        files.importEvents();
    }

    @Override
    public void importBorisEthogram() {
        files.importBorisEthogram();
    }

    @Override
    public void importBorisProject() {
        files.importBorisProject();
    }

    @Override
    public void sendPasses() {
        files.sendPasses();
    }

    @Override
    public void sendPassesSealed() {
        files.sendPassesSealed();
    }

    @Override
    public void verifyVideos() {
        files.verifyVideos();
    }

    @Override
    public void receivePasses() {
        show(tabs.study());
        files.receivePasses();
    }

    @Override
    public void exportBoris() {
        files.exportBoris();
    }

    @Override
    public void exportElan() {
        files.exportElan();
    }

    @Override
    public void exportSdis() {
        files.exportSdis();
    }

    @Override
    public void importPeerEvents() {
        show(tabs.study());
        files.importPeerEvents();
    }

    @Override
    public void exportEvents() {
        files.exportEvents();
    }

    @Override
    public void exportRatings() {
        files.exportRatings();
    }

    @Override
    public void exportMeasures() {
        if (!open.isOpen()) {
            dialogs.showInfo("No study is open", "Open a study first (File ▸ Open study…), then export its measures.");
            return;
        }
        if (files.blindRefuses("exporting measures")) return;
        show(tabs.measures()); // computes them if the study changed since they were shown
        measures.exportWhenComputed();
    }

    @Override
    public void exportAgreement() {
        if (files.blindRefuses("exporting agreement")) return;
        show(tabs.agreement());
        if (agreement.hasResults()) {
            agreement.export();
        } else {
            dialogs.showInfo("Compute agreement first", "Choose two coders and a method on the left of the Agreement tab and press Compute agreement; "
                    + "then export the table it shows (Export results… or File ▸ Export ▸ Agreement results).");
        }
    }

    @Override
    public void exportMethodsParagraph() {
        if (files.blindRefuses("exporting the methods paragraph")) return;
        show(tabs.agreement());
        files.exportText("Export the methods paragraph", "methods-paragraph.txt", agreement.methodsParagraph(),
                "The methods paragraph is written when agreement is computed: choose two coders and a method in the Agreement tab and "
                        + "press Compute agreement, then export it.");
    }

    @Override
    public void exportManual() {
        files.exportManual();
    }

    @Override
    public void changeScheme() {
        show(tabs.study());
        browser.changeScheme();
    }

    @Override
    public void closeStudy() {
        coding.closePass();
        open.close();
        browser.refresh();
    }

    @Override
    public void quit() {
        stage.close();
    }

    // ------------------------------------------------------------------ Edit

    @Override
    public Optional<String> undoable() {
        return coding.undoable(false);
    }

    @Override
    public Optional<String> redoable() {
        return coding.undoable(true);
    }

    @Override
    public void undo() {
        show(tabs.coding());
        coding.undoRedo(false);
    }

    @Override
    public void redo() {
        show(tabs.coding());
        coding.undoRedo(true);
    }

    // ------------------------------------------------------------------ Coding

    @Override
    public void closePass() {
        coding.closePass();
    }

    @Override
    public void markDone() {
        Optional<CodingWorkspace.PassChoice> p = coding.currentPass();
        if (p.isEmpty()) {
            dialogs.showInfo("No pass is open", "Open a pass in the Coding tab (or mark a pass done in the Study tab).");
            return;
        }
        browser.markDone(p.get().session(), p.get().coder(), p.get().pass());
    }

    @Override
    public void keys() {
        show(tabs.coding());
        coding.editKeys();
    }

    // ------------------------------------------------------------------ View

    @Override
    public List<String> tabNames() {
        return List.of("_Study", "C_oding", "Coding _scheme", "_Agreement", "_Measures", "_Reliability");
    }

    @Override
    public void showTab(int index) {
        show(tabs.all().get(index));
    }

    @Override
    public void zoomTimeline(double factor) {
        show(tabs.coding());
        coding.zoomTimeline(factor);
    }

    @Override
    public void wholeTimeline() {
        show(tabs.coding());
        coding.wholeTimeline();
    }

    @Override
    public void resetLayout() {
        coding.resetLayout();
    }

    // ------------------------------------------------------------------ Help

    @Override
    public void keyboardShortcuts() {
        if (coding.keyMap() == null) {
            dialogs.showInfo("Keyboard shortcuts", "Open a study first: the keys are those of its coding scheme (and your own, set in Coding ▸ Keys…).");
            return;
        }
        help.keyboardShortcuts(coding.keyMap(), coding.keyboardLayout(), "Your keys in " + open.name());
    }

    @Override
    public void codingManual() {
        if (!open.isOpen()) {
            dialogs.showInfo("Coding manual", "Open a study first: the manual is that of its coding scheme.");
            return;
        }
        help.codingManual(open.scheme(), coding.keyboardLayout());
    }

    @Override
    public void about() {
        dialogs.showInfo("About Attune", AttuneApp.about(settings));
    }
}
