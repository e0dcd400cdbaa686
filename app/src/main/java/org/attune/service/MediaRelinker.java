package org.attune.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.attune.coding.MediaFile;
import org.attune.store.Study;
import org.attune.store.StudyException;

/**
 * Relinks videos that moved: one located file relinks its video, and every other missing video of
 * the study found under its own name in the same folder is relinked with it (a study folder moved
 * whole, or opened on another computer, needs one answer, not one per camera). Paths are stored
 * relative to the study where they can be; videos are never copied.
 */
public final class MediaRelinker {

    private MediaRelinker() {
    }

    /** The videos relinked besides the one located. */
    public record Result(MediaFile located, List<MediaFile> alsoFound) {
    }

    /**
     * Links video {@code mediaId} to {@code file}, then the study's other missing videos that are in
     * {@code file}'s folder under their stored names.
     */
    public static Result relink(Study study, long mediaId, Path file) throws StudyException {
        if (!Files.isRegularFile(file)) {
            throw new StudyException(StudyException.Kind.NOT_FOUND, file + " is not a file; choose the video itself.");
        }
        MediaFile located = study.relinkMedia(mediaId, file);
        List<MediaFile> also = new ArrayList<>();
        for (MediaFile m : study.allMedia()) {
            if (m.id() == mediaId || Files.isRegularFile(study.resolveMedia(m))) continue;
            Path candidate = file.resolveSibling(Path.of(m.path()).getFileName());
            if (Files.isRegularFile(candidate)) also.add(study.relinkMedia(m.id(), candidate));
        }
        return new Result(located, also);
    }
}
