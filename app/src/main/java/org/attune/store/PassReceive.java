package org.attune.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.attune.coding.TimeFormat;
import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;

/**
 * Taking a coder's package back (issue 17, ADR 10): each of its passes is merged into the same pass of the
 * lab's study, event by event by stable id (ADR 9) — added, changed, deleted, unchanged — in one
 * transaction, on a study first copied aside. Idempotent: the same package twice, or a later package of the
 * same passes, changes nothing already there. A pass edited in the lab's study after it was sent is a
 * conflict, reported per event and not merged, unless the lab decides: {@link Decide#THEIRS} (the coder's
 * package wins) or {@link Decide#OURS} (the study's pass is kept).
 */
public final class PassReceive {

    /** Who wins where a pass was edited on both sides. */
    public enum Decide { ASK, THEIRS, OURS }

    /** One pass of the package: what merging it did, or the conflicts that kept it out. */
    public record PassResult(String session, String coder, int added, int changed, int deleted, int unchanged, List<String> conflicts, boolean keptOurs) {
        public boolean merged() {
            return conflicts.isEmpty() && !keptOurs;
        }
    }

    /** The whole receipt: per pass, and where the study was copied before merging. */
    /** @param backup the study file as it was before, copied aside; null for a lab study (its server keeps backups) */
    public record Received(List<PassResult> passes, Path backup) {
    }

    private record Event(String uid, String code, long onset, Long offset, String modifiers, String comment, long createdAt, long updatedAt) {
        boolean sameContent(Event o) {
            return code.equals(o.code) && onset == o.onset && Objects.equals(offset, o.offset) && modifiers.equals(o.modifiers) && comment.equals(o.comment);
        }

        String describe() {
            return code + " at " + TimeFormat.clock(onset);
        }
    }

    private record Pass(String session, String coder, String status, String finishedAt, Map<String, Event> events, Map<String, Object[]> ratings) {
    }

    private PassReceive() {
    }

    public static Received receive(Study study, Path packageFile, Decide decide) throws StudyException {
        return receive(study, packageFile, decide, packageFile.getFileName().toString());
    }

    /** {@code name}: what messages call the package (a sealed package is opened into a file of another name). */
    public static Received receive(Study study, Path packageFile, Decide decide, String name) throws StudyException {
        if (study.isReadOnly()) {
            throw refused(study.path().getFileName() + " is open read-only here (" + study.readOnlyReason().orElse("") + "); open it for editing to receive passes.");
        }
        List<Pass> passes;
        try (Study pkg = Study.openReadOnly(packageFile)) {
            Map<String, String> info = pkg.info();
            if (!"1".equals(info.get(PassPackage.FORMAT_KEY))) {
                throw refused(name + " is a study, not a coder package (made by attune pass send). To bring another study's events in, export and import them.");
            }
            checkSameScheme(study.scheme(), pkg.scheme(), name);
            passes = pkg.file().read(PassReceive::readPasses);
            checkSameVideos(study.file().read(PassReceive::videos), pkg.file().read(PassReceive::videos), name);
        }
        checkFitsScheme(study.scheme(), passes, name);
        // a study file is copied aside first; a lab study's server keeps its own backups, and the merge is one transaction there too
        Path backup = null;
        if (study.server().isEmpty()) {
            String stamp = study.path().getFileName() + ".before-receive-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            backup = study.path().resolveSibling(stamp);
            for (int n = 2; java.nio.file.Files.exists(backup); n++) backup = study.path().resolveSibling(stamp + "-" + n);
            study.saveCopy(backup);
        }
        List<PassResult> results = study.file().write("receive " + name, c -> {
            List<PassResult> out = new ArrayList<>();
            for (Pass p : passes) out.add(merge(study.file(), c, p, decide, name));
            return out;
        });
        return new Received(results, backup);
    }

