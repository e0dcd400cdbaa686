package org.attune.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The study file's tables and their versions ({@code PRAGMA user_version}). Each migration takes a
 * file from version n−1 to n; {@link StudyFile} backs the file up before running any.
 */
final class StudySchema {

    /** Marks a SQLite file as an Attune study ({@code PRAGMA application_id}, "ATTN"). */
    static final int APPLICATION_ID = 0x4154544E;

    /** One step of the schema's history. */
    interface Migration {
        int toVersion();

        void apply(Statement st) throws SQLException;
    }

    static final Migration V1 = new Migration() {
        @Override
        public int toVersion() {
            return 1;
        }

        @Override
        public void apply(Statement st) throws SQLException {
            st.execute("CREATE TABLE study_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            st.execute("""
                    CREATE TABLE schemes (
                      id INTEGER PRIMARY KEY,
                      scheme_id TEXT NOT NULL,
                      version TEXT NOT NULL,
                      json TEXT NOT NULL,
                      added_at TEXT NOT NULL,
                      current INTEGER NOT NULL DEFAULT 0)""");
            st.execute("""
                    CREATE TABLE sessions (
                      id INTEGER PRIMARY KEY,
                      label TEXT NOT NULL UNIQUE,
                      dyad TEXT NOT NULL DEFAULT '',
                      session_date TEXT NOT NULL DEFAULT '',
                      child_age_months REAL,
                      context TEXT NOT NULL DEFAULT '',
                      notes TEXT NOT NULL DEFAULT '')""");
            st.execute("""
                    CREATE TABLE session_metadata (
                      session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
                      key TEXT NOT NULL,
                      value TEXT NOT NULL,
                      PRIMARY KEY (session_id, key))""");
            st.execute("""
                    CREATE TABLE media (
                      id INTEGER PRIMARY KEY,
                      session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
                      position INTEGER NOT NULL CHECK (position BETWEEN 1 AND 4),
                      path TEXT NOT NULL,
                      offset_ms INTEGER NOT NULL DEFAULT 0,
                      fps REAL,
                      duration_ms INTEGER,
                      UNIQUE (session_id, position))""");
            st.execute("""
                    CREATE TABLE coders (
                      id INTEGER PRIMARY KEY,
                      name TEXT NOT NULL,
                      initials TEXT NOT NULL UNIQUE)""");
            st.execute("""
                    CREATE TABLE passes (
                      id INTEGER PRIMARY KEY,
                      session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
                      coder_id INTEGER NOT NULL REFERENCES coders(id),
                      status TEXT NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started', 'in_progress', 'done')),
                      blind INTEGER NOT NULL DEFAULT 1,
                      started_at TEXT,
                      finished_at TEXT,
                      UNIQUE (session_id, coder_id))""");
            // AUTOINCREMENT: an id is never reused, so undoing a delete can restore the event under its own id
            st.execute("""
                    CREATE TABLE events (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      pass_id INTEGER NOT NULL REFERENCES passes(id) ON DELETE CASCADE,
                      code TEXT NOT NULL,
                      onset_ms INTEGER NOT NULL CHECK (onset_ms >= 0),
                      offset_ms INTEGER CHECK (offset_ms IS NULL OR offset_ms >= onset_ms),
                      modifiers TEXT NOT NULL DEFAULT '',
                      comment TEXT NOT NULL DEFAULT '',
                      created_at INTEGER NOT NULL,
                      updated_at INTEGER NOT NULL)""");
            st.execute("CREATE INDEX events_by_pass ON events (pass_id, onset_ms)");
            st.execute("CREATE INDEX events_running ON events (pass_id) WHERE offset_ms IS NULL");
            st.execute("""
                    CREATE TABLE ratings (
                      pass_id INTEGER NOT NULL REFERENCES passes(id) ON DELETE CASCADE,
                      code TEXT NOT NULL,
                      value INTEGER NOT NULL,
                      updated_at INTEGER NOT NULL,
                      PRIMARY KEY (pass_id, code))""");
            // the undo/redo history of each pass: before and after images of the edited row; the rows of
            // one user action share a step and are undone together (e.g. ending a state and starting the next)
            st.execute("""
                    CREATE TABLE history (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      pass_id INTEGER NOT NULL REFERENCES passes(id) ON DELETE CASCADE,
                      step INTEGER NOT NULL,
                      action TEXT NOT NULL CHECK (action IN ('add', 'change', 'delete', 'rating')),
                      undone INTEGER NOT NULL DEFAULT 0,
                      target_id INTEGER,
                      target_code TEXT,
                      before_row TEXT,
                      after_row TEXT,
                      at INTEGER NOT NULL)""");
            st.execute("CREATE INDEX history_by_pass ON history (pass_id, undone, step)");
        }
    };

    /**
     * Each pass keeps its number of events, kept by triggers inside every transaction that adds or
     * deletes an event (key presses, undo, import, salvage alike): the study browser reads one row
     * per pass instead of counting every event of the study on each refresh.
     */
    static final Migration V2 = new Migration() {
        @Override
        public int toVersion() {
            return 2;
        }

        @Override
        public void apply(Statement st) throws SQLException {
            st.execute("ALTER TABLE passes ADD COLUMN event_count INTEGER NOT NULL DEFAULT 0");
            st.execute("UPDATE passes SET event_count = (SELECT count(*) FROM events WHERE events.pass_id = passes.id)");
            st.execute("""
                    CREATE TRIGGER events_count_in AFTER INSERT ON events
                    BEGIN UPDATE passes SET event_count = event_count + 1 WHERE id = NEW.pass_id; END""");
            st.execute("""
                    CREATE TRIGGER events_count_out AFTER DELETE ON events
                    BEGIN UPDATE passes SET event_count = event_count - 1 WHERE id = OLD.pass_id; END""");
            st.execute("""
                    CREATE TRIGGER events_count_moved AFTER UPDATE OF pass_id ON events WHEN NEW.pass_id <> OLD.pass_id
                    BEGIN
                      UPDATE passes SET event_count = event_count - 1 WHERE id = OLD.pass_id;
                      UPDATE passes SET event_count = event_count + 1 WHERE id = NEW.pass_id;
                    END""");
        }
    };

    /**
     * A video can have a coding copy (issue 21): the study links the original (its {@code path}) and
     * remembers the copy the player uses, stored the same way (relative to the study when it can be);
     * times are the original's clock, which the copy keeps.
     */
    static final Migration V3 = new Migration() {
        @Override
        public int toVersion() {
            return 3;
        }

        @Override
        public void apply(Statement st) throws SQLException {
            st.execute("ALTER TABLE media ADD COLUMN coding_copy TEXT");
        }
    };

    /**
     * A fresh random UUID (version 4) in SQL, evaluated per row: SQLite's randomblob() draws from its own
     * generator, seeded by the operating system.
     */
    static final String NEW_UID = "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2)"
            + " || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))";

    /**
     * Every event, rating and undo step gets a stable id, a UUID, from the moment it is created and in every
     * study, so that a coder's package can be merged back exactly once (issue 17, ADR 9): the same event
     * arriving twice is recognised by its id, not by its content. Existing rows get theirs here (the
     * migration runs on a backed-up file, {@link StudyFile}); new rows get one from a trigger whenever the
     * insert does not bring its own, so no code path that writes a row can leave it without. The history
     * also keeps the uid of the event each row touched ({@code target_uid}), so that undoing a deletion
     * brings the event back with its own id.
     */
    static final Migration V4 = new Migration() {
        @Override
        public int toVersion() {
            return 4;
        }

        @Override
        public void apply(Statement st) throws SQLException {
            for (String table : List.of("events", "ratings", "history")) {
                st.execute("ALTER TABLE " + table + " ADD COLUMN uid TEXT");
                st.execute("UPDATE " + table + " SET uid = " + NEW_UID);
                st.execute("CREATE UNIQUE INDEX " + table + "_by_uid ON " + table + " (uid)");
                st.execute("CREATE TRIGGER " + table + "_uid AFTER INSERT ON " + table + " WHEN NEW.uid IS NULL BEGIN UPDATE " + table
                        + " SET uid = " + NEW_UID + " WHERE rowid = NEW.rowid; END");
            }
            st.execute("ALTER TABLE history ADD COLUMN target_uid TEXT");
            // the events still there; a deletion recorded before this version comes back, if undone, with a new id
            st.execute("UPDATE history SET target_uid = (SELECT uid FROM events WHERE events.id = history.target_id) WHERE target_id IS NOT NULL");
        }
    };

    /**
     * Coder packages (issue 17): a video's size and SHA-256, so that a coder's copy of the study can find and
     * check the same video on another computer without the video travelling; and, per pass, when it was last
     * sent to its coder and the last undo step it had then ({@code sent_history}), so that receiving can tell
     * whether the pass was edited here after it was sent.
     */
    static final Migration V5 = new Migration() {
        @Override
        public int toVersion() {
            return 5;
        }

        @Override
        public void apply(Statement st) throws SQLException {
            st.execute("ALTER TABLE media ADD COLUMN size_bytes INTEGER");
            st.execute("ALTER TABLE media ADD COLUMN sha256 TEXT");
            st.execute("ALTER TABLE passes ADD COLUMN sent_at TEXT");
            st.execute("ALTER TABLE passes ADD COLUMN sent_history INTEGER");
        }
    };

    /**
     * The reliability workflow (issue 19): a pass can be its session's gold standard (at most one per session),
     * a session can be for training (left out of analyses unless asked), and each reliability sample drawn is
     * kept with its seed, so that the methods section can say how it was chosen and anyone can draw it again.
     * The lab's criterion lives in {@code study_info} ({@code criterion.*}). A consensus pass records the two passes it
     * resolves, each decision on a disagreement, and for each of its events where it came from.
     */
    static final Migration V6 = new Migration() {
        @Override
        public int toVersion() {
            return 6;
        }

        @Override
        public void apply(Statement st) throws SQLException {
            st.execute("ALTER TABLE passes ADD COLUMN gold INTEGER NOT NULL DEFAULT 0 CHECK (gold IN (0, 1))");
            st.execute("CREATE UNIQUE INDEX passes_one_gold ON passes (session_id) WHERE gold = 1");
            st.execute("ALTER TABLE sessions ADD COLUMN training INTEGER NOT NULL DEFAULT 0 CHECK (training IN (0, 1))");
            st.execute("CREATE TABLE reliability_samples (id INTEGER PRIMARY KEY, drawn_at TEXT NOT NULL,"
                    + " percent REAL NOT NULL CHECK (percent > 0 AND percent <= 100), stratified_by TEXT NOT NULL, seed INTEGER NOT NULL,"
                    + " eligible INTEGER NOT NULL CHECK (eligible >= 0), sessions TEXT NOT NULL, second_coders TEXT NOT NULL)");
            // a consensus pass: where each of its events came from, which two passes it resolves, and every decision
            st.execute("ALTER TABLE events ADD COLUMN provenance TEXT CHECK (provenance IS NULL OR provenance IN ('agreed', 'first', 'second', 'edited'))");
            st.execute("ALTER TABLE events ADD COLUMN consensus_item TEXT");
            st.execute("CREATE TABLE consensus (pass_id INTEGER PRIMARY KEY, first_pass INTEGER NOT NULL, second_pass INTEGER NOT NULL,"
                    + " matching TEXT NOT NULL CHECK (matching IN ('overlap', 'onsets')), tolerance_ms INTEGER NOT NULL CHECK (tolerance_ms >= 0),"
                    + " overlap REAL NOT NULL CHECK (overlap > 0 AND overlap <= 1), started_at TEXT NOT NULL)");
            st.execute("CREATE TABLE consensus_decisions (id INTEGER PRIMARY KEY, pass_id INTEGER NOT NULL, item TEXT NOT NULL,"
                    + " decision TEXT NOT NULL CHECK (decision IN ('first', 'second', 'neither', 'edited')), UNIQUE (pass_id, item))");
        }
    };

    /** Every migration, oldest first. */
    static final List<Migration> MIGRATIONS = List.of(V1, V2, V3, V4, V5, V6);

    static int currentVersion(List<Migration> migrations) {
        return migrations.get(migrations.size() - 1).toVersion();
    }

    private StudySchema() {
    }

    /** The format version of a study: the file's user_version, or a lab server study's own record of it (ServerSchema). */
    static int userVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); var rs = st.executeQuery(onServer(c) ? "SELECT max(version) FROM server_schema" : "PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    static int applicationId(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); var rs = st.executeQuery("PRAGMA application_id")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** The id of the row the connection inserted last: SQLite's rowid, or the server's identity counter (ServerSchema). */
    static long lastId(Connection c) throws SQLException {
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery(onServer(c) ? "SELECT lastval()" : "SELECT last_insert_rowid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Whether a connection is a lab server's (for the few statements SQLite and PostgreSQL say differently). */
    static boolean onServer(Connection c) throws SQLException {
        return c.getMetaData().getURL().startsWith("jdbc:postgresql:");
    }
}
