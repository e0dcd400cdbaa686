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

    /** Every table of a study file (SQLite's id counters too) as rows of text, for comparing two files. */
    private static Map<String, List<String>> everything(Path file) throws Exception {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            List<String> tables = new ArrayList<>();
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table'")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            for (String table : tables) out.put(table, rows(c, "\"" + table + "\"", columns(c, table)));
            for (String pragma : List.of("user_version", "application_id")) {
                try (var st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
                    out.put(pragma, List.of(rs.getString(1)));
                }
            }
        }
        return out;
    }

    private static List<String> columns(Connection c, String table) throws Exception {
        List<String> columns = new ArrayList<>();
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA table_info(\"" + table + "\")")) {
            while (rs.next()) columns.add(rs.getString("name"));
        }
        return columns;
    }

    private Path sample(String name) throws Exception {
        Path file = dir.resolve(name);
        Files.copy(Path.of("..", "sample-sessions", "sample-study.attune"), file);
        return file;
    }

    @Test
    void theSampleStudyArrivesRowForRowAndIsNeverCopiedOverAnother() throws Exception {
        PgCluster pg = PgCluster.orSkip();
        Path file = sample("sample.attune");
        ServerUrl url = ServerUrl.parse("postgresql://127.0.0.1:" + pg.port() + "/postgres?study=sample_copy");
        try (Study s = Study.open(file); Connection server = DriverManager.getConnection(pg.jdbc("postgres"))) {
            Map<String, Long> copied = StudyCopy.toServer(s, server, url);
            assertTrue(copied.get("events") > 100, copied.toString());
            assertTrue(copied.keySet().containsAll(List.of("study_info", "schemes", "sessions", "media", "coders", "passes", "events", "ratings", "history")));
            try (Connection local = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                for (String table : copied.keySet()) {
                    List<String> columns = columns(local, table);
                    List<String> here = rows(local, "\"" + table + "\"", columns);
                    assertEquals(here.size(), copied.get(table), table);
                    assertEquals(here, rows(server, "attune_sample_copy." + table, columns), table + ": the same rows");
                }
            }
            StudyException again = assertThrows(StudyException.class, () -> StudyCopy.toServer(s, server, url));
            assertTrue(again.getMessage().startsWith(url + " exists already: a study is never copied over another."), again.getMessage());
        }
    }

    /**
     * There and back is the same study: every table row for row, ids and stable ids, and the counter of ids handed
     * out (the last events were deleted, so the next id is not the highest one plus one). On the server in between,
     * a new event gets the next id, a stable id of its own and counts in its pass, as in the file.
     */
    @Test
    void aStudyCopiedThereAndBackIsTheSameStudy() throws Exception {
        PgCluster pg = PgCluster.orSkip();
        Path file = sample("there.attune");
        try (Study s = Study.open(file)) {
            // opened once: now in the current format
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); var st = c.createStatement()) {
            st.executeUpdate("DELETE FROM events WHERE id IN (SELECT id FROM events ORDER BY id DESC LIMIT 3)");
        }
        Map<String, List<String>> before = everything(file);
        ServerUrl url = ServerUrl.parse("postgresql://127.0.0.1:" + pg.port() + "/postgres?study=round_trip");
        Path back = dir.resolve("back.attune");
        try (Connection server = DriverManager.getConnection(pg.jdbc("postgres"))) {
            try (Study s = Study.openReadOnly(file)) {
                StudyCopy.toServer(s, server, url);
            }
            Map<String, Long> copied = StudyCopy.fromServer(server, url, back);
            assertEquals(Long.valueOf(before.get("events").size()), copied.get("events"));
            assertEquals(before, everything(back), "the same study, table for table");

            StudyException over = assertThrows(StudyException.class, () -> StudyCopy.fromServer(server, url, back));
            assertTrue(over.getMessage().contains("already exists"), over.getMessage());
            ServerUrl none = ServerUrl.parse("postgresql://127.0.0.1:" + pg.port() + "/postgres?study=nobody");
            StudyException missing = assertThrows(StudyException.class, () -> StudyCopy.fromServer(server, none, dir.resolve("none.attune")));
            assertTrue(missing.getMessage().startsWith("There is no study nobody in database postgres on 127.0.0.1; check the name after ?study="),
                    missing.getMessage());
            assertTrue(Files.notExists(dir.resolve("none.attune")));

            long highest;
            long counted;
            try (var st = server.createStatement()) {
                try (ResultSet r = st.executeQuery("SELECT max(id) FROM attune_round_trip.events")) {
                    r.next();
                    highest = r.getLong(1);
                }
                try (ResultSet r = st.executeQuery("SELECT event_count FROM attune_round_trip.passes WHERE id = 1")) {
                    r.next();
                    counted = r.getLong(1);
                }
                try (ResultSet r = st.executeQuery("INSERT INTO attune_round_trip.events (pass_id, code, onset_ms, created_at, updated_at)"
                        + " VALUES (1, 'X', 0, 0, 0) RETURNING id, uid")) {
                    r.next();
                    assertEquals(highest + 4, r.getLong(1), "the three deleted ids are not handed out again");
                    assertTrue(r.getString(2).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), r.getString(2));
                }
                try (ResultSet r = st.executeQuery("SELECT event_count FROM attune_round_trip.passes WHERE id = 1")) {
                    r.next();
                    assertEquals(counted + 1, r.getLong(1));
                }
            }
        }
    }

    /** A file in an older format is not put on a server as it is: it is updated (and backed up) by opening it for editing first. */
    @Test
    void aFileInAnOlderFormatIsRefusedSayingWhatToDo() throws Exception {
        PgCluster pg = PgCluster.orSkip();
        Path file = sample("old.attune");
        ServerUrl url = ServerUrl.parse("postgresql://127.0.0.1:" + pg.port() + "/postgres?study=old_format");
        try (Study s = Study.openReadOnly(file); Connection server = DriverManager.getConnection(pg.jdbc("postgres"))) {
            StudyException e = assertThrows(StudyException.class, () -> StudyCopy.toServer(s, server, url));
            assertTrue(e.getMessage().startsWith("old.attune is in format 5; this Attune puts format 6 on a server. Open it once for editing"), e.getMessage());
            try (var st = server.createStatement(); ResultSet rs = st.executeQuery("SELECT 1 FROM information_schema.schemata WHERE schema_name = 'attune_old_format'")) {
                assertTrue(!rs.next(), "nothing was made on the server");
            }
        }
    }
}
