package org.attune.ui.reliability;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.attune.coding.EventDraft;
import org.attune.coding.TimeFormat;
import org.attune.reliability.ConsensusPlan;
import org.attune.service.Consensus;
import org.attune.store.Study;
import org.attune.store.StudyException;
import org.attune.ui.DialogService;

/**
 * The consensus review (issue 19), without JavaFX nodes: one disagreement at a time, decided from the keyboard —
 * the first coder's event, the second's, an edited one or neither — then the next undecided one; the video is
 * cued to each disagreement; every decision is committed at once, the last one can be taken back.
 */
public final class ConsensusViewModel {

    private final Study study;
    private final DialogService dialogs;
    private final Consumer<Long> cue;
    private Consensus.State state;
    private int index;
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper first = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper second = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper decided = new ReadOnlyStringWrapper("");
    private Runnable changed = () -> { };

    /** {@code cue}: shows the video at a moment (the Coding tab's player, on the consensus pass). */
    public ConsensusViewModel(Study study, Consensus.State state, DialogService dialogs, Consumer<Long> cue) {
        this.study = study;
        this.state = state;
        this.dialogs = dialogs;
        this.cue = cue;
        this.index = firstUndecided(0);
        show();
    }

    /** Runs after every change (the view redraws its list). */
    public void onChanged(Runnable then) {
        changed = then;
    }

    public Consensus.State state() {
        return state;
    }

    public int index() {
        return index;
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty firstProperty() {
        return first.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty secondProperty() {
        return second.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty decidedProperty() {
        return decided.getReadOnlyProperty();
    }

    /** 1: the first coder's event. */
    public void takeFirst() {
        decide(Consensus.Decision.FIRST, Optional.empty());
    }

    /** 2: the second coder's event. */
    public void takeSecond() {
        decide(Consensus.Decision.SECOND, Optional.empty());
    }

    /** X: neither. */
    public void neither() {
        decide(Consensus.Decision.NEITHER, Optional.empty());
    }

    /** E: an event typed from one of the two (code, onset and offset in seconds). */
    public void edit() {
        Optional<ConsensusPlan.Item> item = current();
        if (item.isEmpty()) return;
        ConsensusPlan.Side from = item.get().first().orElseGet(() -> item.get().second().orElseThrow());
        String start = from.code() + " " + seconds(from.onsetMs()) + (from.point() ? "" : " " + seconds(from.offsetMs()));
        Optional<String> typed = dialogs.askText("Edit the consensus event", "Code, onset and (for a state) offset in seconds, e.g. C_POS 1.2 5.0:", start);
        if (typed.isEmpty()) return;
        String[] parts = typed.get().trim().split("\\s+");
        try {
            if (parts.length < 2 || parts.length > 3) throw new NumberFormatException();
            long onset = Math.round(Double.parseDouble(parts[1].replace(',', '.')) * 1000);
            long offset = parts.length == 3 ? Math.round(Double.parseDouble(parts[2].replace(',', '.')) * 1000) : onset;
            decide(Consensus.Decision.EDITED, Optional.of(new EventDraft(parts[0], onset, offset, null, "")));
        } catch (IllegalArgumentException e) {
            dialogs.showError("That is not an event", "Type the code, the onset and (for a state) the offset in seconds, e.g. C_POS 1.2 5.0 — not \""
                    + typed.get() + "\". Nothing was decided.");
        }
    }

    /** →: the next disagreement. */
    public void next() {
        if (index < state.disagreements().size() - 1) index++;
        show();
    }

    /** ←: the previous one. */
    public void previous() {
        if (index > 0) index--;
        show();
    }

    /** Ctrl+Z: takes the last decision back and shows its disagreement. */
    public void undo() {
        try {
            List<String> before = List.copyOf(state.decisions().keySet());
            state = Consensus.undo(study, state);
            if (!before.isEmpty()) {
                String undone = before.get(before.size() - 1);
                for (int i = 0; i < state.disagreements().size(); i++) if (state.disagreements().get(i).key().equals(undone)) index = i;
            }
            show();
        } catch (StudyException e) {
            dialogs.showError("The decision was not taken back", e.getMessage());
        }
    }

    public Optional<ConsensusPlan.Item> current() {
        return state.disagreements().isEmpty() ? Optional.empty() : Optional.of(state.disagreements().get(index));
    }

    private void decide(Consensus.Decision d, Optional<EventDraft> edited) {
        Optional<ConsensusPlan.Item> item = current();
        if (item.isEmpty()) return;
        if (state.decisions().containsKey(item.get().key())) {
            dialogs.showInfo("Decided already", "This disagreement is decided (" + state.decisions().get(item.get().key())
                    + "). Take the decision back with Ctrl+Z to decide it again.");
            return;
        }
        try {
            state = Consensus.decide(study, state, item.get(), d, edited);
            index = firstUndecided(index);
            show();
        } catch (StudyException e) {
            dialogs.showError("Nothing was decided", e.getMessage());
        }
    }

    /** The first undecided disagreement from {@code from} on (wrapping round), else {@code from}. */
    private int firstUndecided(int from) {
        int n = state.disagreements().size();
        for (int k = 0; k < n; k++) {
            int i = (from + k) % n;
            if (!state.decisions().containsKey(state.disagreements().get(i).key())) return i;
        }
        return Math.min(from, Math.max(0, n - 1));
    }

    private void show() {
        int n = state.disagreements().size();
        progress.set(state.resolved() + " of " + n + " resolved" + (n > 0 && state.resolved() == n ? " — the consensus is complete" : ""));
        Optional<ConsensusPlan.Item> item = current();
        heading.set(item.map(i -> (index + 1) + " of " + n + " · " + TimeFormat.clock(i.atMs()) + " · " + switch (i.kind()) {
            case DIFFERENT -> "the two coders differ";
            case ONLY_FIRST -> "only " + state.first() + " coded it";
            case ONLY_SECOND -> "only " + state.second() + " coded it";
            case AGREED -> "agreed";
        }).orElse("The two passes agree throughout: nothing to decide."));
        first.set(state.first() + ": " + item.flatMap(ConsensusPlan.Item::first).map(ConsensusViewModel::describe).orElse("(nothing)"));
        second.set(state.second() + ": " + item.flatMap(ConsensusPlan.Item::second).map(ConsensusViewModel::describe).orElse("(nothing)"));
        decided.set(item.map(i -> state.decisions().get(i.key())).map(d -> "Decided: " + switch (d) {
            case "first" -> state.first() + "'s";
            case "second" -> state.second() + "'s";
            case "edited" -> "edited";
            default -> "neither";
        }).orElse("Undecided"));
        item.ifPresent(i -> cue.accept(i.atMs()));
        changed.run();
    }

    static String describe(ConsensusPlan.Side s) {
        return s.code() + "  " + TimeFormat.clock(s.onsetMs()) + (s.point() ? "" : " – " + TimeFormat.clock(s.offsetMs()));
    }

    private static String seconds(long ms) {
        return String.format(java.util.Locale.ROOT, "%.3f", ms / 1000.0).replaceFirst("\\.?0+$", "");
    }
}
