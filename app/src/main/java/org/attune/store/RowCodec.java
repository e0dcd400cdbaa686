package org.attune.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.attune.coding.EventDraft;
import org.attune.coding.Modifiers;

/** Before/after images of an event in the undo history, as small JSON objects. */
final class RowCodec {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private RowCodec() {
    }

    static String encode(EventDraft d) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("code", d.code());
            g.writeNumberField("onset", d.onsetMs());
            if (d.offsetMs() != null) g.writeNumberField("offset", d.offsetMs());
            g.writeStringField("modifiers", d.modifiers().encode());
            g.writeStringField("comment", d.comment());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    static EventDraft decode(String json) {
        String code = null;
        long onset = 0;
        Long offset = null;
        String modifiers = "";
        String comment = "";
        try (JsonParser p = JSON.createParser(json)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "code" -> code = p.getText();
                    case "onset" -> onset = p.getLongValue();
                    case "offset" -> offset = p.getLongValue();
                    case "modifiers" -> modifiers = p.getText();
                    case "comment" -> comment = p.getText();
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EventDraft(code, onset, offset, Modifiers.parse(modifiers), comment);
    }
}
