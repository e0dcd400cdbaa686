package org.attune.scheme.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.attune.TestPaths;
import org.attune.scheme.CodeRole;
import org.attune.scheme.PhysicalKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The published JSON Schema (coding-schemes/attune-scheme.schema.json) must agree with the reader. */
class SchemeJsonSchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static JsonNode schemaNode;
    private static JsonSchema schema;

    @BeforeAll
    static void load() throws Exception {
        schemaNode = MAPPER.readTree(Files.readString(TestPaths.jsonSchema()));
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode);
    }

    private static Set<ValidationMessage> validate(String json) throws Exception {
        return schema.validate(MAPPER.readTree(json));
    }

    @Test
    void defaultSchemeConformsToThePublishedSchema() throws Exception {
        Set<ValidationMessage> messages = validate(Files.readString(TestPaths.defaultScheme()));
        assertEquals(Set.of(), messages);
    }

    @Test
    void testFixtureConformsToo() throws Exception {
        assertEquals(Set.of(), validate(SchemeReaderTest.VALID));
    }

    @Test
    void schemaRejectsWhatTheReaderRejects() throws Exception {
        String[] broken = {
            SchemeReaderTest.VALID.replace("\"key\": \"KeyI\",", "\"key\": \"KeyI\", \"lable\": \"x\","),
            SchemeReaderTest.VALID.replace("\"kind\": \"point\"", "\"kind\": \"event\""),
            SchemeReaderTest.VALID.replace("\"key\": \"KeyI\"", "\"key\": \"i\""),
            SchemeReaderTest.VALID.replace("\"#112233\"", "\"blue\""),
            SchemeReaderTest.VALID.replace("\"kind\": \"point\", \"key\": \"KeyI\",", "\"kind\": \"point\", \"group\": \"AFF\", \"key\": \"KeyI\","),
            SchemeReaderTest.VALID.replace("\"scale\": {\"min\": 1, \"max\": 5, \"anchors\": [{\"value\": 1, \"label\": \"low\"}, {\"value\": 5, \"label\": \"high\"}]},\n", ""),
        };
        for (String json : broken) {
            assertFalse(SchemeReader.readText(json, "x.json").ok());
            assertFalse(validate(json).isEmpty(), () -> "schema accepted:\n" + json);
        }
    }

    @Test
    void keyAndRoleListsMatchTheCode() {
        JsonNode code = schemaNode.path("$defs").path("code").path("properties");
        Set<String> keys = StreamSupport.stream(code.path("key").path("enum").spliterator(), false).map(JsonNode::asText)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        assertEquals(PhysicalKey.allCodes(), keys);
        Set<String> roles = StreamSupport.stream(code.path("roles").path("items").path("enum").spliterator(), false).map(JsonNode::asText)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        assertEquals(Arrays.stream(CodeRole.values()).map(CodeRole::jsonName).collect(Collectors.toCollection(LinkedHashSet::new)), roles);
        assertTrue(keys.contains("Backquote"));
    }
}
