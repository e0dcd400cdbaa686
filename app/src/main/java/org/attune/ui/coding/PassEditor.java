package org.attune.ui.coding;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import javafx.collections.ObservableList;
import org.attune.coding.CodedEvent;
import org.attune.coding.EventDraft;
import org.attune.coding.EventEdit;
import org.attune.coding.KeyCoding;
import org.attune.coding.PassIndex;
import org.attune.coding.PassStatus;
import org.attune.coding.TimeFormat;
import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;
import org.attune.service.KeyPresses;
import org.attune.store.EventRepository;
import org.attune.store.Study;
import org.attune.store.StudyException;
import org.attune.ui.DialogService;

/**
 * The open pass as the coder changes it — the coding workspace's view model, with no JavaFX nodes
 * (its lists and properties are plain observable values), so it is tested without the toolkit
 * (PassEditorTest). Every change is committed to the study before it shows (ADR 4); the events list
 * is kept in the study's order (onset, then id) edit by edit, so a key press costs the same with 100
 * events as with 100,000; {@link #index()} keeps the running states and state bouts the key rules
 * read. What a change means for the screen (which rows, which part of the timeline) comes back to
 * the view as row numbers and through {@code changed}.
 */
final class PassEditor {

    /** An event added or stopped by a key press, and its row. */
    record Coded(CodedEvent event, int row) {
    }

    private final Study study;
    private final CodingWorkspace.PassChoice pass;
    private final ObservableList<CodedEvent> events;
    private final DialogService dialogs;
    private final Consumer<CodedEvent> changed;
    private final Runnable passStatusChanged;
    private final Runnable edited;
    private final Consumer<String> statusLine;
    /** A lab study: the watch over its server, and who else holds this pass (then it is only looked at here), or null. */
    private final ServerWatch server;
    private final String heldBy;
    private String lastMessage = "";
    private PassIndex index = new PassIndex();
    private PassStatus passStatus;
    private Optional<Coded> lastCoded = Optional.empty();

    /**
     * @param events            the list the table shows (this keeps it)
     * @param changed           told of every event whose place on the timeline must be drawn again (old and new)
     * @param passStatusChanged told when editing reopened a pass marked done (the study's passes are read again)
     * @param edited            told after every committed change (views showing events reload when next shown)
     * @param statusLine        where what an action did, or why it did nothing, is said in words
     */
    PassEditor(Study study, CodingWorkspace.PassChoice pass, ObservableList<CodedEvent> events, DialogService dialogs,
               Consumer<CodedEvent> changed, Runnable passStatusChanged, Runnable edited, Consumer<String> statusLine, ServerWatch server, String heldBy) {
        this.statusLine = statusLine;
        this.server = server;
        this.heldBy = heldBy;
        this.study = study;
        this.pass = pass;
        this.events = events;
        this.dialogs = dialogs;
        this.changed = changed;
        this.passStatusChanged = passStatusChanged;
        this.edited = edited;
        this.passStatus = pass.pass().status();
    }

    CodingWorkspace.PassChoice pass() {
        return pass;
    }

    CodingScheme scheme() {
        return study.scheme();
    }

    /** The running states and state bouts of the pass, kept with every change. */
    PassIndex index() {
        return index;
    }

    /** The event the last key press added or stopped, with its row (empty if it coded nothing). */
    Optional<Coded> lastCoded() {
        return lastCoded;
    }

    /** What the last action did or why it did nothing, as said on the status line. */
    String lastMessage() {
        return lastMessage;
    }

    void say(String message) {
        lastMessage = message;
        statusLine.accept(message);
    }

    /** The pass's status changed elsewhere (marked done in the study browser). */
    void passStatusIs(PassStatus now) {
        passStatus = now;
    }

    /** Shows a pass's events as read (opening it, after an undo). */
    void show(List<CodedEvent> list) {
        events.setAll(list);
        index = KeyCoding.index(scheme(), events);
    }

    /** Reads the pass's events and ratings again; the ratings are returned for the view (empty if the study could not be read: said). */
    Optional<Map<String, Integer>> reload() {
        return saving("The events cannot be read", () -> {
            show(study.events().list(pass.pass().id()));
            return study.events().ratings(pass.pass().id());
        });
    }

    /** A write or read of the study that may fail. */
    private interface StudyWork<T> {
        T run() throws StudyException;
    }

    /**
     * Runs work on the study; a failure is shown in a dialog under {@code failureTitle} (the study's
     * message says what and what to do) and gives empty: the view shows what it showed before.
     */
    private <T> Optional<T> saving(String failureTitle, StudyWork<T> work) {
        try {
            return Optional.ofNullable(work.run());
        } catch (StudyException e) {
            if (e.kind() == StudyException.Kind.UNREACHABLE) { // a banner, not a dialog per key press
                server.lost(study, e.getMessage());
                say("Not saved: the lab server is out of reach. Coding goes on when it answers.");
            } else {
                dialogs.showError(failureTitle, e.getMessage());
            }
            return Optional.empty();
        }
    }

