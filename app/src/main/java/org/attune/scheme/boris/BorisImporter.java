package org.attune.scheme.boris;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.attune.scheme.Code;
import org.attune.scheme.CodeKind;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.Definition;
import org.attune.scheme.Exclusion;
import org.attune.scheme.ExclusiveGroup;
import org.attune.scheme.Family;
import org.attune.scheme.HexColor;
import org.attune.scheme.KeyboardLayout;
import org.attune.scheme.ModifierSet;
import org.attune.scheme.PhysicalKey;
import org.attune.scheme.SchemeValidator;
import org.attune.scheme.Subject;
import org.attune.scheme.json.LocatedJson.Node;
import org.attune.scheme.json.LocatedJson;

/**
 * Turns the ethogram of a BORIS project ({@code .boris}, plain or gzipped JSON) into an Attune
 * scheme: behaviours become codes, behavioural categories families, {@code excluded} lists
 * exclusive groups (or exclusion pairs), modifier sets modifier sets. Everything that cannot be
 * mapped as it is gets a line in the report, by name. Format: shared/reference/boris.md.
 */
public final class BorisImporter {

    /** A file that is not a BORIS project at all. */
    public static final class BorisFormatException extends Exception {
        public BorisFormatException(String message) {
            super(message);
        }
    }

    private static final List<String> PALETTE = List.of("#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377", "#BBBBBB");
    private static final String UNCATEGORISED = "UNCATEGORISED";

    private final String fileName;
    private final KeyboardLayout layout;
    private final List<String> report = new ArrayList<>();

    /** Only the ethogram is imported (its report names what of the project was left out). */
    private final boolean ethogramOnly;

    private BorisImporter(String fileName, KeyboardLayout layout, boolean ethogramOnly) {
        this.fileName = fileName;
        this.layout = layout;
        this.ethogramOnly = ethogramOnly;
    }

