package org.attune.scheme.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attune.scheme.Code;
import org.attune.scheme.CodeKind;
import org.attune.scheme.CodeRole;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.Definition;
import org.attune.scheme.ExclusiveGroup;
import org.attune.scheme.Exclusion;
import org.attune.scheme.Family;
import org.attune.scheme.HexColor;
import org.attune.scheme.ModifierSet;
import org.attune.scheme.PhysicalKey;
import org.attune.scheme.RatingScale;
import org.attune.scheme.Reference;
import org.attune.scheme.SchemeProblem;
import org.attune.scheme.SchemeValidator;
import org.attune.scheme.SourceNote;
import org.attune.scheme.Subject;
import org.attune.scheme.json.LocatedJson.ArrayNode;
import org.attune.scheme.json.LocatedJson.Node;
import org.attune.scheme.json.LocatedJson.ObjectNode;
import org.attune.scheme.json.LocatedJson.Position;

/**
 * Reads scheme files (format: {@code coding-schemes/attune-scheme.schema.json}).
 *
 * <p>Reading never stops at the first problem: the whole file is checked — JSON syntax aside —
 * and every error comes back with its line, column, field path and what to do. Structural
 * problems (unknown fields, wrong types, missing fields) are found while binding; the rules of
 * {@link SchemeValidator} then run on what was bound.
 */
public final class SchemeReader {

    private final String fileName;
    private final List<SchemeFileProblem> problems = new ArrayList<>();
    private final Map<String, Position> positions = new HashMap<>();
    /** Elements (e.g. {@code codes[3]}) with a structural error; rule checks under them would mislead. */
    private final Set<String> tainted = new HashSet<>();
    private final Set<String> reportedPaths = new HashSet<>();
    /** For lists where an element could not be bound: index in the bound list → index in the file. */
    private final Map<String, int[]> fileIndices = new HashMap<>();
    /** Object members whose name repeats an earlier member of the same object. */
    private final List<LocatedJson.Member> duplicateMembers = new ArrayList<>();

    private SchemeReader(String fileName) {
        this.fileName = fileName;
    }

