package org.attune.ui.app;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

/**
 * The app's menu bar: File, Coding, View, Help, with mnemonics (Alt+F …) and accelerators shown, on
 * macOS in the system menu bar. Each item runs an action of the views it is given; the menus hold no
 * logic of their own. Accelerators use Shortcut (Ctrl, ⌘ on macOS) with keys coding never uses
 * (the coding workspace handles its own keys first, so a code key never reaches a menu).
 */
final class AppMenus {
    private AppMenus() {
    }

    /** What the menus do; each a view's action. */
    record Actions(Runnable newStudy, Runnable openStudy, Supplier<List<Path>> recentStudies, Consumer<Path> openRecent, Runnable changeScheme,
                   Runnable closeStudy, Runnable quit, Runnable closePass, Runnable keys, List<Runnable> showTab, List<String> tabNames,
                   Runnable resetLayout, Runnable about) {
    }

    static MenuBar build(Actions a) {
        Menu recent = new Menu("Open _recent");
        recent.getItems().add(new MenuItem("(none yet)")); // a menu with no items never shows, so never refills
        Menu file = new Menu("_File", null,
                item("_New study…", "Shortcut+N", a.newStudy()),
                item("_Open study…", "Shortcut+O", a.openStudy()),
                recent,
                new SeparatorMenuItem(),
                item("_Change scheme…", null, a.changeScheme()),
                new SeparatorMenuItem(),
                item("C_lose study", null, a.closeStudy()),
                item("_Quit", "Shortcut+Q", a.quit()));
        file.setOnShowing(e -> {
            recent.getItems().setAll(org.attune.ui.RecentStudies.items(a.recentStudies().get(), a.openRecent()));
        });
        Menu coding = new Menu("_Coding", null,
                item("_Close pass", null, a.closePass()),
                item("_Keys…", null, a.keys()));
        Menu view = new Menu("_View");
        for (int i = 0; i < a.showTab().size(); i++) view.getItems().add(item(a.tabNames().get(i), "Shortcut+" + (i + 1), a.showTab().get(i)));
        view.getItems().addAll(new SeparatorMenuItem(), item("_Reset the layout", null, a.resetLayout()));
        Menu help = new Menu("_Help", null, item("_About Attune", null, a.about()));
        MenuBar bar = new MenuBar(file, coding, view, help);
        bar.setUseSystemMenuBar(true); // macOS: the menus in the screen's menu bar, as Mac users expect
        return bar;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (accelerator != null) m.setAccelerator(KeyCombination.keyCombination(accelerator));
        m.setOnAction(e -> action.run());
        return m;
    }
}
