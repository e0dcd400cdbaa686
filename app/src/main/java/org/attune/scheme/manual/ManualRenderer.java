package org.attune.scheme.manual;

import java.util.List;
import org.attune.scheme.HexColor;

/** The few building blocks a coding manual is made of; one implementation per output format. */
interface ManualRenderer {

    void title(String title, String subtitle);

    void heading(int level, String text, String anchor, HexColor accent);

    void paragraph(String text);

    /** A labelled paragraph ("Onset: …"); skipped by callers when the text is empty. */
    void field(String label, String text);

    void bullets(String label, List<String> items);

    void table(List<String> headers, List<List<String>> rows);

    /** A keyboard diagram: each key's label and the code (and its colour) assigned to it. */
    void keyboard(List<List<KeyCap>> rows);

    void quote(String text, String attribution);

    /** Starts the block of one code, kept together on a printed page. */
    void beginCode(HexColor color);

    void endCode();

    String finish();

    /** One key of the keyboard diagram. */
    record KeyCap(String label, String codeId, HexColor color) {
    }
}