    private static PassResult merge(StudyFile file, Connection c, Pass p, Decide decide, String pkgName) throws SQLException, StudyException {
        long passId;
        String sentHistory;
        try (PreparedStatement ps = c.prepareStatement("SELECT p.id, p.sent_at, p.sent_history FROM passes p JOIN sessions s ON s.id = p.session_id"
                + " JOIN coders k ON k.id = p.coder_id WHERE s.label = ? AND k.initials = ?")) {
            ps.setString(1, p.session());
            ps.setString(2, p.coder());
            ResultSet rs = ps.executeQuery();
            if (!rs.next()) {
                throw refused(pkgName + " holds " + p.coder() + "'s pass of " + p.session()
                        + ", which this study does not have: was the package sent from another study? Nothing was merged.");
            }
            passId = rs.getLong(1);
            if (rs.getString(2) == null) {
                throw refused(p.coder() + "'s pass of " + p.session() + " was never sent from this study, so " + pkgName
                        + " cannot be its package (was it sent from a copy of the study?). Nothing was merged.");
            }
            sentHistory = rs.getString(3);
        }
        file.claimPass(c, passId); // on a lab server: not into a pass another app is coding
        boolean editedHere;
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM history WHERE pass_id = ? AND id > ?)")) {
            ps.setLong(1, passId);
            ps.setLong(2, sentHistory == null ? 0 : Long.parseLong(sentHistory));
            ResultSet rs = ps.executeQuery();
            editedHere = rs.next() && rs.getBoolean(1);
        }
        Map<String, Event> ours = events(c, passId);
        List<Event> added = new ArrayList<>();
        List<Event> changed = new ArrayList<>();
        List<Event> deleted = new ArrayList<>();
        int unchanged = 0;
        for (Event theirs : p.events().values()) {
            Event mine = ours.get(theirs.uid());
            if (mine == null) added.add(theirs);
            else if (mine.sameContent(theirs)) unchanged++;
            else changed.add(theirs);
        }
        for (Event mine : ours.values()) if (!p.events().containsKey(mine.uid())) deleted.add(mine);
        boolean ratingsDiffer = !sameRatings(c, passId, p.ratings());
        boolean differs = !added.isEmpty() || !changed.isEmpty() || !deleted.isEmpty() || ratingsDiffer;
        if (editedHere && differs && decide != Decide.THEIRS) {
            if (decide == Decide.OURS) return new PassResult(p.session(), p.coder(), 0, 0, 0, unchanged, List.of(), true);
            List<String> conflicts = new ArrayList<>();
            added.forEach(e -> conflicts.add(e.describe() + ": added in the package"));
            changed.forEach(e -> conflicts.add(e.describe() + ": different in the package and here"));
            deleted.forEach(e -> conflicts.add(e.describe() + ": here, not in the package"));
            if (ratingsDiffer) conflicts.add("the session ratings differ");
            return new PassResult(p.session(), p.coder(), 0, 0, 0, unchanged, conflicts, false);
        }
        for (Event e : added) insert(c, passId, e);
        for (Event e : changed) update(c, e);
        for (Event e : deleted) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM events WHERE uid = ?")) {
                ps.setString(1, e.uid());
                ps.executeUpdate();
            }
        }
        if (ratingsDiffer) replaceRatings(c, passId, p.ratings());
        try (PreparedStatement ps = c.prepareStatement("UPDATE passes SET status = ?, finished_at = ? WHERE id = ?")) {
            ps.setString(1, p.status());
            ps.setString(2, p.finishedAt());
            ps.setLong(3, passId);
            ps.executeUpdate();
        }
        if (differs) {
            // the pass now is the coder's: the study's undo steps for it would undo their work, so they go; and what
            // counts as "edited here" starts from now
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM history WHERE pass_id = ?")) {
                ps.setLong(1, passId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE passes SET sent_history = (SELECT COALESCE(max(id), 0) FROM history) WHERE id = ?")) {
                ps.setLong(1, passId);
                ps.executeUpdate();
            }
        }
        return new PassResult(p.session(), p.coder(), added.size(), changed.size(), deleted.size(), unchanged, List.of(), false);
    }

    private static List<Pass> readPasses(Connection c) throws SQLException {
        record Head(long id, String session, String coder, String status, String finishedAt) {
        }
        List<Head> heads = new ArrayList<>();
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT p.id, s.label, k.initials, p.status, p.finished_at FROM passes p"
                + " JOIN sessions s ON s.id = p.session_id JOIN coders k ON k.id = p.coder_id ORDER BY s.label")) {
            while (rs.next()) heads.add(new Head(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
        }
        List<Pass> out = new ArrayList<>();
        for (Head h : heads) out.add(new Pass(h.session(), h.coder(), h.status(), h.finishedAt(), events(c, h.id()), ratings(c, h.id())));
        return out;
    }

    private static Map<String, Event> events(Connection c, long passId) throws SQLException {
        Map<String, Event> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT uid, code, onset_ms, offset_ms, modifiers, comment, created_at, updated_at FROM events WHERE pass_id = ? ORDER BY onset_ms, id")) {
            ps.setLong(1, passId);
            ResultSet rs = ps.executeQuery();
            while (rs.next()) {
                long off = rs.getLong(4);
                Long offset = rs.wasNull() ? null : off;
                out.put(rs.getString(1), new Event(rs.getString(1), rs.getString(2), rs.getLong(3), offset, rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8)));
            }
        }
        return out;
    }

    /** code → {value, updated_at, uid}. */
    private static Map<String, Object[]> ratings(Connection c, long passId) throws SQLException {
        Map<String, Object[]> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT code, value, updated_at, uid FROM ratings WHERE pass_id = ? ORDER BY code")) {
            ps.setLong(1, passId);
            ResultSet rs = ps.executeQuery();
            while (rs.next()) out.put(rs.getString(1), new Object[] {rs.getInt(2), rs.getLong(3), rs.getString(4)});
        }
        return out;
    }

    private static boolean sameRatings(Connection c, long passId, Map<String, Object[]> theirs) throws SQLException {
        Map<String, Object[]> ours = ratings(c, passId);
        if (!ours.keySet().equals(theirs.keySet())) return false;
        for (Map.Entry<String, Object[]> e : theirs.entrySet()) if (!ours.get(e.getKey())[0].equals(e.getValue()[0])) return false;
        return true;
    }

    private static void replaceRatings(Connection c, long passId, Map<String, Object[]> theirs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM ratings WHERE pass_id = ?")) {
            ps.setLong(1, passId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ratings (pass_id, code, value, updated_at, uid) VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, Object[]> e : theirs.entrySet()) {
                ps.setLong(1, passId);
                ps.setString(2, e.getKey());
                ps.setInt(3, (Integer) e.getValue()[0]);
                ps.setLong(4, (Long) e.getValue()[1]);
                ps.setString(5, (String) e.getValue()[2]);
                ps.executeUpdate();
            }
        }
    }

    private static void insert(Connection c, long passId, Event e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO events (pass_id, code, onset_ms, offset_ms, modifiers, comment, created_at, updated_at, uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, passId);
            bindContent(ps, e, 2);
            ps.setString(9, e.uid());
            ps.executeUpdate();
        }
    }

    private static void update(Connection c, Event e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE events SET code = ?, onset_ms = ?, offset_ms = ?, modifiers = ?, comment = ?, created_at = ?, updated_at = ? WHERE uid = ?")) {
            bindContent(ps, e, 1);
            ps.setString(8, e.uid());
            ps.executeUpdate();
        }
    }

    private static void bindContent(PreparedStatement ps, Event e, int first) throws SQLException {
        ps.setString(first, e.code());
        ps.setLong(first + 1, e.onset());
        if (e.offset() == null) ps.setNull(first + 2, Types.INTEGER);
        else ps.setLong(first + 2, e.offset());
        ps.setString(first + 3, e.modifiers());
        ps.setString(first + 4, e.comment());
        ps.setLong(first + 5, e.createdAt());
        ps.setLong(first + 6, e.updatedAt());
    }

    /** The package must be coded with this study's scheme, the same version: else refused with the difference. */
    private static void checkSameScheme(CodingScheme ours, CodingScheme theirs, String name) throws StudyException {
        if (ours.id().equals(theirs.id()) && ours.version().equals(theirs.version())) return;
        Set<String> onlyTheirs = new TreeSet<>(theirs.codes().stream().map(Code::id).toList());
        Set<String> onlyOurs = new TreeSet<>(ours.codes().stream().map(Code::id).toList());
        Set<String> common = new TreeSet<>(onlyTheirs);
        common.retainAll(onlyOurs);
        onlyTheirs.removeAll(common);
        onlyOurs.removeAll(common);
        throw refused(name + " was coded with the scheme " + theirs.id() + " " + theirs.version() + "; this study uses " + ours.id() + " " + ours.version()
                + (onlyTheirs.isEmpty() ? "" : "; codes only in the package: " + String.join(", ", onlyTheirs))
                + (onlyOurs.isEmpty() ? "" : "; codes only in the study: " + String.join(", ", onlyOurs))
                + ". Nothing was merged. Send the coder a new package after changing the scheme, or change the study's scheme to the package's first.");
    }

    /** "session|camera" → SHA-256 of each video described by a checksum. */
    private static Map<String, String> videos(Connection c) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        if (StudySchema.userVersion(c) < 5) return out;
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT s.label, m.position, m.sha256 FROM media m JOIN sessions s ON s.id = m.session_id WHERE m.sha256 IS NOT NULL")) {
            while (rs.next()) out.put(rs.getString(1) + "|" + rs.getInt(2), rs.getString(3));
        }
        return out;
    }

    /**
     * The package must describe each of its videos by the checksum the study has for it: another checksum means
     * the package was changed after it was sent (or the lab's video was replaced since), and its events may be
     * timed against another recording.
     */
    private static void checkSameVideos(Map<String, String> ours, Map<String, String> theirs, String name) throws StudyException {
        List<String> differ = new ArrayList<>();
        theirs.forEach((key, sha) -> {
            String mine = ours.get(key);
            if (mine != null && !mine.equals(sha)) {
                String[] sessionCamera = key.split("\\|");
                differ.add(sessionCamera[0] + " camera " + sessionCamera[1]);
            }
        });
        if (differ.isEmpty()) return;
        throw refused(name + " describes the video of " + String.join(", ", differ) + " by another checksum (SHA-256) than this study does:"
                + " the package was changed after it was sent, or the study's video was replaced since. Nothing was merged."
                + " Check the videos (attune media verify), then send the coder a new package.");
    }

    /** Every event and rating of the package must be one the scheme allows (a package edited outside Attune may hold anything). */
    private static void checkFitsScheme(CodingScheme scheme, List<Pass> passes, String name) throws StudyException {
        for (Pass p : passes) {
            String where = name + ", " + p.coder() + "'s pass of " + p.session();
            for (Event e : p.events().values()) {
                String problem;
                if (e.uid() == null || e.uid().isBlank()) problem = "it has no id";
                else if (e.code() == null) problem = "it has no code";
                else {
                    try {
                        problem = org.attune.coding.EventRules.problem(scheme, new org.attune.coding.EventDraft(e.code(), e.onset(), e.offset(),
                                org.attune.coding.Modifiers.parse(e.modifiers()), e.comment())).orElse(null);
                    } catch (IllegalArgumentException bad) {
                        problem = bad.getMessage();
                    }
                }
                if (problem != null) {
                    throw refused(where + ", event " + e.code() + " at " + TimeFormat.clock(Math.max(0, e.onset())) + ": " + problem
                            + ". The package was changed outside Attune; nothing was merged. Ask the coder for the package as Attune wrote it.");
                }
            }
            for (Map.Entry<String, Object[]> r : p.ratings().entrySet()) {
                var code = scheme.code(r.getKey()).filter(org.attune.scheme.Code::isRating);
                int value = (Integer) r.getValue()[0];
                if (code.isEmpty() || !code.get().ratingScale().map(sc -> sc.contains(value)).orElse(false)) {
                    throw refused(where + ", rating " + r.getKey() + " = " + value + ": "
                            + (code.isEmpty() ? "not a rating of scheme " + scheme.id() + " " + scheme.version() : "outside the code's scale")
                            + ". The package was changed outside Attune; nothing was merged. Ask the coder for the package as Attune wrote it.");
                }
            }
        }
    }

    private static StudyException refused(String message) {
        return new StudyException(StudyException.Kind.INVALID_INPUT, message);
    }
}
