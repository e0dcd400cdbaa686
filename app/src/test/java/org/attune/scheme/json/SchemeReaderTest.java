package org.attune.scheme.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.attune.scheme.CodeKind;
import org.attune.scheme.CodingScheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per class of malformed scheme: each must be rejected with the file, line, column,
 * field path and a hint. Line numbers refer to the text blocks below (first line = 1).
 */
public class SchemeReaderTest {

    /** A small valid scheme; tests break one thing in it at a time. */
    public static final String VALID = """
            {
              "formatVersion": 1,
              "id": "mini",
              "name": "Mini scheme",
              "version": "1.0",
              "families": [
                {"id": "F", "label": "Family", "color": "#112233"}
              ],
              "groups": [
                {"id": "AFF", "label": "Affect"}
              ],
              "codes": [
                {"id": "POS", "label": "Positive", "family": "F", "subject": "child", "kind": "state", "group": "AFF",
                 "key": "KeyY", "definition": {"summary": "Smiles.", "onset": "first frame", "offset": "last frame"}},
                {"id": "NEG", "label": "Negative", "family": "F", "subject": "child", "kind": "state", "group": "AFF",
                 "key": "KeyU", "definition": {"summary": "Cries.", "onset": "first frame", "offset": "last frame"}},
                {"id": "BID", "label": "Bid", "family": "F", "subject": "child", "kind": "point", "key": "KeyI",
                 "modifiers": [{"id": "type", "label": "Type", "choice": "single", "values": [{"id": "social", "label": "Social"}]}],
                 "definition": {"summary": "Child initiates."}},
                {"id": "OFF", "label": "Off camera", "family": "F", "subject": "dyad", "kind": "state", "key": "Backquote",
                 "roles": ["uncodable"], "definition": {"summary": "Cannot be coded.", "offset": "back in view"}},
                {"id": "SENS", "label": "Sensitivity", "family": "F", "subject": "parent", "kind": "rating",
                 "scale": {"min": 1, "max": 5, "anchors": [{"value": 1, "label": "low"}, {"value": 5, "label": "high"}]},
                 "definition": {"summary": "Overall sensitivity."}}
              ]
            }
            """;

    private static SchemeReadResult read(String json) {
        return SchemeReader.readText(json, "test.json");
    }

    private static SchemeFileProblem onlyError(SchemeReadResult r) {
        assertFalse(r.ok(), "expected the scheme to be rejected");
        assertEquals(1, r.errors().size(), () -> "expected one error, got:\n" + r.errors());
        return r.errors().get(0);
    }

