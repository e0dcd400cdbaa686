package org.attune.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attune.scheme.CodingScheme;
import org.attune.store.pg.ServerUrl;

/**
 * {@code attune study copy}: a study file onto a PostgreSQL server and a server study back into a file, exactly
 * (issue 18, ADR 12) — every table, row for row and value for value, ids and stable ids kept, and the counters that
 * hand out the next id too, so that a study copied there and back is the same study. Each copy is one transaction
 * that reads one consistent state of its source (coders may be coding on the server meanwhile) and writes whole or
 * not at all; neither direction ever writes over a study: a schema on the server or a file that exists is refused.
 */
public final class StudyCopy {

    /** The tables whose ids are never reused (AUTOINCREMENT in the file; {@code sqlite_sequence} keeps their counter). */
    private static final List<String> NEVER_REUSED = List.of("events", "history");

    private StudyCopy() {
    }

    /** One table's column in the file: its name, SQLite type, its place in the primary key (0: none). */
    record Column(String name, String type, int pk) {
        boolean whole() {
            return type.toUpperCase(java.util.Locale.ROOT).contains("INT");
        }

        boolean real() {
            String t = type.toUpperCase(java.util.Locale.ROOT);
            return t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB");
        }
    }

    /** {@code attune study copy FILE URL}: connects (password given, else PGPASSWORD or ~/.pgpass) and copies; rows copied per table. */
    public static Map<String, Long> toServer(Study study, ServerUrl url, java.util.Optional<char[]> password) throws StudyException {
        try (Connection server = ServerConnections.connect(url, password)) {
            return toServer(study, server, url);
        } catch (SQLException e) {
            throw ServerStudy.translate(e, url, "copy the study to the server");
        }
    }

    /** {@code attune study copy URL FILE}: connects (password given, else PGPASSWORD or ~/.pgpass) and copies; rows copied per table. */
    public static Map<String, Long> fromServer(ServerUrl url, Path target, java.util.Optional<char[]> password) throws StudyException {
        try (Connection server = ServerConnections.connect(url, password)) {
            return fromServer(server, url, target);
        } catch (SQLException e) {
            throw ServerStudy.translate(e, url, "copy the study from the server");
        }
    }

    /** Copies the study into {@code url}'s new schema on {@code server}; rows copied per table. */
    public static Map<String, Long> toServer(Study study, Connection server, ServerUrl url) throws StudyException, SQLException {
        String schema = url.schema();
        return inOneTransaction(server, () -> {
            if (ServerSchema.exists(server, schema)) {
                throw new StudyException(StudyException.Kind.INVALID_INPUT, url + " exists already: a study is never copied over another. Choose another"
                        + " study name (?study=…), or remove that one on the server first.");
            }
            ServerSchema.create(server, schema);
            return study.file().read(file -> {
                // one read transaction: one consistent state of the file, whatever its writer does meanwhile
                file.setAutoCommit(false);
                try {
                    int version = StudySchema.userVersion(file);
                    if (version != ServerSchema.currentVersion()) {
                        throw new StudyException(StudyException.Kind.TOO_NEW, study.path().getFileName() + " is in format " + version + "; this Attune puts"
                                + " format " + ServerSchema.currentVersion() + " on a server. Open it once for editing in this Attune to update it.");
                    }
                    Map<String, List<Column>> tables = tables(file);
                    checkSameColumns(server, schema, tables);
                    Map<String, Long> out = new LinkedHashMap<>();
                    for (Map.Entry<String, List<Column>> t : tables.entrySet()) {
                        out.put(t.getKey(), copyRows(file, "\"" + t.getKey() + "\"", server, schema + "." + t.getKey(), t.getValue()));
                    }
                    keepEventCounts(file, "passes", server, schema + ".passes");
                    for (Map.Entry<String, Long> last : fileCounters(file, tables).entrySet()) setServerCounter(server, schema, last.getKey(), last.getValue());
                    return out;
                } finally {
                    file.commit();
                    file.setAutoCommit(true);
                }
            });
        });
    }

