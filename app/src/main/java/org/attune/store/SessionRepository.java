package org.attune.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.attune.coding.MediaFile;
import org.attune.coding.NewMedia;
import org.attune.coding.Session;

/**
 * A study's sessions, their metadata and their videos (camera positions 1–4, offsets on the session
 * clock, paths relative to the study). One of the repository seams of ADR 6: the study file is one
 * implementation ({@code SqliteSessions}); a lab server can be another.
 */
public interface SessionRepository {

    /** Adds a session; its {@code id} is ignored and assigned. Labels are unique within a study. */
    Session addSession(Session s) throws StudyException;

    /**
     * Changes a session's details (label, dyad, date, age, context, notes, the lab's fields); its
     * videos and passes stay. Labels stay unique. One transaction.
     */
    Session updateSession(Session s) throws StudyException;

    /** Detaches a video from its session (the file itself is not touched). */
    void removeMedia(long mediaId) throws StudyException;

    List<Session> sessions() throws StudyException;

    Optional<Session> session(String label) throws StudyException;

    /**
     * Adds a session with its videos in one transaction: either the session and all its videos are
     * in the study afterwards, or (on any error) none of them.
     */
    Session addSession(Session s, List<NewMedia> media) throws StudyException;

    /**
     * Points a video at its new location (after the file was moved or the study folder was copied to
     * another computer). The file is not copied; the new path is stored relative to the study when it can be.
     */
    MediaFile relinkMedia(long mediaId, Path newFile) throws StudyException;

    /** Moves a video on the session's master clock: its time 0 lies at {@code offsetMs}. */
    MediaFile setMediaOffset(long mediaId, long offsetMs) throws StudyException;

    /**
     * Attaches a video to a session at camera position 1–4. The path is stored relative to the
     * study's folder whenever the two share a root, so the study folder can move as a whole; the
     * video itself is never copied.
     */
    MediaFile addMedia(long sessionId, Path video, int position, long offsetMs) throws StudyException;

    /** Attaches a video (with its frame rate and duration when known) to an existing session. */
    MediaFile addMedia(long sessionId, NewMedia m) throws StudyException;

    /** Records a video's frame rate and duration once the player has read them. */
    MediaFile setMediaInfo(long mediaId, double fps, long durationMs) throws StudyException;

    /** Where a stored media path points on this computer. */
    Path resolveMedia(MediaFile m);

    /**
     * Remembers {@code copy} as the coding copy of a video (the player uses it; the study keeps linking
     * the original), or forgets the copy with null. The copy is not checked here: make it first.
     */
    MediaFile setCodingCopy(long mediaId, Path copy) throws StudyException;

    /** The file the player should open for a video: its coding copy where there is one on this computer, else the original. */
    default Path playbackFile(MediaFile m) {
        if (m.codingCopy() != null) {
            Path copy = resolveMedia(new MediaFile(m.id(), m.sessionId(), m.position(), m.codingCopy(), m.offsetMs(), m.fps(), m.durationMs()));
            if (java.nio.file.Files.isRegularFile(copy)) return copy;
        }
        return resolveMedia(m);
    }

    List<MediaFile> media(long sessionId) throws StudyException;

    /** Every video of the study, by session and camera position. */
    List<MediaFile> allMedia() throws StudyException;
}