    /** Line and column (1-based) where the {@code n}-th occurrence (1-based) of {@code marker} starts in {@code json}. */
    static int[] at(String json, String marker, int n) {
        int index = -1;
        for (int i = 0; i < n; i++) {
            index = json.indexOf(marker, index + 1);
            if (index < 0) throw new AssertionError("marker not in test text: " + marker);
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (json.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, index - lineStart + 1};
    }

    static int[] at(String json, String marker) {
        return at(json, marker, 1);
    }

    private static void assertAt(SchemeFileProblem p, int[] position, String path, String messagePart) {
        assertAt(p, position[0], position[1], path, messagePart);
    }

    private static void assertAt(SchemeFileProblem p, int line, int column, String path, String messagePart) {
        assertEquals("test.json", p.file());
        assertEquals(line, p.line(), () -> "line of " + p.format());
        assertEquals(column, p.column(), () -> "column of " + p.format());
        assertEquals(path, p.problem().path(), () -> "path of " + p.format());
        assertTrue(p.problem().message().contains(messagePart), () -> "message of " + p.format());
        assertFalse(p.problem().hint().isBlank(), () -> "every error says what to do: " + p.format());
    }

    @Test
    void validSchemeReadsWithoutProblems() {
        SchemeReadResult r = read(VALID);
        assertTrue(r.ok(), () -> r.problems().toString());
        assertEquals(List.of(), r.problems());
        CodingScheme s = r.scheme().orElseThrow();
        assertEquals(5, s.codes().size());
        assertEquals(CodeKind.RATING, s.code("SENS").orElseThrow().kind());
        assertEquals(List.of("NEG"), s.statesEndedBy(s.code("POS").orElseThrow()).stream().map(c -> c.id()).toList());
    }

    @Test
    void syntaxErrorIsLocated() {
        String broken = VALID.replace("\"name\": \"Mini scheme\",", "\"name\": \"Mini scheme\"");
        SchemeFileProblem p = onlyError(read(broken));
        assertEquals(5, p.line());
        assertTrue(p.problem().message().startsWith("not valid JSON"), p.format());
    }

    @Test
    void unknownFieldIsRejectedWithSuggestion() {
        String s = VALID.replace("\"key\": \"KeyI\",", "\"key\": \"KeyI\", \"lable\": \"x\",");
        SchemeFileProblem p = onlyError(read(s));
        assertAt(p, at(s, "\"lable\""), "codes[2].lable", "unknown field \"lable\"");
        assertTrue(p.problem().hint().contains("Did you mean \"label\""), p.format());
    }

    @Test
    void duplicateCodeIdIsRejected() {
        String s = VALID.replace("{\"id\": \"NEG\"", "{\"id\": \"POS\"");
        SchemeFileProblem p = onlyError(read(s));
        assertAt(p, at(s, "\"POS\"", 2), "codes[1].id", "duplicate code id \"POS\" (first used at codes[0])");
    }

    @Test
    void duplicateKeyIsRejectedAtTheSecondUse() {
        String s = VALID.replace("\"key\": \"KeyU\"", "\"key\": \"KeyY\"");
        SchemeFileProblem p = onlyError(read(s));
        assertAt(p, at(s, "\"KeyY\"", 2), "codes[1].key", "key KeyY (Y) is already used by codes[0] POS");
    }

    @Test
    void codeNamingMissingFamilyIsRejected() {
        String s = VALID.replace("\"label\": \"Bid\", \"family\": \"F\"", "\"label\": \"Bid\", \"family\": \"SYNC\"");
        SchemeFileProblem p = onlyError(read(s));
        assertAt(p, at(s, "\"SYNC\""), "codes[2].family", "names family \"SYNC\", which the scheme does not define");
    }

    @Test
    void codeNamingMissingGroupIsRejected() {
        String s = VALID.replace("\"label\": \"Negative\", \"family\": \"F\", \"subject\": \"child\", \"kind\": \"state\", \"group\": \"AFF\"",
                "\"label\": \"Negative\", \"family\": \"F\", \"subject\": \"child\", \"kind\": \"state\", \"group\": \"MOOD\"");
        SchemeFileProblem p = onlyError(read(s));
        assertAt(p, at(s, "\"MOOD\""), "codes[1].group", "names exclusive group \"MOOD\"");
    }

    @Test
    void pointCodeInExclusiveGroupIsRejected() {
        String s = VALID.replace("\"kind\": \"point\", \"key\": \"KeyI\",", "\"kind\": \"point\", \"group\": \"AFF\", \"key\": \"KeyI\",");
        SchemeFileProblem p = onlyError(read(s));
        assertAt(p, at(s, "\"AFF\"", 4), "codes[2].group", "point code BID is in exclusive group AFF");
    }

    @Test
    void emptyRatingScaleIsRejected() {
        String s = VALID.replace("\"scale\": {\"min\": 1, \"max\": 5,", "\"scale\": {\"min\": 5, \"max\": 5,");
        SchemeFileProblem p = onlyError(read(s));
        assertAt(p, at(s, "{\"min\": 5"), "codes[4].scale", "rating scale of SENS is empty (min 5, max 5)");
    }

    @Test
    void ratingWithoutScaleIsRejected() {
        String s = VALID.replace("\"scale\": {\"min\": 1, \"max\": 5, \"anchors\": [{\"value\": 1, \"label\": \"low\"}, {\"value\": 5, \"label\": \"high\"}]},\n", "");
        SchemeFileProblem p = onlyError(read(s));
        assertAt(p, at(s, "{\"id\": \"SENS\""), "codes[4].scale", "rating code SENS has no scale");
    }

    @Test
    void anchorOutsideScaleIsRejected() {
        String s = VALID.replace("{\"value\": 5, \"label\": \"high\"}", "{\"value\": 7, \"label\": \"high\"}");
        SchemeFileProblem p = onlyError(read(s));
        assertAt(p, at(s, "7, \"label\": \"high\""), "codes[4].scale.anchors[1].value", "anchor 7 lies outside the scale 1–5");
    }

    @Test
    void wrongEnumValueListsTheAllowedOnes() {
        String s = VALID.replace("\"kind\": \"point\"", "\"kind\": \"event\"");
        SchemeFileProblem p = onlyError(read(s));
        assertAt(p, at(s, "\"event\""), "codes[2].kind", "\"event\" is not a valid kind");
        assertTrue(p.problem().hint().contains("point, state, rating"), p.format());
    }

    @Test
    void wrongTypeIsRejected() {
        String s = VALID.replace("\"formatVersion\": 1", "\"formatVersion\": \"one\"");
        SchemeFileProblem p = onlyError(read(s));
        assertAt(p, at(s, "\"one\""), "formatVersion", "must be a whole number, found \"one\"");
    }

    @Test
    void characterKeyGetsThePhysicalCodeAsHint() {
        String s = VALID.replace("\"key\": \"KeyI\"", "\"key\": \"i\"");
        SchemeFileProblem p = onlyError(read(s));
        assertAt(p, at(s, "\"i\""), "codes[2].key", "\"i\" is not a physical key code");
        assertTrue(p.problem().hint().contains("\"KeyI\""), p.format());
    }

    @Test
    void missingRequiredFieldIsRejectedAtItsObject() {
        String s = VALID.replace("\"label\": \"Bid\", ", "");
        SchemeFileProblem p = onlyError(read(s));
        assertAt(p, at(s, "{\"id\": \"BID\""), "codes[2].label", "missing required field \"label\"");
    }

    @Test
    void repeatedMemberIsRejected() {
        String s = VALID.replace("\"id\": \"mini\",", "\"id\": \"mini\", \"id\": \"maxi\",");
        SchemeFileProblem p = onlyError(read(s));
        assertAt(p, at(s, "\"id\"", 2), "id", "field \"id\" appears more than once");
    }

    @Test
    void invalidColourIsRejected() {
        String s = VALID.replace("\"#112233\"", "\"blue\"");
        SchemeFileProblem p = onlyError(read(s));
        assertAt(p, at(s, "\"blue\""), "families[0].color", "must be a colour like \"#3A7BD5\", found \"blue\"");
    }

    @Test
    void newerFormatIsRefusedWithUpgradeAdvice() {
        String s = VALID.replace("\"formatVersion\": 1", "\"formatVersion\": 2");
        SchemeFileProblem p = onlyError(read(s));
        assertAt(p, at(s, "2,"), "formatVersion", "scheme format version 2 is not supported");
        assertTrue(p.problem().hint().contains("newer Attune"), p.format());
    }

    @Test
    void offsetRuleOnPointCodeIsRejected() {
        String s = VALID.replace("\"definition\": {\"summary\": \"Child initiates.\"}", "\"definition\": {\"summary\": \"Child initiates.\", \"offset\": \"when done\"}");
        SchemeFileProblem p = onlyError(read(s));
        assertEquals("codes[2].definition.offset", p.problem().path());
    }

    @Test
    void everyErrorIsReportedNotJustTheFirst() {
        String s = VALID
                .replace("\"key\": \"KeyU\"", "\"key\": \"KeyY\"")                 // duplicate key
                .replace("\"kind\": \"point\", \"key\": \"KeyI\",", "\"kind\": \"point\", \"group\": \"AFF\", \"key\": \"KeyI\",") // point in group
                .replace("\"#112233\"", "\"#12\"")                               // bad colour
                .replace("\"subject\": \"parent\"", "\"subject\": \"mother\"");  // bad enum
        SchemeReadResult r = read(s);
        assertEquals(4, r.errors().size(), () -> String.join("\n", r.errors().stream().map(SchemeFileProblem::format).toList()));
        assertEquals(List.of("families[0].color", "codes[4].subject", "codes[1].key", "codes[2].group"),
                r.errors().stream().map(e -> e.problem().path()).toList());
    }

    @Test
    void elementThatIsNotAnObjectKeepsLaterPathsTrue() {
        // codes[2] becomes a bare string; the duplicate key in codes[3] must still be reported as codes[3]
        int start = VALID.indexOf("{\"id\": \"BID\"");
        int end = VALID.indexOf("{\"id\": \"OFF\"");
        String s = (VALID.substring(0, start) + "\"BID\",\n    " + VALID.substring(end))
                .replace("\"key\": \"Backquote\"", "\"key\": \"KeyY\"");
        SchemeReadResult r = read(s);
        assertEquals(List.of("codes[2]", "codes[3].key"), r.errors().stream().map(e -> e.problem().path()).toList(),
                () -> r.errors().toString());
    }

    @Test
    void warningsDoNotStopAScheme() {
        String s = VALID.replace("\"summary\": \"Smiles.\", \"onset\": \"first frame\", \"offset\": \"last frame\"",
                "\"summary\": \"Smiles.\", \"onset\": \"first frame\"");
        SchemeReadResult r = read(s);
        assertTrue(r.ok(), () -> r.problems().toString());
        assertEquals(1, r.warnings().size());
        assertEquals("codes[0].definition.offset", r.warnings().get(0).problem().path());
    }

    @Test
    void nonUtf8FileIsRejected(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("latin1.json");
        Files.write(f, "{\"name\": \"Kodierschema f\u00fcr Eltern\"}".getBytes(StandardCharsets.ISO_8859_1));
        SchemeFileProblem p = onlyError(SchemeReader.read(f));
        assertTrue(p.problem().message().contains("not UTF-8"), p.format());
    }

    @Test
    void missingFileIsReportedPlainly(@TempDir Path dir) {
        SchemeFileProblem p = onlyError(SchemeReader.read(dir.resolve("nope.json")));
        assertTrue(p.format().contains("no such file"), p.format());
    }

    @Test
    void formatIsCompilerStyle() {
        String s = VALID.replace("\"key\": \"KeyU\"", "\"key\": \"KeyY\"");
        SchemeFileProblem p = onlyError(read(s));
        int[] pos = at(s, "\"KeyY\"", 2);
        assertEquals("test.json:" + pos[0] + ":" + pos[1] + ": error: codes[1].key: key KeyY (Y) is already used by codes[0] POS"
                + " — Give each code its own key; free keys can be listed with 'attune scheme manual'.", p.format());
    }

    /** Issue 12: a hostile, deeply nested file gets words of ours, at the place it went too deep, not a Jackson class name and a "missing comma" hint. */
    @Test
    void aDeeplyNestedFileIsRefusedInOurWords() {
        SchemeReadResult r = SchemeReader.readText("{\"codes\":\n" + "[".repeat(5000) + "]".repeat(5000) + "}", "deep.json");
        assertFalse(r.ok());
        String p = r.errors().get(0).format();
        assertTrue(p.contains("nested too deeply") && p.contains("This is not a coding scheme, or the file is damaged"), p);
        assertFalse(p.contains("StreamReadConstraints") || p.contains("missing comma") || p.contains("deep.json:1:1:"), p);
    }

    /** Issue 12: {@code "group": ""} on a point code passed silently (read as no group). */
    @Test
    void anEmptyGroupIsAnErrorAtItsPlace() {
        SchemeReadResult r = SchemeReader.readText(VALID.replace("\"kind\": \"point\", \"key\": \"KeyI\"", "\"kind\": \"point\", \"group\": \"\", \"key\": \"KeyI\""), "g.json");
        assertFalse(r.ok());
        String p = r.errors().get(0).format();
        assertTrue(p.contains("\"group\" is empty") && p.contains("Remove \"group\""), p);
    }
}
