package org.attune.media;

import java.io.IOException;

/** A file FFmpeg cannot decode as a video (not a video, no video track, no decoder for it): the message says which, by the file's name. */
public final class UnreadableVideo extends IOException {
    UnreadableVideo(String message) {
        super(message);
    }
}
