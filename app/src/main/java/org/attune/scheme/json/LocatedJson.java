package org.attune.scheme.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A JSON tree that remembers where each value and member name stood in the text, so errors can
 * name line and column. Jackson's own tree model drops positions, hence this small one.
 */
public final class LocatedJson {

    private LocatedJson() {
    }

    /** 1-based line and column. */
    public record Position(int line, int column) {
        public static Position of(JsonLocation location) {
            return new Position(location.getLineNr(), location.getColumnNr());
        }
    }

    public sealed interface Node permits ObjectNode, ArrayNode, StringNode, NumberNode, BooleanNode, NullNode {
        Position position();

        /** "an object", "a string", … for error messages. */
        String kind();
    }

    /** The member called {@code name} of an object node, if any. */
    public static java.util.Optional<Node> member(Node node, String name) {
        if (!(node instanceof ObjectNode obj)) return java.util.Optional.empty();
        return obj.members().stream().filter(m -> m.name().equals(name)).map(Member::value).findFirst();
    }

    /** The text of a string node, else empty. */
    public static java.util.Optional<String> text(Node node) {
        return node instanceof StringNode s ? java.util.Optional.of(s.value()) : java.util.Optional.empty();
    }

    public record Member(String name, Position namePosition, Node value) {
    }

    public record ObjectNode(Position position, List<Member> members) implements Node {
        public String kind() { return "an object"; }
    }

    public record ArrayNode(Position position, List<Node> elements) implements Node {
        public String kind() { return "a list"; }
    }

    public record StringNode(Position position, String value) implements Node {
        public String kind() { return "text"; }
    }

    public record NumberNode(Position position, BigDecimal value) implements Node {
        public String kind() { return "a number"; }
    }

    public record BooleanNode(Position position, boolean value) implements Node {
        public String kind() { return value ? "true" : "false"; }
    }

    public record NullNode(Position position) implements Node {
        public String kind() { return "null"; }
    }

    /** Malformed JSON: where and what. */
    public static final class SyntaxException extends Exception {
        private final Position position;
        private final String hint;

        SyntaxException(String message, Position position) {
            this(message, position, "Fix the JSON syntax at this position (a missing comma, quote or bracket is the usual cause).");
        }

        SyntaxException(String message, Position position, String hint) {
            super(message);
            this.position = position;
            this.hint = hint;
        }

        public Position position() {
            return position;
        }

        /** What to do about it. */
        public String hint() {
            return hint;
        }
    }

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    /**
     * Parses {@code text}. Repeated member names are kept (all of them) and reported to
     * {@code duplicateNames} with the position of the repeat.
     */
    public static Node parse(String text, Consumer<Member> duplicateNames) throws SyntaxException {
        try (JsonParser p = FACTORY.createParser(text)) {
            try {
                JsonToken first = p.nextToken();
                if (first == null) throw new SyntaxException("the file is empty", new Position(1, 1));
                Node root = readValue(p, duplicateNames);
                JsonToken trailing = p.nextToken();
                if (trailing != null) {
                    throw new SyntaxException("unexpected content after the end of the top-level value",
                            Position.of(p.currentTokenLocation()));
                }
                return root;
            } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
                // Jackson's guard against hostile input: far more nesting (or a longer number or text) than any scheme has
                throw new SyntaxException("the JSON is nested too deeply or holds an overlong value here (no scheme has more than a few levels "
                        + "of brackets)", Position.of(p.currentLocation()),
                        "This is not a coding scheme, or the file is damaged; open the scheme file the lab uses, or start from coding-schemes/attachment-interaction.json.");
            }
        } catch (JsonParseException e) {
            String message = e.getOriginalMessage();
            int cut = message.indexOf('\n');
            if (cut > 0) message = message.substring(0, cut);
            throw new SyntaxException("not valid JSON: " + message, Position.of(e.getLocation()));
        } catch (IOException e) {
            throw new SyntaxException("could not read the file (" + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()) + ")", new Position(1, 1));
        }
    }

    private static Node readValue(JsonParser p, Consumer<Member> duplicateNames) throws IOException {
        Position at = Position.of(p.currentTokenLocation());
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                List<Member> members = new ArrayList<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    Position namePos = Position.of(p.currentTokenLocation());
                    p.nextToken();
                    Member m = new Member(name, namePos, readValue(p, duplicateNames));
                    if (members.stream().anyMatch(x -> x.name().equals(name))) duplicateNames.accept(m);
                    members.add(m);
                }
                return new ObjectNode(at, List.copyOf(members));
            }
            case START_ARRAY: {
                List<Node> elements = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    elements.add(readValue(p, duplicateNames));
                }
                return new ArrayNode(at, List.copyOf(elements));
            }
            case VALUE_STRING:
                return new StringNode(at, p.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new NumberNode(at, p.getDecimalValue());
            case VALUE_TRUE:
                return new BooleanNode(at, true);
            case VALUE_FALSE:
                return new BooleanNode(at, false);
            case VALUE_NULL:
                return new NullNode(at);
            default:
                throw new JsonParseException(p, "unexpected token " + t);
        }
    }
}
