package org.attune.ui.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import org.junit.jupiter.api.Test;

class RowPageTest {

    private static ObservableList<Integer> numbers(int n) {
        ObservableList<Integer> l = FXCollections.observableArrayList();
        for (int i = 0; i < n; i++) l.add(i * 10);
        return l;
    }

    private static <E> void assertMirrors(List<E> source, RowPage<E> page, String when) {
        assertEquals(source.subList(page.from(), page.from() + page.rows().size()), page.rows(), when);
    }

    @Test
    void aListNoLongerThanAPageIsShownWhole() {
        ObservableList<Integer> l = numbers(30);
        RowPage<Integer> page = new RowPage<>(l, 50);
        assertTrue(page.whole());
        l.add(15, 999);
        l.remove(0);
        l.add(31);
        assertTrue(page.whole(), "edits keep showing it whole");
        assertEquals(l, page.rows());
    }

    @Test
    void editsBeforeThePageMoveItsStartAndEditsAfterItChangeNothing() {
        ObservableList<Integer> l = numbers(1000);
        RowPage<Integer> page = new RowPage<>(l, 100);
        page.fill(500);
        List<Integer> shown = new ArrayList<>(page.rows());
        l.add(10, -1);
        l.remove(20);
        l.add(0, -2);
        assertEquals(501, page.from());
        l.add(900, -3);
        l.remove(950);
        assertEquals(shown, page.rows(), "the page shows the same rows");
        assertMirrors(l, page, "after edits around the page");
    }

    @Test
    void anEditInsideThePageIsMirroredRowByRow() {
        ObservableList<Integer> l = numbers(1000);
        RowPage<Integer> page = new RowPage<>(l, 100);
        page.fill(500);
        List<Object> changes = new ArrayList<>();
        page.rows().addListener((javafx.collections.ListChangeListener<Integer>) c -> {
            while (c.next()) changes.add(c.getAddedSize() + "+" + c.getRemovedSize() + "-@" + c.getFrom());
        });
        l.add(510, 5051);
        l.set(520, 7);
        l.remove(530);
        assertEquals(List.of("1+0-@10", "1+1-@20", "0+1-@30"), changes, "one row per edit, no refill");
        assertMirrors(l, page, "after edits inside the page");
    }

    @Test
    void showKeepsThePageWhenTheRowIsOnItAndMovesItOtherwise() {
        ObservableList<Integer> l = numbers(10_000);
        RowPage<Integer> page = new RowPage<>(l, 300);
        assertEquals(0, page.from());
        assertEquals(120, page.show(120));
        assertEquals(0, page.from(), "row 120 was on the page");
        int at = page.show(7_000);
        assertEquals(7_000, page.sourceIndex(at));
        assertEquals(7_000 - 100, page.from(), "the row a third of the way down");
        page.show(9_990);
        assertEquals(10_000 - 300, page.from(), "a full page at the end");
        assertEquals(-1, page.pageIndex(5));
        page.previous();
        assertEquals(10_000 - 595, page.from());
        page.next();
        assertEquals(10_000 - 300, page.from());
    }

    @Test
    void aPageThatGrewPastTwoPagesIsRefilledWhenARowIsShown() {
        ObservableList<Integer> l = numbers(1_000);
        RowPage<Integer> page = new RowPage<>(l, 10);
        page.fill(100);
        for (int i = 0; i < 15; i++) l.add(105, -i);
        assertEquals(25, page.rows().size(), "inserts grow the page");
        int at = page.show(108);
        assertEquals(10, page.rows().size());
        assertEquals(108, page.sourceIndex(at));
    }

    @Test
    void anotherSourceIsPagedFromItsTopAndTheOldOneIsNoLongerFollowed() {
        ObservableList<Integer> first = numbers(1_000);
        ObservableList<Integer> second = numbers(500);
        RowPage<Integer> page = new RowPage<>(first, 100);
        page.fill(400);
        page.setSource(second);
        assertEquals(0, page.from());
        assertEquals(second.subList(0, 100), page.rows());
        first.add(0, -1);
        first.remove(500);
        assertEquals(0, page.from(), "edits of the old source no longer move the page");
        second.add(0, -1);
        assertMirrors(second, page, "after an edit of the new source");
    }

    /** Random inserts, replacements, removals, bulk changes and re-sorts through a SortedList, as the event table sees them. */
    @Test
    void staysInStepWithASortedViewThroughRandomEdits() {
        Random r = new Random(42);
        ObservableList<Integer> base = numbers(3_000);
        SortedList<Integer> sorted = new SortedList<>(base);
        RowPage<Integer> page = new RowPage<>(sorted, 200);
        for (int step = 0; step < 5_000; step++) {
            int op = r.nextInt(100);
            if (op < 40) base.add(r.nextInt(base.size() + 1), r.nextInt(40_000));
            else if (op < 65 && !base.isEmpty()) base.set(r.nextInt(base.size()), r.nextInt(40_000));
            else if (op < 85 && !base.isEmpty()) base.remove(r.nextInt(base.size()));
            else if (op < 90) page.show(r.nextInt(Math.max(1, sorted.size())));
            else if (op < 93) page.next();
            else if (op < 95) page.previous();
            else if (op < 97) sorted.setComparator(r.nextBoolean() ? Comparator.reverseOrder() : null);
            else if (op < 99 && base.size() > 100) base.remove(10, 10 + r.nextInt(90));
            else base.addAll(r.nextInt(base.size() + 1), List.of(1, 2, 3));
            assertMirrors(sorted, page, "step " + step);
        }
    }
}
