package org.attune.ui;

/** A view model that holds a node, for ArchitectureTest's canary. Never used. */
public final class CanaryViewModel {
    javafx.scene.control.Label label;
}
