package org.attune.ui.coding;

import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;

/** A code's colour as the palette and the timeline show it: its own, else its family's, else grey. */
final class CodeColours {

    static final String FALLBACK = "#9AA3AF";

    private CodeColours() {
    }

    static String hex(CodingScheme scheme, Code c) {
        if (c.color() != null) return c.color().hex();
        return scheme.families().stream().filter(f -> f.id().equals(c.family()) && f.color() != null).map(f -> f.color().hex()).findFirst().orElse(FALLBACK);
    }
}
