package org.attune.scheme.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.attune.scheme.HexColor;
import org.attune.scheme.KeyboardLayout;
import org.attune.scheme.PhysicalKey;
import org.attune.scheme.json.LocatedJson.ArrayNode;
import org.attune.scheme.json.LocatedJson.Node;
import org.attune.scheme.json.LocatedJson.ObjectNode;

/**
 * The members of one object of a scheme file, read as the types the scheme needs (text, whole
 * numbers, enums, colours, physical keys, lists and nested objects). A member that is missing or of
 * the wrong type is reported to the {@link SchemeReader} with its path and what to write instead, and
 * reads as empty/null, so reading goes on and every problem of the file is found in one pass.
 */
final class ObjectFields {

    interface ElementBinder<T> {
        T bind(Node node, String path);
    }

    interface NameLookup<E> {
        Optional<E> find(String name);
    }


    private final ObjectNode obj;
    private final String path;
    private final SchemeReader reader;

    ObjectFields(ObjectNode obj, String path, SchemeReader reader) {
        this.obj = obj;
        this.path = path;
        this.reader = reader;
    }

    private Node get(String name) {
        for (LocatedJson.Member m : obj.members()) {
            if (m.name().equals(name)) {
                reader.positions.put(SchemeReader.child(path, name), m.value().position());
                return m.value();
            }
        }
        return null;
    }

    private void missing(String name, String what) {
        reader.structuralAt(SchemeReader.child(path, name), obj.position(), "missing required field \"" + name + "\"",
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
            reader.structural(SchemeReader.child(path, name), "\"" + name + "\" is empty", "Remove \"" + name + "\", or write the id it refers to.");
        }
        return s.isBlank() ? null : s;
    }

    private String text(Node n, String name) {
        if (n instanceof LocatedJson.StringNode s) return s.value();
        reader.structural(SchemeReader.child(path, name), "\"" + name + "\" must be text, found " + n.kind(), "Write the value in double quotes.");
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
        reader.structural(SchemeReader.child(path, name), "\"" + name + "\" must be a whole number, found " + describe(n), "Write a number without quotes or decimals, e.g. 5.");
        return null;
    }

    <E> E enumValue(String name, boolean required, NameLookup<E> lookup, E[] all, Function<E, String> jsonName) {
        Node n = get(name);
        if (n == null) {
            if (required) missing(name, "one of " + joinNames(all, jsonName));
            return null;
        }
        if (n instanceof LocatedJson.StringNode s) {
            var found = lookup.find(s.value());
            if (found.isPresent()) return found.get();
            reader.structural(SchemeReader.child(path, name), "\"" + s.value() + "\" is not a valid " + name, "Use one of: " + joinNames(all, jsonName) + ".");
        } else {
            reader.structural(SchemeReader.child(path, name), "\"" + name + "\" must be text, found " + n.kind(), "Use one of: " + joinNames(all, jsonName) + ".");
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
        reader.structural(SchemeReader.child(path, name), "\"" + name + "\" must be a colour like \"#3A7BD5\", found " + describe(n), "Write the colour as # and six hex digits.");
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
            reader.structural(SchemeReader.child(path, name), "\"" + s.value() + "\" is not a physical key code", hint);
        } else {
            reader.structural(SchemeReader.child(path, name), "\"" + name + "\" must be text, found " + n.kind(), "Write a key code such as \"KeyG\".");
        }
        return null;
    }

    <T> List<T> list(String name, boolean required, ElementBinder<T> binder) {
        Node n = get(name);
        if (n == null || (!required && n instanceof LocatedJson.NullNode)) {
            if (required) missing(name, "[…]");
            return List.of();
        }
        String lpath = SchemeReader.child(path, name);
        if (!(n instanceof ArrayNode array)) {
            reader.structural(lpath, "\"" + name + "\" must be a list ([…]), found " + n.kind(), "Put the entries in square brackets.");
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
            reader.fileIndices.put(lpath, fileIndexOf.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    <T> T object(String name, boolean required, ElementBinder<T> binder) {
        Node n = get(name);
        if (n == null || (!required && n instanceof LocatedJson.NullNode)) {
            if (required) missing(name, "{…}");
            return null;
        }
        return binder.bind(n, SchemeReader.child(path, name));
    }

    private static String guessKeyCode(String character) {
        char c = Character.toUpperCase(character.charAt(0));
        if (c >= 'A' && c <= 'Z') return "\"Key" + c + "\"";
        if (c >= '0' && c <= '9') return "\"Digit" + c + "\"";
        return KeyboardLayout.US_QWERTY.keyForCharacter(character)
                .map(k -> "\"" + k.code() + "\"").orElse("a key code such as \"KeyG\"");
    }

    private static String describe(Node n) {
        if (n instanceof LocatedJson.StringNode s) return "\"" + s.value() + "\"";
        if (n instanceof LocatedJson.NumberNode num) return num.value().toPlainString();
        return n.kind();
    }

    static <E> String joinNames(E[] values, Function<E, String> name) {
        List<String> names = new ArrayList<>();
        for (E v : values) names.add(name.apply(v));
        return String.join(", ", names);
    }
}
