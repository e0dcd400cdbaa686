package org.attune.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attune.coding.KeyCard;
import org.attune.coding.KeyMap;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.KeyboardLayout;
import org.attune.scheme.manual.CodingManual;

/**
 * Help ▸ Keyboard shortcuts and Help ▸ Coding manual: each written as a web page into the user's
 * Attune folder (beside the settings; never into the study's folder) and opened in the system's
 * browser to read or print — a local file, no network. Where the system cannot open it, the page's
 * path is said instead.
 */
public final class HelpPages {

    private final Path folder;
    private final DialogService dialogs;
    /** Opens a page in the browser; null where the system cannot (the path is said instead). */
    private final java.util.function.Consumer<Path> opener;

    /** @param folder where the pages are written (the folder of the user's settings) */
    public HelpPages(Path folder, DialogService dialogs) {
        this(folder, dialogs, FolderOpener.canOpen() ? page -> FolderOpener.open(page, dialogs) : null);
    }

    HelpPages(Path folder, DialogService dialogs, java.util.function.Consumer<Path> opener) {
        this.folder = folder;
        this.dialogs = dialogs;
        this.opener = opener;
    }

    /** The coder's keys on one printable page. */
    public void keyboardShortcuts(KeyMap keys, KeyboardLayout layout, String who) {
        show("keyboard-shortcuts.html", KeyCard.html(keys, layout, who), "Keyboard shortcuts");
    }

    /** The open study's scheme as its coding manual. */
    public void codingManual(CodingScheme scheme, KeyboardLayout layout) {
        show(scheme.id() + "-manual.html", CodingManual.html(scheme, layout), "Coding manual");
    }

    /** Writes the page (replacing the one written before) and opens it; returns where it is. */
    Path show(String name, String html, String title) {
        Path page = folder.resolve(name);
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, "." + name, ".part");
            Files.writeString(tmp, html);
            Files.move(tmp, page, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            dialogs.showError(title + " cannot be shown", "Attune could not write " + page + " (" + e.getMessage() + ").");
            return page;
        }
        if (opener != null) opener.accept(page);
        else dialogs.showInfo(title, "The page is at " + page + ". Open it in your web browser to read or print it.");
        return page;
    }
}
