package org.attune.ui;

import java.util.Objects;

/** The app's stylesheet, for every scene and dialog (views live in subpackages; the app in {@code ui.app}). */
public final class Styles {

    public static final String STYLESHEET = Objects.requireNonNull(
            Styles.class.getResource("attune.css"), "attune.css missing from the build").toExternalForm();

    private Styles() {
    }
}
