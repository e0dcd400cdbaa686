package org.attune.exchange;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.attune.TestPaths;
import org.junit.jupiter.api.Test;

/** docs/events-csv.md must describe every column the export writes, with the same meaning. */
class ColumnDictionaryTest {

    @Test
    void everyColumnIsInTheDictionary() throws Exception {
        String doc = Files.readString(TestPaths.repoRoot().resolve("docs/events-csv.md"));
        for (EventColumns c : EventColumns.values()) {
            assertTrue(doc.contains("| `" + c.header() + "` | " + c.meaning() + " |"), "docs/events-csv.md lacks the row for " + c.header());
        }
        assertTrue(doc.contains("| `" + EventColumns.MODIFIER_PREFIX + "<set>` |"));
        assertTrue(doc.contains("| `" + EventColumns.META_PREFIX + "<key>` |"));
    }
}
