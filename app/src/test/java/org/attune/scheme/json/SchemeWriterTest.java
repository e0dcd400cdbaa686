package org.attune.scheme.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.attune.scheme.CodingScheme;
import org.junit.jupiter.api.Test;

class SchemeWriterTest {

    @Test
    void defaultSchemeRoundTripsThroughTheFileFormat() {
        CodingScheme original = BundledSchemes.defaultScheme();
        String json = SchemeWriter.toJson(original);
        SchemeReadResult back = SchemeReader.readText(json, "roundtrip.json");
        assertEquals(java.util.List.of(), back.problems());
        assertEquals(original, back.scheme().orElseThrow());
    }

    @Test
    void fixtureRoundTrips() {
        CodingScheme original = SchemeReader.readText(SchemeReaderTest.VALID, "v.json").orThrow();
        assertEquals(original, SchemeReader.readText(SchemeWriter.toJson(original), "w.json").orThrow());
    }
}
