package org.attune.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attune.store.pg.ServerUrl;

/**
 * A study file copied onto a PostgreSQL server (issue 18, the first half of {@code attune study copy FILE URL}):
 * every table of the file into the study's schema, column for column and row for row, in one transaction — a
 * schema that exists already is refused, never written into. The tables take the file's columns and primary keys;
 * the other constraints, the row-level security and the leases of ADR 12 come with the server store.
 */
public final class StudyCopy {

    private StudyCopy() {
    }

    /** One table's column: its name, SQLite type, whether it may be empty, its place in the primary key (0: none). */
    record Column(String name, String type, boolean notNull, int pk) {
        String pgType() {
            String t = type.toUpperCase(java.util.Locale.ROOT);
            if (t.contains("INT")) return "BIGINT";
            if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) return "DOUBLE PRECISION";
            return "TEXT";
        }
    }

    /** Copies the study into {@code url}'s schema on {@code server}; rows copied per table. */
    public static Map<String, Long> toServer(Study study, Connection server, ServerUrl url) throws StudyException, SQLException {
        Map<String, List<Column>> tables = study.file().read(StudyCopy::tables);
        String schema = url.schema();
        boolean auto = server.getAutoCommit();
        server.setAutoCommit(false);
        try {
            try (PreparedStatement ps = server.prepareStatement("SELECT 1 FROM information_schema.schemata WHERE schema_name = ?")) {
                ps.setString(1, schema);
                if (ps.executeQuery().next()) {
                    throw new StudyException(StudyException.Kind.INVALID_INPUT, url + " exists already: a study is never copied over another. Choose another"
                            + " study name (?study=…), or remove that one on the server first.");
                }
            }
            try (Statement st = server.createStatement()) {
                st.execute("CREATE SCHEMA " + schema);
            }
            Map<String, Long> copied = new LinkedHashMap<>();
            for (Map.Entry<String, List<Column>> t : tables.entrySet()) {
                create(server, schema, t.getKey(), t.getValue());
                copied.put(t.getKey(), study.file().read(c -> copyRows(c, server, schema, t.getKey(), t.getValue())));
            }
            server.commit();
            return copied;
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
                while (rs.next()) cols.add(new Column(rs.getString("name"), rs.getString("type"), rs.getInt("notnull") == 1, rs.getInt("pk")));
            }
            out.put(t, cols);
        }
        return out;
    }

    private static void create(Connection server, String schema, String table, List<Column> cols) throws SQLException {
        StringBuilder ddl = new StringBuilder("CREATE TABLE " + schema + "." + table + " (");
        List<String> key = new ArrayList<>();
        cols.stream().filter(col -> col.pk() > 0).sorted((a, b) -> Integer.compare(a.pk(), b.pk())).forEach(col -> key.add(col.name()));
        for (int i = 0; i < cols.size(); i++) {
            Column col = cols.get(i);
            if (i > 0) ddl.append(", ");
            ddl.append(col.name()).append(' ').append(col.pgType()).append(col.notNull() || col.pk() > 0 ? " NOT NULL" : "");
        }
        if (!key.isEmpty()) ddl.append(", PRIMARY KEY (").append(String.join(", ", key)).append(")");
        try (Statement st = server.createStatement()) {
            st.execute(ddl.append(")").toString());
        }
    }

    private static long copyRows(Connection file, Connection server, String schema, String table, List<Column> cols) throws SQLException {
        String names = String.join(", ", cols.stream().map(Column::name).toList());
        String marks = String.join(", ", cols.stream().map(x -> "?").toList());
        long n = 0;
        try (Statement st = file.createStatement(); ResultSet rs = st.executeQuery("SELECT " + names + " FROM \"" + table + "\"");
             PreparedStatement ins = server.prepareStatement("INSERT INTO " + schema + "." + table + " (" + names + ") VALUES (" + marks + ")")) {
            while (rs.next()) {
                for (int i = 0; i < cols.size(); i++) {
                    Object v = rs.getObject(i + 1);
                    String pg = cols.get(i).pgType();
                    if (v == null) ins.setNull(i + 1, pg.equals("BIGINT") ? Types.BIGINT : pg.equals("TEXT") ? Types.VARCHAR : Types.DOUBLE);
                    else if (pg.equals("BIGINT")) ins.setLong(i + 1, ((Number) v).longValue());
                    else if (pg.equals("DOUBLE PRECISION")) ins.setDouble(i + 1, ((Number) v).doubleValue());
                    else ins.setString(i + 1, v.toString());
                }
                ins.addBatch();
                if (++n % 1000 == 0) ins.executeBatch();
            }
            ins.executeBatch();
        }
        return n;
    }
}
