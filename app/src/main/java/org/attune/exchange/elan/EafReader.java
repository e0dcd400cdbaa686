package org.attune.exchange.elan;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.attune.coding.EventDraft;
import org.attune.coding.Modifiers;
import org.attune.exchange.CodeNames;
import org.attune.scheme.Code;
import org.attune.scheme.CodeKind;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.Family;

/**
 * An ELAN annotation document (EAF 2.7–3.0) read as events of a scheme: an annotation's value (or its
 * controlled-vocabulary entry) names a code by id or label; a tier can instead be mapped to one code (every
 * annotation on it is that code) or to a family (its values are that family's codes). The coder is the
 * tier's {@code ANNOTATOR} unless one is given. A dependent tier written by {@link EafWriter} ("… details")
 * gives the modifiers and comment back. An annotation of a point code is a point at its start. Every
 * problem names its line; with any, nothing is to be imported.
 */
public final class EafReader {

    /** One event for a coder, with the line of its annotation. */
    public record Row(String coder, EventDraft event, int line) {
    }

    /** What the document gives: the rows, and the problems (then nothing is to be imported) and notes. */
    public record Result(List<Row> rows, List<String> problems, List<String> notes) {
    }

    private record Tier(String id, String type, String parent, String annotator, int line) {
    }

    private record Alignable(String id, String tier, String ts1, String ts2, String cveRef, String value, int line) {
    }

    private EafReader() {
    }

