package org.attune.exchange.boris;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.attune.coding.EventDraft;
import org.attune.coding.Session;
import org.attune.scheme.Code;
import org.attune.scheme.CodeKind;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.Family;
import org.attune.scheme.ModifierSet;
import org.attune.scheme.Subject;

/**
 * A study's passes as a BORIS project (format version 7.0, which BORIS 9 opens): the scheme's event codes
 * as the ethogram (code = the code's label, category = its family, exclusive groups as {@code excluded},
 * modifier sets as modifiers), one observation per pass with its session's date, notes, other fields and
 * cameras, and every event as BORIS rows — a point one row, a state a start and a stop row (a running
 * state only its start). The subject of an event is its {@value BorisObservations#SUBJECT_SET} modifier
 * where the code has one, else the code's own subject. So nobody is locked in: what
 * {@link BorisObservations} reads, this writes back.
 */
public final class BorisWriter {

    /** One camera of an observation: its path as the project should name it (relative to the project where it can be). */
    public record Camera(int position, String path, long offsetMs, Double fps, Long durationMs) {
    }

    /** One pass as an observation. */
    public record Observation(String id, Session session, List<Camera> cameras, List<EventDraft> events) {
    }

    private final CodingScheme scheme;
    private final Map<String, String> nameOf = new HashMap<>();

    private BorisWriter(CodingScheme scheme) {
        this.scheme = scheme;
        Set<String> labels = new java.util.HashSet<>();
        for (Code c : scheme.timedCodes()) {
            // the label, as BORIS names behaviours (a scheme from BORIS has its names there); the id where two labels are alike
            nameOf.put(c.id(), labels.add(c.label().toLowerCase(Locale.ROOT)) ? c.label() : c.id());
        }
    }

    public static void write(CodingScheme scheme, String projectName, List<Observation> observations, OutputStream out) throws IOException {
        new BorisWriter(scheme).writeProject(projectName, observations, out);
    }

