package org.attune.ui;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Text;

/** A read-only table column showing one text per row, as the views' result and event tables use. */
public final class TextColumn {

    private TextColumn() {
    }

    public static <R> TableColumn<R, String> of(String title, Function<R, String> text, double width) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(text.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /**
     * Like {@link #of}, for texts of several lines (joined with '\n'): the row grows to show every line
     * instead of ending the first in "…". The theme's fixed cell size (-fx-cell-size) would keep a row
     * one line high, so the cell measures its own lines.
     */
    public static <R> TableColumn<R, String> lines(String title, Function<R, String> text, double width) {
        TableColumn<R, String> c = of(title, text, width);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }

            @Override
            protected double computePrefHeight(double width) {
                double one = super.computePrefHeight(width);
                if (getText() == null || !getText().contains("\n")) return one;
                Text measure = new Text(getText());
                measure.setFont(getFont());
                return Math.max(one, measure.getLayoutBounds().getHeight() + snappedTopInset() + snappedBottomInset());
            }
        });
        return c;
    }
}
