package org.attune.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.MenuItem;

/**
 * The menu items of the recently opened studies, newest first, as File ▸ Open recent and the study
 * browser's Recent button list them: the file's name, then its folder; a study that is no longer
 * there is shown but cannot be chosen.
 */
public final class RecentStudies {

    private RecentStudies() {
    }

    /** One item per study (or one disabled "(none yet)"); choosing an item hands its path to {@code open}. */
    public static List<MenuItem> items(List<Path> studies, Consumer<Path> open) {
        List<MenuItem> items = new ArrayList<>();
        for (Path p : studies) {
            MenuItem m = new MenuItem(p.getFileName() + "   —   " + (p.getParent() == null ? "" : p.getParent()));
            m.setMnemonicParsing(false); // folder names may hold underscores
            m.setDisable(!Files.isRegularFile(p));
            m.setOnAction(e -> open.accept(p));
            items.add(m);
        }
        if (items.isEmpty()) {
            MenuItem none = new MenuItem("(none yet)");
            none.setDisable(true);
            items.add(none);
        }
        return items;
    }
}