    // ------------------------------------------------------------------ may the pass change?

    /**
     * Whether the pass may be changed now: not in a read-only study, and a pass marked done only after
     * the coder agrees to reopen it (a finished pass may already be in a reliability analysis).
     */
    boolean mayEdit() {
        if (heldBy != null) {
            say("Nothing was changed: this pass is being coded by " + heldBy + " (one coder per pass); it is open here to look at only.");
            return false;
        }
        if (server.paused()) {
            say("Nothing was changed: coding is paused until the lab server answers again.");
            return false;
        }
        if (study.isReadOnly()) {
            say("Nothing was changed: this study is read-only here because " + study.readOnlyReason().orElse("it is read-only") + ".");
            return false;
        }
        if (passStatus == PassStatus.DONE) {
            if (!dialogs.confirm("This pass is marked done", pass.session().label() + " · " + pass.coder().initials()
                    + " was marked done, and may already be in a reliability analysis. Reopen it to change its events?", "Reopen and change")) {
                say("Nothing changed: " + pass + " stays done. Reopen it in the Study tab to change it.");
                return false;
            }
            try {
                study.setPassStatus(pass.pass().id(), PassStatus.IN_PROGRESS);
            } catch (StudyException e) {
                dialogs.showError("The pass could not be reopened", e.getMessage());
                return false;
            }
            passStatus = PassStatus.IN_PROGRESS;
            passStatusChanged.run();
        } else if (passStatus == PassStatus.NOT_STARTED) {
            passStatus = PassStatus.IN_PROGRESS; // the study file marks it in progress with the first edit
            passStatusChanged.run();
        }
        return true;
    }

    // ------------------------------------------------------------------ key presses

    /**
     * A code's key pressed at a stamped time: the modifier chooser to show, or the event committed (or
     * refused, with the reason said).
     */
    Optional<KeyCoding.ChooseModifiers> code(Code code, long stampMs) {
        lastCoded = Optional.empty();
        KeyCoding.Action a = KeyCoding.onCode(scheme(), code, stampMs, index);
        if (a instanceof KeyCoding.ChooseModifiers ask) return Optional.of(ask);
        if (a instanceof KeyCoding.Refused r) {
            say(r.why());
            return Optional.empty();
        }
        apply(a);
        return Optional.empty();
    }

    /**
     * Commits one action, then updates the list in place: only the events it touched are read back.
     * Returns the event added or stopped with its row (empty also when the study refused it: said in a dialog).
     */
    Optional<Coded> apply(KeyCoding.Action a) {
        lastCoded = Optional.empty();
        return saving("The event was not saved", () -> applyOrFail(a).orElse(null));
    }

    private Optional<Coded> applyOrFail(KeyCoding.Action a) throws StudyException {
        Optional<CodedEvent> e = KeyPresses.apply(study.events(), pass.pass().id(), a);
        edited.run();
        if (a instanceof KeyCoding.StartState start) {
            for (CodedEvent ended : start.ends()) study.events().get(ended.id()).ifPresent(x -> replace(ended, x));
        }
        if (e.isEmpty()) return Optional.empty();
        CodedEvent ev = e.get();
        int row = a instanceof KeyCoding.StopState stop ? replace(stop.running(), ev) : insert(ev);
        lastCoded = Optional.of(new Coded(ev, row));
        say((a instanceof KeyCoding.StopState ? "Ended " : "Coded ") + name(ev.code()) + " at "
                + TimeFormat.clock(a instanceof KeyCoding.StopState s ? s.offsetMs() : ev.onsetMs()) + ". All changes saved.");
        return Optional.of(new Coded(ev, row));
    }

    // ------------------------------------------------------------------ edits

    /** Commits an edit checked by {@link EventEdit}; its new row, or empty when the edit is refused (the reason said). */
    OptionalInt change(CodedEvent e, EventEdit.Result r, String what) {
        if (!r.ok()) {
            say("Not changed: " + r.message());
            return OptionalInt.empty();
        }
        Optional<CodedEvent> changedTo = saving("The event was not changed", () -> study.events().change(e.id(), r.draft().get()));
        if (changedTo.isEmpty()) return OptionalInt.empty();
        CodedEvent now = changedTo.get();
        edited.run();
        int row = replace(e, now);
        say("Changed the " + what + " of " + name(now.code()) + " at " + TimeFormat.clock(now.onsetMs()) + ". "
                + (r.message().isEmpty() ? "" : r.message() + " ") + "All changes saved.");
        return OptionalInt.of(row);
    }

    /** A state's edge moved (dragged on the timeline): one undoable change; its new row (empty if the study refused it: said). */
    OptionalInt moveEdge(CodedEvent e, long onsetMs, Long offsetMs) {
        Optional<CodedEvent> moved = saving("The event was not changed",
                () -> study.events().change(e.id(), new EventDraft(e.code(), onsetMs, offsetMs, e.modifiers(), e.comment())));
        if (moved.isEmpty()) return OptionalInt.empty();
        CodedEvent now = moved.get();
        edited.run();
        int row = replace(e, now);
        boolean onset = onsetMs != e.onsetMs();
        say("Moved the " + (onset ? "onset" : "offset") + " of " + name(e.code()) + " to " + TimeFormat.clock(onset ? onsetMs : offsetMs) + ". All changes saved.");
        return OptionalInt.of(row);
    }

