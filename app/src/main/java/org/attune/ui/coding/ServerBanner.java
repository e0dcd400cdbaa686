package org.attune.ui.coding;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;

/** The banner over the coding workspace while a lab study's server is out of reach (issue 18): shown only then. */
final class ServerBanner {

    private ServerBanner() {
    }

    static Label of(ObservableStringValue outage) {
        Label banner = new Label();
        banner.setId("serverBanner");
        banner.getStyleClass().add("server-banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(outage);
        banner.visibleProperty().bind(javafx.beans.binding.Bindings.isNotNull(outage));
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }
}
