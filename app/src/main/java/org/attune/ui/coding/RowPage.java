package org.attune.ui.coding;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * A page of a long list, kept in step with it: the rows {@code [from, from + size)} of the source, where the
 * size stays near a page's length. The event table shows this page rather than the whole pass because
 * JavaFX 21's {@code VirtualFlow} walks every row before the one it scrolls to whenever the row count
 * changes, so with 100,000 rows a key press that scrolls the table cost 7–13 ms (docs/benchmarks.md); with
 * a page of a few thousand rows it does not matter where in the pass the coder is.
 * <p>
 * An edit inside the page (a new event, a changed or deleted one) is mirrored row by row, so the table
 * updates in place; an edit before the page only moves where the page starts; one after it changes nothing.
 * A reordering (the coder sorted by a column) or a wholesale change (a pass opened) fills the page afresh.
 * A list no longer than a page is shown whole.
 */
final class RowPage<E> {

    /** A change touching more rows than this fills the page afresh instead of mirroring row by row. */
    private static final int MIRROR_LIMIT = 64;

    private ObservableList<E> source;
    private final ListChangeListener<E> follower = this::follow;
    private final ObservableList<E> page = FXCollections.observableArrayList();
    private final int length;
    private int from;

    RowPage(ObservableList<E> source, int length) {
        if (length < 1) throw new IllegalArgumentException("a page holds at least one row");
        this.source = source;
        this.length = length;
        source.addListener(follower);
        fill(0);
    }

    /** Pages through another list from now on (the table sorted by a column, or back in onset order), from its top. */
    void setSource(ObservableList<E> newSource) {
        source.removeListener(follower);
        source = newSource;
        source.addListener(follower);
        fill(0);
    }

    /** The rows of the page, for the table. Change them through the source only. */
    ObservableList<E> rows() {
        return page;
    }

    /** Where the page starts in the source. */
    int from() {
        return from;
    }

    /** How many rows a page is meant to hold. */
    int length() {
        return length;
    }

    /** The source's row shown at a row of the page. */
    int sourceIndex(int pageRow) {
        return from + pageRow;
    }

    /** The page's row showing a row of the source, or -1 if it is not on this page. */
    int pageIndex(int sourceRow) {
        int i = sourceRow - from;
        return i >= 0 && i < page.size() ? i : -1;
    }

    /** Whether the page shows the whole source. */
    boolean whole() {
        return from == 0 && page.size() == source.size();
    }

    /**
     * Makes a row of the source visible: the page is kept if it already shows the row (and has not grown past
     * two pages through inserts); otherwise a page is filled with the row a third of the way down.
     * Returns the row's index on the page.
     */
    int show(int sourceRow) {
        int i = pageIndex(sourceRow);
        if (i >= 0 && page.size() <= 2 * length) return i;
        fill(sourceRow - length / 3);
        return pageIndex(sourceRow);
    }

    /** Fills the page with the rows from a source row on (clamped so that a full page shows where the source allows). */
    void fill(int start) {
        int n = source.size();
        from = Math.max(0, Math.min(start, n - length));
        page.setAll(source.subList(from, Math.min(n, from + length)));
    }

    /** The page after this one (overlapping it by a few rows, for context). */
    void next() {
        fill(from + page.size() - 5);
    }

    /** The page before this one. */
    void previous() {
        fill(from - length + 5);
    }

    private void follow(ListChangeListener.Change<? extends E> c) {
        while (c.next()) {
            if (c.wasPermutated()) {
                fill(0); // sorted by another column: show the top of the new order
                return;
            }
            int at = c.getFrom();
            int removed = c.getRemovedSize();
            int added = c.getAddedSize();
            int end = from + page.size(); // the page's end in the source before this change
            if (removed + added > MIRROR_LIMIT) {
                fill(from);
                return;
            }
            if (at + removed <= from && at < from) {
                from += added - removed; // wholly before the page: the page's rows are the same
            } else if (at > end) {
                // wholly after the page: nothing it shows changed
            } else if (at < from) {
                fill(from); // a removal straddling the page's start
                return;
            } else {
                int p = at - from;
                if (removed == added && p + removed <= page.size()) {
                    for (int i = 0; i < added; i++) page.set(p + i, c.getAddedSubList().get(i)); // replaced in place
                } else {
                    page.remove(p, Math.min(p + removed, page.size()));
                    if (added > 0) page.addAll(p, c.getAddedSubList());
                }
            }
        }
    }
}
