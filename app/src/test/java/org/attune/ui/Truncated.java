package org.attune.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/**
 * Finds text the user cannot read whole: a {@link Labeled} (label, button, check box) whose drawn
 * text differs from its text because the skin cut it to fit ("Coordinated joint engag…"). Call it
 * after a layout pass, on the FX thread.
 */
public final class Truncated {
    private Truncated() {
    }

    /** The texts of every visible labeled node under {@code root} that is drawn cut off. */
    public static List<String> in(Node root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (!n.isVisible()) return;
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            for (Node child : l.getChildrenUnmodifiable()) {
                if (child instanceof Text t && t.isVisible() && !l.getText().equals(t.getText())) out.add(l.getText() + " drawn as " + t.getText());
            }
        }
        if (n instanceof Parent p) for (Node child : p.getChildrenUnmodifiable()) collect(child, out);
    }
}
