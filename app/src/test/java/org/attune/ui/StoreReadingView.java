package org.attune.ui;

import javafx.scene.control.Label;
import org.attune.store.Study;

/** A view that reads the study itself: ArchitectureTest's canary for the rule that views do not touch the store. */
public final class StoreReadingView extends Label {

    public StoreReadingView(Study study) {
        super(study.name());
    }
}
