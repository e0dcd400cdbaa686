package org.attune.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attune.coding.CodedEvent;
import org.attune.coding.Coder;
import org.attune.coding.CodingPass;
import org.attune.coding.ImportMerge;
import org.attune.coding.Modifiers;
import org.attune.coding.Session;
import org.attune.scheme.CodingScheme;

/**
 * Many events at once (an events CSV, a benchmark's study): checked against the stored events
 * ({@link ImportMerge}) and inserted in the caller's one transaction, creating the sessions, coders and
 * passes they name. All or nothing; not undo steps.
 */
final class EventImport {

    private EventImport() {
    }

    /** How {@code rows} merge with the stored events of their passes. */
    static ImportMerge.Plan plan(Connection c, CodingScheme scheme, List<EventLog.ImportRow> rows) throws SQLException {
        Set<String> wanted = new HashSet<>();
        List<ImportMerge.Incoming> incoming = new ArrayList<>(rows.size());
        for (EventLog.ImportRow r : rows) {
            wanted.add(ImportMerge.passKey(r.sessionLabel(), r.coderInitials()));
            incoming.add(new ImportMerge.Incoming(r.line(), r.sessionLabel(), r.coderInitials(), r.event()));
        }
        Map<Long, String> label = new HashMap<>();
        for (Session s : SqliteSessions.readSessions(c)) label.put(s.id(), s.label());
        Map<Long, String> initials = new HashMap<>();
        for (Coder k : SqlitePasses.readCoders(c)) initials.put(k.id(), k.initials());
        Map<String, List<CodedEvent>> stored = new HashMap<>();
        Map<String, Modifiers> cache = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + EventLog.EVENT_COLUMNS + " FROM events WHERE pass_id = ? ORDER BY onset_ms, id")) {
            for (CodingPass p : SqlitePasses.readPasses(c)) {
                String key = ImportMerge.passKey(label.get(p.sessionId()), initials.get(p.coderId()));
                if (!wanted.contains(key)) continue;
                ps.setLong(1, p.id());
                List<CodedEvent> events = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) events.add(EventLog.eventFrom(rs, cache));
                }
                stored.put(key, events);
            }
        }
        return ImportMerge.plan(scheme, stored, incoming);
    }

    /** Inserts the rows that are not already there, in the caller's transaction; refuses all on any conflict. */
    static EventLog.ImportSummary importAll(StudyFile file, Connection c, CodingScheme scheme, List<EventLog.ImportRow> rows) throws SQLException, StudyException {
        ImportMerge.Plan plan = plan(c, scheme, rows);
        if (!plan.ok()) {
            ImportMerge.Conflict first = plan.conflicts().get(0);
            throw new StudyException(StudyException.Kind.INVALID_INPUT, "Nothing was imported: " + plan.conflicts().size()
                    + " events conflict with events already in the study, the first " + (first.line() > 0 ? "at line " + first.line() + ": " : ": ")
                    + first.message() + ".");
        }
        List<EventLog.ImportRow> toAdd = new ArrayList<>(plan.toAdd().size());
        for (ImportMerge.Incoming i : plan.toAdd()) toAdd.add(new EventLog.ImportRow(i.session(), i.coder(), i.event(), i.line()));
        Map<String, Long> sessionIds = new HashMap<>();
        for (Session s : SqliteSessions.readSessions(c)) sessionIds.put(s.label(), s.id());
        Map<String, Long> coderIds = new HashMap<>();
        for (Coder k : SqlitePasses.readCoders(c)) coderIds.put(k.initials(), k.id());
        Map<String, Long> passIds = new HashMap<>();
        for (CodingPass p : SqlitePasses.readPasses(c)) passIds.put(p.sessionId() + "/" + p.coderId(), p.id());
        List<String> newSessions = new ArrayList<>();
        List<String> newCoders = new ArrayList<>();
        int newPasses = 0;
        java.util.Set<Long> claimed = new java.util.HashSet<>();
        long now = System.currentTimeMillis();
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO events (pass_id, code, onset_ms, offset_ms, modifiers, comment, created_at, updated_at, uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int batched = 0;
            for (EventLog.ImportRow r : toAdd) {
                Long sid = sessionIds.get(r.sessionLabel());
                if (sid == null) {
                    sid = SqliteSessions.insertSession(c, new Session(0, r.sessionLabel(), "", "", null, "", "", Map.of())).id();
                    sessionIds.put(r.sessionLabel(), sid);
                    newSessions.add(r.sessionLabel());
                }
                Long kid = coderIds.get(r.coderInitials());
                if (kid == null) {
                    kid = SqlitePasses.insertCoder(c, r.coderInitials(), r.coderInitials()).id();
                    coderIds.put(r.coderInitials(), kid);
                    newCoders.add(r.coderInitials());
                }
                String key = sid + "/" + kid;
                Long pid = passIds.get(key);
                if (pid == null) {
                    pid = SqlitePasses.insertPass(c, sid, kid).id();
                    passIds.put(key, pid);
                    newPasses++;
                } else if (claimed.add(pid)) {
                    file.claimPass(c, pid); // on a lab server: not into a pass another coder is coding
                }
                EventLog.bind(ins, pid, r.event(), now);
                // each event's stable id given here (the table's trigger would, one more write per row)
                ins.setString(9, java.util.UUID.randomUUID().toString());
                ins.addBatch();
                if (++batched % 10_000 == 0) ins.executeBatch();
            }
            ins.executeBatch();
        }
        // passes that now hold events have started (as with an edit in the workspace)
        try (PreparedStatement ps = c.prepareStatement("UPDATE passes SET status = 'in_progress', started_at = COALESCE(started_at, ?) "
                + "WHERE status = 'not_started' AND EXISTS (SELECT 1 FROM events WHERE events.pass_id = passes.id)")) {
            ps.setString(1, Study.now());
            ps.executeUpdate();
        }
        return new EventLog.ImportSummary(toAdd.size(), plan.duplicates().size(), newSessions, newCoders, newPasses);
    }
}