    /**
     * @param coder   the coder of every tier, or null: each tier's ANNOTATOR
     * @param tierMap tier id → code id or family (id or label)
     */
    public static Result read(byte[] bytes, String fileName, CodingScheme scheme, String coder, Map<String, String> tierMap) {
        List<String> problems = new ArrayList<>();
        Map<String, Long> slots = new HashMap<>();
        Map<String, Tier> tiers = new LinkedHashMap<>();
        List<Alignable> annotations = new ArrayList<>();
        Map<String, String> details = new HashMap<>(); // parent annotation id → details text
        Map<String, String> cv = new HashMap<>(); // CVE_ID → value
        try {
            XMLInputFactory f = XMLInputFactory.newFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader x = f.createXMLStreamReader(new ByteArrayInputStream(bytes));
            Tier tier = null;
            String cveId = null;
            boolean root = false;
            while (x.hasNext()) {
                if (x.next() != XMLStreamConstants.START_ELEMENT) {
                    if (x.getEventType() == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("TIER")) tier = null;
                    continue;
                }
                int line = x.getLocation().getLineNumber();
                switch (x.getLocalName()) {
                    case "ANNOTATION_DOCUMENT" -> root = true;
                    case "TIME_SLOT" -> {
                        String value = x.getAttributeValue(null, "TIME_VALUE");
                        if (value != null) {
                            try {
                                slots.put(x.getAttributeValue(null, "TIME_SLOT_ID"), Long.parseLong(value.trim()));
                            } catch (NumberFormatException e) {
                                problems.add(fileName + ":" + line + ": time slot " + x.getAttributeValue(null, "TIME_SLOT_ID") + " has TIME_VALUE \"" + value
                                        + "\", not whole milliseconds");
                            }
                        }
                    }
                    case "TIER" -> {
                        tier = new Tier(x.getAttributeValue(null, "TIER_ID"), x.getAttributeValue(null, "LINGUISTIC_TYPE_REF"),
                                x.getAttributeValue(null, "PARENT_REF"), x.getAttributeValue(null, "ANNOTATOR"), line);
                        tiers.put(tier.id(), tier);
                    }
                    case "ALIGNABLE_ANNOTATION" -> annotations.add(new Alignable(x.getAttributeValue(null, "ANNOTATION_ID"), tier == null ? "" : tier.id(),
                            x.getAttributeValue(null, "TIME_SLOT_REF1"), x.getAttributeValue(null, "TIME_SLOT_REF2"),
                            x.getAttributeValue(null, "CVE_REF"), valueOf(x), line));
                    case "REF_ANNOTATION" -> {
                        String ref = x.getAttributeValue(null, "ANNOTATION_REF");
                        String v = valueOf(x);
                        if (tier != null && EafWriter.DETAILS_TYPE.equals(tier.type())) details.put(ref, v);
                    }
                    case "CV_ENTRY_ML" -> cveId = x.getAttributeValue(null, "CVE_ID");
                    case "CVE_VALUE" -> {
                        String v = x.getElementText().trim();
                        if (cveId != null) cv.putIfAbsent(cveId, v);
                    }
                    case "CV_ENTRY" -> { // EAF 2.7: the value is the entry's text
                        String id = x.getAttributeValue(null, "CVE_ID");
                        String v = x.getElementText().trim();
                        if (id != null) cv.putIfAbsent(id, v);
                    }
                    default -> { }
                }
            }
            if (!root) problems.add(fileName + ": no ANNOTATION_DOCUMENT — this is not an ELAN .eaf file");
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            problems.add(fileName + ":" + line + ": not well-formed XML (" + e.getMessage().replaceFirst("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "")
                    + ") — open and save it in ELAN, or check the file");
            return new Result(List.of(), problems, List.of());
        }
        for (String mapped : tierMap.keySet()) {
            if (!tiers.containsKey(mapped)) problems.add(fileName + ": the tier map names tier \"" + mapped + "\", which the document does not have (tiers: "
                    + String.join(", ", tiers.keySet()) + ")");
        }
        List<Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, Integer> unmapped = new LinkedHashMap<>();
        for (Alignable a : annotations) {
            Tier t = tiers.get(a.tier());
            if (t != null && t.parent() != null && !t.parent().isBlank()) continue; // a dependent tier's own annotations: not events
            String at = fileName + ":" + a.line() + ": tier \"" + a.tier() + "\"";
            String value = a.cveRef() != null && cv.containsKey(a.cveRef()) ? cv.get(a.cveRef()) : a.value().trim();
            Optional<Code> code = codeFor(scheme, tierMap.get(a.tier()), value);
            if (code.isEmpty()) {
                unmapped.merge(a.tier() + "\u0000" + value, 1, Integer::sum);
                continue;
            }
            Long start = slots.get(a.ts1());
            Long end = slots.get(a.ts2());
            if (start == null || end == null) {
                problems.add(at + ": annotation " + a.id() + " is not aligned to times (its time slots have no TIME_VALUE); align it in ELAN");
                continue;
            }
            String who = coder != null ? coder : t == null || t.annotator() == null || t.annotator().isBlank() ? null : t.annotator().trim();
            if (who == null) {
                problems.add(at + ": the tier has no ANNOTATOR; give the coder with --coder");
                continue;
            }
            Modifiers mods = Modifiers.NONE;
            String comment = "";
            String d = details.get(a.id());
            if (d != null && !d.isEmpty()) {
                int cut = d.startsWith("// ") ? 0 : d.indexOf(" // ");
                String modText = cut < 0 ? d : d.substring(0, cut);
                comment = cut < 0 ? "" : d.substring(cut + (cut == 0 ? 3 : 4));
                try {
                    mods = Modifiers.parse(modText.replace("; ", ";").trim());
                } catch (IllegalArgumentException e) {
                    problems.add(at + ": details \"" + d + "\" of annotation " + a.id() + " are not modifiers set=value; … // comment");
                    continue;
                }
            }
            EventDraft event = code.get().kind() == CodeKind.POINT
                    ? new EventDraft(code.get().id(), start, start, mods, comment)
                    : new EventDraft(code.get().id(), start, Math.max(start, end), mods, comment);
            rows.add(new Row(who, event, a.line()));
        }
        unmapped.forEach((key, n) -> {
            String[] k = key.split("\u0000", -1);
            problems.add(fileName + ": tier \"" + k[0] + "\": \"" + k[1] + "\" (" + n + " annotation" + (n == 1 ? "" : "s") + ") is not a code of the scheme; "
                    + "map the tier to a code or family (--map tiers.csv: tier,code)");
        });
        return new Result(rows, problems, notes);
    }

    /** The code an annotation is: the tier's mapped code, or its value among the mapped family's codes (or all codes) by id or label. */
    private static Optional<Code> codeFor(CodingScheme scheme, String mapped, String value) {
        if (mapped != null) {
            Optional<Code> direct = scheme.code(mapped);
            if (direct.isPresent()) return direct;
            Optional<Family> family = CodeNames.family(scheme, mapped);
            if (family.isPresent()) return CodeNames.code(CodeNames.timedCodesOf(scheme, family.get()), value);
            return Optional.empty();
        }
        return CodeNames.code(scheme.timedCodes(), value);
    }

    private static String valueOf(XMLStreamReader x) throws XMLStreamException {
        while (x.hasNext()) {
            int e = x.next();
            if (e == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("ANNOTATION_VALUE")) return x.getElementText();
            if (e == XMLStreamConstants.END_ELEMENT && (x.getLocalName().equals("ALIGNABLE_ANNOTATION") || x.getLocalName().equals("REF_ANNOTATION"))) return "";
        }
        return "";
    }
}
