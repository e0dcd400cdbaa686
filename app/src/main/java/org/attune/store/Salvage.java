package org.attune.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.attune.coding.EventDraft;
import org.attune.coding.EventRules;
import org.attune.coding.Modifiers;
import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.json.SchemeReadResult;
import org.attune.scheme.json.SchemeReader;

/**
 * Copies what can still be read from a damaged study into a new one ({@code attune study salvage}):
 * every session, video link, coder, pass, event and rating whose row can be read and makes sense,
 * with its own id, and a report — by table and row — of what could not be. The damaged file is only
 * read; the new study is built whole in a hidden file and appears only when complete.
 *
 * <p>Each table is read in rowid order in small batches. Where a damaged page stops a read, the
 * rows after it are found by probing further and further ahead, so one bad page costs only the rows
 * on it. Rows that point to a row that was lost (an event whose pass is unreadable, say) are kept
 * under a stand-in session or coder named for what was lost, so no readable event is dropped.
 * The undo history and earlier scheme versions are not copied.
 */
public final class Salvage {

    /** Per table: rows copied, and rows read but left out or not readable at all. */
    public record TableCount(String table, int copied, int leftOut) {
    }

    /** What was copied and what was not, by table and row. */
    public record Report(Path target, String studyName, List<TableCount> tables, List<String> problems) {
        public int leftOut() {
            return tables.stream().mapToInt(TableCount::leftOut).sum();
        }
    }

    private static final int BATCH = 256;

    private final CodingScheme scheme;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private final Set<Long> sessions = new HashSet<>();
    private final Set<String> labels = new HashSet<>();
    private final Set<Long> coders = new HashSet<>();
    private final Set<String> initials = new HashSet<>();
    private final Set<Long> passes = new HashSet<>();
    private final Set<String> sessionCoder = new HashSet<>();
    private final Set<String> mediaPositions = new HashSet<>();

    private Salvage(CodingScheme scheme) {
        this.scheme = scheme;
    }

    /**
     * @param schemeFallback the scheme to use when the one stored in the damaged file cannot be read;
     *                       empty to refuse in that case
     */
    public static Report salvage(Path damaged, Path target, Optional<CodingScheme> schemeFallback) throws StudyException {
        Path src = damaged.toAbsolutePath().normalize();
        Path dst = target.toAbsolutePath().normalize();
        if (src.equals(dst)) {
            throw new StudyException(StudyException.Kind.INVALID_INPUT, "The salvaged study must be a new file, not " + src.getFileName() + " itself.");
        }
        if (!Files.isRegularFile(src)) throw new StudyException(StudyException.Kind.NOT_FOUND, "There is no study file at " + src + ".");
        if (Files.exists(dst)) {
            throw new StudyException(StudyException.Kind.INVALID_INPUT, dst + " already exists; choose a new file name for the salvaged study.");
        }
        try (Connection in = StudyFile.connect(src, true)) {
            String name = readName(in, src);
            CodingScheme scheme = readScheme(in, src).or(() -> schemeFallback).orElseThrow(() -> new StudyException(StudyException.Kind.DAMAGED,
                    "The coding scheme stored in " + src.getFileName() + " cannot be read. Give the scheme file the study was coded with: --scheme SCHEME.json"));
            Salvage s = new Salvage(scheme);
            Study.createWith(dst, scheme, name, out -> {
                s.copy(in, out, src);
                try (PreparedStatement ps = out.prepareStatement("INSERT INTO study_info (key, value) VALUES ('salvaged_from', ?), ('salvaged_at', ?)")) {
                    ps.setString(1, src.getFileName().toString());
                    ps.setString(2, Study.now());
                    ps.executeUpdate();
                }
            }).close();
            List<TableCount> tables = new ArrayList<>();
            s.counts.forEach((t, n) -> tables.add(new TableCount(t, n[0], n[1])));
            return new Report(dst, name, tables, List.copyOf(s.problems));
        } catch (SQLException e) {
            throw new StudyException(StudyException.Kind.DAMAGED, src.getFileName() + " cannot be read at all (" + SqliteErrors.plain(e)
                    + "); nothing can be salvaged from it. Restore it from a backup.", e);
        }
    }

    private static String readName(Connection in, Path src) {
        try (Statement st = in.createStatement(); ResultSet rs = st.executeQuery("SELECT value FROM study_info WHERE key = 'name'")) {
            if (rs.next() && rs.getString(1) != null && !rs.getString(1).isBlank()) return rs.getString(1);
        } catch (SQLException | RuntimeException e) {
            // the name is a nicety; the file name stands in
        }
        return src.getFileName().toString().replaceFirst("\\.attune$", "");
    }

