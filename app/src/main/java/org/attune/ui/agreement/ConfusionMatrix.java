package org.attune.ui.agreement;

import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/** A result's table: first coder on the rows, second on the columns; agreement on the diagonal. */
final class ConfusionMatrix extends GridPane {

    ConfusionMatrix() {
        getStyleClass().add("confusion-matrix");
        setHgap(2);
        setVgap(2);
    }

    void show(List<String> categories, double[][] table, String first, String second) {
        getChildren().clear();
        if (table == null || categories == null) {
            add(new Label("No table for this result."), 0, 0);
            return;
        }
        Label corner = cell(first + " ↓  " + second + " →", "matrix-corner");
        add(corner, 0, 0);
        double max = 1;
        for (double[] row : table) for (double v : row) max = Math.max(max, v);
        for (int j = 0; j < categories.size(); j++) add(cell(categories.get(j), "matrix-header"), j + 1, 0);
        for (int i = 0; i < categories.size(); i++) {
            add(cell(categories.get(i), "matrix-header"), 0, i + 1);
            for (int j = 0; j < categories.size(); j++) {
                double v = table[i][j];
                Label c = cell(v == Math.rint(v) ? Long.toString((long) v) : String.format("%.1f", v), "matrix-cell");
                double shade = v / max;
                String base = i == j ? "34,136,51" : "238,102,119";
                c.setStyle("-fx-background-color: rgba(" + base + "," + (v == 0 ? 0.04 : 0.12 + 0.6 * shade) + ");");
                GridPane.setHalignment(c, HPos.RIGHT);
                add(c, j + 1, i + 1);
            }
        }
    }

    private static Label cell(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // never truncate a code name
        l.setAlignment(Pos.CENTER_RIGHT);
        return l;
    }
}
