package org.attune.exchange.elan;

import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.attune.coding.EventDraft;
import org.attune.scheme.Code;
import org.attune.scheme.CodeKind;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.ExclusiveGroup;

/**
 * One session's passes as an ELAN annotation document (EAF 3.0; element order and IDs as the EAFv3.0
 * schema demands; shared/reference/interchange-formats.md §1b). ELAN keeps annotations on one tier from
 * overlapping, so a tier holds one exclusive group of codes (or one code outside any group) of one coder:
 * {@code TIER_ID} "group label (XY)", {@code ANNOTATOR} the coder, {@code PARTICIPANT} the codes' subject.
 * Each annotation's value is its code's id from a controlled vocabulary of the scheme's codes (the label
 * as the entry's description). Modifiers and comment go to a dependent tier "… details" (Symbolic
 * Association) as {@code set=value+value; …} and {@code // comment}. ELAN has no points: a point event is
 * a one-frame annotation. Cameras are media descriptors, relative to the document where they can be, each
 * with its offset as {@code TIME_ORIGIN}. Times are the session's clock in ms.
 */
public final class EafWriter {

    /** A camera: its absolute location as a URI, the path relative to the document (or null), its offset and frame rate. */
    public record Camera(String uri, String relative, String mimeType, long offsetMs, Double fps) {
    }

    /** One coder's pass of the session. */
    public record Pass(String coder, List<EventDraft> events) {
    }

    /** What did not fit: running states (ELAN annotations have an end). */
    public record Written(int annotations, int runningLeftOut) {
    }

    /** The linguistic types and vocabulary Attune writes (and {@link EafReader} recognises). */
    static final String CODE_TYPE = "attune-code";
    static final String DETAILS_TYPE = "attune-details";
    static final String VOCABULARY = "attune-codes";
    static final String DETAILS_SUFFIX = " details";

    private final CodingScheme scheme;

    private EafWriter(CodingScheme scheme) {
        this.scheme = scheme;
    }

    public static Written write(CodingScheme scheme, List<Camera> cameras, List<Pass> passes, OutputStream out) throws XMLStreamException {
        return new EafWriter(scheme).writeDocument(cameras, passes, out);
    }

    /** Which tier a code's events go on: its exclusive group, or the code alone. */
    private String tierOf(Code c) {
        if (c.group() != null) {
            return scheme.groups().stream().filter(g -> g.id().equals(c.group())).map(ExclusiveGroup::label).findFirst().orElse(c.group());
        }
        return c.label();
    }

    private record Annotation(String id, long start, long end, Code code, String details) {
    }

