package org.attune.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a video was when a coder package was made of its sessions (ADR 10): its size and SHA-256, so that a
 * coder's copy of the video can be recognised, and checked, on another computer without the video travelling.
 */
public record VideoIdentity(long sizeBytes, String sha256) {

    /** How a file compares with the identity. */
    public enum Check { SAME, MISSING, OTHER_SIZE, OTHER_CONTENT }

    /** One described video, checked: its session, camera position and stored path, and how the file found now compares. */
    public record Checked(String session, int position, String path, Check check) {
    }

    /** Told before each video is read; {@code false} stops the check (the user's Cancel). */
    public interface Progress {
        boolean before(int done, int total, String session, int position, String path);
    }

    /**
     * Every video the study describes, checked in session order (none for a study that records no sizes or
     * checksums); empty when {@code progress} stopped it. Reads each whole file: run it off the FX thread.
     */
    public static java.util.Optional<java.util.List<Checked>> checkAll(Study study, Progress progress) throws StudyException, IOException {
        Map<Long, VideoIdentity> known = of(study);
        java.util.List<Checked> out = new java.util.ArrayList<>();
        for (org.attune.coding.Session session : study.sessions()) {
            for (org.attune.coding.MediaFile m : study.media(session.id())) {
                VideoIdentity identity = known.get(m.id());
                if (identity == null) continue;
                if (!progress.before(out.size(), known.size(), session.label(), m.position(), m.path())) return java.util.Optional.empty();
                out.add(new Checked(session.label(), m.position(), m.path(), identity.check(study.resolveMedia(m))));
            }
        }
        return java.util.Optional.of(out);
    }

    /** The identities the study knows, by media id (empty for a study from before coder packages). */
    public static Map<Long, VideoIdentity> of(Study study) throws StudyException {
        return study.file().read(c -> {
            Map<Long, VideoIdentity> out = new LinkedHashMap<>();
            if (StudySchema.userVersion(c) < 5) return out;
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, size_bytes, sha256 FROM media WHERE sha256 IS NOT NULL")) {
                while (rs.next()) out.put(rs.getLong(1), new VideoIdentity(rs.getLong(2), rs.getString(3)));
            }
            return out;
        });
    }

    /** Whether {@code file} has this size (instant: a relink checks it before taking a file). */
    public boolean sameSize(Path file) throws IOException {
        return Files.size(file) == sizeBytes;
    }

    /** The full check: size, then the SHA-256 of the whole file (about 1 GB/s from the cache, docs/benchmarks.md). */
    public Check check(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return Check.MISSING;
        if (!sameSize(file)) return Check.OTHER_SIZE;
        return PassPackage.sha256(file).equals(sha256) ? Check.SAME : Check.OTHER_CONTENT;
    }
}
