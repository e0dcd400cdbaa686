package org.attune.ui.coding;

import java.util.List;
import java.util.function.Function;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.converter.DefaultStringConverter;
import org.attune.coding.CodedEvent;
import org.attune.coding.EventEdit;
import org.attune.coding.TimeFormat;

/**
 * The pass's events as a virtualised table with the bar of edit buttons above it. It shows and
 * selects; what an edit means (checking it, committing it) is the workspace's, through {@link Host}.
 * Cells are edited on request only (F2 or Enter on the focused cell): a double-click shows the moment.
 */
final class EventTable extends BorderPane {

    /** What the table asks of the workspace. */
    interface Host {
        /** A cell's new text was entered. */
        void edit(CodedEvent e, EventEdit.Field field, String text);

        /** "Onset/Offset ← frame on screen" for an event. */
        void setTimeToFrameOnScreen(CodedEvent e, EventEdit.Field which);

        void delete(List<CodedEvent> events);

        /** Show the video at an event. */
        void show(CodedEvent e);

        /** Give the keys back to coding (Esc, or an edit ended). */
        void backToCoding();

        /** A message for the status line. */
        void say(String message);
    }

    private static final PseudoClass LAST_CODED = PseudoClass.getPseudoClass("last-coded");

    private final TableView<CodedEvent> table;
    /** The table's view of the pass: in onset order like the pass, or as the coder sorted it by clicking a column header. */
    private final SortedList<CodedEvent> rows;
    private final Host host;
    private long lastCoded = -1;
    /** The row showing the last-coded mark, to clear it when the mark moves (rows above an insert are not redrawn). */
    private TableRow<CodedEvent> markedRow;
    private boolean editRequested;

    EventTable(ObservableList<CodedEvent> events, Function<CodedEvent, String> behaviour, Host host) {
        this.host = host;
        // sorting the table sorts this view, never the pass's list itself: the workspace, its index and the
        // timeline rely on that list staying in onset order
        rows = new SortedList<>(events);
        table = new TableView<>(rows);
        rows.comparatorProperty().bind(table.comparatorProperty());
        TableColumn<CodedEvent, String> onset = org.attune.ui.TextColumn.of("Onset", e -> TimeFormat.clock(e.onsetMs()), 110);
        TableColumn<CodedEvent, String> offset = org.attune.ui.TextColumn.of("Offset",
                e -> e.offsetMs() == null ? "running" : e.offsetMs() == e.onsetMs() ? "" : TimeFormat.clock(e.offsetMs()), 110);
        offset.setComparator(java.util.Comparator.comparing((String t) -> t.equals("running") ? "~" : t)); // running states last
        TableColumn<CodedEvent, String> code = org.attune.ui.TextColumn.of("Code", CodedEvent::code, 110);
        TableColumn<CodedEvent, String> label = org.attune.ui.TextColumn.of("Behaviour", behaviour, 220);
        TableColumn<CodedEvent, String> mods = org.attune.ui.TextColumn.of("Modifiers", e -> e.modifiers().encode(), 150);
        TableColumn<CodedEvent, String> comment = org.attune.ui.TextColumn.of("Comment", CodedEvent::comment, 240);
        editable(onset, EventEdit.Field.ONSET);
        editable(offset, EventEdit.Field.OFFSET);
        editable(code, EventEdit.Field.CODE);
        editable(mods, EventEdit.Field.MODIFIERS);
        editable(comment, EventEdit.Field.COMMENT);
        table.getColumns().setAll(List.of(onset, offset, code, label, mods, comment));
        table.setEditable(true);
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("Press a code's key while the video runs; events appear here."));
        table.setId("events");
        table.setFixedCellSize(24); // rows of one height: the virtual flow need not measure cells when it scrolls
        table.setFocusTraversable(true); // click a row to work in the table; Esc gives the keys back to coding
        table.setRowFactory(t -> {
            TableRow<CodedEvent> row = new TableRow<>() {
                @Override
                protected void updateItem(CodedEvent item, boolean empty) {
                    super.updateItem(item, empty);
                    boolean marked = !empty && item != null && item.id() == lastCoded;
                    pseudoClassStateChanged(LAST_CODED, marked);
                    if (marked) markedRow = this;
                }
            };
            row.setOnMouseClicked(m -> {
                if (m.getClickCount() == 2 && !row.isEmpty()) host.show(row.getItem());
            });
            return row;
        });
        Button setOnset = button("Onset ← frame on screen", "setOnset", () -> first().ifPresent(e -> host.setTimeToFrameOnScreen(e, EventEdit.Field.ONSET)));
        Button setOffset = button("Offset ← frame on screen", "setOffset", () -> first().ifPresent(e -> host.setTimeToFrameOnScreen(e, EventEdit.Field.OFFSET)));
        Button delete = button("Delete", "deleteEvent", this::deleteSelected);
        Label hint = new Label("F2/Enter: edit the cell · Delete · double-click: show the moment · Esc: back to coding");
        hint.getStyleClass().add("placeholder");
        HBox bar = new HBox(6, setOnset, setOffset, delete, hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        setTop(bar);
        setCenter(table);
    }

