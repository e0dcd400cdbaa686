package org.attune.ui.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import org.attune.coding.Coder;
import org.attune.coding.CodingPass;
import org.attune.ui.TextColumn;

/**
 * The study browser's grid: a row per session (label, dyad, date, context, videos — missing ones
 * flagged), a column per coder whose cell is that coder's pass: a mark, its status and its number of
 * events, or "hidden (blind)" while another coder's blind pass of the session is open for coding.
 */
final class StudyGridColumns {

    private StudyGridColumns() {
    }

    /** The grid's columns for a study: the sessions' details, then one column per coder whose cells are passes. */
    static List<TableColumn<StudyOverview.Row, ?>> of(StudyOverview overview, Predicate<StudyOverview.Cell> hidden) {
        List<TableColumn<StudyOverview.Row, ?>> cols = new ArrayList<>();
        cols.add(TextColumn.of("Session", r -> r.session().label() + (overview.isTraining(r.session()) ? "  (training)" : ""),
                overview.trainingSessions().isEmpty() ? 70 : 116));
        cols.add(TextColumn.of("Dyad", r -> r.session().dyad(), 58));
        cols.add(TextColumn.of("Date", r -> r.session().date(), 100));
        cols.add(TextColumn.of("Context", r -> r.session().context(), 86));
        TableColumn<StudyOverview.Row, String> videos = TextColumn.of("Videos", StudyGridColumns::videoSummary, 120);
        videos.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                getStyleClass().remove("missing-media");
                if (!empty && text != null && text.contains("missing")) getStyleClass().add("missing-media");
            }
        });
        cols.add(videos);
        TableColumn<StudyOverview.Row, String> coders = new TableColumn<>("Coders");
        for (Coder coder : overview.coders()) {
            TableColumn<StudyOverview.Row, StudyOverview.Cell> col = new TableColumn<>(coder.initials());
            col.setUserData(coder);
            col.setPrefWidth(136); // "● coding   12,345" in full
            col.setSortable(false);
            col.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().cell(coder)));
            col.setCellFactory(c -> new PassCell(hidden, overview::isGold));
            coders.getColumns().add(col);
        }
        if (!overview.coders().isEmpty()) cols.add(coders);
        return cols;
    }

    private static String videoSummary(StudyOverview.Row r) {
        if (r.videos().isEmpty()) return "none";
        long missing = r.missingVideos();
        String n = r.videos().size() == 1 ? "1 video" : r.videos().size() + " videos";
        return missing == 0 ? n : missing + " missing" + (missing < r.videos().size() ? " of " + r.videos().size() : "");
    }

    /** A pass as a cell: a status mark, the status and the number of events (hidden from a blind coder). */
    private static final class PassCell extends TableCell<StudyOverview.Row, StudyOverview.Cell> {
        private final Predicate<StudyOverview.Cell> hidden;
        private final Predicate<CodingPass> gold;

        PassCell(Predicate<StudyOverview.Cell> hidden, Predicate<CodingPass> gold) {
            this.hidden = hidden;
            this.gold = gold;
        }

        @Override
        protected void updateItem(StudyOverview.Cell cell, boolean empty) {
            super.updateItem(cell, empty);
            getStyleClass().removeAll("pass-done", "pass-progress", "pass-new", "pass-none", "pass-hidden");
            if (empty || cell == null) {
                setText(null);
                return;
            }
            if (cell.pass().isEmpty()) {
                setText("—");
                getStyleClass().add("pass-none");
                return;
            }
            CodingPass p = cell.pass().get();
            if (hidden.test(cell)) {
                setText("hidden (blind)");
                getStyleClass().add("pass-hidden");
                return;
            }
            String events = String.format(Locale.ROOT, "%,d", cell.events()) + (gold.test(p) ? "  ★" : ""); // ★: the session's gold standard
            switch (p.status()) {
                case DONE -> {
                    setText("✓ done   " + events);
                    getStyleClass().add("pass-done");
                }
                case IN_PROGRESS -> {
                    setText("● coding   " + events);
                    getStyleClass().add("pass-progress");
                }
                default -> {
                    setText("○ not started");
                    getStyleClass().add("pass-new");
                }
            }
        }
    }
}
