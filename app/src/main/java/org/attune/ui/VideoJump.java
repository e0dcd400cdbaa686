package org.attune.ui;

import java.nio.file.Path;

/**
 * A request to show a moment of a session's video in the coding workspace: from a disagreement in
 * the agreement view, or an unanswered bid in the measures view.
 *
 * @param study   the study file
 * @param session the session label
 * @param coder   whose pass to open (initials)
 * @param atMs    the stored time to show
 */
public record VideoJump(Path study, String session, String coder, long atMs) {
}