    private Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(table.getSelectionModel().getSelectedCells()));
        return b;
    }

    /** Makes a column editable on request only (F2, Enter): a double-click shows the moment instead. */
    private void editable(TableColumn<CodedEvent, String> column, EventEdit.Field field) {
        column.setEditable(true);
        column.setUserData(field);
        column.setCellFactory(c -> new TextFieldTableCell<>(new DefaultStringConverter()) {
            @Override
            public void startEdit() {
                if (editRequested) super.startEdit();
            }
        });
        column.setOnEditCommit(ev -> {
            editRequested = false;
            host.edit(ev.getRowValue(), field, ev.getNewValue());
            host.backToCoding();
        });
        column.setOnEditCancel(ev -> {
            editRequested = false;
            host.backToCoding();
        });
    }

    /** Whether the keyboard focus is in the table. */
    boolean hasFocus() {
        Node f = getScene() == null ? null : getScene().getFocusOwner();
        for (; f != null; f = f.getParent()) if (f == table) return true;
        return false;
    }

    /** Keys for the table while it has focus: Delete deletes, F2/Enter edits, arrows and paging move. True if handled or left to the table. */
    boolean onKey(KeyEvent e) {
        switch (e.getCode()) {
            case DELETE, BACK_SPACE -> {
                deleteSelected();
                e.consume();
                return true;
            }
            case F2, ENTER -> {
                editFocusedCell();
                e.consume();
                return true;
            }
            case UP, DOWN, PAGE_UP, PAGE_DOWN, HOME, END, TAB -> {
                return true; // the table moves its selection
            }
            case ESCAPE -> {
                clearSelection();
                host.backToCoding();
                e.consume();
                return true;
            }
            default -> {
                return false; // code keys still code
            }
        }
    }

    private void editFocusedCell() {
        var pos = table.getFocusModel().getFocusedCell();
        if (pos == null || pos.getRow() < 0 || pos.getTableColumn() == null || !(pos.getTableColumn().getUserData() instanceof EventEdit.Field)) {
            host.say("Choose a cell to edit: onset, offset, code, modifiers or comment.");
            return;
        }
        editRequested = true;
        table.edit(pos.getRow(), pos.getTableColumn());
        if (table.getEditingCell() == null) editRequested = false;
    }

    List<CodedEvent> selected() {
        return table.getSelectionModel().getSelectedCells().stream().map(p -> p.getRow()).distinct().filter(r -> r >= 0 && r < rows.size())
                .map(rows::get).toList();
    }

    private java.util.Optional<CodedEvent> first() {
        return selected().stream().findFirst();
    }

    private void deleteSelected() {
        List<CodedEvent> doomed = selected();
        if (!doomed.isEmpty()) host.delete(doomed);
    }

    /** Drops the selection: with one, every insert makes the table shift selected indices over all rows (~10 ms at 100,000 events). */
    void clearSelection() {
        if (!table.getSelectionModel().isEmpty()) table.getSelectionModel().clearSelection();
    }

    /** Selects the event at a position of the pass's (onset-ordered) list. */
    void select(int passRow) {
        table.getSelectionModel().clearAndSelect(rows.getViewIndex(passRow));
    }

    /** Shows the old values again after a refused edit. */
    void refresh() {
        table.refresh();
    }

    /** Marks the last coded event (a row style, not a selection: see {@link #clearSelection()}) and brings its row into view. */
    void markLastCoded(long eventId, int passRow) {
        if (markedRow != null && (markedRow.getItem() == null || markedRow.getItem().id() != eventId)) markedRow.pseudoClassStateChanged(LAST_CODED, false);
        lastCoded = eventId;
        reveal(rows.getViewIndex(passRow));
    }

    /** Scrolls to a row only if it is not on screen (scrolling a 100,000-row table costs 7–13 ms, docs/benchmarks.md). */
    private void reveal(int row) {
        if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow && flow.getFirstVisibleCell() != null && flow.getLastVisibleCell() != null
                && row > flow.getFirstVisibleCell().getIndex() && row < flow.getLastVisibleCell().getIndex()) {
            return; // the insert re-fills the visible rows below it, restyling the last-coded mark
        }
        table.scrollTo(Math.max(0, row - 3));
    }
}
