package org.attune.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.attune.coding.MediaFile;
import org.attune.store.Study;
import org.attune.store.StudyException;
import org.attune.store.VideoIdentity;

/**
 * Relinks videos that moved: one located file relinks its video, and every other missing video of
 * the study found under its own name in the same folder is relinked with it (a study folder moved
 * whole, or opened on another computer, needs one answer, not one per camera); a video a coder package
 * describes is also found renamed, as the one file there of its size to the byte. Paths are stored
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
        // a video described by a coder package (its size and SHA-256, ADR 10) takes only a file of its size;
        // `attune media verify` checks the content
        Map<Long, VideoIdentity> known = VideoIdentity.of(study);
        VideoIdentity expected = known.get(mediaId);
        if (expected != null && !sameSize(expected, file)) {
            throw new StudyException(StudyException.Kind.INVALID_INPUT, file.getFileName() + " is not the video this session was coded on: it has "
                    + size(file) + " bytes, the video has " + String.format(java.util.Locale.ROOT, "%,d", expected.sizeBytes()) + ". Choose the original file (not a re-encoded or trimmed copy).");
        }
        MediaFile located = study.relinkMedia(mediaId, file);
        List<MediaFile> also = new ArrayList<>();
        List<Path> folder = null;
        for (MediaFile m : study.allMedia()) {
            if (m.id() == mediaId || Files.isRegularFile(study.resolveMedia(m))) continue;
            Path candidate = file.resolveSibling(Path.of(m.path()).getFileName());
            VideoIdentity identity = known.get(m.id());
            if (Files.isRegularFile(candidate) && (identity == null || sameSize(identity, candidate))) {
                also.add(study.relinkMedia(m.id(), candidate));
            } else if (identity != null) {
                // renamed on the coder's computer: the one file of the folder with the video's size to the byte (the
                // SHA-256 is checked before coding on it, VideoChecks)
                if (folder == null) folder = filesBeside(file);
                List<Path> sized = folder.stream().filter(f -> sameSize(identity, f)).toList();
                if (sized.size() == 1 && !linked(study, sized.get(0))) also.add(study.relinkMedia(m.id(), sized.get(0)));
            }
        }
        return new Result(located, also);
    }

    private static List<Path> filesBeside(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        try (var list = Files.list(dir)) {
            return list.filter(Files::isRegularFile).toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    /** Whether a video of the study is linked to {@code file} already. */
    private static boolean linked(Study study, Path file) throws StudyException {
        for (MediaFile m : study.allMedia()) {
            Path at = study.resolveMedia(m);
            try {
                if (Files.exists(at) && Files.isSameFile(at, file)) return true;
            } catch (java.io.IOException e) {
                // unreadable: not this one
            }
        }
        return false;
    }

    private static boolean sameSize(VideoIdentity identity, Path file) {
        try {
            return identity.sameSize(file);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String size(Path file) {
        try {
            return String.format(java.util.Locale.ROOT, "%,d", Files.size(file));
        } catch (java.io.IOException e) {
            return "an unknown number of";
        }
    }
}
