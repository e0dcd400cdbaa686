package org.attune.ui.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attune.coding.Coder;
import org.attune.coding.CodingPass;
import org.attune.coding.MediaFile;
import org.attune.coding.Session;
import org.attune.store.Study;
import org.attune.store.StudyException;

/**
 * What the study browser shows, read from the study in one go: every session with its videos
 * (found on disk or missing) and, per coder, the pass's status and number of events.
 */
public record StudyOverview(List<Coder> coders, List<Row> rows, java.util.Set<Long> goldPasses, java.util.Set<Long> trainingSessions) {

    public StudyOverview(List<Coder> coders, List<Row> rows) {
        this(coders, rows, java.util.Set.of(), java.util.Set.of());
    }

    /** Whether a pass is its session's gold standard (issue 19). */
    public boolean isGold(CodingPass p) {
        return goldPasses.contains(p.id());
    }

    /** Whether a session is for training (left out of analyses and exports unless asked). */
    public boolean isTraining(Session s) {
        return trainingSessions.contains(s.id());
    }

    /** A video and where it points on this computer. */
    public record Video(MediaFile file, Path resolved, boolean present) {
    }

    /** One coder's pass of a session; {@code pass} is empty when the coder has not been given the session. */
    public record Cell(Session session, Coder coder, Optional<CodingPass> pass, long events) {
    }

    /** One session: its videos and one cell per coder (in {@link #coders()} order). */
    public record Row(Session session, List<Video> videos, Map<Long, Cell> cells) {
        public long missingVideos() {
            return videos.stream().filter(v -> !v.present()).count();
        }

        public Cell cell(Coder c) {
            return cells.get(c.id());
        }
    }

    public static StudyOverview read(Study study) throws StudyException {
        List<Coder> coders = study.coders();
        Map<Long, Long> counts = study.eventCounts();
        Map<String, CodingPass> passes = new HashMap<>();
        for (CodingPass p : study.passes()) passes.put(p.sessionId() + "/" + p.coderId(), p);
        Map<Long, List<Video>> videos = new HashMap<>();
        for (MediaFile m : study.allMedia()) {
            Path p = study.resolveMedia(m);
            videos.computeIfAbsent(m.sessionId(), k -> new ArrayList<>()).add(new Video(m, p, Files.isRegularFile(p)));
        }
        List<Row> rows = new ArrayList<>();
        for (Session s : study.sessions()) {
            Map<Long, Cell> cells = new LinkedHashMap<>();
            for (Coder c : coders) {
                Optional<CodingPass> pass = Optional.ofNullable(passes.get(s.id() + "/" + c.id()));
                cells.put(c.id(), new Cell(s, c, pass, pass.map(p -> counts.getOrDefault(p.id(), 0L)).orElse(0L)));
            }
            rows.add(new Row(s, List.copyOf(videos.getOrDefault(s.id(), List.of())), cells));
        }
        return new StudyOverview(coders, rows, java.util.Set.copyOf(org.attune.store.ReliabilityStore.goldPasses(study).values()),
                org.attune.store.ReliabilityStore.trainingSessions(study));
    }

    public List<Video> missingVideos() {
        return rows.stream().flatMap(r -> r.videos().stream()).filter(v -> !v.present()).toList();
    }
}
