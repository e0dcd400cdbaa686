package org.attune.scheme.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.attune.scheme.Code;
import org.attune.scheme.CodeRole;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.Definition;
import org.attune.scheme.Exclusion;
import org.attune.scheme.ExclusiveGroup;
import org.attune.scheme.Family;
import org.attune.scheme.Instrument;
import org.attune.scheme.ModifierSet;
import org.attune.scheme.RatingScale;
import org.attune.scheme.Reference;

/** Writes a scheme in the file format {@link SchemeReader} reads, fields in a fixed order, empty optional fields left out. */
public final class SchemeWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private SchemeWriter() {
    }

    public static String toJson(CodingScheme scheme) {
        StringWriter out = new StringWriter();
        try {
            write(scheme, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static void write(CodingScheme scheme, Writer out) throws IOException {
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(pretty);
            g.writeStartObject();
            g.writeStringField("$schema", "attune-scheme.schema.json");
            g.writeNumberField("formatVersion", CodingScheme.FORMAT_VERSION);
            g.writeStringField("id", scheme.id());
            g.writeStringField("name", scheme.name());
            g.writeStringField("version", scheme.version());
            optional(g, "description", scheme.description());
            if (!scheme.references().isEmpty()) {
                g.writeArrayFieldStart("references");
                for (Reference r : scheme.references()) {
                    g.writeStartObject();
                    g.writeStringField("id", r.id());
                    g.writeStringField("citation", r.citation());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeArrayFieldStart("families");
            for (Family f : scheme.families()) {
                g.writeStartObject();
                g.writeStringField("id", f.id());
                g.writeStringField("label", f.label());
                g.writeStringField("color", f.color().hex());
                optional(g, "description", f.description());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (!scheme.groups().isEmpty()) {
                g.writeArrayFieldStart("groups");
                for (ExclusiveGroup eg : scheme.groups()) {
                    g.writeStartObject();
                    g.writeStringField("id", eg.id());
                    g.writeStringField("label", eg.label());
                    optional(g, "description", eg.description());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            if (!scheme.exclusions().isEmpty()) {
                g.writeArrayFieldStart("exclusions");
                for (Exclusion e : scheme.exclusions()) {
                    g.writeStartArray();
                    g.writeString(e.first());
                    g.writeString(e.second());
                    g.writeEndArray();
                }
                g.writeEndArray();
            }
            g.writeArrayFieldStart("codes");
            for (Code c : scheme.codes()) writeCode(g, c);
            g.writeEndArray();
            if (!scheme.instruments().isEmpty()) {
                g.writeArrayFieldStart("instruments");
                for (Instrument i : scheme.instruments()) {
                    g.writeStartObject();
                    g.writeStringField("id", i.id());
                    g.writeStringField("name", i.name());
                    g.writeStringField("citation", i.citation());
                    g.writeArrayFieldStart("codes");
                    for (String code : i.codes()) g.writeString(code);
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        out.write("\n");
        out.flush();
    }

    private static void writeCode(JsonGenerator g, Code c) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", c.id());
        g.writeStringField("label", c.label());
        g.writeStringField("family", c.family());
        g.writeStringField("subject", c.subject().jsonName());
        g.writeStringField("kind", c.kind().jsonName());
        if (c.group() != null) g.writeStringField("group", c.group());
        if (c.key() != null) g.writeStringField("key", c.key().code());
        if (c.color() != null) g.writeStringField("color", c.color().hex());
        if (!c.roles().isEmpty()) {
            g.writeArrayFieldStart("roles");
            for (CodeRole r : c.roles()) g.writeString(r.jsonName());
            g.writeEndArray();
        }
        if (!c.modifiers().isEmpty()) {
            g.writeArrayFieldStart("modifiers");
            for (ModifierSet m : c.modifiers()) {
                g.writeStartObject();
                g.writeStringField("id", m.id());
                g.writeStringField("label", m.label());
                g.writeStringField("choice", m.choice().jsonName());
                g.writeArrayFieldStart("values");
                for (ModifierSet.Value v : m.values()) {
                    g.writeStartObject();
                    g.writeStringField("id", v.id());
                    g.writeStringField("label", v.label());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (c.scale() != null) {
            RatingScale s = c.scale();
            g.writeObjectFieldStart("scale");
            g.writeNumberField("min", s.min());
            g.writeNumberField("max", s.max());
            g.writeArrayFieldStart("anchors");
            for (RatingScale.Anchor a : s.anchors()) {
                g.writeStartObject();
                g.writeNumberField("value", a.value());
                g.writeStringField("label", a.label());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        Definition d = c.definition();
        g.writeObjectFieldStart("definition");
        g.writeStringField("summary", d.summary());
        optional(g, "counts", d.counts());
        optional(g, "doesNotCount", d.doesNotCount());
        optional(g, "onset", d.onset());
        optional(g, "offset", d.offset());
        optionalList(g, "examples", d.examples());
        optionalList(g, "boundaryCases", d.boundaryCases());
        g.writeEndObject();
        if (c.source() != null) {
            g.writeObjectFieldStart("source");
            g.writeStringField("ref", c.source().ref());
            g.writeStringField("quote", c.source().quote());
            g.writeEndObject();
        }
        optional(g, "lineage", c.lineage());
        g.writeEndObject();
    }

    private static void optional(JsonGenerator g, String name, String value) throws IOException {
        if (value != null && !value.isEmpty()) g.writeStringField(name, value);
    }

    private static void optionalList(JsonGenerator g, String name, List<String> values) throws IOException {
        if (values.isEmpty()) return;
        g.writeArrayFieldStart(name);
        for (String v : values) g.writeString(v);
        g.writeEndArray();
    }
}
