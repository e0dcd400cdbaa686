package org.attune.ui.coding;

import java.util.Optional;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.attune.scheme.KeyboardLayout;
import org.attune.scheme.PhysicalKey;

/**
 * Which physical key ({@code KeyboardEvent.code}, ADR 3) a JavaFX key event came from. JavaFX reports
 * the layout's key (on a German keyboard the key right of T arrives as Z), not the position, so the
 * typed character is looked up in the coder's layout; numpad keys are told apart by their key code.
 */
final class FxKeys {

    private FxKeys() {
    }

    static Optional<String> physicalCode(KeyEvent e, KeyboardLayout layout) {
        KeyCode k = e.getCode();
        if (k.isKeypadKey() && k.isDigitKey()) return Optional.of("Numpad" + k.getName().replaceAll("\\D", ""));
        String text = e.getText();
        if (text != null && !text.isBlank()) {
            Optional<PhysicalKey> byChar = layout.keyForCharacter(text);
            if (byChar.isPresent()) return Optional.of(byChar.get().code());
        }
        if (k.isLetterKey()) return Optional.of("Key" + k.getName().toUpperCase());
        if (k.isDigitKey()) return Optional.of("Digit" + k.getName().replaceAll("\\D", ""));
        if (k == KeyCode.BACK_QUOTE) return Optional.of("Backquote");
        return Optional.empty();
    }
}
