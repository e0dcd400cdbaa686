package org.attune.ui.coding;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.ObservableList;
import javafx.scene.input.KeyEvent;
import org.attune.coding.CodedEvent;
import org.attune.coding.EventEdit;
import org.attune.coding.KeyCoding;
import org.attune.coding.PassIndex;
import org.attune.scheme.Code;
import org.attune.ui.player.SessionPlayer;

/**
 * What the coder does to the open pass — a code key, a modifier chosen, a cell edited, a time set to
 * the frame on screen, events deleted, an edge dragged on the timeline, a rating, undo and redo —
 * each applied by the {@link PassEditor} (committed before it shows) and then shown where it shows:
 * the {@link EventTable} (which this hosts), the {@link CodingTimeline}, the {@link CodePalette}'s
 * running states and the {@link RatingsPanel}. Nothing changes while a pass is still being read.
 */
final class PassActions implements EventTable.Host {

    private static final PassIndex NO_PASS = new PassIndex();
    private final ObservableList<CodedEvent> events;
    private final EventTable table;
    private final CodingTimeline timeline;
    private final CodePalette palette;
    private final RatingsPanel ratings;
    private final ModifierChooser chooser;
    private final Supplier<SessionPlayer> player;
    private final BooleanSupplier pausesForModifiers;
    private final Consumer<String> say;
    private final Runnable backToCoding;
    /** The open pass as the coder changes it; null while no pass is shown. */
    private PassEditor editor;
    /** A pass is being read: edits wait until it is shown. */
    private boolean loading;
    private long sessionMs = 60_000;

    /**
     * @param events             the list the table shows (the editor keeps it)
     * @param player             the video on screen (null when none)
     * @param pausesForModifiers whether the video pauses while the modifier chooser is open
     * @param say                the status line
     * @param backToCoding       gives the keyboard back to coding (the workspace takes the focus)
     */
    PassActions(ObservableList<CodedEvent> events, CodingTimeline timeline, CodePalette palette, RatingsPanel ratings, ModifierChooser chooser,
                Supplier<SessionPlayer> player, BooleanSupplier pausesForModifiers, Consumer<String> say, Runnable backToCoding) {
        this.events = events;
        this.timeline = timeline;
        this.palette = palette;
        this.ratings = ratings;
        this.chooser = chooser;
        this.player = player;
        this.pausesForModifiers = pausesForModifiers;
        this.say = say;
        this.backToCoding = backToCoding;
        this.table = new EventTable(events, e -> editor == null ? "" : editor.scheme().code(e.code()).map(Code::label).orElse(""), this);
        ratings.setOnRate(this::rate);
    }

    EventTable table() {
        return table;
    }

    /** A pass is being read (true) or its reading ended (false). */
    void setLoading(boolean loading) {
        this.loading = loading;
    }

    /** Shows a pass that was read: its events and ratings, in a session of {@code sessionMs}. */
    void showPass(PassEditor editor, List<CodedEvent> list, Map<String, Integer> passRatings, long sessionMs) {
        this.editor = editor;
        this.sessionMs = sessionMs;
        ratings.setEnabled(true);
        editor.show(list);
        shown(passRatings, true);
    }

    /** The video turned out longer or shorter than its stored duration: the timeline spans what plays. */
    void setSessionMs(long ms) {
        if (ms <= 0 || ms == sessionMs) return;
        sessionMs = ms;
        timeline.setEvents(events, index().running(), sessionMs, true);
    }

    /** No pass shown: the table, timeline, palette and ratings empty. */
    void clear() {
        loading = false;
        editor = null;
        chooser.close();
        events.clear();
        ratings.show(Map.of());
        ratings.setEnabled(false);
        timeline.setEvents(events, index().running(), sessionMs, true);
        refreshPalette();
    }

    PassEditor editor() {
        return editor;
    }

    /** The open pass's running states and state bouts (none while no pass is shown). */
    PassIndex index() {
        return editor == null ? NO_PASS : editor.index();
    }

    /**
     * Whether the open pass may be changed now: it is shown (not still being read), and the pass
     * editor agrees (not read-only; a pass marked done only once the coder reopens it).
     */
    private boolean mayEdit() {
        if (loading || editor == null) {
            say.accept("The pass is still opening: nothing was changed.");
            return false;
        }
        return editor.mayEdit();
    }

    // ------------------------------------------------------------------ keys

