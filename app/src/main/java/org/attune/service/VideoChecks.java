package org.attune.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.attune.coding.MediaFile;
import org.attune.coding.Session;
import org.attune.store.Study;
import org.attune.store.StudyException;
import org.attune.store.VideoIdentity;

/**
 * The check before coding on a coder's computer (issue 17, ADR 10): each video of a session that the study
 * describes by size and SHA-256 (a coder package does) must be that video, or the events would be timed against
 * another recording. Reading a whole video takes seconds, so a file found right is remembered — by its path, size
 * and modification time, in the user's settings, never in the study — and not read again until it changes.
 */
public final class VideoChecks {

    /** Where in the user's settings the files found right are remembered (the key holds a hash of the path, not the path). */
    public static final String PREFIX = "video.checked.";

    /** What the check found: the videos that are not the ones described, in words, and what to remember of the right ones. */
    public record Result(List<String> wrong, Map<String, String> remember) {
        public boolean passed() {
            return wrong.isEmpty();
        }
    }

    private VideoChecks() {
    }

    /**
     * Checks the videos of one session; a video not found is left to the player (which says so), a video the study
     * does not describe passes. {@code remembered} looks a settings key up. Reads files: run it off the FX thread.
     */
    public static Result session(Study study, Session session, Function<String, Optional<String>> remembered) throws StudyException, IOException {
        Map<Long, VideoIdentity> known = VideoIdentity.of(study);
        List<String> wrong = new ArrayList<>();
        Map<String, String> remember = new LinkedHashMap<>();
        for (MediaFile m : study.media(session.id())) {
            VideoIdentity identity = known.get(m.id());
            Path file = study.resolveMedia(m);
            if (identity == null || !Files.isRegularFile(file)) continue;
            String key = PREFIX + pathKey(file);
            String stamp = Files.size(file) + ":" + Files.getLastModifiedTime(file).toMillis() + ":" + identity.sha256();
            if (remembered.apply(key).filter(stamp::equals).isPresent()) continue;
            String name = session.label() + " camera " + m.position() + " (" + m.path() + ")";
            switch (identity.check(file)) {
                case SAME -> remember.put(key, stamp);
                case MISSING -> { } // gone meanwhile: the player says so
                case OTHER_SIZE -> wrong.add(name + ": another file (its size differs)");
                case OTHER_CONTENT -> wrong.add(name + ": another file (same size, different content)");
            }
        }
        return new Result(wrong, remember);
    }

    private static String pathKey(Path file) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(file.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
