package org.attune.ui.study;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import javafx.stage.Window;
import org.attune.scheme.CodingScheme;

/**
 * The questions the study browser asks the user (files to open, forms to fill). Behind an interface
 * so view tests answer them without driving modal windows; {@link FxStudyForms} asks for real.
 */
public interface StudyForms {

    /** What a study file's name ends with (as the store names it). */
    String FILE_EXTENSION = org.attune.store.Study.FILE_EXTENSION;


    /** A new study: where to save it, its name and its coding scheme. */
    record NewStudy(Path file, String name, CodingScheme scheme) {
    }

    /** A new coder. */
    record NewCoder(String name, String initials) {
    }

    Optional<Path> studyToOpen(Window owner);

    Optional<NewStudy> newStudy(Window owner);

    /** The add-session form; the result has passed {@link SessionForm#check}. */
    Optional<SessionForm.Result> newSession(Window owner, Set<String> existingLabels);

    /** The edit-session form, prefilled; the result keeps the session's id. {@code otherLabels}: the other sessions' labels. */
    Optional<org.attune.coding.Session> editSession(Window owner, org.attune.coding.Session session, Set<String> otherLabels);

    Optional<NewCoder> newCoder(Window owner, Set<String> existingInitials);

    /** A video file to attach to a session. */
    Optional<Path> videoToAttach(Window owner);

    /** A camera's offset in seconds as typed, asked with the current value shown. */
    Optional<String> offset(Window owner, String videoName, String currentSeconds);

    /** Where a missing video is now. {@code expected} is where the study looked for it. */
    Optional<Path> relink(Window owner, String storedPath, Path expected);
}
