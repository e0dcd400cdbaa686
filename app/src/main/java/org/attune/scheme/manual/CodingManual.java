package org.attune.scheme.manual;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.attune.scheme.Code;
import org.attune.scheme.CodeKind;
import org.attune.scheme.CodeRole;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.Definition;
import org.attune.scheme.ExclusiveGroup;
import org.attune.scheme.Exclusion;
import org.attune.scheme.Family;
import org.attune.scheme.Instrument;
import org.attune.scheme.KeyboardLayout;
import org.attune.scheme.ModifierSet;
import org.attune.scheme.PhysicalKey;
import org.attune.scheme.RatingScale;

/**
 * The coding manual a lab prints for training coders: key map, then every family and code with its
 * definition, onset/offset rules, examples, boundary cases, modifiers and source, then the
 * exclusive groups and references.
 */
public final class CodingManual {

    /** The main keyboard rows drawn in the key map. */
    private static final List<List<String>> KEYBOARD_ROWS = List.of(
            List.of("Backquote", "Digit1", "Digit2", "Digit3", "Digit4", "Digit5", "Digit6", "Digit7", "Digit8", "Digit9", "Digit0", "Minus", "Equal"),
            List.of("KeyQ", "KeyW", "KeyE", "KeyR", "KeyT", "KeyY", "KeyU", "KeyI", "KeyO", "KeyP", "BracketLeft", "BracketRight"),
            List.of("KeyA", "KeyS", "KeyD", "KeyF", "KeyG", "KeyH", "KeyJ", "KeyK", "KeyL", "Semicolon", "Quote"),
            List.of("KeyZ", "KeyX", "KeyC", "KeyV", "KeyB", "KeyN", "KeyM", "Comma", "Period", "Slash"));

    private final CodingScheme scheme;
    private final KeyboardLayout layout;
    private final ManualRenderer out;

    private CodingManual(CodingScheme scheme, KeyboardLayout layout, ManualRenderer out) {
        this.scheme = scheme;
        this.layout = layout;
        this.out = out;
    }

    public static String markdown(CodingScheme scheme, KeyboardLayout layout) {
        return new CodingManual(scheme, layout, new MarkdownManual()).render();
    }

    public static String html(CodingScheme scheme, KeyboardLayout layout) {
        return new CodingManual(scheme, layout, new HtmlManual()).render();
    }

    private String render() {
        out.title("Coding manual: " + scheme.name(), "Scheme " + scheme.id() + ", version " + scheme.version()
                + " · " + scheme.timedCodes().size() + " timed codes, " + scheme.ratingCodes().size() + " session ratings · keys shown for a "
                + layout.displayName() + " keyboard");
        if (!scheme.description().isEmpty()) out.paragraph(scheme.description());
        howToCode();
        keyMap();
        for (Family family : scheme.families()) familySection(family);
        groupsSection();
        referencesSection();
        return out.finish();
    }

    private void howToCode() {
        out.heading(1, "How to code with this scheme", "how-to", null);
        out.field("Point codes", "Instants, such as a bid or an intrusion. Press the key at the first frame of the behaviour.");
        out.field("State codes", "Bouts with a duration, such as gaze or distress. Press the key at the onset frame to start the bout and again at the offset frame to end it.");
        out.field("Exclusive groups", "Some states cannot run together (listed at the end of this manual). Starting one ends the running one of its group at the same instant; you do not need to stop it yourself.");
        out.field("Modifiers", "Some codes ask for a qualifier after the key press (for example the type of bid). Choose it with the number keys 1–9 shown next to each value.");
        out.field("Session ratings", "Given once per session after the timed coding, in the ratings panel.");
        out.field("Keys", "Keys are defined by their position on the keyboard, so the hand positions are the same on every layout. This manual shows the labels of a "
                + layout.displayName() + " keyboard.");
    }

    private void keyMap() {
        out.heading(1, "Key map", "keys", null);
        Map<String, Code> byKey = scheme.codes().stream().filter(c -> c.key() != null)
                .collect(Collectors.toMap(c -> c.key().code(), c -> c, (a, b) -> a));
        List<List<ManualRenderer.KeyCap>> rows = new ArrayList<>();
        for (List<String> row : KEYBOARD_ROWS) {
            List<ManualRenderer.KeyCap> caps = new ArrayList<>();
            for (String keyCode : row) {
                Code c = byKey.get(keyCode);
                String label = layout.label(new PhysicalKey(keyCode));
                caps.add(c == null ? new ManualRenderer.KeyCap(label, null, null) : new ManualRenderer.KeyCap(label, c.id(), scheme.colorOf(c)));
            }
            rows.add(caps);
        }
        out.keyboard(rows);
        List<List<String>> table = new ArrayList<>();
        for (Family f : scheme.families()) {
            for (Code c : scheme.codesIn(f)) {
                if (!c.kind().isTimed()) continue;
                table.add(List.of(keyLabel(c), c.id(), c.label(), c.kind().jsonName(), c.subject().label(), f.label(),
                        c.group() == null ? "" : c.group()));
            }
        }
        out.table(List.of("Key", "Code", "Label", "Kind", "Who", "Family", "Exclusive group"), table);
        List<String> free = new ArrayList<>();
        for (List<String> row : KEYBOARD_ROWS) {
            for (String keyCode : row) {
                if (!byKey.containsKey(keyCode)) free.add(layout.label(new PhysicalKey(keyCode)));
            }
        }
        if (!free.isEmpty()) out.paragraph("Free keys for lab-specific codes: " + String.join(" ", free) + ".");
    }

