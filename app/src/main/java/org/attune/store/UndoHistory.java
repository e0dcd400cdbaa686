package org.attune.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.attune.coding.EventDraft;

/**
 * Each pass's undo history in the study file ({@code history}: before and after images of every
 * edited row; the rows of one user action share a step and are undone together). It lives in the
 * file, so undo survives restarts and crashes (ADR 4). A new edit discards the redo branch.
 */
final class UndoHistory {

    private UndoHistory() {
    }

    /** A new undo step for the pass; discards the redo branch, as any new edit does. */
    static long newStep(Connection c, long passId) throws SQLException {
        // a pass that is edited has started (the study browser shows it as in progress)
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE passes SET status = 'in_progress', started_at = COALESCE(started_at, ?) WHERE id = ? AND status = 'not_started'")) {
            ps.setString(1, Study.now());
            ps.setLong(2, passId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM history WHERE pass_id = ? AND undone = 1")) {
            ps.setLong(1, passId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT max(step) FROM history WHERE pass_id = ? AND undone = 0")) {
            ps.setLong(1, passId);
            ResultSet rs = ps.executeQuery();
            return (rs.next() ? rs.getLong(1) : 0) + 1;
        }
    }

    static void record(Connection c, long passId, long step, String action, long eventId, EventDraft before, EventDraft after) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO history (pass_id, step, action, target_id, target_code, before_row, after_row, at, target_uid)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, (SELECT uid FROM events WHERE id = ?))")) {
            ps.setLong(1, passId);
            ps.setLong(2, step);
            ps.setString(3, action);
            ps.setLong(4, eventId);
            ps.setString(5, (after != null ? after : before).code());
            ps.setString(6, before == null ? null : RowCodec.encode(before));
            ps.setString(7, after == null ? null : RowCodec.encode(after));
            ps.setLong(8, System.currentTimeMillis());
            ps.setLong(9, eventId); // the event as it is now: recorded before a deletion, after an addition
            ps.executeUpdate();
        }
    }

    static void recordRating(Connection c, long passId, long step, String code, Integer before, Integer after) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO history (pass_id, step, action, target_code, before_row, after_row, at) VALUES (?, ?, 'rating', ?, ?, ?, ?)")) {
            ps.setLong(1, passId);
            ps.setLong(2, step);
            ps.setString(3, code);
            ps.setString(4, before == null ? null : before.toString());
            ps.setString(5, after == null ? null : after.toString());
            ps.setLong(6, System.currentTimeMillis());
            ps.executeUpdate();
        }
    }

    /** The newest step not undone (for undo), or the oldest undone one (for redo). */
    static Optional<Long> latestStep(Connection c, long passId, boolean undone) throws SQLException {
        String sql = undone ? "SELECT min(step) FROM history WHERE pass_id = ? AND undone = 1" : "SELECT max(step) FROM history WHERE pass_id = ? AND undone = 0";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, passId);
            ResultSet rs = ps.executeQuery();
            if (!rs.next()) return Optional.empty();
            long step = rs.getLong(1);
            return rs.wasNull() ? Optional.empty() : Optional.of(step);
        }
    }

    static void markStep(Connection c, long passId, long step, int undone) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE history SET undone = ? WHERE pass_id = ? AND step = ?")) {
            ps.setInt(1, undone);
            ps.setLong(2, passId);
            ps.setLong(3, step);
            ps.executeUpdate();
        }
    }

    static List<Row> historyOf(Connection c, long passId, long step, String order) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT action, target_id, target_code, before_row, after_row, target_uid FROM history WHERE pass_id = ? AND step = ? ORDER BY id " + order)) {
            ps.setLong(1, passId);
            ps.setLong(2, step);
            ResultSet rs = ps.executeQuery();
            while (rs.next()) out.add(new Row(passId, rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
        }
        return out;
    }

    static List<EventRepository.Change> changes(List<Row> rows) {
        return rows.stream().map(h -> new EventRepository.Change(h.action, h.code)).toList();
    }

    /** One row of the history, able to revert or re-apply itself. */
    record Row(long passId, String action, long target, String code, String before, String after, String targetUid) {

        void revert(Connection c) throws SQLException {
            switch (action) {
                case "add" -> deleteEvent(c, target);
                case "delete" -> EventLog.insert(c, passId, RowCodec.decode(before), target, targetUid);
                case "change" -> EventLog.update(c, target, RowCodec.decode(before));
                case "rating" -> EventLog.writeRating(c, passId, code, before == null ? null : Integer.valueOf(before));
                default -> throw new SQLException("unknown history action " + action);
            }
        }

        void reapply(Connection c) throws SQLException {
            switch (action) {
                case "add" -> EventLog.insert(c, passId, RowCodec.decode(after), target, targetUid);
                case "delete" -> deleteEvent(c, target);
                case "change" -> EventLog.update(c, target, RowCodec.decode(after));
                case "rating" -> EventLog.writeRating(c, passId, code, after == null ? null : Integer.valueOf(after));
                default -> throw new SQLException("unknown history action " + action);
            }
        }

        static void deleteEvent(Connection c, long id) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM events WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
        }
    }
}
