package org.attune.ui.study;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.attune.coding.CodingPass;
import org.attune.coding.Session;
import org.attune.coding.TimeFormat;

/**
 * The study browser's right side: the selected session's details, its videos (offset, remove,
 * locate a missing one, attach another), and the selected coder's pass. What its buttons ask for is
 * done by the browser ({@link Host}).
 */
final class SessionDetailsPane extends VBox {

    /** What the pane's buttons ask the browser to do. */
    interface Host {
        void edit(Session s);

        void askOffset(StudyOverview.Video v);

        void remove(StudyOverview.Video v);

        void locate(StudyOverview.Video v);

        void attach(StudyOverview.Row row);

        void makeCodingCopy(StudyOverview.Video v);
    }

    private final Host host;

    SessionDetailsPane(Host host) {
        super(6);
        this.host = host;
        setPadding(new Insets(12));
        setId("sessionDetails");
    }

    /**
     * Shows a session (and, when a coder's cell is selected, that coder's pass).
     *
     * @param noSessions   the study has none (no hint to select one)
     * @param passHidden   the pass's event count is hidden from a blind coder
     * @param codeButton   what the browser's code button says now (named in the hint for a cell without a pass)
     */
    void show(StudyOverview.Row row, StudyOverview.Cell cell, boolean writable, boolean noSessions, boolean passHidden, String codeButton) {
        show(row, cell, writable, noSessions, passHidden, codeButton, false, false);
    }

