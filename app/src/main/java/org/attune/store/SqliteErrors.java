package org.attune.store;

import java.nio.file.Files;
import java.nio.file.Path;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** SQLite's failures of a study file in words: what happened and what to do (a lab server's are {@link ServerStudy}'s). */
final class SqliteErrors {

    private SqliteErrors() {
    }

    static StudyException translate(Exception e, Path path, String what) {
        if (e instanceof SQLiteException se) {
            SQLiteErrorCode code = se.getResultCode();
            int primary = code.code & 0xff;
            String name = path.getFileName().toString();
            if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
                return new StudyException(StudyException.Kind.DISK_FULL, "Cannot " + what + ": the disk holding " + name
                        + " is full. Nothing of this edit was written; everything saved before is safe. Free some space and try again.", e);
            }
            if (primary == SQLiteErrorCode.SQLITE_READONLY.code || primary == SQLiteErrorCode.SQLITE_CANTOPEN.code && Files.exists(path)) {
                return new StudyException(StudyException.Kind.READ_ONLY, "Cannot " + what + ": " + name + " cannot be written (read-only file, folder or disk).", e);
            }
            if (primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
                return new StudyException(StudyException.Kind.NOT_A_STUDY, name + " is not an Attune study (not a SQLite database).", e);
            }
            if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code) {
                return new StudyException(StudyException.Kind.DAMAGED, name + " is damaged; restore it from a backup, or copy everything that can "
                        + "still be read into a new study with: attune study salvage \"" + name + "\" -o NEW.attune", e);
            }
            if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
                return new StudyException(StudyException.Kind.LOCKED, "Cannot " + what + ": " + name + " is busy in another program; try again.", e);
            }
            if (primary == SQLiteErrorCode.SQLITE_CONSTRAINT.code) {
                return new StudyException(StudyException.Kind.INVALID_INPUT, "Cannot " + what + ": " + plain(se), e);
            }
        }
        return new StudyException(StudyException.Kind.IO, "Cannot " + what + " (" + path.getFileName() + "): " + plain(e), e);
    }

    /** SQLite's own words without the driver's wrapping: "[SQLITE_ERROR] SQL error or missing database (no such table: x)" → "no such table: x". */
    static String plain(Exception e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        java.util.regex.Matcher wrapped = java.util.regex.Pattern.compile("^\\[SQLITE_\\w+\\][^(]*\\((.*)\\)$", java.util.regex.Pattern.DOTALL).matcher(m);
        if (wrapped.matches()) return wrapped.group(1);
        return m.replaceFirst("^\\[SQLITE_\\w+\\]\\s*", "");
    }
}