    private static Optional<CodingScheme> readScheme(Connection in, Path src) {
        try (Statement st = in.createStatement(); ResultSet rs = st.executeQuery("SELECT json FROM schemes WHERE current = 1")) {
            if (!rs.next()) return Optional.empty();
            SchemeReadResult r = SchemeReader.readText(rs.getString(1), src.getFileName() + " (stored scheme)");
            return r.ok() ? r.scheme() : Optional.empty();
        } catch (SQLException | RuntimeException e) {
            return Optional.empty();
        }
    }

    // ------------------------------------------------------------------ copying, table by table

    private void copy(Connection in, Connection out, Path src) throws SQLException {
        scan(in, "sessions", "label, dyad, session_date, child_age_months, context, notes", (id, rs) -> {
            String label = text(rs, 1);
            if (label.isBlank()) return "it has no label";
            if (!labels.add(label)) return "its label \"" + label + "\" is taken by another session";
            try (PreparedStatement ps = out.prepareStatement(
                    "INSERT INTO sessions (id, label, dyad, session_date, child_age_months, context, notes) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setString(2, label);
                ps.setString(3, text(rs, 2));
                ps.setString(4, text(rs, 3));
                double age = rs.getDouble(4);
                if (rs.wasNull() || !(age >= 0)) ps.setNull(5, Types.REAL);
                else ps.setDouble(5, age);
                ps.setString(6, text(rs, 5));
                ps.setString(7, text(rs, 6));
                ps.executeUpdate();
            }
            sessions.add(id);
            return null;
        });
        scan(in, "session_metadata", "session_id, key, value", (id, rs) -> {
            long session = rs.getLong(1);
            if (!sessions.contains(session)) return "its session (id " + session + ") could not be read";
            if (text(rs, 2).isBlank()) return "it has no key";
            try (PreparedStatement ps = out.prepareStatement("INSERT OR IGNORE INTO session_metadata (session_id, key, value) VALUES (?, ?, ?)")) {
                ps.setLong(1, session);
                ps.setString(2, text(rs, 2));
                ps.setString(3, text(rs, 3));
                ps.executeUpdate();
            }
            return null;
        });
        scan(in, "media", "session_id, position, path, offset_ms, fps, duration_ms", (id, rs) -> {
            long session = rs.getLong(1);
            int position = rs.getInt(2);
            if (!sessions.contains(session)) return "its session (id " + session + ") could not be read";
            if (position < 1 || position > 4 || !mediaPositions.add(session + "/" + position)) return "camera position " + position + " is not free or not 1–4";
            if (text(rs, 3).isBlank()) return "it has no path";
            try (PreparedStatement ps = out.prepareStatement(
                    "INSERT INTO media (id, session_id, position, path, offset_ms, fps, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setLong(2, session);
                ps.setInt(3, position);
                ps.setString(4, text(rs, 3));
                ps.setLong(5, rs.getLong(4));
                double fps = rs.getDouble(5);
                if (rs.wasNull() || !(fps > 0)) ps.setNull(6, Types.REAL);
                else ps.setDouble(6, fps);
                long duration = rs.getLong(6);
                if (rs.wasNull() || duration < 0) ps.setNull(7, Types.INTEGER);
                else ps.setLong(7, duration);
                ps.executeUpdate();
            }
            return null;
        });
        scan(in, "coders", "name, initials", (id, rs) -> {
            String ini = text(rs, 2);
            if (ini.isBlank()) return "it has no initials";
            if (!initials.add(ini)) return "its initials " + ini + " are taken by another coder";
            insertCoder(out, id, text(rs, 1), ini);
            return null;
        });
        scan(in, "passes", "session_id, coder_id, status, blind, started_at, finished_at", (id, rs) -> {
            long session = rs.getLong(1);
            long coder = rs.getLong(2);
            if (!sessions.contains(session)) standInSession(out, session);
            if (!coders.contains(coder)) standInCoder(out, coder);
            if (!sessionCoder.add(session + "/" + coder)) return "coder " + coder + " already has a pass of session " + session;
            String status = text(rs, 3);
            if (!Set.of("not_started", "in_progress", "done").contains(status)) {
                problems.add("passes row " + id + ": status \"" + status + "\" is not a status; copied as in_progress");
                status = "in_progress";
            }
            insertPass(out, id, session, coder, status, rs.getInt(4) != 0, rs.getString(5), rs.getString(6));
            return null;
        });
        // events keep their stable ids where the damaged study had them (schema V4); else they get new ones
        boolean uids = hasColumn(in, "events", "uid");
        scan(in, "events", "pass_id, code, onset_ms, offset_ms, modifiers, comment, created_at, updated_at" + (uids ? ", uid" : ""), (id, rs) -> {
            long pass = rs.getLong(1);
            String code = text(rs, 2);
            long onset = rs.getLong(3);
            long offsetValue = rs.getLong(4);
            Long offset = rs.wasNull() ? null : offsetValue;
            if (onset < 0) return "its onset " + onset + " ms is negative";
            if (offset != null && offset < onset) return "its offset " + offset + " ms is before its onset " + onset + " ms";
            Modifiers modifiers;
            try {
                modifiers = Modifiers.parse(text(rs, 5));
            } catch (IllegalArgumentException e) {
                return "its modifiers \"" + text(rs, 5) + "\" cannot be read";
            }
            EventDraft draft = new EventDraft(code, onset, offset, modifiers, text(rs, 6));
            Optional<String> wrong = EventRules.problem(scheme, draft);
            if (wrong.isPresent()) return wrong.get();
            if (!passes.contains(pass)) standInPass(out, pass);
            String uid = uids ? rs.getString(9) : null;
            if (uid != null && !uid.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) uid = null;
            try {
                insertEvent(out, id, pass, draft, rs.getLong(7), rs.getLong(8), uid);
            } catch (SQLException sameUidTwice) { // a damaged file may repeat one: the event is kept, with a new id
                if (uid == null) throw sameUidTwice;
                insertEvent(out, id, pass, draft, rs.getLong(7), rs.getLong(8), null);
            }
            return null;
        });
        scan(in, "ratings", "pass_id, code, value, updated_at", (id, rs) -> {
            long pass = rs.getLong(1);
            String code = text(rs, 2);
            int value = rs.getInt(3);
            Optional<Code> c = scheme.code(code);
            if (c.isEmpty() || !c.get().isRating()) return "\"" + code + "\" is not a rating of the scheme";
            if (c.get().ratingScale().map(s -> value < s.min() || value > s.max()).orElse(false)) return "value " + value + " is outside the scale of " + code;
            if (!passes.contains(pass)) standInPass(out, pass);
            try (PreparedStatement ps = out.prepareStatement("INSERT OR IGNORE INTO ratings (pass_id, code, value, updated_at) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, pass);
                ps.setString(2, code);
                ps.setInt(3, value);
                ps.setLong(4, rs.getLong(4));
                ps.executeUpdate();
            }
            return null;
        });
        problems.add("not copied: the undo history (undo starts afresh in the salvaged study) and earlier versions of the scheme");
    }

    // ------------------------------------------------------------------ stand-ins for rows that were lost

    private void standInSession(Connection out, long id) throws SQLException {
        String label = "recovered session " + id;
        while (!labels.add(label)) label += "'";
        try (PreparedStatement ps = out.prepareStatement("INSERT INTO sessions (id, label, notes) VALUES (?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, label);
            ps.setString(3, "Stands in for session " + id + ", whose row in the damaged study could not be read; its passes were kept. Set its details.");
            ps.executeUpdate();
        }
        sessions.add(id);
        problems.add("sessions row " + id + " could not be read: its passes are kept under \"" + label + "\"");
    }

    private void standInCoder(Connection out, long id) throws SQLException {
        String ini = "?" + id;
        while (!initials.add(ini)) ini += "'";
        insertCoder(out, id, "recovered coder " + id, ini);
        problems.add("coders row " + id + " could not be read: their passes are kept under coder " + ini);
    }

    private void standInPass(Connection out, long id) throws SQLException {
        long session = -id; // negative ids are never a real row's
        long coder = -id;
        standInSession(out, session);
        standInCoder(out, coder);
        insertPass(out, id, session, coder, "in_progress", true, null, null);
        sessionCoder.add(session + "/" + coder);
        problems.add("passes row " + id + " could not be read: its events and ratings are kept in a pass of \"recovered session " + session + "\"");
    }

    private void insertCoder(Connection out, long id, String name, String ini) throws SQLException {
        try (PreparedStatement ps = out.prepareStatement("INSERT INTO coders (id, name, initials) VALUES (?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, name.isBlank() ? ini : name);
            ps.setString(3, ini);
            ps.executeUpdate();
        }
        coders.add(id);
    }

    private void insertPass(Connection out, long id, long session, long coder, String status, boolean blind, String started, String finished) throws SQLException {
        try (PreparedStatement ps = out.prepareStatement(
                "INSERT INTO passes (id, session_id, coder_id, status, blind, started_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setLong(2, session);
            ps.setLong(3, coder);
            ps.setString(4, status);
            ps.setInt(5, blind ? 1 : 0);
            ps.setString(6, started);
            ps.setString(7, finished);
            ps.executeUpdate();
        }
        passes.add(id);
    }

    // ------------------------------------------------------------------ reading past damage

    /** Copies one row; returns why it is left out, or null when copied. */
    private static void insertEvent(Connection out, long id, long pass, EventDraft e, long createdAt, long updatedAt, String uid) throws SQLException {
        try (PreparedStatement ps = out.prepareStatement("INSERT INTO events (id, pass_id, code, onset_ms, offset_ms, modifiers, comment, created_at, updated_at, uid) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setLong(2, pass);
            ps.setString(3, e.code());
            ps.setLong(4, e.onsetMs());
            if (e.offsetMs() == null) ps.setNull(5, Types.INTEGER);
            else ps.setLong(5, e.offsetMs());
            ps.setString(6, e.modifiers().encode());
            ps.setString(7, e.comment());
            ps.setLong(8, createdAt);
            ps.setLong(9, updatedAt);
            ps.setString(10, uid); // null: the table's trigger gives a new one
            ps.executeUpdate();
        }
    }

    /** Whether a table of the damaged study has a column; false when even that cannot be read. */
    private static boolean hasColumn(Connection in, String table, String column) {
        try (Statement st = in.createStatement(); ResultSet rs = st.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) if (column.equals(rs.getString("name"))) return true;
            return false;
        } catch (SQLException e) {
            return false;
        }
    }

    private interface RowCopy {
        String copy(long rowid, ResultSet rs) throws SQLException;
    }

    /**
     * Reads {@code table} in rowid order, batch by batch. A read that fails is retried from further and
     * further ahead (1, 2, 4, … rows) until rows can be read again; the rows in between are reported.
     */
    private void scan(Connection in, String table, String columns, RowCopy copy) {
        int[] n = counts.computeIfAbsent(table, t -> new int[2]);
        int rowidColumn = columns.split(",").length + 1;
        String sql = "SELECT " + columns + ", rowid FROM " + table + " WHERE rowid >= ? ORDER BY rowid LIMIT " + BATCH;
        long next = Long.MIN_VALUE;
        while (true) {
            int read = 0;
            try (PreparedStatement ps = in.prepareStatement(sql)) {
                ps.setLong(1, next);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        read++;
                        long rowid = rs.getLong(rowidColumn);
                        next = rowid + 1;
                        copyRow(table, rowid, rs, copy, n);
                    }
                }
                if (read < BATCH) return;
            } catch (SQLException e) {
                Long resumed = resume(in, table, next);
                if (resumed == null) {
                    n[1]++;
                    problems.add(table + ": the rows " + (next == Long.MIN_VALUE ? "" : "from id " + next + " ") + "on could not be read (damaged)");
                    return;
                }
                n[1]++;
                problems.add(table + ": rows " + (next == Long.MIN_VALUE ? "before id " + resumed : "with ids " + next + "–" + (resumed - 1))
                        + " could not be read (damaged); reading resumed at id " + resumed);
                next = resumed;
            }
        }
    }

    private void copyRow(String table, long rowid, ResultSet rs, RowCopy copy, int[] n) {
        String why;
        try {
            why = copy.copy(rowid, rs);
        } catch (SQLException | RuntimeException e) {
            why = "it cannot be read or written (" + (e instanceof SQLException s ? SqliteErrors.plain(s) : String.valueOf(e.getMessage())) + ")";
        }
        if (why == null) {
            n[0]++;
        } else {
            n[1]++;
            problems.add(table + " row " + rowid + " left out: " + why);
        }
    }

    /** The first readable rowid past {@code from}, probing 1, 2, 4, … rows ahead; null when none is found. */
    private static Long resume(Connection in, String table, long from) {
        long base = from == Long.MIN_VALUE ? 0 : from;
        for (long gap = 1; gap > 0 && base + gap > base; gap <<= 1) {
            try (PreparedStatement ps = in.prepareStatement("SELECT rowid FROM " + table + " WHERE rowid >= ? ORDER BY rowid LIMIT 1")) {
                ps.setLong(1, base + gap);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return null; // nothing after the damage
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                // still inside the damaged part: look further ahead
            }
        }
        return null;
    }

    private static String text(ResultSet rs, int column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? "" : s;
    }
}