    /**
     * Copies the study of {@code url} on {@code server} into a new study file {@code target} (never over a file), with
     * everything the server has of it as of one moment; rows copied per table.
     */
    public static Map<String, Long> fromServer(Connection server, ServerUrl url, Path target) throws StudyException, SQLException {
        String schema = url.schema();
        return inOneTransaction(server, () -> {
            try (Statement st = server.createStatement()) {
                // one snapshot of the server: passes coded meanwhile are either wholly in the copy or not at all
                st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                ServerStudy.checkStudy(server, url);
                st.execute("SET LOCAL search_path TO " + schema);
            }
            String name = Study.info(server).getOrDefault("name", url.study());
            CodingScheme scheme = Study.storedScheme(server, url.toString());
            Map<String, Long> copied = new LinkedHashMap<>();
            Map<String, Long> serverCounters = new HashMap<>();
            for (String t : NEVER_REUSED) serverCounters.put(t, serverCounter(server, schema, t));
            Study.createWith(target, scheme, name, file -> {
                Map<String, List<Column>> tables = tables(file);
                checkSameColumns(server, schema, tables);
                List<String> order = new ArrayList<>(tables.keySet());
                try (Statement clear = file.createStatement()) {
                    for (int i = order.size() - 1; i >= 0; i--) clear.execute("DELETE FROM \"" + order.get(i) + "\"");
                }
                for (String t : order) copied.put(t, copyRows(server, schema + "." + t, file, "\"" + t + "\"", tables.get(t)));
                keepEventCounts(server, schema + ".passes", file, "passes");
                try (Statement seq = file.createStatement()) {
                    seq.execute("DELETE FROM sqlite_sequence");
                }
                try (PreparedStatement seq = file.prepareStatement("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)")) {
                    for (String t : NEVER_REUSED) {
                        Long n = serverCounters.get(t);
                        if (n == null) continue;
                        seq.setString(1, t);
                        seq.setLong(2, n);
                        seq.executeUpdate();
                    }
                }
            }).close();
            return copied;
        });
    }

    /** Work on the server inside a copy's one transaction. */
    private interface ServerWork<T> {
        T run() throws StudyException, SQLException;
    }

    /** Runs {@code work} in one transaction on {@code server}: committed whole, or rolled back whole. */
    private static <T> T inOneTransaction(Connection server, ServerWork<T> work) throws StudyException, SQLException {
        boolean auto = server.getAutoCommit();
        server.setAutoCommit(false);
        try {
            T result = work.run();
            server.commit();
            return result;
        } catch (StudyException | SQLException | RuntimeException e) {
            server.rollback();
            throw e;
        } finally {
            server.setAutoCommit(auto);
        }
    }

