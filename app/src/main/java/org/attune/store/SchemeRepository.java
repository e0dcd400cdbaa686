package org.attune.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.attune.coding.SchemeChange;
import org.attune.scheme.CodingScheme;

/**
 * A study's coding scheme: the current version, the versions it had, and the move to a new
 * version (planned first, nothing changed; then applied in one transaction after a backup). One of
 * the repository seams of ADR 6: the study file is one implementation ({@link Study}); a lab server
 * can be another.
 */
public interface SchemeRepository {

    /** The scheme the study is coded with now. */
    CodingScheme scheme();

    /** What moving to {@code newScheme} would do, with the given renames (old code id → new code id). Nothing is changed. */
    SchemeChange planSchemeChange(CodingScheme newScheme, Map<String, String> renames) throws StudyException;

    /** Moves the study to a new scheme version as planned; returns the backup made first. */
    Path changeScheme(SchemeChange change) throws StudyException;

    /** Scheme versions stored in the study, oldest first: "id version (added …)", the current one marked. */
    List<String> schemeHistory() throws StudyException;
}
