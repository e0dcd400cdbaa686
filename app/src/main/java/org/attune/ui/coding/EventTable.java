package org.attune.ui.coding;

import java.util.List;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
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
    /** Rows the table holds at once; a longer pass is shown a page at a time (see {@link RowPage}). */
    static final int PAGE_LENGTH = 5_000;

    private final TableView<CodedEvent> table;
    /** The pass's events, in onset order (the workspace's list: the table never reorders it). */
    private final ObservableList<CodedEvent> events;
    /**
     * While the coder has the table sorted by a column: the events in that order, sorted from a copy of the pass
     * kept in step by {@link #copier}, so that the sorted view costs nothing once the coder goes back to onset
     * order (a {@code SortedList} over the pass itself would keep shifting its index of 100,000 rows on every
     * insert, ~1.5 ms a press, for as long as it lived). Null in onset order.
     */
    private SortedList<CodedEvent> sorted;
    private ListChangeListener<CodedEvent> copier;
    /** The page of the rows the table shows: all of them unless the pass is longer than {@link #PAGE_LENGTH}. */
    private final RowPage<CodedEvent> page;
    private final Label pageLabel = new Label();
    private final Button earlier;
    private final Button later;
    private final HBox pager;
    private final Host host;
    private long lastCoded = -1;
    /** The row showing the last-coded mark, to clear it when the mark moves (rows above an insert are not redrawn). */
    private TableRow<CodedEvent> markedRow;
    private boolean editRequested;

    EventTable(ObservableList<CodedEvent> events, Function<CodedEvent, String> behaviour, Host host) {
        this.host = host;
        // sorting the table sorts a view, never the pass's list itself: the workspace, its index and the
        // timeline rely on that list staying in onset order
        this.events = events;
        page = new RowPage<>(events, PAGE_LENGTH);
        table = new TableView<>(page.rows());
        table.setSortPolicy(t -> true); // sortBy re-sorts when the comparator changes; the page follows
        table.comparatorProperty().addListener((o, old, c) -> sortBy(c));
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
        Label hint = new Label("F2 edits · double-click shows · Esc: code keys");
        hint.getStyleClass().add("placeholder");
        hint.setTooltip(new javafx.scene.control.Tooltip("F2 or Enter edits the selected cell · Delete deletes the selected events · "
                + "double-click a row to show its moment in the video · Esc gives the keys back to coding"));
        earlier = pageButton("◀ Earlier", "earlierRows", page::previous);
        later = pageButton("Later ▶", "laterRows", page::next);
        pageLabel.setId("pageLabel");
        pageLabel.setMinWidth(Region.USE_PREF_SIZE);
        pager = new HBox(4, pageLabel, earlier, later);
        pager.setAlignment(Pos.CENTER_RIGHT);
        Region gap = new Region();
        HBox.setHgrow(gap, javafx.scene.layout.Priority.ALWAYS);
        page.rows().addListener((ListChangeListener<CodedEvent>) c -> showPageState());
        events.addListener((ListChangeListener<CodedEvent>) c -> showPageState());
        showPageState();
        HBox bar = new HBox(6, setOnset, setOffset, delete, hint, gap, pager);
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

    private Button pageButton(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setFocusTraversable(false);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> {
            clearSelection();
            action.run();
            table.scrollTo(0);
        });
        return b;
    }

    /** Shows the rows in a column's order (the coder clicked its header), or in onset order again ({@code null}). */
    private void sortBy(java.util.Comparator<CodedEvent> order) {
        if (order == null) {
            if (copier != null) events.removeListener(copier);
            copier = null;
            sorted = null;
            page.setSource(events);
        } else if (sorted == null) {
            ObservableList<CodedEvent> copy = javafx.collections.FXCollections.observableArrayList(events);
            copier = c -> {
                while (c.next()) {
                    copy.subList(c.getFrom(), c.getFrom() + c.getRemovedSize()).clear();
                    copy.addAll(c.getFrom(), c.getAddedSubList());
                }
            };
            events.addListener(copier);
            sorted = new SortedList<>(copy, order);
            page.setSource(sorted);
        } else {
            sorted.setComparator(order);
        }
    }

    /** The row of the table's order showing an event at a position of the pass's (onset-ordered) list. */
    private int rowOf(int passRow) {
        return sorted == null ? passRow : sorted.getViewIndex(passRow);
    }

    /** Shows which rows the page holds, when it does not hold them all. */
    private void showPageState() {
        boolean paged = !page.whole();
        pager.setVisible(paged);
        pager.setManaged(paged);
        if (paged) {
            pageLabel.setText(String.format("Rows %,d–%,d of %,d", page.from() + 1, page.from() + page.rows().size(), events.size()));
            earlier.setDisable(page.from() == 0);
            later.setDisable(page.from() + page.rows().size() >= events.size());
        }
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
            case UP, DOWN, PAGE_UP, PAGE_DOWN -> {
                turnPageAtEdge(e);
                return true; // the table moves its selection
            }
            case HOME, END, TAB -> {
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

    /** Moving past the first or last row of a page turns to the neighbouring page, so the keyboard reaches every row. */
    private void turnPageAtEdge(KeyEvent e) {
        int focused = table.getFocusModel().getFocusedIndex();
        boolean down = e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.PAGE_DOWN;
        int last = page.rows().size() - 1;
        if (focused < 0 || (down ? focused < last || page.from() + last >= events.size() - 1 : focused > 0 || page.from() == 0)) return;
        int target = page.sourceIndex(focused) + (down ? 1 : -1);
        TableColumn<CodedEvent, ?> column = table.getVisibleLeafColumn(table.getFocusModel().getFocusedCell().getColumn());
        if (down) page.next();
        else page.previous();
        int at = page.show(target);
        table.getSelectionModel().clearAndSelect(at, column);
        table.scrollTo(Math.max(0, at - 3));
        e.consume();
    }

    private void editFocusedCell() {
        var pos = table.getFocusModel().getFocusedCell();
        if (pos == null || pos.getRow() < 0 || pos.getTableColumn() == null || !(pos.getTableColumn().getUserData() instanceof EventEdit.Field)) {
            host.say("Choose a cell to edit: onset, offset, code, modifiers or comment.");
            return;
        }
        editRequested = true;
        table.edit(pos.getRow(), table.getVisibleLeafColumn(pos.getColumn()));
        if (table.getEditingCell() == null) editRequested = false;
    }

    List<CodedEvent> selected() {
        List<CodedEvent> shown = page.rows();
        return table.getSelectionModel().getSelectedCells().stream().map(p -> p.getRow()).distinct().filter(r -> r >= 0 && r < shown.size())
                .map(shown::get).toList();
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
        int at = page.show(rowOf(passRow));
        table.getSelectionModel().clearAndSelect(at);
        reveal(at);
    }

    /** Shows the old values again after a refused edit. */
    void refresh() {
        table.refresh();
    }

    /** Marks the last coded event (a row style, not a selection: see {@link #clearSelection()}) and brings its row into view. */
    void markLastCoded(long eventId, int passRow) {
        if (markedRow != null && (markedRow.getItem() == null || markedRow.getItem().id() != eventId)) markedRow.pseudoClassStateChanged(LAST_CODED, false);
        lastCoded = eventId;
        reveal(page.show(rowOf(passRow)));
    }

    /** Scrolls to a row of the page only if it is not on screen. */
    private void reveal(int row) {
        if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow && flow.getFirstVisibleCell() != null && flow.getLastVisibleCell() != null
                && row > flow.getFirstVisibleCell().getIndex() && row < flow.getLastVisibleCell().getIndex()) {
            return; // the insert re-fills the visible rows below it, restyling the last-coded mark
        }
        table.scrollTo(Math.max(0, row - 3));
    }
}
