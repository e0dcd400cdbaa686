package org.attune.scheme.boris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.attune.scheme.Code;
import org.attune.scheme.CodeKind;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.Exclusion;
import org.attune.scheme.Family;
import org.attune.scheme.KeyboardLayout;
import org.attune.scheme.ModifierSet;
import org.attune.scheme.PhysicalKey;
import org.attune.scheme.SchemeValidator;
import org.attune.scheme.json.SchemeReader;
import org.attune.scheme.json.SchemeWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fixture written from the format in shared/reference/boris.md, extended with the cases that need reporting. */
class BorisImporterTest {

    private static byte[] project;
    private static BorisImport imported;

    @BeforeAll
    static void importFixture() throws Exception {
        try (InputStream in = BorisImporterTest.class.getResourceAsStream("/boris/parent-child.boris")) {
            project = in.readAllBytes();
        }
        imported = BorisImporter.importBytes(project, "parent-child.boris", KeyboardLayout.US_QWERTY);
    }

    private static Code code(String id) {
        return imported.scheme().code(id).orElseThrow(() -> new AssertionError("no code " + id + " in " + imported.scheme().codes()));
    }

    private static void reported(String part) {
        assertTrue(imported.report().stream().anyMatch(l -> l.contains(part)), () -> "report lacks \"" + part + "\":\n" + String.join("\n", imported.report()));
    }

    @Test
    void behavioursBecomeCodesOfTheirKind() {
        assertEquals(List.of("play", "cry", "touch", "look_at_parent", "look_away", "look_down", "area"),
                imported.scheme().codes().stream().map(Code::id).toList());
        assertEquals(CodeKind.STATE, code("play").kind());
        assertEquals(CodeKind.POINT, code("touch").kind());
        assertEquals("look at parent", code("look_at_parent").label());
        assertEquals("Child plays with toys", code("play").definition().summary());
        reported("behaviour \"look at parent\" → code id look_at_parent");
    }

    @Test
    void categoriesBecomeFamiliesWithTheirColours() {
        assertEquals(List.of("engagement", "distress", "Uncategorised"), imported.scheme().families().stream().map(Family::label).toList());
        assertEquals("#228833", imported.scheme().families().get(0).color().hex());
        assertEquals("UNCATEGORISED", code("touch").family());
        assertEquals("#2CA02C", code("play").color().hex(), "matplotlib name tab:green");
        assertEquals("#AA3377", code("touch").color().hex());
        assertNull(code("look_at_parent").color());
        reported("colour \"weird-colour\" is not known");
    }

    @Test
    void keysAreMappedToPositionsAndConflictsReported() {
        assertEquals(new PhysicalKey("KeyP"), code("play").key());
        assertEquals(new PhysicalKey("KeyZ"), code("look_at_parent").key());
        assertNull(code("look_away").key(), "Z is the same key as z");
        reported("key \"Z\" is already used by look at parent");
    }

    @Test
    void keysTypedOnAGermanKeyboardLandOnTheirPositions() throws Exception {
        BorisImport de = BorisImporter.importBytes(project, "p.boris", KeyboardLayout.DE_QWERTZ);
        assertEquals(new PhysicalKey("KeyY"), de.scheme().code("look_at_parent").orElseThrow().key(), "z is typed with KeyY on QWERTZ");
    }

    @Test
    void mutuallyExcludingStatesBecomeAGroupOtherExclusionsStayPairs() {
        CodingScheme s = imported.scheme();
        assertEquals(1, s.groups().size());
        assertEquals("play / cry", s.groups().get(0).label());
        assertEquals(s.groups().get(0).id(), code("play").group());
        assertEquals(s.groups().get(0).id(), code("cry").group());
        // look at parent excludes look away and look down, but those two do not exclude each other: pairs, not a group
        assertEquals(List.of(new Exclusion("look_at_parent", "look_away"), new Exclusion("look_at_parent", "look_down")), s.exclusions());
        reported("kept as 2 exclusion pairs");
    }

    @Test
    void choiceModifiersAreImportedOthersReported() {
        List<ModifierSet> touch = code("touch").modifiers();
        assertEquals(1, touch.size());
        assertEquals(ModifierSet.Choice.SINGLE, touch.get(0).choice());
        assertEquals(List.of("hand", "face"), touch.get(0).values().stream().map(ModifierSet.Value::label).toList());
        reported("modifier \"intensity\" is numeric");
        assertEquals(ModifierSet.Choice.MULTIPLE, code("look_at_parent").modifiers().get(0).choice());
        reported("was asked at the stop of the state in BORIS");
    }

