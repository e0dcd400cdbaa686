package org.attune.ui;

/** A view that opens its own file chooser, for ArchitectureTest's canary. Never used. */
public final class DialogRuleFixture {
    javafx.stage.FileChooser chooser;
}
