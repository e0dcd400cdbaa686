package org.attune.coding;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.PhysicalKey;

/**
 * Which physical key does what for one coder: each code's key from the scheme unless the coder
 * remapped it (or removed it), plus transport keys (play, stop, frame steps, shuttle…) the coder can
 * bind, for instance Datavyu's numeric-keypad layout. A key bound twice is a conflict: it is listed
 * in words, and pressing it does nothing until the coder resolves it (never a silent guess).
 * The built-in transport keys (Space, arrows with Shift/Ctrl) are not part of the map and always work.
 */
public final class KeyMap {

    /** Player actions a key can be bound to. */
    public enum Transport {
        PLAY("Play"), STOP("Stop (pause)"), PLAY_PAUSE("Play / pause"), STEP_BACK("One frame back"), STEP_FORWARD("One frame forward"),
        SLOWER("Shuttle: slower"), FASTER("Shuttle: faster"), BACK_1S("Back 1 s"), FORWARD_1S("Forward 1 s"), BACK_5S("Back 5 s"),
        FORWARD_5S("Forward 5 s"), BACK_30S("Back 30 s"), FORWARD_30S("Forward 30 s");

        private final String label;

        Transport(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * Datavyu's numeric-keypad layout: 8 play, 5 stop, 1 / 3 one frame back / forward, 4 / 6 shuttle
     * (JavaFX cannot play backwards, so 4 halves the rate and 6 doubles it), 7 / 9 five seconds.
     */
    public static final Map<Transport, String> NUMPAD = numpad();

    private final CodingScheme scheme;
    private final Map<String, String> codeKeys = new LinkedHashMap<>();   // code id → key ("" = none)
    private final Map<Transport, String> transportKeys = new EnumMap<>(Transport.class);

    /**
     * @param codeOverrides code id → physical key the coder chose instead of the scheme's ("" removes the key)
     * @param transport     transport action → physical key
     */
    public KeyMap(CodingScheme scheme, Map<String, String> codeOverrides, Map<Transport, String> transport) {
        this.scheme = scheme;
        for (Code c : scheme.timedCodes()) {
            String key = codeOverrides.containsKey(c.id()) ? codeOverrides.get(c.id()) : c.physicalKey().map(PhysicalKey::code).orElse("");
            codeKeys.put(c.id(), key == null ? "" : key);
        }
        transport.forEach((t, k) -> {
            if (k != null && !k.isEmpty()) transportKeys.put(t, k);
        });
    }

    /** The scheme's keys and no transport keys. */
    public static KeyMap ofScheme(CodingScheme scheme) {
        return new KeyMap(scheme, Map.of(), Map.of());
    }

    public CodingScheme scheme() {
        return scheme;
    }

    /** The key a code has for this coder, if any. */
    public Optional<String> keyOf(Code c) {
        String k = codeKeys.getOrDefault(c.id(), "");
        return k.isEmpty() ? Optional.empty() : Optional.of(k);
    }

    public Optional<String> keyOf(Transport t) {
        return Optional.ofNullable(transportKeys.get(t));
    }

    public Map<Transport, String> transportKeys() {
        return Map.copyOf(transportKeys);
    }

    /** What a key does: a code, a transport action, several things (a conflict), or nothing. */
    public sealed interface Binding permits CodeKey, TransportKey, Conflict, Unbound {
    }

    public record CodeKey(Code code) implements Binding {
    }

    public record TransportKey(Transport action) implements Binding {
    }

    public record Conflict(String key, List<String> boundTo) implements Binding {
        public String describe() {
            return key + " is bound to " + String.join(" and ", boundTo);
        }
    }

    public record Unbound(String key) implements Binding {
    }

    public Binding binding(String physicalKey) {
        List<String> names = boundTo(physicalKey);
        if (names.size() > 1) return new Conflict(physicalKey, names);
        for (Map.Entry<Transport, String> t : transportKeys.entrySet()) if (t.getValue().equals(physicalKey)) return new TransportKey(t.getKey());
        for (Map.Entry<String, String> c : codeKeys.entrySet()) {
            if (c.getValue().equals(physicalKey)) return new CodeKey(scheme.code(c.getKey()).orElseThrow());
        }
        return new Unbound(physicalKey);
    }

    private List<String> boundTo(String key) {
        List<String> out = new ArrayList<>();
        codeKeys.forEach((code, k) -> {
            if (k.equals(key)) out.add(code);
        });
        transportKeys.forEach((t, k) -> {
            if (k.equals(key)) out.add(t.label().toLowerCase(java.util.Locale.ROOT));
        });
        return out;
    }

    /** Every key bound more than once, in words ("KeyG is bound to P_GAZE and C_GAZE"). */
    public List<Conflict> conflicts() {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        codeKeys.values().forEach(k -> {
            if (!k.isEmpty()) seen.merge(k, false, (a, b) -> true);
        });
        transportKeys.values().forEach(k -> seen.merge(k, false, (a, b) -> true));
        List<Conflict> out = new ArrayList<>();
        seen.forEach((k, twice) -> {
            if (twice) out.add(new Conflict(k, boundTo(k)));
        });
        return out;
    }

    private static Map<Transport, String> numpad() {
        Map<Transport, String> m = new EnumMap<>(Transport.class);
        m.put(Transport.PLAY, "Numpad8");
        m.put(Transport.STOP, "Numpad5");
        m.put(Transport.STEP_BACK, "Numpad1");
        m.put(Transport.STEP_FORWARD, "Numpad3");
        m.put(Transport.SLOWER, "Numpad4");
        m.put(Transport.FASTER, "Numpad6");
        m.put(Transport.BACK_5S, "Numpad7");
        m.put(Transport.FORWARD_5S, "Numpad9");
        return java.util.Collections.unmodifiableMap(m);
    }
}