    /** {@code training}: the session is for training; {@code gold}: the cell's pass is the session's gold standard (issue 19). */
    void show(StudyOverview.Row row, StudyOverview.Cell cell, boolean writable, boolean noSessions, boolean passHidden, String codeButton,
              boolean training, boolean gold) {
        getChildren().clear();
        if (row == null) {
            Label hint = new Label(noSessions ? "" : "Select a cell: a session's row under a coder's column is that coder's pass of the session.\n\n"
                    + "Enter or double-click opens it for coding.");
            hint.setWrapText(true);
            hint.getStyleClass().add("placeholder");
            getChildren().add(hint);
            return;
        }
        Session s = row.session();
        Label name = new Label("Session " + s.label());
        name.getStyleClass().add("detail-title");
        getChildren().add(name);
        GridPane facts = new GridPane();
        facts.setHgap(10);
        facts.setVgap(3);
        int r = 0;
        r = fact(facts, r, "Dyad", s.dyad());
        r = fact(facts, r, "Date", s.date());
        r = fact(facts, r, "Child age", s.childAgeMonths() == null ? "" : trimNumber(s.childAgeMonths()) + " months");
        r = fact(facts, r, "Context", s.context());
        if (training) r = fact(facts, r, "Training", "yes: left out of analyses, exports and the reliability sample unless asked");
        for (var m : s.metadata().entrySet()) r = fact(facts, r, m.getKey(), m.getValue());
        r = fact(facts, r, "Notes", s.notes());
        getChildren().add(facts);
        Button edit = new Button("Edit details…");
        edit.setId("editSession");
        edit.setDisable(!writable);
        edit.setOnAction(e -> host.edit(row.session()));
        getChildren().add(edit);
        getChildren().add(sectionHeader("VIDEOS"));
        if (row.videos().isEmpty()) getChildren().add(new Label("No video attached; events can still be typed in the table."));
        for (StudyOverview.Video v : row.videos()) {
            String timing = v.file().fps() == null ? "" : String.format(Locale.ROOT, "   %.3f fps", v.file().fps())
                    + (v.file().durationMs() == null ? "" : ", " + TimeFormat.clock(v.file().durationMs()));
            String offset = v.file().offsetMs() == 0 ? "" : "   offset " + TimeFormat.seconds(v.file().offsetMs()) + " s";
            String copy = v.file().codingCopy() == null ? "" : "\n   plays its coding copy " + v.file().codingCopy() + " (times are the original's)";
            Label l = new Label("Camera " + v.file().position() + ":  " + v.file().path() + timing + offset + copy);
            l.setWrapText(true);
            Button setOffset = new Button("Offset…");
            setOffset.setId("offset-" + v.file().position());
            setOffset.setDisable(!writable);
            setOffset.setOnAction(e -> host.askOffset(v));
            setOffset.setMinWidth(Region.USE_PREF_SIZE);
            Button remove = new Button("Remove");
            remove.setId("removeVideo-" + v.file().position());
            remove.setDisable(!writable);
            remove.setMinWidth(Region.USE_PREF_SIZE);
            remove.setOnAction(e -> host.remove(v));
            HBox buttons = new HBox(8, setOffset, remove);
            if (v.file().codingCopy() == null && v.present()) {
                Button copyButton = new Button("Make coding copy…");
                copyButton.setId("codingCopy-" + v.file().position());
                copyButton.setDisable(!writable);
                copyButton.setMinWidth(Region.USE_PREF_SIZE);
                copyButton.setOnAction(e -> host.makeCodingCopy(v));
                buttons.getChildren().add(copyButton);
            }
            getChildren().addAll(l, buttons);
            if (!v.present()) {
                Label miss = new Label("Missing: not found at " + v.resolved());
                miss.getStyleClass().add("form-problems");
                miss.setWrapText(true);
                Button relink = new Button("Locate…");
                relink.setOnAction(e -> host.locate(v));
                relink.setDisable(!writable);
                getChildren().add(new HBox(8, miss, relink));
            }
        }
        if (row.videos().size() < 4 && writable) {
            Button attach = new Button("Attach video…");
            attach.setId("attachVideo");
            attach.setOnAction(e -> host.attach(row));
            getChildren().add(attach);
        }
        if (cell != null) {
            getChildren().add(sectionHeader("PASS OF " + cell.coder().initials() + " (" + cell.coder().name() + ")"));
            if (cell.pass().isEmpty()) {
                getChildren().add(new Label(cell.coder().initials() + " has not been given this session. \"" + codeButton + "\" creates the pass."));
            } else {
                CodingPass p = cell.pass().get();
                GridPane pf = new GridPane();
                pf.setHgap(10);
                pf.setVgap(3);
                int k = 0;
                k = fact(pf, k, "Status", p.status().name().toLowerCase(Locale.ROOT).replace('_', ' '));
                if (!passHidden) k = fact(pf, k, "Events", Long.toString(cell.events()));
                k = fact(pf, k, "Started", whenInWords(p.startedAt()));
                k = fact(pf, k, "Finished", whenInWords(p.finishedAt()));
                k = fact(pf, k, "Blind", p.blind() ? "yes: the coder does not see other coders' events" : "no");
                if (gold) fact(pf, k, "Gold standard", "yes (★): other passes of the session are judged against it");
                getChildren().add(pf);
            }
        }
    }

    /** A stored UTC time ("2026-11-22T07:24:27Z") in the user's zone and words ("22 Nov 2026, 08:24:27"); as stored if it is not one. */
    static String whenInWords(String storedUtc) {
        if (storedUtc == null || storedUtc.isBlank()) return "";
        try {
            return java.time.Instant.parse(storedUtc).atZone(java.time.ZoneId.systemDefault())
                    .format(java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM));
        } catch (java.time.format.DateTimeParseException e) {
            return storedUtc;
        }
    }

    private static Label sectionHeader(String text) {
        Label h = new Label(text);
        h.getStyleClass().add("section-header");
        h.setPadding(new Insets(10, 0, 2, 0));
        return h;
    }

    private static int fact(GridPane g, int row, String key, String value) {
        if (value == null || value.isBlank()) return row;
        Label k = new Label(key);
        k.getStyleClass().add("placeholder");
        k.setMinWidth(Region.USE_PREF_SIZE);
        Label v = new Label(value);
        v.setWrapText(true);
        g.addRow(row, k, v);
        return row + 1;
    }

    private static String trimNumber(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

}