    public static BorisImport importProject(Path file, KeyboardLayout layout) throws BorisFormatException, IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BorisFormatException(file + ": no such file");
        }
        return importBytes(bytes, file.getFileName().toString(), layout);
    }

    public static BorisImport importBytes(byte[] bytes, String fileName, KeyboardLayout layout) throws BorisFormatException {
        return new BorisImporter(fileName, layout, true).convert(parseProject(bytes, fileName));
    }

    /**
     * The ethogram of a project whose observations are imported too (a study made from a BORIS project): the
     * report then says nothing of observations, variables or subjects, which that import maps itself.
     */
    public static BorisImport importEthogramOfProject(byte[] bytes, String fileName, KeyboardLayout layout) throws BorisFormatException {
        return new BorisImporter(fileName, layout, false).convert(parseProject(bytes, fileName));
    }

    /** A project file's JSON (plain, or gzipped as {@code .boris.gz}), with every value's line and column. */
    public static Node parseProject(byte[] bytes, String fileName) throws BorisFormatException {
        String text;
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new BorisFormatException(fileName + ": gzip data is damaged (" + e.getMessage() + "); re-save the project in BORIS.");
            }
        } else {
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        Node root;
        try {
            root = LocatedJson.parse(text, dup -> { });
        } catch (LocatedJson.SyntaxException e) {
            throw new BorisFormatException(fileName + ":" + e.position().line() + ":" + e.position().column() + ": " + e.getMessage()
                    + " — this is not a readable BORIS project; open and re-save it in BORIS.");
        }
        return root;
    }

    private BorisImport convert(Node root) throws BorisFormatException {
        Node ethogram = LocatedJson.member(root, "behaviors_conf")
                .orElseThrow(() -> new BorisFormatException(fileName + ": no \"behaviors_conf\" (ethogram) found — is this a BORIS project file (.boris)?"));
        if (!(ethogram instanceof LocatedJson.ObjectNode behaviours)) {
            throw new BorisFormatException(fileName + ": \"behaviors_conf\" is not an object — is this a BORIS project file?");
        }
        String projectName = LocatedJson.member(root, "project_name").flatMap(LocatedJson::text).filter(s -> !s.isBlank())
                .orElse(fileName.replaceFirst("\\.boris$", ""));
        report.add("BORIS project \"" + projectName + "\" (format " + LocatedJson.member(root, "project_format_version").flatMap(LocatedJson::text).orElse("?")
                + "), keys read as typed on a " + layout.displayName() + " keyboard");

        Map<String, Family> families = families(root, behaviours);
        List<RawBehaviour> raw = new ArrayList<>();
        for (LocatedJson.Member m : sortedByIndex(behaviours)) raw.add(readBehaviour(m.value()));

        Map<String, String> idOf = assignIds(raw);
        List<Code> codes = new ArrayList<>();
        Map<PhysicalKey, String> keyOwner = new HashMap<>();
        Set<String> converted = new HashSet<>();
        for (RawBehaviour b : raw) {
            if (b.name.isBlank() || !converted.add(b.name)) continue; // no name, or the second definition of a name: reported by assignIds
            codes.add(toCode(b, idOf.get(b.name), families, keyOwner));
        }
        if (codes.isEmpty()) {
            throw new BorisFormatException(fileName + ": the ethogram has no behaviours" + (raw.isEmpty() ? "" : " with a code name")
                    + ", so there is nothing to import. Define the behaviours in BORIS (Project ▸ Ethogram) and save the project first.");
        }
        List<ExclusiveGroup> groups = new ArrayList<>();
        List<Exclusion> exclusions = new ArrayList<>();
        Map<String, String> groupOf = exclusiveRelations(raw, idOf, codes, groups, exclusions);
        codes.replaceAll(c -> groupOf.containsKey(c.id())
                ? new Code(c.id(), c.label(), c.family(), c.subject(), c.kind(), groupOf.get(c.id()), c.key(), c.color(), c.modifiers(),
                c.roles(), c.definition(), c.scale(), c.source(), c.lineage())
                : c);

        if (ethogramOnly) reportSubjects(root);
        reportOther(root);
        String id = sanitise(projectName.toLowerCase(Locale.ROOT).replace(' ', '-'), "boris-import");
        CodingScheme scheme = new CodingScheme(id, projectName, "1.0.0",
                "Imported from the ethogram of BORIS project \"" + projectName + "\" (" + fileName + "). Review subjects, definitions and onset/offset rules before coding.",
                List.of(), List.copyOf(families.values()), groups, exclusions, codes);
        long errors = SchemeValidator.validate(scheme).stream().filter(p -> p.isError()).count();
        if (errors > 0) report.add(errors + " problems remain for 'attune scheme validate' to list");
        return new BorisImport(scheme, report);
    }

    private record RawBehaviour(String name, String type, String key, String description, String color, String category,
                                Node modifiers, String excluded, String codingMap) {
    }

    private RawBehaviour readBehaviour(Node b) {
        return new RawBehaviour(str(b, "code"), str(b, "type"), str(b, "key"), str(b, "description"), str(b, "color"),
                str(b, "category"), LocatedJson.member(b, "modifiers").orElse(null), str(b, "excluded"), str(b, "coding map"));
    }

    private Map<String, Family> families(Node root, LocatedJson.ObjectNode behaviours) {
        Map<String, HexColor> categoryColors = new HashMap<>();
        List<String> categoryOrder = new ArrayList<>();
        LocatedJson.member(root, "behavioral_categories_config").ifPresent(conf -> {
            if (conf instanceof LocatedJson.ObjectNode obj) {
                for (LocatedJson.Member m : sortedByIndex(obj)) {
                    String name = str(m.value(), "name");
                    if (name.isBlank()) continue;
                    categoryOrder.add(name);
                    BorisColors.parse(str(m.value(), "color")).ifPresent(c -> categoryColors.put(name, c));
                }
            }
        });
        LocatedJson.member(root, "behavioral_categories").ifPresent(list -> {
            if (list instanceof LocatedJson.ArrayNode arr) {
                for (Node n : arr.elements()) LocatedJson.text(n).filter(s -> !s.isBlank() && !categoryOrder.contains(s)).ifPresent(categoryOrder::add);
            }
        });
        boolean anyUncategorised = false;
        for (LocatedJson.Member m : behaviours.members()) {
            String cat = str(m.value(), "category");
            if (cat.isBlank()) anyUncategorised = true;
            else if (!categoryOrder.contains(cat)) categoryOrder.add(cat);
        }
        Map<String, Family> families = new LinkedHashMap<>();
        Set<String> usedIds = new HashSet<>();
        int i = 0;
        for (String cat : categoryOrder) {
            String id = unique(sanitise(cat.toUpperCase(Locale.ROOT).replace(' ', '_'), "CATEGORY"), usedIds);
            HexColor color = categoryColors.getOrDefault(cat, new HexColor(PALETTE.get(i++ % PALETTE.size())));
            families.put(cat, new Family(id, cat, color, "BORIS behavioural category \"" + cat + "\"."));
        }
        if (anyUncategorised) {
            families.put("", new Family(unique(UNCATEGORISED, usedIds), "Uncategorised", new HexColor("#BBBBBB"), "Behaviours without a category in BORIS."));
            report.add("behaviours without a category were put in family \"Uncategorised\"");
        }
        report.add(families.size() + " behavioural categories → families: " + String.join(", ", families.values().stream().map(Family::label).toList()));
        return families;
    }

    private Map<String, String> assignIds(List<RawBehaviour> raw) {
        Map<String, String> idOf = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (RawBehaviour b : raw) {
            if (b.name.isBlank()) {
                report.add("a behaviour without a code name was skipped");
                continue;
            }
            if (idOf.containsKey(b.name)) {
                report.add("behaviour \"" + b.name + "\" is defined twice in the ethogram; the second definition was skipped");
                continue;
            }
            String id = unique(sanitise(b.name, "B"), used);
            if (!id.equals(b.name)) report.add("behaviour \"" + b.name + "\" → code id " + id + " (ids allow letters, digits, _ . -; the label keeps the original name)");
            idOf.put(b.name, id);
        }
        return idOf;
    }

    private Code toCode(RawBehaviour b, String id, Map<String, Family> families, Map<PhysicalKey, String> keyOwner) {
        CodeKind kind;
        if (b.type.startsWith("State event")) {
            kind = CodeKind.STATE;
        } else {
            kind = CodeKind.POINT;
            if (!b.type.startsWith("Point event")) report.add("behaviour \"" + b.name + "\" has unknown type \"" + b.type + "\"; imported as a point code");
        }
        if (b.type.endsWith("with coding map") || !b.codingMap.isBlank()) {
            report.add("behaviour \"" + b.name + "\": its coding map \"" + b.codingMap + "\" was not imported (Attune has no coding maps); the behaviour is a plain " + kind.jsonName() + " code");
        }
        PhysicalKey key = null;
        if (!b.key.isBlank()) {
            key = PhysicalKey.of(b.key).or(() -> layout.keyForCharacter(b.key)).orElse(null);
            if (key == null) {
                report.add("behaviour \"" + b.name + "\": key \"" + b.key + "\" has no place on a " + layout.displayName() + " keyboard; the code has no key — assign one");
            } else if (keyOwner.containsKey(key)) {
                report.add("behaviour \"" + b.name + "\": key \"" + b.key + "\" is already used by " + keyOwner.get(key)
                        + " (BORIS asks which one is meant; Attune needs one key per code); the code has no key — assign one");
                key = null;
            } else {
                keyOwner.put(key, b.name);
            }
        }
        HexColor color = null;
        if (!b.color.isBlank()) {
            color = BorisColors.parse(b.color).orElse(null);
            if (color == null) report.add("behaviour \"" + b.name + "\": colour \"" + b.color + "\" is not known; it uses its family's colour");
        }
        Family family = families.get(b.category);
        String summary = b.description.isBlank()
                ? "Imported from BORIS without a description; write the definition before training coders."
                : b.description;
        if (b.description.isBlank()) report.add("behaviour \"" + b.name + "\" has no description; write its definition");
        return new Code(id, b.name, family.id(), Subject.DYAD, kind, null, key, color, modifierSets(b), List.of(),
                Definition.ofSummary(summary), null, null, "Imported from BORIS");
    }

    private List<ModifierSet> modifierSets(RawBehaviour b) {
        if (!(b.modifiers instanceof LocatedJson.ObjectNode obj)) {
            boolean none = b.modifiers == null || b.modifiers instanceof LocatedJson.NullNode
                    || b.modifiers instanceof LocatedJson.StringNode t && t.value().isBlank();
            if (!none) {
                report.add("behaviour \"" + b.name + "\": its modifiers are written as " + b.modifiers.kind()
                        + ", not in the form BORIS 7 and later save (an object of modifier sets), so they were not imported — add them to the scheme by hand");
            }
            return List.of();
        }
        List<ModifierSet> sets = new ArrayList<>();
        Set<String> usedSetIds = new HashSet<>();
        for (LocatedJson.Member m : sortedByIndex(obj)) {
            Node set = m.value();
            String name = str(set, "name");
            String setLabel = name.isBlank() ? "Modifier " + (sets.size() + 1) : name;
            int type = LocatedJson.member(set, "type").filter(n -> n instanceof LocatedJson.NumberNode)
                    .map(n -> ((LocatedJson.NumberNode) n).value().intValue()).orElse(0);
            if (type == 2 || type == 3) {
                report.add("behaviour \"" + b.name + "\": modifier \"" + setLabel + "\" is " + (type == 2 ? "numeric" : "a value from an external data file")
                        + "; Attune modifiers are lists of choices, so it was not imported — record the value in the event comment instead");
                continue;
            }
            List<ModifierSet.Value> values = new ArrayList<>();
            Set<String> usedValueIds = new HashSet<>();
            LocatedJson.member(set, "values").ifPresent(vs -> {
                if (vs instanceof LocatedJson.ArrayNode arr) {
                    for (Node v : arr.elements()) {
                        String raw = LocatedJson.text(v).orElse("").trim();
                        String label = raw.replaceFirst("\\s*\\([^()]*\\)$", ""); // BORIS appends the shortcut, e.g. "hand (h)"
                        if (label.isBlank()) continue;
                        values.add(new ModifierSet.Value(unique(sanitise(label.replace(' ', '_'), "v"), usedValueIds), label));
                    }
                }
            });
            if (values.size() > SchemeValidator.MAX_MODIFIER_VALUES) {
                report.add("behaviour \"" + b.name + "\": modifier \"" + setLabel + "\" has " + values.size()
                        + " values; Attune picks values with keys 1–9, so split the set before coding");
            }
            if (LocatedJson.member(set, "ask at stop").filter(n -> n instanceof LocatedJson.BooleanNode bn && bn.value()).isPresent()) {
                report.add("behaviour \"" + b.name + "\": modifier \"" + setLabel + "\" was asked at the stop of the state in BORIS; Attune asks at the start");
            }
            sets.add(new ModifierSet(unique(sanitise(setLabel.toLowerCase(Locale.ROOT).replace(' ', '_'), "m"), usedSetIds), setLabel,
                    type == 1 ? ModifierSet.Choice.MULTIPLE : ModifierSet.Choice.SINGLE, values));
        }
        return sets;
    }

    /**
     * BORIS's {@code excluded}: starting a behaviour stops the ones listed. Each connected set of
     * states that all exclude one another becomes an exclusive group; other pairs become exclusions.
     */
    private Map<String, String> exclusiveRelations(List<RawBehaviour> raw, Map<String, String> idOf, List<Code> codes,
                                                   List<ExclusiveGroup> groups, List<Exclusion> exclusions) {
        Map<String, Code> byId = new HashMap<>();
        codes.forEach(c -> byId.put(c.id(), c));
        Map<String, Set<String>> edges = new LinkedHashMap<>();
        boolean asymmetric = false;
        Set<String> declared = new HashSet<>();
        for (RawBehaviour b : raw) {
            String from = idOf.get(b.name);
            if (from == null || b.excluded.isBlank()) continue;
            for (String other : b.excluded.split(",")) {
                String name = other.trim();
                if (name.isEmpty() || name.equals(b.name)) continue;
                String to = idOf.get(name);
                if (to == null) {
                    report.add("behaviour \"" + b.name + "\" excludes \"" + name + "\", which is not in the ethogram; ignored");
                    continue;
                }
                if (!byId.get(from).isState() || !byId.get(to).isState()) {
                    report.add("exclusion \"" + b.name + "\" / \"" + name + "\" involves a point event; only states can exclude each other, so it was ignored");
                    continue;
                }
                declared.add(from + "\u0000" + to);
                edges.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
                edges.computeIfAbsent(to, k -> new LinkedHashSet<>()).add(from);
            }
        }
        for (String pair : declared) {
            String[] p = pair.split("\u0000");
            if (!declared.contains(p[1] + "\u0000" + p[0])) asymmetric = true;
        }
        if (asymmetric) report.add("some BORIS exclusions were one-way; in Attune every exclusion works both ways");

        Map<String, String> groupOf = new HashMap<>();
        Set<String> seen = new HashSet<>();
        int n = 0;
        for (String start : edges.keySet()) {
            if (seen.contains(start)) continue;
            Set<String> component = new TreeSet<>(Comparator.comparingInt(id -> indexOf(codes, id)));
            collect(start, edges, component);
            seen.addAll(component);
            boolean clique = component.stream().allMatch(a -> edges.get(a).size() == component.size() - 1);
            if (clique) {
                String groupId = "EXCL_" + (++n);
                List<String> labels = component.stream().map(id -> byId.get(id).label()).toList();
                groups.add(new ExclusiveGroup(groupId, String.join(" / ", labels), "From BORIS exclusions: at most one of these runs at a time."));
                component.forEach(id -> groupOf.put(id, groupId));
                report.add("exclusive group " + groupId + ": " + String.join(", ", labels));
            } else {
                Set<String> done = new HashSet<>();
                for (String a : component) {
                    for (String b : edges.get(a)) {
                        if (done.add(a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a)) {
                            exclusions.add(a.compareTo(b) < 0 ? new Exclusion(a, b) : new Exclusion(b, a));
                        }
                    }
                }
                report.add("exclusions among " + String.join(", ", component) + " are not one all-exclusive set; kept as " + done.size() + " exclusion pairs");
            }
        }
        return groupOf;
    }

    private static int indexOf(List<Code> codes, String id) {
        for (int i = 0; i < codes.size(); i++) if (codes.get(i).id().equals(id)) return i;
        return Integer.MAX_VALUE;
    }

    private static void collect(String node, Map<String, Set<String>> edges, Set<String> out) {
        if (!out.add(node)) return;
        for (String next : edges.getOrDefault(node, Set.of())) collect(next, edges, out);
    }

    private void reportSubjects(Node root) {
        List<String> names = new ArrayList<>();
        LocatedJson.member(root, "subjects_conf").ifPresent(s -> {
            if (s instanceof LocatedJson.ObjectNode obj) {
                for (LocatedJson.Member m : sortedByIndex(obj)) {
                    String name = str(m.value(), "name");
                    if (!name.isBlank()) names.add(name);
                }
            }
        });
        if (names.isEmpty()) {
            report.add("no BORIS subjects; every code was given subject \"dyad\" — set parent or child per code");
        } else {
            report.add("BORIS subjects: " + String.join(", ", names) + ". BORIS picks the subject while coding; an Attune code belongs to one subject, "
                    + "so every code was given subject \"dyad\" — set parent or child per code, or split a code per subject");
        }
    }

    private void reportOther(Node root) {
        LocatedJson.member(root, "observations").ifPresent(o -> {
            if (ethogramOnly && o instanceof LocatedJson.ObjectNode obj && !obj.members().isEmpty()) {
                report.add(obj.members().size() + " observations were not imported: this command imports the ethogram only");
            }
        });
        LocatedJson.member(root, "independent_variables").ifPresent(v -> {
            if (ethogramOnly && v instanceof LocatedJson.ObjectNode obj && !obj.members().isEmpty()) {
                List<String> labels = obj.members().stream().map(m -> str(m.value(), "label")).filter(s -> !s.isBlank()).toList();
                report.add("independent variables not imported (they become session metadata in an Attune study): " + String.join(", ", labels));
            }
        });
        LocatedJson.member(root, "behaviors_coding_map").ifPresent(v -> {
            if (v instanceof LocatedJson.ArrayNode arr && !arr.elements().isEmpty()) report.add(arr.elements().size() + " behaviour coding maps were not imported");
        });
        LocatedJson.member(root, "converters").ifPresent(v -> {
            if (v instanceof LocatedJson.ObjectNode obj && !obj.members().isEmpty()) report.add(obj.members().size() + " converters were not imported");
        });
    }

    /** BORIS numbers its dictionaries "0", "1", …; their order is the index, not the key order in the file. */
    private static List<LocatedJson.Member> sortedByIndex(LocatedJson.ObjectNode obj) {
        List<LocatedJson.Member> members = new ArrayList<>(obj.members());
        members.sort(Comparator.comparingLong(m -> {
            try {
                return Long.parseLong(m.name());
            } catch (NumberFormatException e) {
                return Long.MAX_VALUE;
            }
        }));
        return members;
    }

    private static String str(Node node, String name) {
        return LocatedJson.member(node, name).flatMap(LocatedJson::text).orElse("");
    }

    /** An id Attune accepts, made from a name. */
    static String sanitise(String name, String fallbackPrefix) {
        String s = name.trim().replaceAll("[^A-Za-z0-9_.\\-]", "_");
        if (s.isEmpty() || !Character.isLetter(s.charAt(0))) s = fallbackPrefix + "_" + s;
        if (s.length() > 64) s = s.substring(0, 64);
        return s;
    }

    private static String unique(String id, Set<String> used) {
        String candidate = id;
        for (int i = 2; !used.add(candidate); i++) candidate = id + "_" + i;
        return candidate;
    }
}
