package org.attune.ui.scheme;

import javafx.scene.control.Label;

/** A key drawn as a keycap, e.g. [G]. */
final class KeyBadge {
    private KeyBadge() {
    }

    static Label of(String label) {
        Label l = new Label(label);
        l.getStyleClass().add("key-badge");
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }
}
