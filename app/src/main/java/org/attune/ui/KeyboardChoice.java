package org.attune.ui;

import javafx.scene.control.ChoiceBox;
import javafx.util.StringConverter;
import org.attune.scheme.KeyboardLayout;

/** A choice of keyboard layout, each shown by its name ("German QWERTZ"), as the scheme browser and the keys dialog offer it. */
public final class KeyboardChoice {

    private KeyboardChoice() {
    }

    public static ChoiceBox<KeyboardLayout> create() {
        ChoiceBox<KeyboardLayout> box = new ChoiceBox<>();
        box.getItems().setAll(KeyboardLayout.values());
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(KeyboardLayout l) {
                return l == null ? "" : l.displayName();
            }

            @Override
            public KeyboardLayout fromString(String s) {
                return null;
            }
        });
        return box;
    }
}