    @Test
    void whatAttuneHasNoPlaceForIsReportedByName() {
        reported("BORIS subjects: child, parent");
        reported("coding map \"room\" was not imported");
        reported("1 observations were not imported");
        reported("independent variables not imported");
        reported("behaviour \"cry\" has no description");
    }

    @Test
    void importedSchemeIsValidAndRoundTrips() {
        CodingScheme s = imported.scheme();
        assertTrue(SchemeValidator.validate(s).stream().noneMatch(p -> p.isError()), () -> SchemeValidator.validate(s).toString());
        assertEquals(s, SchemeReader.readText(SchemeWriter.toJson(s), "imported.json").orThrow());
    }

    @Test
    void gzippedProjectImportsTheSame() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(project);
        }
        BorisImport zipped = BorisImporter.importBytes(out.toByteArray(), "parent-child.boris", KeyboardLayout.US_QWERTY);
        assertEquals(imported.scheme(), zipped.scheme());
        assertEquals(imported.report(), zipped.report());
    }

    @Test
    void notABorisProjectIsRefusedClearly() {
        BorisImporter.BorisFormatException e = assertThrows(BorisImporter.BorisFormatException.class,
                () -> BorisImporter.importBytes("{\"hello\": 1}".getBytes(StandardCharsets.UTF_8), "x.boris", KeyboardLayout.US_QWERTY));
        assertTrue(e.getMessage().contains("no \"behaviors_conf\""), e.getMessage());
        BorisImporter.BorisFormatException syntax = assertThrows(BorisImporter.BorisFormatException.class,
                () -> BorisImporter.importBytes("{\"behaviors_conf\": {".getBytes(StandardCharsets.UTF_8), "y.boris", KeyboardLayout.US_QWERTY));
        assertTrue(syntax.getMessage().startsWith("y.boris:1:"), syntax.getMessage());
        BorisImporter.BorisFormatException gzip = assertThrows(BorisImporter.BorisFormatException.class,
                () -> BorisImporter.importBytes(new byte[] {0x1f, (byte) 0x8b, 1, 2, 3}, "z.boris", KeyboardLayout.US_QWERTY));
        assertTrue(gzip.getMessage().contains("gzip data is damaged"), gzip.getMessage());
    }

    private static String behaviour(int index, String code, String type, String modifiers) {
        return "\"" + index + "\": {\"type\": \"" + type + "\", \"key\": \"\", \"code\": \"" + code + "\", \"description\": \"d\", "
                + "\"color\": \"\", \"category\": \"\", \"modifiers\": " + modifiers + ", \"excluded\": \"\", \"coding map\": \"\"}";
    }

    private static BorisImport importEthogram(String... behaviours) throws Exception {
        String json = "{\"project_name\": \"p\", \"behaviors_conf\": {" + String.join(", ", behaviours) + "}}";
        return BorisImporter.importBytes(json.getBytes(StandardCharsets.UTF_8), "p.boris", KeyboardLayout.US_QWERTY);
    }

    /** Issue 12: the second behaviour of a code name was reported as skipped but written, giving an invalid scheme. */
    @Test
    void aSecondBehaviourOfTheSameCodeIsSkippedAsReported() throws Exception {
        BorisImport r = importEthogram(behaviour(0, "play", "State event", "{}"), behaviour(1, "play", "Point event", "{}"),
                behaviour(2, "look", "Point event", "{}"));
        assertEquals(List.of("play", "look"), r.scheme().codes().stream().map(Code::id).toList());
        assertTrue(r.report().stream().anyMatch(l -> l.contains("\"play\" is defined twice")), r.report().toString());
        assertTrue(SchemeValidator.validate(r.scheme()).stream().noneMatch(p -> p.isError()), SchemeValidator.validate(r.scheme()).toString());
    }

    @Test
    void anEmptyEthogramIsRefused() {
        BorisImporter.BorisFormatException e = assertThrows(BorisImporter.BorisFormatException.class, () -> importEthogram());
        assertTrue(e.getMessage().contains("the ethogram has no behaviours, so there is nothing to import"), e.getMessage());
    }

    @Test
    void modifiersInAFormAttuneDoesNotReadAreReportedNotDropped() throws Exception {
        BorisImport r = importEthogram(behaviour(0, "play", "State event", "[\"toy\", \"book\"]"), behaviour(1, "look", "Point event", "\"\""));
        assertTrue(r.report().stream().anyMatch(l -> l.contains("behaviour \"play\": its modifiers are written as a list")), r.report().toString());
        assertTrue(r.report().stream().noneMatch(l -> l.contains("behaviour \"look\": its modifiers")), "an empty text is no modifiers");
    }
}
