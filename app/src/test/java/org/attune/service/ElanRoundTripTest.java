package org.attune.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.attune.TestPaths;
import org.attune.coding.CodedEvent;
import org.attune.coding.CodingPass;
import org.attune.coding.Coder;
import org.attune.coding.Session;
import org.attune.store.Study;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXException;

/**
 * Issue 15: study → ELAN → study. The sample study's passes (three coders, two sessions) written as one
 * EAF 3.0 document per session, each valid against the rules of the format (eaf-3.0-rules.xsd, written
 * from the format's description), and read back into a new study: the same events, modifiers and
 * comments, coder by coder.
 */
class ElanRoundTripTest {

    @TempDir
    Path dir;

    private static Schema rules() throws SAXException {
        return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(ElanRoundTripTest.class.getResource("/elan/eaf-3.0-rules.xsd"));
    }

    @Test
    void theSampleStudyGoesToElanAndComesBackTheSame() throws Exception {
        Path sample = Files.copy(TestPaths.repoRoot().resolve("sample-sessions/sample-study.attune"), dir.resolve("sample.attune"));
        for (String video : List.of("free-play-s01.mp4", "free-play-s02.mp4")) Files.copy(TestPaths.repoRoot().resolve("sample-sessions/" + video), dir.resolve(video));
        Path out = dir.resolve("elan");
        List<String> notes = new ArrayList<>();
        Path copy = dir.resolve("back.attune");
        try (Study s = Study.open(sample)) {
            // a comment with what XML and the details tier must carry: commas, quotes, a line break, non-ASCII, markup, the separator itself
            long firstCoder = s.coders().get(0).id();
            long al = s.passes().stream().filter(p -> p.coderId() == firstCoder).findFirst().orElseThrow().id();
            s.events().add(al, org.attune.coding.EventDraft.point("C_BID", 59_000).withModifiers(org.attune.coding.Modifiers.single("type", "social"))
                    .withComment("a, \"b\"\nc — ü <&> // not a split"));
            s.events().add(al, org.attune.coding.EventDraft.point("C_BID", 59_400).withComment("// only a comment"));
            assertEquals(2, PeerExports.eaf(s, out, StudyExports.Scope.ALL, notes::add));
            try (Study back = Study.create(copy, s.scheme(), "back")) {
                for (Path eaf : List.of(out.resolve("S01.eaf"), out.resolve("S02.eaf"))) {
                    rules().newValidator().validate(new StreamSource(eaf.toFile()));
                    String text = Files.readString(eaf);
                    assertTrue(text.contains("RELATIVE_MEDIA_URL=\"./../free-play-s0"), "the video relative to the document");
                    assertTrue(text.contains("ANNOTATOR=\"AL\"") && text.contains("ANNOTATOR=\"BK\"") && text.contains("ANNOTATOR=\"CM\""), "a tier per coder");
                    EventImports.Outcome o = EventImports.fromEaf(back, eaf, null, null, null);
                    assertTrue(o.ok(), o.problems() + " " + o.whatToDo());
                }
                assertEquals(events(s, false), events(back, false), "every finished event, coder by coder, with its modifiers and comment");
            }
        }
        assertTrue(notes.isEmpty() || notes.stream().allMatch(n -> n.contains("running states")), notes.toString());
    }

    @Test
    void theRulesRefuseADocumentInTheWrongOrder() throws Exception {
        Path eaf = Files.writeString(dir.resolve("bad.eaf"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <ANNOTATION_DOCUMENT AUTHOR="" DATE="2026-01-01T00:00:00+00:00" VERSION="3.0">
                  <TIME_ORDER/>
                  <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds"/>
                </ANNOTATION_DOCUMENT>
                """);
        assertThrows(SAXException.class, () -> rules().newValidator().validate(new StreamSource(eaf.toFile())), "HEADER must come before TIME_ORDER");
    }

    @Test
    void aDamagedOrUnmappedDocumentIsRefusedWithItsLineAndNothingIsWritten() throws Exception {
        Path study = dir.resolve("s.attune");
        try (Study s = Study.create(study, org.attune.scheme.json.BundledSchemes.defaultScheme(), "s")) {
            Path broken = Files.writeString(dir.resolve("S9.eaf"), "<ANNOTATION_DOCUMENT>\n<HEADER>\n</ANNOTATION_DOCUMENT>\n");
            EventImports.Outcome o = EventImports.fromEaf(s, broken, null, "AL", null);
            assertFalse(o.ok());
            assertTrue(o.problems().get(0).matches(".*S9\\.eaf:3: not well-formed XML.*"), o.problems().toString());
            Path other = Files.writeString(dir.resolve("S8.eaf"), """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <ANNOTATION_DOCUMENT AUTHOR="" DATE="2026-01-01T00:00:00+00:00" VERSION="3.0" FORMAT="3.0">
                      <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds"/>
                      <TIME_ORDER><TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="1200"/><TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="3400"/></TIME_ORDER>
                      <TIER TIER_ID="Mother gaze" LINGUISTIC_TYPE_REF="default" ANNOTATOR="lab RA">
                        <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2"><ANNOTATION_VALUE>looks</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
                      </TIER>
                      <LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="default" TIME_ALIGNABLE="true"/>
                    </ANNOTATION_DOCUMENT>
                    """);
            EventImports.Outcome unmapped = EventImports.fromEaf(s, other, null, "AL", null);
            assertFalse(unmapped.ok());
            assertTrue(unmapped.problems().get(0).contains("tier \"Mother gaze\": \"looks\" (1 annotation) is not a code of the scheme"), unmapped.problems().toString());
            assertTrue(s.sessions().isEmpty(), "nothing was written");
            Path map = Files.writeString(dir.resolve("tiers.csv"), "tier,code\nMother gaze,P_GAZE\n");
            EventImports.Outcome mapped = EventImports.fromEaf(s, other, null, "AL", map);
            assertTrue(mapped.ok(), mapped.problems().toString());
            Session s8 = s.session("S8").orElseThrow();
            CodedEvent e = s.events().list(s.passes().stream().filter(p -> p.sessionId() == s8.id()).findFirst().orElseThrow().id()).get(0);
            assertEquals("P_GAZE 1200-3400", e.code() + " " + e.onsetMs() + "-" + e.offsetMs());
        }
    }

    /** Every event of a study as "session coder code onset-offset modifiers comment", sorted; running states left out when asked. */
    private static List<String> events(Study s, boolean withRunning) throws Exception {
        List<String> out = new ArrayList<>();
        for (CodingPass p : s.passes()) {
            String session = s.sessions().stream().filter(x -> x.id() == p.sessionId()).map(Session::label).findFirst().orElseThrow();
            String coder = s.coders().stream().filter(c -> c.id() == p.coderId()).map(Coder::initials).findFirst().orElseThrow();
            for (CodedEvent e : s.events().list(p.id())) {
                if (!withRunning && e.offsetMs() == null) continue;
                out.add(session + " " + coder + " " + e.code() + " " + e.onsetMs() + "-" + e.offsetMs() + " " + e.modifiers().encode() + " " + e.comment());
            }
        }
        out.sort(null);
        return out;
    }
}