    private Written writeDocument(List<Camera> cameras, List<Pass> passes, OutputStream out) throws XMLStreamException {
        long frameMs = cameras.isEmpty() || cameras.get(0).fps() == null ? 40 : Math.max(1, Math.round(1000 / cameras.get(0).fps()));
        // tiers in scheme order, per coder: tier id → annotations
        Map<String, List<Annotation>> tiers = new LinkedHashMap<>();
        Map<String, String[]> tierInfo = new LinkedHashMap<>(); // tier id → {coder, participant}
        List<Long> slots = new ArrayList<>();
        int running = 0;
        int next = 1;
        for (Pass p : passes) {
            for (Code c : scheme.timedCodes()) tiers.computeIfAbsent(tierOf(c) + " (" + p.coder() + ")", k -> new ArrayList<>());
            for (EventDraft e : p.events()) {
                Code c = scheme.code(e.code()).orElse(null);
                if (c == null || !c.kind().isTimed()) continue;
                if (c.kind() == CodeKind.STATE && e.offsetMs() == null) {
                    running++;
                    continue;
                }
                long end = c.kind() == CodeKind.POINT ? e.onsetMs() + frameMs : e.offsetMs();
                if (end <= e.onsetMs()) end = e.onsetMs() + 1; // a zero-length state: ELAN needs an end after the start
                String tier = tierOf(c) + " (" + p.coder() + ")";
                tiers.get(tier).add(new Annotation("a" + next++, e.onsetMs(), end, c, details(e)));
                tierInfo.putIfAbsent(tier, new String[] {p.coder(), c.subject().name().toLowerCase(Locale.ROOT)});
            }
        }
        tiers.values().removeIf(List::isEmpty);
        Map<Long, String> slotId = new LinkedHashMap<>();
        for (List<Annotation> as : tiers.values()) {
            as.sort((a, b) -> Long.compare(a.start(), b.start()));
            for (Annotation a : as) {
                slots.add(a.start());
                slots.add(a.end());
            }
        }
        slots.sort(null);
        for (Long t : slots) slotId.computeIfAbsent(t, k -> "ts" + (slotId.size() + 1));

        XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        x.writeStartDocument("UTF-8", "1.0");
        x.writeCharacters("\n");
        x.writeStartElement("ANNOTATION_DOCUMENT");
        x.writeAttribute("AUTHOR", "Attune");
        x.writeAttribute("DATE", OffsetDateTime.now(ZoneOffset.UTC).withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        x.writeAttribute("FORMAT", "3.0");
        x.writeAttribute("VERSION", "3.0");
        x.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
        x.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "noNamespaceSchemaLocation", "http://www.mpi.nl/tools/elan/EAFv3.0.xsd");
        nl(x, 1);
        x.writeStartElement("HEADER");
        x.writeAttribute("MEDIA_FILE", "");
        x.writeAttribute("TIME_UNITS", "milliseconds");
        for (Camera c : cameras) {
            nl(x, 2);
            x.writeEmptyElement("MEDIA_DESCRIPTOR");
            x.writeAttribute("MEDIA_URL", c.uri());
            x.writeAttribute("MIME_TYPE", c.mimeType());
            if (c.relative() != null) x.writeAttribute("RELATIVE_MEDIA_URL", "./" + c.relative());
            // ELAN plays media time = document time + TIME_ORIGIN; camera k's file time 0 lies at offset_k of the session
            if (c.offsetMs() != 0) x.writeAttribute("TIME_ORIGIN", Long.toString(-c.offsetMs()));
        }
        nl(x, 2);
        x.writeStartElement("PROPERTY");
        x.writeAttribute("NAME", "lastUsedAnnotationId");
        x.writeCharacters(Integer.toString(next - 1));
        x.writeEndElement();
        nl(x, 1);
        x.writeEndElement();
        nl(x, 1);
        x.writeStartElement("TIME_ORDER");
        for (Map.Entry<Long, String> s : slotId.entrySet()) {
            nl(x, 2);
            x.writeEmptyElement("TIME_SLOT");
            x.writeAttribute("TIME_SLOT_ID", s.getValue());
            x.writeAttribute("TIME_VALUE", Long.toString(s.getKey()));
        }
        nl(x, 1);
        x.writeEndElement();
        int detailId = next;
        for (Map.Entry<String, List<Annotation>> t : tiers.entrySet()) {
            String[] info = tierInfo.get(t.getKey());
            nl(x, 1);
            x.writeStartElement("TIER");
            x.writeAttribute("TIER_ID", t.getKey());
            x.writeAttribute("LINGUISTIC_TYPE_REF", CODE_TYPE);
            x.writeAttribute("ANNOTATOR", info[0]);
            x.writeAttribute("PARTICIPANT", info[1]);
            for (Annotation a : t.getValue()) {
                nl(x, 2);
                x.writeStartElement("ANNOTATION");
                x.writeStartElement("ALIGNABLE_ANNOTATION");
                x.writeAttribute("ANNOTATION_ID", a.id());
                x.writeAttribute("TIME_SLOT_REF1", slotId.get(a.start()));
                x.writeAttribute("TIME_SLOT_REF2", slotId.get(a.end()));
                x.writeAttribute("CVE_REF", "cve_" + a.code().id());
                x.writeStartElement("ANNOTATION_VALUE");
                x.writeCharacters(a.code().id());
                x.writeEndElement();
                x.writeEndElement();
                x.writeEndElement();
            }
            nl(x, 1);
            x.writeEndElement();
            if (t.getValue().stream().anyMatch(a -> !a.details().isEmpty())) {
                nl(x, 1);
                x.writeStartElement("TIER");
                x.writeAttribute("TIER_ID", t.getKey() + DETAILS_SUFFIX);
                x.writeAttribute("LINGUISTIC_TYPE_REF", DETAILS_TYPE);
                x.writeAttribute("PARENT_REF", t.getKey());
                x.writeAttribute("ANNOTATOR", info[0]);
                x.writeAttribute("PARTICIPANT", info[1]);
                for (Annotation a : t.getValue()) {
                    if (a.details().isEmpty()) continue;
                    nl(x, 2);
                    x.writeStartElement("ANNOTATION");
                    x.writeStartElement("REF_ANNOTATION");
                    x.writeAttribute("ANNOTATION_ID", "a" + detailId++);
                    x.writeAttribute("ANNOTATION_REF", a.id());
                    x.writeStartElement("ANNOTATION_VALUE");
                    x.writeCharacters(a.details());
                    x.writeEndElement();
                    x.writeEndElement();
                    x.writeEndElement();
                }
                nl(x, 1);
                x.writeEndElement();
            }
        }
        nl(x, 1);
        x.writeEmptyElement("LINGUISTIC_TYPE");
        x.writeAttribute("LINGUISTIC_TYPE_ID", CODE_TYPE);
        x.writeAttribute("TIME_ALIGNABLE", "true");
        x.writeAttribute("GRAPHIC_REFERENCES", "false");
        x.writeAttribute("CONTROLLED_VOCABULARY_REF", VOCABULARY);
        nl(x, 1);
        x.writeEmptyElement("LINGUISTIC_TYPE");
        x.writeAttribute("LINGUISTIC_TYPE_ID", DETAILS_TYPE);
        x.writeAttribute("TIME_ALIGNABLE", "false");
        x.writeAttribute("CONSTRAINTS", "Symbolic_Association");
        x.writeAttribute("GRAPHIC_REFERENCES", "false");
        nl(x, 1);
        x.writeEmptyElement("LANGUAGE");
        x.writeAttribute("LANG_ID", "und");
        x.writeAttribute("LANG_DEF", "http://cdb.iso.org/lg/CDB-00130975-001");
        x.writeAttribute("LANG_LABEL", "undetermined (und)");
        nl(x, 1);
        x.writeEmptyElement("CONSTRAINT");
        x.writeAttribute("STEREOTYPE", "Symbolic_Association");
        x.writeAttribute("DESCRIPTION", "1-1 association with a parent annotation");
        nl(x, 1);
        x.writeStartElement("CONTROLLED_VOCABULARY");
        x.writeAttribute("CV_ID", VOCABULARY);
        nl(x, 2);
        x.writeStartElement("DESCRIPTION");
        x.writeAttribute("LANG_REF", "und");
        x.writeCharacters(scheme.name() + " " + scheme.version());
        x.writeEndElement();
        for (Code c : scheme.timedCodes()) {
            nl(x, 2);
            x.writeStartElement("CV_ENTRY_ML");
            x.writeAttribute("CVE_ID", "cve_" + c.id());
            x.writeStartElement("CVE_VALUE");
            x.writeAttribute("LANG_REF", "und");
            x.writeAttribute("DESCRIPTION", c.label());
            x.writeCharacters(c.id());
            x.writeEndElement();
            x.writeEndElement();
        }
        nl(x, 1);
        x.writeEndElement();
        x.writeCharacters("\n");
        x.writeEndElement();
        x.writeEndDocument();
        x.close();
        return new Written(next - 1, running);
    }

    /** Modifiers and comment as the details tier holds them: "set=a+b; set2=c // comment"; "" when there are none. */
    static String details(EventDraft e) {
        String mods = e.modifiers().encode().replace(";", "; ");
        if (e.comment().isEmpty()) return mods;
        return (mods.isEmpty() ? "" : mods + " ") + "// " + e.comment();
    }

    private static void nl(XMLStreamWriter x, int depth) throws XMLStreamException {
        x.writeCharacters("\n" + "    ".repeat(depth));
    }
}
