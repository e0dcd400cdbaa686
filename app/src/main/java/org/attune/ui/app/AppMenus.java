package org.attune.ui.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import org.attune.ui.RecentStudies;

/**
 * The app's menu bar: File, Edit, Coding, Reliability, View, Help, with mnemonics (Alt+F …) and accelerators shown,
 * on macOS in the system menu bar. Each item runs an action of the views ({@link Actions}); the menus
 * hold no logic of their own. Accelerators use Shortcut (Ctrl, ⌘ on macOS) with keys coding never uses;
 * the coding workspace handles its own keys first (Ctrl+Z there undoes without reaching the menu).
 */
final class AppMenus {
    private AppMenus() {
    }

    /** What the menus do; each a view's action. */
    interface Actions {
        void newStudy();

        void openStudy();

        /** A study on the lab's PostgreSQL server (issue 18). */
        void openLabStudy();

        List<Path> recentStudies();

        void openRecent(Path study);

        void saveCopy();

        void importEvents();

        void importBorisEthogram();

        void importBorisProject();

        void sendPasses();

        void sendPassesSealed();

        void receivePasses();

        void verifyVideos();

        void exportBoris();

        void exportElan();

        void exportSdis();

        void importPeerEvents();

        void exportEvents();

        void exportRatings();

        void exportMeasures();

        void exportAgreement();

        void exportMethodsParagraph();

        void exportManual();

        void changeScheme();

        void closeStudy();

        void quit();

        /** What Undo would undo now, in words ("coding Child bid"); empty when there is nothing to undo. */
        Optional<String> undoable();

        Optional<String> redoable();

        void undo();

        void redo();

        void closePass();

        void markDone();

        void keys();

        void toggleGold();

        void toggleTraining();

        void editCriterion();

        void drawSample();

        void buildConsensus();

        List<String> tabNames();

        void showTab(int index);

        void zoomTimeline(double factor);

        void wholeTimeline();

        void resetLayout();

        void keyboardShortcuts();

        void codingManual();

        void about();
    }

    static MenuBar build(Actions a) {
        Menu recent = new Menu("Open _recent");
        recent.getItems().add(new MenuItem("(none yet)")); // a menu with no items never shows, so never refills
        Menu export = new Menu("_Export", null,
                item("_Events (CSV)…", null, a::exportEvents),
                item("_BORIS project…", null, a::exportBoris),
                item("E_LAN documents…", null, a::exportElan),
                item("_GSEQ data (SDIS)…", null, a::exportSdis),
                item("Session _ratings (CSV)…", null, a::exportRatings),
                item("_Measures (CSV)…", null, a::exportMeasures),
                item("_Agreement results (CSV)…", null, a::exportAgreement),
                item("Methods _paragraph (text)…", null, a::exportMethodsParagraph),
                item("Coding _manual (HTML)…", null, a::exportManual));
        Menu file = new Menu("_File", null,
                item("_New study…", "Shortcut+N", a::newStudy),
                item("_Open study…", "Shortcut+O", a::openStudy),
                recent,
                item("Open _lab study…", null, a::openLabStudy),
                item("Save a _copy…", "Shortcut+Shift+S", a::saveCopy),
                new SeparatorMenuItem(),
                item("_Import events from CSV…", null, a::importEvents),
                item("Import BORIS _project…", null, a::importBorisProject),
                item("Import from E_LAN or Datavyu…", null, a::importPeerEvents),
                item("Import _BORIS ethogram…", null, a::importBorisEthogram),
                export,
                new SeparatorMenuItem(),
                item("Send passes to a co_der…", null, a::sendPasses),
                item("Send passes to a coder, _sealed…", null, a::sendPassesSealed),
                item("Recei_ve coded passes…", null, a::receivePasses),
                item("Chec_k the videos…", null, a::verifyVideos),
                new SeparatorMenuItem(),
                item("C_hange scheme…", null, a::changeScheme),
                new SeparatorMenuItem(),
                item("C_lose study", null, a::closeStudy),
                item("_Quit", "Shortcut+Q", a::quit));
        file.setOnShowing(e -> recent.getItems().setAll(RecentStudies.items(a.recentStudies(), a::openRecent)));
        MenuItem undo = item("_Undo", "Shortcut+Z", a::undo);
        MenuItem redo = item("_Redo", "Shortcut+Shift+Z", a::redo);
        undo.setId("menuUndo");
        redo.setId("menuRedo");
        Menu edit = new Menu("_Edit", null, undo, redo);
        edit.setOnShowing(e -> {
            Optional<String> u = a.undoable();
            undo.setText(u.map(w -> "_Undo " + w).orElse("_Undo"));
            undo.setDisable(u.isEmpty());
            Optional<String> r = a.redoable();
            redo.setText(r.map(w -> "_Redo " + w).orElse("_Redo"));
            redo.setDisable(r.isEmpty());
        });
        Menu coding = new Menu("_Coding", null,
                item("_Close pass", null, a::closePass),
                item("_Mark done", null, a::markDone),
                new SeparatorMenuItem(),
                item("_Keys…", null, a::keys));
        Menu reliability = new Menu("_Reliability", null,
                item("_Gold standard: the selected pass", null, a::toggleGold),
                item("_Training session: the selected session", null, a::toggleTraining),
                new SeparatorMenuItem(),
                item("_Criterion…", null, a::editCriterion),
                item("Draw a reliability _sample…", null, a::drawSample),
                new SeparatorMenuItem(),
                item("Build a c_onsensus pass of the selected session…", null, a::buildConsensus));
        Menu view = new Menu("_View");
        List<String> tabs = a.tabNames();
        for (int i = 0; i < tabs.size(); i++) {
            int index = i;
            view.getItems().add(item(tabs.get(i), "Shortcut+" + (i + 1), () -> a.showTab(index)));
        }
        view.getItems().addAll(new SeparatorMenuItem(),
                item("Timeline: zoom _in", "Shortcut+Equals", () -> a.zoomTimeline(0.5)),
                item("Timeline: zoom _out", "Shortcut+Minus", () -> a.zoomTimeline(2)),
                item("Timeline: the _whole session", "Shortcut+0", a::wholeTimeline),
                new SeparatorMenuItem(),
                item("_Reset the layout", null, a::resetLayout));
        Menu help = new Menu("_Help", null,
                item("_Keyboard shortcuts", "F1", a::keyboardShortcuts),
                item("Coding _manual", null, a::codingManual),
                new SeparatorMenuItem(),
                item("_About Attune", null, a::about));
        MenuBar bar = new MenuBar(file, edit, coding, reliability, view, help);
        bar.setUseSystemMenuBar(true); // macOS: the menus in the screen's menu bar, as Mac users expect
        return bar;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setMnemonicParsing(true);
        if (accelerator != null) m.setAccelerator(KeyCombination.keyCombination(accelerator));
        m.setOnAction(e -> action.run());
        return m;
    }
}
