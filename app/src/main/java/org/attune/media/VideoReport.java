package org.attune.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code attune media info} says of a video: codec, size, frames, the frame rate or that it
 * varies, the longest group of pictures, audio — and whether the app's player can show it as it is,
 * with what to do when it cannot. Built from a {@link FrameServer}'s index; no decoding.
 */
public record VideoReport(String file, String container, String codec, int width, int height, int frames, double durationSeconds,
                          boolean constantRate, double fps, double minFrameMs, double maxFrameMs, int longestGop, boolean audio) {

    /** Containers and codec the JavaFX player plays (MP4/MOV/M4V with H.264 video). */
    public boolean playableAsIs() {
        return container.contains("mp4") && codec.equals("h264");
    }

    public static VideoReport of(Path file, FrameServer s) {
        long[] pts = s.index().ptsMicros();
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int i = 1; i < pts.length; i++) {
            double d = (pts[i] - pts[i - 1]) / 1000.0;
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        if (pts.length < 2) min = max = 0;
        double mean = pts.length < 2 ? 0 : (pts[pts.length - 1] - pts[0]) / 1000.0 / (pts.length - 1);
        double duration = pts.length == 0 ? 0 : (pts[pts.length - 1] / 1e6) + mean / 1000.0;
        return new VideoReport(file.getFileName().toString(), s.container(), s.codec(), s.width(), s.height(), s.frames(), duration,
                s.index().constantRate(), mean > 0 ? 1000.0 / mean : 0, min, max, s.index().longestGop(), s.hasAudio());
    }

    /** The report as lines of text, the last ones saying what (if anything) to do. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("file       " + file);
        out.add("video      " + codec + ", " + width + "×" + height + ", in " + container);
        out.add(String.format(Locale.ROOT, "frames     %d (%.3f s)", frames, durationSeconds));
        out.add(constantRate ? String.format(Locale.ROOT, "rate       %.3f frames/s, constant", fps)
                : String.format(Locale.ROOT, "rate       variable: frames last %.1f–%.1f ms (%.3f frames/s on average)", minFrameMs, maxFrameMs, fps));
        out.add(longestGop <= 1 ? "keyframes  every frame (intra-only: steps are quick)"
                : "keyframes  every " + longestGop + " frames at most (the longest group of pictures)");
        out.add("audio      " + (audio ? "yes" : "none"));
        if (playableAsIs()) {
            out.add("playable   yes: the app's player shows it as it is");
        } else {
            out.add("playable   without sound: the app shows its frames exactly and plays it silently (its player plays MP4/MOV with "
                    + "H.264 video only). For sound and smooth playback: " + transcodeHint(file));
        }
        if (!constantRate) {
            out.add("note       its frame rate varies (as phones record): the app shows and stamps each frame at its own timestamp");
        }
        if (longestGop > 30) out.add("note       long groups of pictures (" + longestGop + " frames) make jumps slower (up to 0.2 s at 1080p; "
                + "steps stay quick); a copy with keyframes every 15 frames jumps at once");
        return out;
    }

    /** The ffmpeg line that makes a copy the app's player shows (H.264 MP4, a keyframe every 15 frames), the original untouched. */
    public static String transcodeHint(String fileName) {
        return "Make a coding copy (the original stays untouched): attune media prepare \"" + fileName + "\" -o \"" + CodingCopy.besideOriginal(Path.of(fileName)).getFileName() + "\""
                + " — or with ffmpeg: ffmpeg -i \"" + fileName + "\" -c:v libx264 -pix_fmt yuv420p -g 15 -bf 0 -c:a aac \"" + stem(fileName) + "-h264.mp4\"";
    }

    static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