    public static SchemeReadResult read(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return failure(name, "no such file", "Check the path; it is resolved against the current directory.");
        } catch (IOException e) {
            return failure(name, "cannot read the file: " + e.getMessage(), "Check that the file exists and that you may read it.");
        }
        return read(bytes, name);
    }

    public static SchemeReadResult read(InputStream in, String displayName) throws IOException {
        return read(in.readAllBytes(), displayName);
    }

    public static SchemeReadResult read(byte[] bytes, String displayName) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return failure(displayName, "the file is not UTF-8 text", "Save it as UTF-8 (any editor's \"Save with encoding\").");
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        return readText(text, displayName);
    }

    public static SchemeReadResult readText(String text, String displayName) {
        return new SchemeReader(displayName).run(text);
    }

    private static SchemeReadResult failure(String file, String message, String hint) {
        return new SchemeReadResult(java.util.Optional.empty(),
                List.of(new SchemeFileProblem(file, 1, 1, SchemeProblem.error("(file)", message, hint))));
    }

    private SchemeReadResult run(String text) {
        Node root;
        try {
            // repeated names are reported while binding, once the member's path is known
            root = LocatedJson.parse(text, duplicateMembers::add);
        } catch (LocatedJson.SyntaxException e) {
            problems.add(new SchemeFileProblem(fileName, e.position().line(), e.position().column(),
                    SchemeProblem.error("(file)", e.getMessage(), e.hint())));
            return new SchemeReadResult(java.util.Optional.empty(), problems);
        }
        CodingScheme scheme = bindScheme(root);
        if (scheme != null) {
            for (SchemeProblem p : SchemeValidator.validate(scheme)) {
                add(p);
            }
        }
        boolean anyError = problems.stream().anyMatch(SchemeFileProblem::isError);
        return new SchemeReadResult(anyError || scheme == null ? java.util.Optional.empty() : java.util.Optional.of(scheme), problems);
    }

    // ---------------------------------------------------------------- binding

    private CodingScheme bindScheme(Node root) {
        positions.put("", root.position());
        Fields f = fields(root, "", "$schema", "formatVersion", "id", "name", "version", "description",
                "references", "families", "groups", "exclusions", "codes");
        if (f == null) return null;
        f.optionalString("$schema");
        Integer format = f.requiredInt("formatVersion");
        if (format != null && format != CodingScheme.FORMAT_VERSION) {
            String hint = format > CodingScheme.FORMAT_VERSION
                    ? "This file was written by a newer Attune; update Attune to read it."
                    : "Set \"formatVersion\": " + CodingScheme.FORMAT_VERSION + ".";
            structural("formatVersion", "scheme format version " + format + " is not supported (this Attune reads version " + CodingScheme.FORMAT_VERSION + ")", hint);
            return null;
        }
        String id = f.requiredString("id");
        String name = f.requiredString("name");
        String version = f.requiredString("version");
        String description = f.optionalString("description");
        List<Reference> references = f.list("references", false, this::bindReference);
        List<Family> families = f.list("families", true, this::bindFamily);
        List<ExclusiveGroup> groups = f.list("groups", false, this::bindGroup);
        List<Exclusion> exclusions = f.list("exclusions", false, this::bindExclusion);
        List<Code> codes = f.list("codes", true, this::bindCode);
        return new CodingScheme(id, name, version, description, references, families, groups, exclusions, codes);
    }

    private Reference bindReference(Node node, String path) {
        Fields f = fields(node, path, "id", "citation");
        if (f == null) return null;
        return new Reference(f.requiredString("id"), f.requiredString("citation"));
    }

    private Family bindFamily(Node node, String path) {
        Fields f = fields(node, path, "id", "label", "color", "description");
        if (f == null) return null;
        String id = f.requiredString("id");
        String label = f.requiredString("label");
        HexColor color = f.color("color", true);
        return new Family(id, label, color == null ? new HexColor("#808080") : color, f.optionalString("description"));
    }

    private ExclusiveGroup bindGroup(Node node, String path) {
        Fields f = fields(node, path, "id", "label", "description");
        if (f == null) return null;
        return new ExclusiveGroup(f.requiredString("id"), f.requiredString("label"), f.optionalString("description"));
    }

    private Exclusion bindExclusion(Node node, String path) {
        positions.put(path, node.position());
        if (!(node instanceof ArrayNode array) || array.elements().size() != 2
                || !(array.elements().get(0) instanceof LocatedJson.StringNode a)
                || !(array.elements().get(1) instanceof LocatedJson.StringNode b)) {
            structural(path, "an exclusion must be a pair of code ids", "Write it as [\"CODE_A\", \"CODE_B\"].");
            return null;
        }
        positions.put(path + "[0]", a.position());
        positions.put(path + "[1]", b.position());
        return new Exclusion(a.value(), b.value());
    }

    private Code bindCode(Node node, String path) {
        Fields f = fields(node, path, "id", "label", "family", "subject", "kind", "group", "key", "color",
                "modifiers", "roles", "definition", "scale", "source", "lineage");
        if (f == null) return null;
        String id = f.requiredString("id");
        String label = f.requiredString("label");
        String family = f.requiredString("family");
        Subject subject = f.enumValue("subject", true, Subject::fromJsonName, Subject.values(), Subject::jsonName);
        CodeKind kind = f.enumValue("kind", true, CodeKind::fromJsonName, CodeKind.values(), CodeKind::jsonName);
        String group = f.optionalStringOrNull("group");
        PhysicalKey key = f.key("key");
        HexColor color = f.color("color", false);
        List<ModifierSet> modifiers = f.list("modifiers", false, this::bindModifierSet);
        List<CodeRole> roles = f.list("roles", false, (n, p) -> {
            positions.put(p, n.position());
            if (n instanceof LocatedJson.StringNode s) {
                var role = CodeRole.fromJsonName(s.value());
                if (role.isPresent()) return role.get();
                structural(p, "unknown role \"" + s.value() + "\"", "Use one of: " + joinNames(CodeRole.values(), CodeRole::jsonName) + ".");
            } else {
                structural(p, "a role must be text, found " + n.kind(), "Write the role's name in quotes, e.g. \"child_bid\".");
            }
            return null;
        });
        Definition definition = f.object("definition", true, this::bindDefinition);
        RatingScale scale = f.object("scale", false, this::bindScale);
        SourceNote source = f.object("source", false, this::bindSource);
        String lineage = f.optionalString("lineage");
        return new Code(id, label, family,
                subject == null ? Subject.DYAD : subject,
                kind == null ? CodeKind.POINT : kind,
                group, key, color, modifiers, roles,
                definition == null ? Definition.ofSummary("") : definition,
                scale, source, lineage);
    }

    private ModifierSet bindModifierSet(Node node, String path) {
        Fields f = fields(node, path, "id", "label", "choice", "values");
        if (f == null) return null;
        String id = f.requiredString("id");
        String label = f.requiredString("label");
        ModifierSet.Choice choice = f.enumValue("choice", true, ModifierSet.Choice::fromJsonName,
                ModifierSet.Choice.values(), ModifierSet.Choice::jsonName);
        List<ModifierSet.Value> values = f.list("values", true, (n, p) -> {
            Fields vf = fields(n, p, "id", "label");
            if (vf == null) return null;
            return new ModifierSet.Value(vf.requiredString("id"), vf.requiredString("label"));
        });
        return new ModifierSet(id, label, choice == null ? ModifierSet.Choice.SINGLE : choice, values);
    }

    private Definition bindDefinition(Node node, String path) {
        Fields f = fields(node, path, "summary", "counts", "doesNotCount", "onset", "offset", "examples", "boundaryCases");
        if (f == null) return null;
        return new Definition(f.requiredString("summary"), f.optionalString("counts"), f.optionalString("doesNotCount"),
                f.optionalString("onset"), f.optionalString("offset"),
                f.list("examples", false, this::bindText), f.list("boundaryCases", false, this::bindText));
    }

    private RatingScale bindScale(Node node, String path) {
        Fields f = fields(node, path, "min", "max", "anchors");
        if (f == null) return null;
        Integer min = f.requiredInt("min");
        Integer max = f.requiredInt("max");
        List<RatingScale.Anchor> anchors = f.list("anchors", false, (n, p) -> {
            Fields af = fields(n, p, "value", "label");
            if (af == null) return null;
            Integer value = af.requiredInt("value");
            String label = af.requiredString("label");
            return value == null ? null : new RatingScale.Anchor(value, label);
        });
        if (min == null || max == null) return null;
        return new RatingScale(min, max, anchors);
    }

    private SourceNote bindSource(Node node, String path) {
        Fields f = fields(node, path, "ref", "quote");
        if (f == null) return null;
        return new SourceNote(f.requiredString("ref"), f.requiredString("quote"));
    }

    private String bindText(Node node, String path) {
        positions.put(path, node.position());
        if (node instanceof LocatedJson.StringNode s) return s.value();
        structural(path, "expected text, found " + node.kind(), "Write the text in double quotes.");
        return null;
    }

    // ---------------------------------------------------------------- helpers

    interface ElementBinder<T> {
        T bind(Node node, String path);
    }

    interface NameLookup<E> {
        java.util.Optional<E> find(String name);
    }

    /** The members of one JSON object, checked against the field names it may have. */
    private Fields fields(Node node, String path, String... allowed) {
        positions.put(path, node.position());
        if (!(node instanceof ObjectNode obj)) {
            structural(path, "expected an object ({…}), found " + node.kind(), "Write this entry as a JSON object with named fields.");
            return null;
        }
        Set<String> allowedSet = Set.of(allowed);
        for (LocatedJson.Member m : obj.members()) {
            String mpath = child(path, m.name());
            positions.putIfAbsent(mpath, m.namePosition());
            if (!allowedSet.contains(m.name())) {
                String suggestion = closest(m.name(), allowed);
                String hint = suggestion != null
                        ? "Did you mean \"" + suggestion + "\"? Allowed here: " + String.join(", ", allowed) + "."
                        : "Remove it; allowed here: " + String.join(", ", allowed) + ".";
                structuralAt(mpath, m.namePosition(), "unknown field \"" + m.name() + "\"", hint);
            }
        }
        for (LocatedJson.Member dup : duplicateMembers) {
            if (obj.members().contains(dup)) {
                structuralAt(child(path, dup.name()) + "#" + dup.namePosition().line(), dup.namePosition(),
                        "field \"" + dup.name() + "\" appears more than once in this object", "Keep one; JSON readers differ in which they would use.");
            }
        }
        return new Fields(obj, path);
    }

    private final class Fields {
        private final ObjectNode obj;
        private final String path;

        Fields(ObjectNode obj, String path) {
            this.obj = obj;
            this.path = path;
        }

        private Node get(String name) {
            for (LocatedJson.Member m : obj.members()) {
                if (m.name().equals(name)) {
                    positions.put(child(path, name), m.value().position());
                    return m.value();
                }
            }
            return null;
        }

        private void missing(String name, String what) {
            structuralAt(child(path, name), obj.position(), "missing required field \"" + name + "\"",
                    "Add \"" + name + "\": " + what + ".");
        }

        String requiredString(String name) {
            Node n = get(name);
            if (n == null) {
                missing(name, "\"…\"");
                return "";
            }
            return text(n, name);
        }

        String optionalString(String name) {
            Node n = get(name);
            return n == null || n instanceof LocatedJson.NullNode ? "" : text(n, name);
        }

        /** Text, or null when absent or null; present but empty (or blank) is an error: it names nothing. */
        String optionalStringOrNull(String name) {
            Node n = get(name);
            if (n == null || n instanceof LocatedJson.NullNode) return null;
            String s = text(n, name);
            if (s.isBlank() && n instanceof LocatedJson.StringNode) {
                structural(child(path, name), "\"" + name + "\" is empty", "Remove \"" + name + "\", or write the id it refers to.");
            }
            return s.isBlank() ? null : s;
        }

        private String text(Node n, String name) {
            if (n instanceof LocatedJson.StringNode s) return s.value();
            structural(child(path, name), "\"" + name + "\" must be text, found " + n.kind(), "Write the value in double quotes.");
            return "";
        }

        Integer requiredInt(String name) {
            Node n = get(name);
            if (n == null) {
                missing(name, "a whole number");
                return null;
            }
            if (n instanceof LocatedJson.NumberNode num) {
                try {
                    return num.value().intValueExact();
                } catch (ArithmeticException e) {
                    // falls through to the error below
                }
            }
            structural(child(path, name), "\"" + name + "\" must be a whole number, found " + describe(n), "Write a number without quotes or decimals, e.g. 5.");
            return null;
        }

        <E> E enumValue(String name, boolean required, NameLookup<E> lookup, E[] all, java.util.function.Function<E, String> jsonName) {
            Node n = get(name);
            if (n == null) {
                if (required) missing(name, "one of " + joinNames(all, jsonName));
                return null;
            }
            if (n instanceof LocatedJson.StringNode s) {
                var found = lookup.find(s.value());
                if (found.isPresent()) return found.get();
                structural(child(path, name), "\"" + s.value() + "\" is not a valid " + name, "Use one of: " + joinNames(all, jsonName) + ".");
            } else {
                structural(child(path, name), "\"" + name + "\" must be text, found " + n.kind(), "Use one of: " + joinNames(all, jsonName) + ".");
            }
            return null;
        }

        HexColor color(String name, boolean required) {
            Node n = get(name);
            if (n == null) {
                if (required) missing(name, "\"#RRGGBB\"");
                return null;
            }
            if (n instanceof LocatedJson.StringNode s && HexColor.isValid(s.value())) return new HexColor(s.value());
            structural(child(path, name), "\"" + name + "\" must be a colour like \"#3A7BD5\", found " + describe(n), "Write the colour as # and six hex digits.");
            return null;
        }

        PhysicalKey key(String name) {
            Node n = get(name);
            if (n == null || n instanceof LocatedJson.NullNode) return null;
            if (n instanceof LocatedJson.StringNode s) {
                var key = PhysicalKey.of(s.value());
                if (key.isPresent()) return key.get();
                String hint = s.value().length() == 1
                        ? "Keys are stored by position: write " + guessKeyCode(s.value()) + " for the key labelled \"" + s.value() + "\" on a US keyboard."
                        : "Use a physical key code such as \"KeyG\", \"Digit1\", \"Backquote\" or \"Numpad8\" (the position on a US keyboard).";
                structural(child(path, name), "\"" + s.value() + "\" is not a physical key code", hint);
            } else {
                structural(child(path, name), "\"" + name + "\" must be text, found " + n.kind(), "Write a key code such as \"KeyG\".");
            }
            return null;
        }

        <T> List<T> list(String name, boolean required, ElementBinder<T> binder) {
            Node n = get(name);
            if (n == null || (!required && n instanceof LocatedJson.NullNode)) {
                if (required) missing(name, "[…]");
                return List.of();
            }
            String lpath = child(path, name);
            if (!(n instanceof ArrayNode array)) {
                structural(lpath, "\"" + name + "\" must be a list ([…]), found " + n.kind(), "Put the entries in square brackets.");
                return List.of();
            }
            List<T> out = new ArrayList<>();
            List<Integer> fileIndexOf = new ArrayList<>();
            for (int i = 0; i < array.elements().size(); i++) {
                T value = binder.bind(array.elements().get(i), lpath + "[" + i + "]");
                if (value != null) {
                    out.add(value);
                    fileIndexOf.add(i);
                }
            }
            if (out.size() != array.elements().size()) {
                // an element could not be bound at all: rule paths index the bound list, the file has more
                fileIndices.put(lpath, fileIndexOf.stream().mapToInt(Integer::intValue).toArray());
            }
            return out;
        }

        <T> T object(String name, boolean required, ElementBinder<T> binder) {
            Node n = get(name);
            if (n == null || (!required && n instanceof LocatedJson.NullNode)) {
                if (required) missing(name, "{…}");
                return null;
            }
            return binder.bind(n, child(path, name));
        }
    }

    private static String guessKeyCode(String character) {
        char c = Character.toUpperCase(character.charAt(0));
        if (c >= 'A' && c <= 'Z') return "\"Key" + c + "\"";
        if (c >= '0' && c <= '9') return "\"Digit" + c + "\"";
        return org.attune.scheme.KeyboardLayout.US_QWERTY.keyForCharacter(character)
                .map(k -> "\"" + k.code() + "\"").orElse("a key code such as \"KeyG\"");
    }

    private static String describe(Node n) {
        if (n instanceof LocatedJson.StringNode s) return "\"" + s.value() + "\"";
        if (n instanceof LocatedJson.NumberNode num) return num.value().toPlainString();
        return n.kind();
    }

    private static <E> String joinNames(E[] values, java.util.function.Function<E, String> name) {
        List<String> names = new ArrayList<>();
        for (E v : values) names.add(name.apply(v));
        return String.join(", ", names);
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** The allowed name closest to a misspelt one, if it is plausibly a typo. */
    static String closest(String name, String... allowed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String a : allowed) {
            int d = editDistance(name.toLowerCase(), a.toLowerCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = a;
            }
        }
        return bestDistance <= Math.max(1, name.length() / 3) ? best : null;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps cost 1. */
    private static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** A structural error at {@code path}; marks the enclosing list element as tainted. */
    private void structural(String path, String message, String hint) {
        structuralAt(path, locate(path), message, hint);
    }

    private void structuralAt(String path, Position at, String message, String hint) {
        tainted.add(elementOf(path));
        if (!reportedPaths.add(path)) return;
        String shownPath = path.contains("#") ? path.substring(0, path.indexOf('#')) : path;
        problems.add(new SchemeFileProblem(fileName, at.line(), at.column(), SchemeProblem.error(shownPath.isEmpty() ? "(top level)" : shownPath, message, hint)));
    }

    private void add(SchemeProblem rule) {
        String filePath = toFilePath(rule.path());
        if (tainted.stream().anyMatch(t -> filePath.equals(t) || filePath.startsWith(t + ".") || filePath.startsWith(t + "["))) return;
        if (!reportedPaths.add(filePath + "|" + rule.message())) return;
        Position at = locate(filePath);
        SchemeProblem p = new SchemeProblem(rule.severity(), filePath, rule.message(), rule.hint());
        problems.add(new SchemeFileProblem(fileName, at.line(), at.column(), p));
    }

    private static final java.util.regex.Pattern SEGMENT = java.util.regex.Pattern.compile("\\[(\\d+)]|\\.?([^.\\[]+)");

    /** Rewrites list indices of the bound scheme into indices of the file where elements were dropped. */
    private String toFilePath(String modelPath) {
        if (fileIndices.isEmpty()) return modelPath;
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = SEGMENT.matcher(modelPath);
        while (m.find()) {
            if (m.group(1) != null) {
                int index = Integer.parseInt(m.group(1));
                int[] map = fileIndices.get(out.toString());
                if (map != null && index < map.length) index = map[index];
                out.append('[').append(index).append(']');
            } else {
                if (out.length() > 0) out.append('.');
                out.append(m.group(2));
            }
        }
        return out.toString();
    }

    /** The element a path belongs to: {@code codes[3].definition.offset} → {@code codes[3]}. */
    private static String elementOf(String path) {
        int bracket = path.indexOf('[');
        if (bracket < 0) return path.contains("#") ? path.substring(0, path.indexOf('#')) : path;
        int close = path.indexOf(']', bracket);
        return path.substring(0, close + 1);
    }

    /** Position of a path, or of its nearest ancestor that the file has. */
    private Position locate(String path) {
        String p = path;
        while (true) {
            Position at = positions.get(p);
            if (at != null) return at;
            if (p.isEmpty()) return new Position(1, 1);
            int dot = p.lastIndexOf('.');
            int bracket = p.lastIndexOf('[');
            int cut = Math.max(dot, bracket);
            p = cut <= 0 ? "" : p.substring(0, cut);
        }
    }
}