    private void writeProject(String projectName, List<Observation> observations, OutputStream out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("time_format", "hh:mm:ss");
            g.writeStringField("project_name", projectName);
            g.writeStringField("project_date", "");
            g.writeStringField("project_description", "Exported from Attune: scheme " + scheme.name() + " " + scheme.version() + ".");
            g.writeStringField("project_format_version", "7.0");
            List<String> subjects = subjects();
            g.writeObjectFieldStart("subjects_conf");
            for (int i = 0; i < subjects.size(); i++) {
                g.writeObjectFieldStart(Integer.toString(i));
                g.writeStringField("key", "");
                g.writeStringField("name", subjects.get(i));
                g.writeStringField("description", "");
                g.writeEndObject();
            }
            g.writeEndObject();
            writeEthogram(g);
            g.writeArrayFieldStart("behavioral_categories");
            for (Family f : scheme.families()) g.writeString(f.label());
            g.writeEndArray();
            g.writeObjectFieldStart("independent_variables");
            Set<String> variables = new LinkedHashSet<>();
            for (Observation o : observations) variables.addAll(o.session().metadata().keySet());
            int v = 0;
            for (String label : variables) {
                g.writeObjectFieldStart(Integer.toString(v++));
                g.writeStringField("label", label);
                g.writeStringField("description", "");
                g.writeStringField("type", "text");
                g.writeStringField("default value", "");
                g.writeStringField("possible values", "");
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeObjectFieldStart("coding_map");
            g.writeEndObject();
            g.writeObjectFieldStart("behaviors_coding_map");
            g.writeEndObject();
            g.writeObjectFieldStart("converters");
            g.writeEndObject();
            g.writeObjectFieldStart("observations");
            for (Observation o : observations) writeObservation(g, o);
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    /** The subjects events can have: the values of the codes' subject sets, else parent and child as the codes have them. */
    private List<String> subjects() {
        Set<String> out = new LinkedHashSet<>();
        for (Code c : scheme.timedCodes()) {
            for (ModifierSet m : c.modifiers()) if (m.id().equals(BorisObservations.SUBJECT_SET)) m.values().forEach(x -> out.add(x.label()));
            if (c.modifiers().stream().noneMatch(m -> m.id().equals(BorisObservations.SUBJECT_SET)) && c.subject() != Subject.DYAD) out.add(subjectName(c.subject()));
        }
        return new ArrayList<>(out);
    }

    private static String subjectName(Subject s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    private void writeEthogram(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("behaviors_conf");
        int i = 0;
        for (Code c : scheme.timedCodes()) {
            g.writeObjectFieldStart(Integer.toString(i++));
            g.writeStringField("type", c.kind() == CodeKind.POINT ? "Point event" : "State event");
            g.writeStringField("key", keyOf(c));
            g.writeStringField("code", nameOf.get(c.id()));
            g.writeStringField("description", c.definition().summary() == null ? "" : c.definition().summary());
            g.writeStringField("color", c.color() == null ? "" : c.color().toString());
            g.writeStringField("category", scheme.families().stream().filter(f -> f.id().equals(c.family())).map(Family::label).findFirst().orElse(""));
            g.writeObjectFieldStart("modifiers");
            int m = 0;
            for (ModifierSet set : c.modifiers()) {
                if (set.id().equals(BorisObservations.SUBJECT_SET)) continue;
                g.writeObjectFieldStart(Integer.toString(m++));
                g.writeStringField("name", set.label());
                g.writeStringField("description", "");
                g.writeNumberField("type", set.choice() == ModifierSet.Choice.MULTIPLE ? 1 : 0);
                g.writeBooleanField("ask at stop", false);
                g.writeArrayFieldStart("values");
                for (ModifierSet.Value val : set.values()) g.writeString(val.label());
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndObject();
            List<String> excluded = new ArrayList<>();
            if (c.group() != null) {
                for (Code other : scheme.timedCodes()) if (other != c && c.group().equals(other.group())) excluded.add(nameOf.get(other.id()));
            }
            g.writeStringField("excluded", String.join(",", excluded));
            g.writeStringField("coding map", "");
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** The key as BORIS names it: a letter or digit key by its character (US layout), else none. */
    private static String keyOf(Code c) {
        if (c.key() == null) return "";
        String k = c.key().code();
        if (k.startsWith("Key") && k.length() == 4) return k.substring(3).toLowerCase(Locale.ROOT);
        if (k.startsWith("Digit") && k.length() == 6) return k.substring(5);
        return "";
    }

    private void writeObservation(JsonGenerator g, Observation o) throws IOException {
        g.writeObjectFieldStart(o.id());
        Session s = o.session();
        g.writeStringField("date", s.date().isEmpty() ? "" : s.date() + "T00:00:00");
        g.writeStringField("description", s.notes());
        g.writeStringField("type", "MEDIA");
        g.writeObjectFieldStart("file");
        for (int p = 1; p <= 8; p++) {
            g.writeArrayFieldStart(Integer.toString(p));
            for (Camera c : o.cameras()) if (c.position() == p) g.writeString(c.path());
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeObjectFieldStart("media_info");
        g.writeObjectFieldStart("length");
        for (Camera c : o.cameras()) if (c.durationMs() != null) g.writeNumberField(c.path(), BigDecimal.valueOf(c.durationMs(), 3));
        g.writeEndObject();
        g.writeObjectFieldStart("fps");
        for (Camera c : o.cameras()) if (c.fps() != null) g.writeNumberField(c.path(), c.fps());
        g.writeEndObject();
        g.writeObjectFieldStart("hasVideo");
        for (Camera c : o.cameras()) g.writeBooleanField(c.path(), true);
        g.writeEndObject();
        g.writeObjectFieldStart("hasAudio");
        g.writeEndObject();
        g.writeObjectFieldStart("offset");
        for (Camera c : o.cameras()) g.writeNumberField(Integer.toString(c.position()), BigDecimal.valueOf(c.offsetMs(), 3));
        g.writeEndObject();
        g.writeEndObject();
        g.writeNumberField("time offset", 0.0);
        g.writeObjectFieldStart("independent_variables");
        for (Map.Entry<String, String> e : s.metadata().entrySet()) g.writeStringField(e.getKey(), e.getValue());
        g.writeEndObject();
        g.writeBooleanField("close_behaviors_between_videos", false);
        g.writeArrayFieldStart("events");
        for (Row r : rows(o.events())) {
            g.writeStartArray();
            g.writeNumber(BigDecimal.valueOf(r.ms, 3));
            g.writeString(r.subject);
            g.writeString(r.code);
            g.writeString(r.modifiers);
            g.writeString(r.comment);
            g.writeString("NA");
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private record Row(long ms, String subject, String code, String modifiers, String comment) {
    }

    /** Events as BORIS rows, sorted by time, subject and code as BORIS keeps them. */
    private List<Row> rows(List<EventDraft> events) {
        List<Row> out = new ArrayList<>();
        for (EventDraft e : events) {
            Code c = scheme.code(e.code()).orElse(null);
            if (c == null || !c.kind().isTimed()) continue;
            String subject = subjectOf(c, e);
            String mods = modifiers(c, e);
            String name = nameOf.get(c.id());
            out.add(new Row(e.onsetMs(), subject, name, mods, e.comment()));
            if (c.kind() == CodeKind.STATE && e.offsetMs() != null) out.add(new Row(e.offsetMs(), subject, name, mods, ""));
        }
        out.sort(Comparator.comparingLong(Row::ms).thenComparing(Row::subject).thenComparing(Row::code));
        return out;
    }

    private static String subjectOf(Code c, EventDraft e) {
        for (ModifierSet m : c.modifiers()) {
            if (!m.id().equals(BorisObservations.SUBJECT_SET)) continue;
            List<String> v = e.modifiers().valuesOf(m.id());
            return v.isEmpty() ? "" : m.value(v.get(0)).map(ModifierSet.Value::label).orElse(v.get(0));
        }
        return c.subject() == Subject.DYAD ? "" : subjectName(c.subject());
    }

    /** The event's values set by set in the code's order ({@code |} between sets, {@code ,} between choices), by their labels. */
    private static String modifiers(Code c, EventDraft e) {
        List<String> parts = new ArrayList<>();
        for (ModifierSet m : c.modifiers()) {
            if (m.id().equals(BorisObservations.SUBJECT_SET)) continue;
            List<String> labels = new ArrayList<>();
            for (String v : e.modifiers().valuesOf(m.id())) labels.add(m.value(v).map(ModifierSet.Value::label).orElse(v));
            parts.add(String.join(",", labels));
        }
        while (!parts.isEmpty() && parts.get(parts.size() - 1).isEmpty()) parts.remove(parts.size() - 1);
        return String.join("|", parts);
    }
}