    /** A code's key pressed at a stamped time: coded, or the modifier chooser opened. */
    void code(Code code, long stampMs) {
        if (!mayEdit()) return;
        table.clearSelection();
        Optional<KeyCoding.ChooseModifiers> ask = editor.code(code, stampMs);
        if (ask.isPresent()) {
            chooser.open(ask.get());
            SessionPlayer p = player.get();
            if (p != null && pausesForModifiers.getAsBoolean()) p.pause();
            return;
        }
        markCoded(editor.lastCoded());
    }

    /** A key while the modifier chooser is open: a choice, a cancel, or the chooser keeps waiting. */
    void chooseModifier(KeyEvent e) {
        ModifierChooser.Outcome o = chooser.key(e);
        if (o instanceof ModifierChooser.Cancelled c) {
            say.accept("Cancelled: no " + c.ask().code().label() + " was coded.");
        } else if (o instanceof ModifierChooser.Chosen c) {
            table.clearSelection();
            markCoded(editor.apply(KeyCoding.withModifiers(editor.scheme(), c.ask().code(), c.ask().atMs(), c.modifiers(), index())));
        }
    }

    /** After a key press: the palette's running states, the row just coded marked. */
    private void markCoded(Optional<PassEditor.Coded> c) {
        refreshPalette();
        c.ifPresent(x -> table.markLastCoded(x.event().id(), x.row()));
    }

    void undoRedo(boolean redo) {
        if (!mayEdit()) return;
        editor.undoRedo(redo).ifPresent(now -> shown(now, false));
    }

    /** Reads the pass's events again (marked done elsewhere, which may have ended running states). */
    void refresh() {
        if (editor != null) editor.reload().ifPresent(now -> shown(now, false));
    }

    private void shown(Map<String, Integer> passRatings, boolean newPass) {
        if (newPass && !events.isEmpty()) sessionMs = Math.max(sessionMs, events.get(events.size() - 1).onsetMs() + 1000);
        timeline.setEvents(events, index().running(), sessionMs, newPass);
        refreshPalette();
        ratings.show(passRatings);
    }

    void refreshPalette() {
        palette.showRunning(index().running().keySet());
    }

    // ------------------------------------------------------------------ the table, the timeline, the ratings

    /** Commits an edit typed in a cell, or says in the status line what is wrong with it (the table keeps the old value). */
    @Override
    public void edit(CodedEvent e, EventEdit.Field field, String text) {
        if (!mayEdit()) {
            table.refresh();
            return;
        }
        SessionPlayer p = player.get();
        EventEdit.Result r = EventEdit.apply(editor.scheme(), e, field, text == null ? "" : text, ms -> p == null ? ms : p.snap(ms), index());
        commitEdit(e, r, field.name().toLowerCase(Locale.ROOT));
    }

    @Override
    public void setTimeToFrameOnScreen(CodedEvent e, EventEdit.Field which) {
        SessionPlayer p = player.get();
        if (p == null || !mayEdit()) return;
        commitEdit(e, EventEdit.setTime(editor.scheme(), e, which, p.stampMs(), index()), which.name().toLowerCase(Locale.ROOT));
    }

    private void commitEdit(CodedEvent e, EventEdit.Result r, String what) {
        OptionalInt row = editor.change(e, r, what);
        if (row.isEmpty()) {
            table.refresh();
            return;
        }
        refreshPalette();
        table.select(row.getAsInt());
    }

    /** Deletes events (each one undo step). */
    @Override
    public void delete(List<CodedEvent> doomed) {
        if (doomed.isEmpty() || !mayEdit()) return;
        editor.delete(doomed);
        table.clearSelection();
        refreshPalette();
    }

    @Override
    public void show(CodedEvent e) {
        SessionPlayer p = player.get();
        if (p != null) p.seekStored(e.onsetMs());
    }

    @Override
    public void backToCoding() {
        backToCoding.run();
    }

    @Override
    public void say(String message) {
        say.accept(message);
    }

    /** A state bar's edge dragged on the timeline: the event's new onset or offset, committed as one undoable change. */
    void moveEdge(CodedEvent e, long onsetMs, Long offsetMs) {
        if (!mayEdit()) return;
        editor.moveEdge(e, onsetMs, offsetMs).ifPresent(row -> table.markLastCoded(e.id(), row));
        refreshPalette();
    }

    /** A session rating set (or cleared) in the ratings panel: one undoable step, like an event. */
    private void rate(String code, Integer value) {
        if (editor == null) return;
        if (!mayEdit()) {
            refresh();
            return;
        }
        editor.rate(code, value);
    }
}