    private void familySection(Family family) {
        out.heading(1, family.label(), "family-" + family.id(), family.color());
        if (!family.description().isEmpty()) out.paragraph(family.description());
        for (Code c : scheme.codesIn(family)) codeBlock(c);
    }

    private void codeBlock(Code c) {
        out.beginCode(scheme.colorOf(c));
        out.heading(2, c.id() + " — " + c.label(), "code-" + c.id(), null);
        List<String> meta = new ArrayList<>();
        if (c.key() != null) meta.add("Key: " + keyLabel(c));
        meta.add("Kind: " + c.kind().jsonName());
        meta.add("Who: " + c.subject().label());
        c.groupId().flatMap(scheme::group).ifPresent(g -> meta.add("Exclusive group: " + g.label() + " (" + g.id() + ")"));
        List<String> ends = scheme.statesEndedBy(c).stream().map(Code::id).toList();
        if (!ends.isEmpty()) meta.add("Starting it ends: " + String.join(", ", ends));
        out.paragraph(String.join(" · ", meta));

        Definition d = c.definition();
        out.field("Definition", d.summary());
        if (!d.counts().isEmpty()) out.field(c.kind() == CodeKind.RATING ? "How to rate" : "What counts", d.counts());
        if (!d.doesNotCount().isEmpty()) out.field("What does not count", d.doesNotCount());
        if (!d.onset().isEmpty()) out.field(c.isPoint() ? "When to press" : "Onset", d.onset());
        if (!d.offset().isEmpty()) out.field("Offset", d.offset());
        if (!d.examples().isEmpty()) out.bullets(d.examples().size() == 1 ? "Example" : "Examples", d.examples());
        if (!d.boundaryCases().isEmpty()) out.bullets("Boundary cases", d.boundaryCases());
        for (ModifierSet m : c.modifiers()) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < m.values().size(); i++) {
                values.add((i + 1) + " — " + m.values().get(i).label() + " (" + m.values().get(i).id() + ")");
            }
            out.bullets("Modifier: " + m.label() + (m.choice() == ModifierSet.Choice.MULTIPLE ? " (choose any)" : " (choose one)"), values);
        }
        c.ratingScale().ifPresent(this::scaleTable);
        if (!c.roles().isEmpty()) {
            out.field("Used in measures as", c.roles().stream().map(CodeRole::description).collect(Collectors.joining("; ")));
        }
        c.sourceNote().ifPresent(s -> out.quote(s.quote(),
                s.ref() + scheme.reference(s.ref()).map(r -> ": " + shortCitation(r.citation())).orElse("")));
        if (!c.lineage().isEmpty()) out.field("Related instruments", c.lineage());
        List<Instrument> instruments = scheme.instrumentsOf(c.id());
        if (!instruments.isEmpty()) out.field("Cite", instruments.stream().map(Instrument::citation).collect(Collectors.joining(" · ")));
        out.endCode();
    }

    private void scaleTable(RatingScale scale) {
        List<List<String>> rows = new ArrayList<>();
        for (int v = scale.min(); v <= scale.max(); v++) {
            rows.add(List.of(Integer.toString(v), scale.anchor(v).map(RatingScale.Anchor::label).orElse("")));
        }
        out.table(List.of("Score", "Anchor"), rows);
    }

    private void groupsSection() {
        if (scheme.groups().isEmpty() && scheme.exclusions().isEmpty()) return;
        out.heading(1, "Exclusive groups", "groups", null);
        out.paragraph("At most one state of a group runs at a time; starting one ends the other at the same instant. "
                + "Time when none of them runs is the group's implicit \"none\" category.");
        List<List<String>> rows = new ArrayList<>();
        for (ExclusiveGroup g : scheme.groups()) {
            rows.add(List.of(g.id(), g.label(), scheme.membersOf(g).stream().map(Code::id).collect(Collectors.joining(", ")), g.description()));
        }
        for (Exclusion e : scheme.exclusions()) {
            rows.add(List.of("—", "Exclusion pair", e.first() + ", " + e.second(), "These two states cannot run together."));
        }
        out.table(List.of("Group", "Label", "Members", "Meaning"), rows);
    }

    private void referencesSection() {
        if (!scheme.instruments().isEmpty()) {
            out.heading(1, "Established instruments", "instruments", null);
            out.paragraph("The codes correspond to constructs of these instruments and papers (cite them as the instruments the codes were adapted "
                    + "from). Attune's codes are timed behavioural indicators; most of these instruments are global ratings.");
            List<List<String>> rows = scheme.instruments().stream().map(i -> List.of(i.citation(), String.join(", ", i.codes()))).toList();
            out.table(List.of("Instrument", "Codes"), rows);
        }
        if (scheme.references().isEmpty()) return;
        out.heading(1, "Sources", "sources", null);
        List<List<String>> rows = scheme.references().stream().map(r -> List.of(r.id(), r.citation())).toList();
        out.table(List.of("Id", "Source"), rows);
    }

    private String keyLabel(Code c) {
        return Optional.ofNullable(c.key()).map(layout::label).orElse("");
    }

    private static String shortCitation(String citation) {
        int cut = citation.indexOf(". ");
        return cut > 0 && cut < 120 ? citation.substring(0, cut) : citation;
    }
}