    /** The file's tables (not SQLite's own) with their columns, in the order they were made. */
    static Map<String, List<Column>> tables(Connection c) throws SQLException {
        Map<String, List<Column>> out = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")) {
            while (rs.next()) names.add(rs.getString(1));
        }
        for (String t : names) {
            List<Column> cols = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA table_info(\"" + t + "\")")) {
                while (rs.next()) cols.add(new Column(rs.getString("name"), rs.getString("type"), rs.getInt("pk")));
            }
            out.put(t, cols);
        }
        return out;
    }

    /** The file's tables and the server's must have the same columns, or a copy would drop or invent values. */
    private static void checkSameColumns(Connection server, String schema, Map<String, List<Column>> tables) throws SQLException, StudyException {
        Map<String, List<String>> there = new HashMap<>();
        try (PreparedStatement ps = server.prepareStatement("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) there.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        for (Map.Entry<String, List<Column>> t : tables.entrySet()) {
            List<String> here = t.getValue().stream().map(Column::name).sorted().toList();
            List<String> server2 = there.getOrDefault(t.getKey(), List.of()).stream().sorted().toList();
            if (!here.equals(server2)) {
                throw new StudyException(StudyException.Kind.DAMAGED, "The study's table " + t.getKey() + " has the columns " + here + " in the file but "
                        + server2 + " on the server; nothing was copied. Both must be of the same Attune format.");
            }
        }
    }

    /** Copies every row of {@code from} into {@code to}, binding each value as the file's column type says. */
    private static long copyRows(Connection source, String from, Connection dest, String to, List<Column> cols) throws SQLException, StudyException {
        String names = String.join(", ", cols.stream().map(Column::name).toList());
        String marks = String.join(", ", cols.stream().map(x -> "?").toList());
        long n = 0;
        try (Statement st = source.createStatement(); ResultSet rs = st.executeQuery("SELECT " + names + " FROM " + from);
             PreparedStatement ins = dest.prepareStatement("INSERT INTO " + to + " (" + names + ") VALUES (" + marks + ")")) {
            while (rs.next()) {
                for (int i = 0; i < cols.size(); i++) {
                    Column col = cols.get(i);
                    Object v = rs.getObject(i + 1);
                    if (v == null) {
                        ins.setNull(i + 1, col.whole() ? Types.BIGINT : col.real() ? Types.DOUBLE : Types.VARCHAR);
                    } else if (col.whole() || col.real()) {
                        if (!(v instanceof Number number)) {
                            throw new StudyException(StudyException.Kind.DAMAGED, from + " row " + (n + 1) + ", column " + col.name() + ": \"" + v
                                    + "\" is not a number; nothing was copied. Run attune study check on the file.");
                        }
                        if (col.whole()) ins.setLong(i + 1, number.longValue());
                        else ins.setDouble(i + 1, number.doubleValue());
                    } else {
                        ins.setString(i + 1, v.toString());
                    }
                }
                ins.addBatch();
                if (++n % 1000 == 0) ins.executeBatch();
            }
            ins.executeBatch();
        }
        return n;
    }

    /** The passes' own counts of events, not the ones the triggers made while the events were added one by one. */
    private static void keepEventCounts(Connection source, String from, Connection dest, String to) throws SQLException {
        try (Statement st = source.createStatement(); ResultSet rs = st.executeQuery("SELECT id, event_count FROM " + from);
             PreparedStatement set = dest.prepareStatement("UPDATE " + to + " SET event_count = ? WHERE id = ?")) {
            while (rs.next()) {
                set.setLong(1, rs.getLong(2));
                set.setLong(2, rs.getLong(1));
                set.addBatch();
            }
            set.executeBatch();
        }
    }

    /** The next-id counters of a file's tables keyed by an id: SQLite's kept one for the never-reused tables, else the highest id. */
    private static Map<String, Long> fileCounters(Connection file, Map<String, List<Column>> tables) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        for (Map.Entry<String, List<Column>> t : tables.entrySet()) {
            if (t.getValue().stream().noneMatch(c -> c.name().equals("id") && c.pk() == 1)) continue;
            try (Statement st = file.createStatement(); ResultSet rs = st.executeQuery("SELECT max(id) FROM \"" + t.getKey() + "\"")) {
                long max = rs.next() ? rs.getLong(1) : 0;
                if (max > 0) out.put(t.getKey(), max);
            }
        }
        try (Statement st = file.createStatement(); ResultSet rs = st.executeQuery("SELECT name, seq FROM sqlite_sequence")) {
            while (rs.next()) out.merge(rs.getString(1), rs.getLong(2), Math::max);
        }
        return out;
    }

    /** Sets the server's next id of {@code table} (an identity column, ServerSchema) after {@code last}. */
    private static void setServerCounter(Connection server, String schema, String table, long last) throws SQLException {
        try (PreparedStatement ps = server.prepareStatement("SELECT setval(pg_get_serial_sequence(?, 'id'), ?, true)")) {
            ps.setString(1, schema + "." + table);
            ps.setLong(2, last);
            ps.executeQuery().close();
        }
    }

    /** The last id the server handed out for a table; null when it never handed one out. */
    private static Long serverCounter(Connection server, String schema, String table) throws SQLException {
        String seq = one(server, "SELECT pg_get_serial_sequence('" + schema + "." + table + "', 'id')");
        try (Statement st = server.createStatement(); ResultSet rs = st.executeQuery("SELECT last_value, is_called FROM " + seq)) {
            return rs.next() && rs.getBoolean(2) ? rs.getLong(1) : null;
        }
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
