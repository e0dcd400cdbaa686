package org.attune.store.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.attune.store.Study;
import org.attune.store.StudyCopy;
import org.attune.store.StudyException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample study copied onto the tests' PostgreSQL server (issue 18): every table, row for row, value for value; never over a study there. */
class StudyCopyTest {

    @TempDir
    Path dir;

    /** Every row of a table as text, ordered by all its columns. */
    private static List<String> rows(Connection c, String table, List<String> columns) throws Exception {
        List<String> out = new ArrayList<>();
        String cols = String.join(", ", columns);
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT " + cols + " FROM " + table + " ORDER BY " + cols)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    b.append(v instanceof Number n ? (n.doubleValue() == Math.rint(n.doubleValue()) ? Long.toString(n.longValue()) : Double.toString(n.doubleValue()))
                            : String.valueOf(v)).append('|');
                }
                out.add(b.toString());
            }
        }
        return out;
    }

    @Test
    void theSampleStudyArrivesRowForRowAndIsNeverCopiedOverAnother() throws Exception {
        PgCluster pg = PgCluster.get().orElse(null);
        if (pg == null) System.err.println("SKIPPED: no PostgreSQL test server: " + PgCluster.whyNot());
        Assumptions.assumeTrue(pg != null, () -> "no PostgreSQL test server: " + PgCluster.whyNot());
        Path file = dir.resolve("sample.attune");
        Files.copy(Path.of("..", "sample-sessions", "sample-study.attune"), file);
        ServerUrl url = ServerUrl.parse("postgresql://127.0.0.1:" + pg.port() + "/postgres?study=sample_copy");
        try (Study s = Study.open(file); Connection server = DriverManager.getConnection(pg.jdbc("postgres"))) {
            Map<String, Long> copied = StudyCopy.toServer(s, server, url);
            assertTrue(copied.get("events") > 100, copied.toString());
            assertTrue(copied.keySet().containsAll(List.of("study_info", "schemes", "sessions", "media", "coders", "passes", "events", "ratings", "history")));
            try (Connection local = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                for (String table : copied.keySet()) {
                    List<String> columns = new ArrayList<>();
                    try (var st = local.createStatement(); ResultSet rs = st.executeQuery("PRAGMA table_info(\"" + table + "\")")) {
                        while (rs.next()) columns.add(rs.getString("name"));
                    }
                    List<String> here = rows(local, "\"" + table + "\"", columns);
                    assertEquals(here.size(), copied.get(table), table);
                    assertEquals(here, rows(server, "attune_sample_copy." + table, columns), table + ": the same rows");
                }
            }
            StudyException again = assertThrows(StudyException.class, () -> StudyCopy.toServer(s, server, url));
            assertTrue(again.getMessage().startsWith(url + " exists already: a study is never copied over another."), again.getMessage());
        }
    }
}