    /** Deletes events, each one undo step; false if the study refused one (said; those before it are deleted and shown so). */
    boolean delete(List<CodedEvent> doomed) {
        for (CodedEvent e : doomed) {
            if (saving("The event was not deleted", () -> {
                study.events().delete(e.id());
                return Boolean.TRUE;
            }).isEmpty()) {
                edited.run();
                return false;
            }
            int at = positionOf(e.onsetMs(), e.id());
            if (at < events.size() && events.get(at).id() == e.id()) events.remove(at);
            else events.removeIf(x -> x.id() == e.id());
            index.remove(e.id());
            changed.accept(e);
        }
        edited.run();
        say("Deleted " + (doomed.size() == 1 ? name(doomed.get(0).code()) + " at " + TimeFormat.clock(doomed.get(0).onsetMs()) : doomed.size() + " events")
                + " (Ctrl+Z brings " + (doomed.size() == 1 ? "it" : "them, one by one,") + " back). All changes saved.");
        return true;
    }

    /** A session rating set (or cleared): one undoable step, like an event. */
    void rate(String code, Integer value) {
        if (saving("The rating was not saved", () -> {
            study.events().setRating(pass.pass().id(), code, value);
            return Boolean.TRUE;
        }).isEmpty()) return;
        edited.run();
        say(RatingsPanel.describe(scheme().code(code).orElseThrow(), value) + ". All changes saved.");
    }

    /** Undoes (or redoes) the pass's last step and reads the pass again; the ratings as they are now (empty if the study failed: said). */
    Optional<Map<String, Integer>> undoRedo(boolean redo) {
        long id = pass.pass().id();
        Optional<Optional<List<EventRepository.Change>>> step = saving(redo ? "Redo failed" : "Undo failed",
                () -> redo ? study.events().redo(id) : study.events().undo(id));
        if (step.isEmpty()) return Optional.empty();
        Optional<List<EventRepository.Change>> what = step.get();
        edited.run();
        Optional<Map<String, Integer>> ratings = reload();
        if (ratings.isPresent()) say(what.map(w -> (redo ? "Redone: " : "Undone: ") + inWords(w) + ". All changes saved.").orElse(redo ? "Nothing to redo." : "Nothing to undo."));
        return ratings;
    }

    /** What Undo (or Redo) would do now, in the scheme's names ("coding Child bid"); empty when nothing (or the study cannot say). */
    Optional<String> next(boolean redo) {
        try {
            long id = pass.pass().id();
            return (redo ? study.events().nextRedo(id) : study.events().nextUndo(id)).map(this::inWords);
        } catch (StudyException e) {
            return Optional.empty();
        }
    }

    /** "coding Child bid (serve), changing Parent looks at child": an undo step in the scheme's names. */
    String inWords(List<EventRepository.Change> step) {
        return step.stream().map(c -> switch (c.action()) {
            case "add" -> "coding ";
            case "delete" -> "deleting ";
            case "change" -> "changing ";
            case "rating" -> "rating ";
            default -> c.action() + " ";
        } + name(c.code())).distinct().collect(java.util.stream.Collectors.joining(", "));
    }

    /** A code's name in the scheme ("Child bid (serve)"); its id when the scheme does not have it. */
    String name(String codeId) {
        return scheme().code(codeId).map(Code::label).orElse(codeId);
    }

    // ------------------------------------------------------------------ keeping the list in order

    /** Where an event sits in the list's order (onset, then id, as the study lists them), or where it would go. */
    int positionOf(long onsetMs, long id) {
        int lo = 0;
        int hi = events.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            CodedEvent m = events.get(mid);
            if (m.onsetMs() < onsetMs || m.onsetMs() == onsetMs && m.id() < id) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** Puts a new event at its place; returns its row. */
    private int insert(CodedEvent e) {
        int at = positionOf(e.onsetMs(), e.id());
        events.add(at, e);
        if (scheme().code(e.code()).map(Code::isState).orElse(false)) index.put(e);
        changed.accept(e);
        return at;
    }

    /** Replaces an event that changed (found by its old onset, no scan); returns its new row. */
    private int replace(CodedEvent old, CodedEvent now) {
        changed.accept(old); // where it was is drawn again too
        int at = positionOf(old.onsetMs(), old.id());
        if (at < events.size() && events.get(at).id() == old.id()) {
            if (old.onsetMs() == now.onsetMs()) {
                events.set(at, now);
                if (scheme().code(now.code()).map(Code::isState).orElse(false)) index.put(now);
                changed.accept(now);
                return at;
            }
            events.remove(at);
        } else {
            events.removeIf(e -> e.id() == old.id()); // not where it was expected: the slow, sure way
        }
        index.remove(old.id());
        return insert(now);
    }
}
