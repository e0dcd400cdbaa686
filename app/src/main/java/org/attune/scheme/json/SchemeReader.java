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
import org.attune.scheme.Exclusion;
import org.attune.scheme.ExclusiveGroup;
import org.attune.scheme.Family;
import org.attune.scheme.HexColor;
import org.attune.scheme.Instrument;
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
    final Map<String, Position> positions = new HashMap<>();
    /** Elements (e.g. {@code codes[3]}) with a structural error; rule checks under them would mislead. */
    private final Set<String> tainted = new HashSet<>();
    private final Set<String> reportedPaths = new HashSet<>();
    /** For lists where an element could not be bound: index in the bound list → index in the file. */
    final Map<String, int[]> fileIndices = new HashMap<>();
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
        ObjectFields f = fields(root, "", "$schema", "formatVersion", "id", "name", "version", "description",
                "references", "families", "groups", "exclusions", "codes", "instruments");
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
        List<Instrument> instruments = f.list("instruments", false, this::bindInstrument);
        return new CodingScheme(id, name, version, description, references, families, groups, exclusions, codes, instruments);
    }

    private Reference bindReference(Node node, String path) {
        ObjectFields f = fields(node, path, "id", "citation");
        if (f == null) return null;
        return new Reference(f.requiredString("id"), f.requiredString("citation"));
    }

    private Instrument bindInstrument(Node node, String path) {
        ObjectFields f = fields(node, path, "id", "name", "citation", "codes");
        if (f == null) return null;
        List<String> codes = f.list("codes", true, (n, p) -> {
            positions.put(p, n.position());
            if (n instanceof LocatedJson.StringNode s) return s.value();
            structural(p, "a code id must be text, found " + n.kind(), "Write the code's id in double quotes, e.g. \"P_INTRUDE\".");
            return null;
        });
        return new Instrument(f.requiredString("id"), f.requiredString("name"), f.requiredString("citation"), codes);
    }

    private Family bindFamily(Node node, String path) {
        ObjectFields f = fields(node, path, "id", "label", "color", "description");
        if (f == null) return null;
        String id = f.requiredString("id");
        String label = f.requiredString("label");
        HexColor color = f.color("color", true);
        return new Family(id, label, color == null ? new HexColor("#808080") : color, f.optionalString("description"));
    }

    private ExclusiveGroup bindGroup(Node node, String path) {
        ObjectFields f = fields(node, path, "id", "label", "description");
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
        ObjectFields f = fields(node, path, "id", "label", "family", "subject", "kind", "group", "key", "color",
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
                structural(p, "unknown role \"" + s.value() + "\"", "Use one of: " + ObjectFields.joinNames(CodeRole.values(), CodeRole::jsonName) + ".");
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
        ObjectFields f = fields(node, path, "id", "label", "choice", "values");
        if (f == null) return null;
        String id = f.requiredString("id");
        String label = f.requiredString("label");
        ModifierSet.Choice choice = f.enumValue("choice", true, ModifierSet.Choice::fromJsonName,
                ModifierSet.Choice.values(), ModifierSet.Choice::jsonName);
        List<ModifierSet.Value> values = f.list("values", true, (n, p) -> {
            ObjectFields vf = fields(n, p, "id", "label");
            if (vf == null) return null;
            return new ModifierSet.Value(vf.requiredString("id"), vf.requiredString("label"));
        });
        return new ModifierSet(id, label, choice == null ? ModifierSet.Choice.SINGLE : choice, values);
    }

    private Definition bindDefinition(Node node, String path) {
        ObjectFields f = fields(node, path, "summary", "counts", "doesNotCount", "onset", "offset", "examples", "boundaryCases");
        if (f == null) return null;
        return new Definition(f.requiredString("summary"), f.optionalString("counts"), f.optionalString("doesNotCount"),
                f.optionalString("onset"), f.optionalString("offset"),
                f.list("examples", false, this::bindText), f.list("boundaryCases", false, this::bindText));
    }

    private RatingScale bindScale(Node node, String path) {
        ObjectFields f = fields(node, path, "min", "max", "anchors");
        if (f == null) return null;
        Integer min = f.requiredInt("min");
        Integer max = f.requiredInt("max");
        List<RatingScale.Anchor> anchors = f.list("anchors", false, (n, p) -> {
            ObjectFields af = fields(n, p, "value", "label");
            if (af == null) return null;
            Integer value = af.requiredInt("value");
            String label = af.requiredString("label");
            return value == null ? null : new RatingScale.Anchor(value, label);
        });
        if (min == null || max == null) return null;
        return new RatingScale(min, max, anchors);
    }

    private SourceNote bindSource(Node node, String path) {
        ObjectFields f = fields(node, path, "ref", "quote");
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

    /** The members of one JSON object, checked against the field names it may have. */
    private ObjectFields fields(Node node, String path, String... allowed) {
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
                String suggestion = Typos.closest(m.name(), allowed);
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
        return new ObjectFields(obj, path, this);
    }

    static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** A structural error at {@code path}; marks the enclosing list element as tainted. */
    void structural(String path, String message, String hint) {
        structuralAt(path, locate(path), message, hint);
    }

    void structuralAt(String path, Position at, String message, String hint) {
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
