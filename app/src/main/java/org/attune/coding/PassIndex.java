package org.attune.coding;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What a key press needs to know about a pass, kept up to date edit by edit instead of scanned for:
 * the running states by code, and each state code's bouts ordered by onset. With 100,000 events in
 * a pass a press then costs a map lookup and a tree search, not two passes over the list
 * (docs/benchmarks.md). Point events are not indexed; nothing asks about them.
 */
public final class PassIndex {

    private static final Comparator<CodedEvent> BY_ONSET = Comparator.comparingLong(CodedEvent::onsetMs).thenComparingLong(CodedEvent::id);

    private final Map<String, CodedEvent> running = new HashMap<>();
    private final Map<String, NavigableSet<CodedEvent>> bouts = new HashMap<>();
    private final Map<Long, CodedEvent> statesById = new HashMap<>();

    /** The index of a pass's events; {@code isState} tells which codes are states. */
    public static PassIndex of(List<CodedEvent> events, java.util.function.Predicate<String> isState) {
        PassIndex index = new PassIndex();
        for (CodedEvent e : events) if (isState.test(e.code())) index.put(e);
        return index;
    }

    /** Adds a state event, or replaces the indexed version of it (same id). */
    public void put(CodedEvent state) {
        remove(state.id());
        statesById.put(state.id(), state);
        bouts.computeIfAbsent(state.code(), k -> new TreeSet<>(BY_ONSET)).add(state);
        if (state.offsetMs() == null) running.put(state.code(), state);
    }

    /** Forgets an event (deleted); a no-op for ids that are not indexed states. */
    public void remove(long id) {
        CodedEvent old = statesById.remove(id);
        if (old == null) return;
        bouts.get(old.code()).remove(old);
        if (running.get(old.code()) != null && running.get(old.code()).id() == id) running.remove(old.code());
    }

    public Optional<CodedEvent> running(String code) {
        return Optional.ofNullable(running.get(code));
    }

    /** The running states, by code (read-only view). */
    public Map<String, CodedEvent> running() {
        return Collections.unmodifiableMap(running);
    }

    public Collection<CodedEvent> runningStates() {
        return running().values();
    }

    /** The bouts of a state code in onset order (read-only view; empty for codes without bouts). */
    public NavigableSet<CodedEvent> bouts(String code) {
        NavigableSet<CodedEvent> set = bouts.get(code);
        return set == null ? Collections.emptyNavigableSet() : Collections.unmodifiableNavigableSet(set);
    }

    /** The finished bout of {@code code} that contains {@code atMs} (onset ≤ atMs < offset), if any. */
    public Optional<CodedEvent> boutAt(String code, long atMs) {
        NavigableSet<CodedEvent> set = bouts.get(code);
        if (set == null) return Optional.empty();
        CodedEvent before = set.floor(probe(code, atMs));
        if (before != null && before.offsetMs() != null && before.onsetMs() <= atMs && atMs < before.offsetMs()) return Optional.of(before);
        return Optional.empty();
    }

    /** The first finished bout of {@code code} that starts after {@code afterMs}: where a bout running from afterMs must end at the latest. */
    public Optional<CodedEvent> nextBout(String code, long afterMs) {
        NavigableSet<CodedEvent> set = bouts.get(code);
        if (set == null) return Optional.empty();
        for (CodedEvent after = set.higher(probe(code, afterMs)); after != null; after = set.higher(after)) {
            if (after.offsetMs() != null && after.onsetMs() > afterMs) return Optional.of(after);
        }
        return Optional.empty();
    }

    /** Sorts after every bout starting at or before {@code atMs}. */
    private static CodedEvent probe(String code, long atMs) {
        return new CodedEvent(Long.MAX_VALUE, 0, code, atMs, atMs, null, null);
    }
}
