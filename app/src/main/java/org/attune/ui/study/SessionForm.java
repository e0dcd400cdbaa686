package org.attune.ui.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.attune.coding.NewMedia;
import org.attune.coding.Session;
import org.attune.coding.TimeFormat;
import org.attune.media.Mp4Info;
import org.attune.ui.player.VideoPlayer;

/**
 * The "Add session" form as text, checked as a whole: every problem is reported with the field it is
 * in and what to do, and only a form without problems becomes a session and its videos. Kept free of
 * JavaFX so the rules are tested directly.
 */
public final class SessionForm {

    /** A video row of the form: the file and its offset on the session clock, in seconds as typed. */
    public record VideoRow(Path file, String offsetSeconds) {
    }

    /** The form's session and videos, ready for the study's {@code addSession}; or the problems. */
    public record Result(Session session, List<NewMedia> media, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Reads a video's frame rate and duration; throws with a message for the user (what is wrong, what to do) when it cannot be used. */
    public interface VideoProbe {
        NewMedia probe(Path file, int position, long offsetMs) throws Exception;
    }

    public String label = "";
    public String dyad = "";
    public String date = "";
    public String childAgeMonths = "";
    public String context = "";
    public String notes = "";
    /** One {@code key = value} per line (the lab's own fields, e.g. {@code wave = 2}). */
    public String otherFields = "";
    public final List<VideoRow> videos = new ArrayList<>();

    /** A form holding a session's details as text, for editing. */
    public static SessionForm of(Session s) {
        SessionForm f = new SessionForm();
        f.label = s.label();
        f.dyad = s.dyad();
        f.date = s.date();
        Double age = s.childAgeMonths();
        f.childAgeMonths = age == null ? "" : age == Math.rint(age) ? Long.toString(age.longValue()) : age.toString();
        f.context = s.context();
        f.notes = s.notes();
        StringBuilder other = new StringBuilder();
        s.metadata().forEach((k, v) -> other.append(k).append(" = ").append(v).append('\n'));
        f.otherFields = other.toString();
        return f;
    }

    public Result check(Set<String> existingLabels, VideoProbe probe) {
        List<String> problems = new ArrayList<>();
        String l = label.trim();
        if (l.isEmpty()) problems.add("Label: a session needs a label (e.g. S03 or dyad 12, visit 2).");
        else if (existingLabels.contains(l)) problems.add("Label: there is already a session labelled \"" + l + "\"; choose another label.");
        String d = date.trim();
        if (!d.isEmpty()) {
            try {
                LocalDate.parse(d);
            } catch (DateTimeParseException e) {
                problems.add("Date: \"" + d + "\" is not a date; write it as YYYY-MM-DD (e.g. 2026-03-14) or leave it empty.");
            }
        }
        Double age = null;
        String a = childAgeMonths.trim().replace(',', '.');
        if (!a.isEmpty()) {
            try {
                age = Double.parseDouble(a);
                if (!(age >= 0 && age < 300)) {
                    problems.add("Child age: " + a + " months is not an age; give months from 0 (e.g. 14.5) or leave it empty.");
                    age = null;
                }
            } catch (NumberFormatException e) {
                problems.add("Child age: \"" + a + "\" is not a number of months (e.g. 14.5); leave it empty if unknown.");
            }
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        String[] lines = otherFields.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) continue;
            int eq = line.indexOf('=');
            if (eq <= 0) {
                problems.add("Other fields, line " + (i + 1) + ": \"" + line + "\" is not key = value (e.g. wave = 2).");
                continue;
            }
            String key = line.substring(0, eq).trim();
            if (metadata.containsKey(key)) problems.add("Other fields, line " + (i + 1) + ": " + key + " is given twice; keep one.");
            metadata.put(key, line.substring(eq + 1).trim());
        }
        if (videos.size() > 4) problems.add("Videos: a session has at most 4 videos (camera positions 1–4); remove " + (videos.size() - 4) + ".");
        List<NewMedia> media = new ArrayList<>();
        Set<Path> seen = new java.util.HashSet<>();
        for (int i = 0; i < videos.size() && i < 4; i++) {
            VideoRow v = videos.get(i);
            String where = "Video " + (i + 1) + " (" + v.file().getFileName() + ")";
            if (!seen.add(v.file().toAbsolutePath().normalize())) {
                problems.add(where + ": the same file is attached twice; remove one.");
                continue;
            }
            var offset = TimeFormat.parseSeconds(v.offsetSeconds().isBlank() ? "0" : v.offsetSeconds());
            if (offset.isEmpty()) {
                problems.add(where + ", offset: \"" + v.offsetSeconds() + "\" is not a time in seconds (e.g. 0, 1.250 or -0.5).");
                continue;
            }
            if (!Files.isRegularFile(v.file())) {
                problems.add(where + ": the file " + v.file() + " does not exist (any more); choose it again.");
                continue;
            }
            try {
                media.add(probe.probe(v.file(), i + 1, offset.get()));
            } catch (Exception e) {
                problems.add(where + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) return new Result(null, List.of(), List.copyOf(problems));
        Session s = new Session(0, l, dyad.trim(), d, age, context.trim(), notes.strip(), metadata);
        return new Result(s, List.copyOf(media), List.of());
    }

    /**
     * Reads a video's frame rate and duration: from its MP4 boxes (no decoding), or for other containers
     * (AVI, MTS, MKV …) from its frames' timestamps through FFmpeg (reads the file once).
     */
    public static NewMedia probe(Path file, int position, long offsetMs) throws Exception {
        Optional<Mp4Info.VideoTiming> t = Mp4Info.read(file);
        if (t.isPresent()) return new NewMedia(file, position, offsetMs, t.get().fps(), t.get().durationMs());
        try (org.attune.media.FrameServer frames = org.attune.media.FrameServer.open(file, 1)) {
            return new NewMedia(file, position, offsetMs, frames.clock().fps(), Math.round(frames.durationMicros() / 1000.0));
        } catch (java.io.IOException e) {
            throw new Exception((e.getMessage() == null ? "it cannot be read as a video" : e.getMessage())
                    + " Attune reads MP4, MOV, AVI, MTS, MKV and most other camera formats; this file may be damaged or not a video.");
        }
    }

    /** Whether the player plays a video as it is, with sound (MP4/MOV); others play silently through FFmpeg. */
    public static boolean playsAsIs(Path file) {
        try {
            return Mp4Info.read(file).isPresent();
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
