package org.attune.service;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.attune.coding.Coder;
import org.attune.coding.CodingPass;
import org.attune.coding.PassStatus;
import org.attune.coding.Session;
import org.attune.exchange.CsvOptions;
import org.attune.exchange.EventCsvWriter;
import org.attune.exchange.OutputFile;
import org.attune.exchange.RatingsCsv;
import org.attune.store.Study;
import org.attune.store.StudyException;

/**
 * A study's events and session ratings written as the tidy CSVs of docs/events-csv.md and
 * docs/ratings-csv.md — the one implementation behind {@code attune events export},
 * {@code attune ratings export} and the app's File ▸ Export. Every file is written through
 * {@link OutputFile}: never over the study or a study, never half a file (a failure or a cancel
 * leaves what was there before).
 */
public final class StudyExports {

    /**
     * Which passes an export covers: sessions by label, coders by initials, passes by status; an empty
     * set means all.
     */
    public record Scope(Set<String> sessions, Set<String> coders, Set<PassStatus> statuses) {
        public static final Scope ALL = new Scope(Set.of(), Set.of(), Set.of());

        public Scope {
            sessions = Set.copyOf(sessions);
            coders = Set.copyOf(coders);
            statuses = Set.copyOf(statuses);
        }

        boolean includes(Session s, Coder c, CodingPass p) {
            return (sessions.isEmpty() || sessions.contains(s.label())) && (coders.isEmpty() || coders.contains(c.initials()))
                    && (statuses.isEmpty() || statuses.contains(p.status()));
        }
    }

    /** A study's reading failed while the file was being written: nothing was written. */
    public static final class ReadFailure extends RuntimeException {
        public ReadFailure(StudyException cause) {
            super(cause.getMessage(), cause);
        }

        @Override
        public synchronized StudyException getCause() {
            return (StudyException) super.getCause();
        }
    }

    private StudyExports() {
    }

    /**
     * Writes the events of the passes in {@code scope}, one row per event (docs/events-csv.md), and
     * returns the number of rows. Progress counts events; a cancel stops between two rows.
     *
     * @throws OutputFile.Refused  the output may not be written (it is the study, a study, a folder …) or writing failed
     * @throws ReadFailure         the study could not be read meanwhile
     * @throws Progress.Cancelled  the user cancelled
     */
    public static long events(Study study, Path output, Scope scope, CsvOptions options, Progress progress) throws OutputFile.Refused, StudyException {
        Map<Long, Session> sessions = sessionsById(study);
        Map<Long, Coder> coders = codersById(study);
        Map<Long, Long> counts = study.eventCounts();
        Set<String> metaKeys = new TreeSet<>();
        long total = 0;
        for (CodingPass p : study.passes()) {
            Session s = sessions.get(p.sessionId());
            if (!scope.includes(s, coders.get(p.coderId()), p)) continue;
            metaKeys.addAll(s.metadata().keySet());
            total += counts.getOrDefault(p.id(), 0L);
        }
        long all = total;
        return OutputFile.write(output, List.of(study.path()), tmp -> {
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16);
                 EventCsvWriter csv = new EventCsvWriter(w, study.scheme(), study.name(), List.copyOf(metaKeys), options)) {
                progress.report(0, all);
                study.events().forEach(scope.sessions(), scope.coders(), e -> {
                    if (!scope.statuses().isEmpty() && !scope.statuses().contains(e.pass().status())) return;
                    try {
                        csv.write(e);
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                    if (csv.rows() % 1024 == 0) {
                        progress.checkCancelled();
                        progress.report(csv.rows(), all);
                    }
                });
                progress.checkCancelled();
                progress.report(csv.rows(), all);
                return csv.rows();
            } catch (StudyException e) {
                throw new ReadFailure(e);
            }
        });
    }

    /**
     * Writes the session ratings of the passes in {@code scope} (docs/ratings-csv.md): one row per
     * rating, or with {@code wide} one row per session × coder. Returns the number of rows.
     */
    public static long ratings(Study study, Path output, Scope scope, boolean wide, CsvOptions options, Progress progress)
            throws OutputFile.Refused, StudyException {
        Map<Long, Session> sessions = sessionsById(study);
        Map<Long, Coder> coders = codersById(study);
        List<RatingsCsv.Pass> passes = new ArrayList<>();
        Set<String> metaKeys = new TreeSet<>();
        List<CodingPass> all = study.passes();
        for (CodingPass p : all) {
            progress.checkCancelled();
            Session session = sessions.get(p.sessionId());
            Coder coder = coders.get(p.coderId());
            if (!scope.includes(session, coder, p)) continue;
            passes.add(new RatingsCsv.Pass(session, coder, p, study.events().ratings(p.id())));
            metaKeys.addAll(session.metadata().keySet());
            progress.report(passes.size(), all.size());
        }
        passes.sort(Comparator.comparing((RatingsCsv.Pass x) -> x.session().label()).thenComparing(x -> x.coder().initials()));
        return OutputFile.write(output, List.of(study.path()), tmp -> {
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8))) {
                return RatingsCsv.write(w, study.scheme(), study.name(), passes, List.copyOf(metaKeys), wide, options);
            }
        });
    }

    /**
     * Saves a consistent copy of the whole study (SQLite's {@code VACUUM INTO}) to {@code target},
     * written beside it and moved into place: a killed copy leaves no half study, and an existing study
     * is never replaced (OutputFile refuses it).
     */
    public static void copy(Study study, Path target) throws OutputFile.Refused {
        OutputFile.write(target, List.of(study.path()), tmp -> {
            Files.delete(tmp); // VACUUM INTO makes the file itself
            try {
                study.saveCopy(tmp);
            } catch (StudyException e) {
                throw new ReadFailure(e);
            }
            return null;
        });
    }

    /**
     * The passes as a BORIS project (one observation per pass: the session's label, with the coder's initials
     * where a session has several passes); video paths relative to the project's folder where they can be.
     * A name ending in {@code .gz} is gzipped, as BORIS saves {@code .boris.gz}. Returns the observations written.
     */
    public static int boris(Study study, Path output, Scope scope) throws OutputFile.Refused, StudyException {
        Map<Long, Session> sessions = sessionsById(study);
        Map<Long, Coder> coders = codersById(study);
        List<CodingPass> passes = new java.util.ArrayList<>();
        Map<Long, Integer> passesOfSession = new HashMap<>();
        for (CodingPass p : study.passes()) {
            if (!scope.includes(sessions.get(p.sessionId()), coders.get(p.coderId()), p)) continue;
            passes.add(p);
            passesOfSession.merge(p.sessionId(), 1, Integer::sum);
        }
        passes.sort(java.util.Comparator.comparing((CodingPass p) -> sessions.get(p.sessionId()).label()).thenComparing(p -> coders.get(p.coderId()).initials()));
        Path folder = output.toAbsolutePath().getParent();
        List<org.attune.exchange.boris.BorisWriter.Observation> observations = new java.util.ArrayList<>();
        for (CodingPass p : passes) {
            Session s = sessions.get(p.sessionId());
            String id = passesOfSession.get(s.id()) == 1 ? s.label() : s.label() + " (" + coders.get(p.coderId()).initials() + ")";
            List<org.attune.exchange.boris.BorisWriter.Camera> cameras = new java.util.ArrayList<>();
            for (org.attune.coding.MediaFile m : study.media(s.id())) {
                Path video = study.resolveMedia(m).toAbsolutePath();
                String path = folder != null && video.getRoot() != null && video.getRoot().equals(folder.getRoot())
                        ? folder.relativize(video).toString().replace('\\', '/') : video.toString();
                cameras.add(new org.attune.exchange.boris.BorisWriter.Camera(m.position(), path, m.offsetMs(), m.fps(), m.durationMs()));
            }
            List<org.attune.coding.EventDraft> events = study.events().list(p.id()).stream().map(org.attune.coding.EventDraft::of).toList();
            observations.add(new org.attune.exchange.boris.BorisWriter.Observation(id, s, cameras, events));
        }
        boolean gzip = output.getFileName().toString().endsWith(".gz");
        OutputFile.write(output, List.of(study.path()), tmp -> {
            try (java.io.OutputStream raw = Files.newOutputStream(tmp);
                 java.io.OutputStream out = gzip ? new java.util.zip.GZIPOutputStream(raw) : raw) {
                org.attune.exchange.boris.BorisWriter.write(study.scheme(), study.name(), observations, out);
            }
            return null;
        });
        return observations.size();
    }

    /**
     * One ELAN document per session into {@code folder} ({@code LABEL.eaf}; its passes chosen by the scope as
     * tiers per coder), video paths relative to the folder where they can be. Returns the documents written,
     * and says what ELAN cannot hold (running states) through {@code notes}.
     */
    public static int eaf(Study study, Path folder, Scope scope, java.util.function.Consumer<String> notes) throws OutputFile.Refused, StudyException {
        Map<Long, Session> sessions = sessionsById(study);
        Map<Long, Coder> coders = codersById(study);
        Map<Long, List<CodingPass>> bySession = new java.util.TreeMap<>();
        for (CodingPass p : study.passes()) {
            if (scope.includes(sessions.get(p.sessionId()), coders.get(p.coderId()), p)) bySession.computeIfAbsent(p.sessionId(), k -> new java.util.ArrayList<>()).add(p);
        }
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new OutputFile.Refused("Cannot make the folder " + folder + ": " + e.getMessage());
        }
        Path abs = folder.toAbsolutePath().normalize();
        int written = 0;
        for (Map.Entry<Long, List<CodingPass>> e : bySession.entrySet()) {
            Session s = sessions.get(e.getKey());
            List<org.attune.exchange.elan.EafWriter.Camera> cameras = new java.util.ArrayList<>();
            for (org.attune.coding.MediaFile m : study.media(s.id())) {
                Path video = study.resolveMedia(m).toAbsolutePath().normalize();
                String rel = video.getRoot() != null && video.getRoot().equals(abs.getRoot()) ? abs.relativize(video).toString().replace('\\', '/') : null;
                String name = video.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                String mime = name.endsWith(".mp4") || name.endsWith(".m4v") ? "video/mp4" : name.endsWith(".mov") ? "video/quicktime" : "video/*";
                cameras.add(new org.attune.exchange.elan.EafWriter.Camera(video.toUri().toString(), rel, mime, m.offsetMs(), m.fps()));
            }
            List<org.attune.exchange.elan.EafWriter.Pass> passes = new java.util.ArrayList<>();
            e.getValue().sort(java.util.Comparator.comparing(p -> coders.get(p.coderId()).initials()));
            for (CodingPass p : e.getValue()) {
                passes.add(new org.attune.exchange.elan.EafWriter.Pass(coders.get(p.coderId()).initials(),
                        study.events().list(p.id()).stream().map(org.attune.coding.EventDraft::of).toList()));
            }
            Path target = folder.resolve(s.label().replaceAll("[\\\\/:*?\"<>|]", "_") + ".eaf");
            org.attune.exchange.elan.EafWriter.Written w = OutputFile.write(target, List.of(study.path()), tmp -> {
                try (java.io.OutputStream out = Files.newOutputStream(tmp)) {
                    return org.attune.exchange.elan.EafWriter.write(study.scheme(), cameras, passes, out);
                } catch (javax.xml.stream.XMLStreamException x) {
                    throw new java.io.IOException(x.getMessage(), x);
                }
            });
            if (w.runningLeftOut() > 0) notes.accept(s.label() + ": " + w.runningLeftOut() + " running states (no end yet) were left out: ELAN annotations have an end");
            written++;
        }
        return written;
    }

    /**
     * The passes as one GSEQ data file (SDIS, timed events): a session per pass, labelled "SESSION CODER".
     * Running states are left out and said through {@code notes}. Returns the sessions written.
     */
    public static int sdis(Study study, Path output, Scope scope, java.util.function.Consumer<String> notes) throws OutputFile.Refused, StudyException {
        Map<Long, Session> sessions = sessionsById(study);
        Map<Long, Coder> coders = codersById(study);
        List<org.attune.exchange.sdis.SdisWriter.Pass> passes = new java.util.ArrayList<>();
        List<CodingPass> chosen = new java.util.ArrayList<>();
        for (CodingPass p : study.passes()) if (scope.includes(sessions.get(p.sessionId()), coders.get(p.coderId()), p)) chosen.add(p);
        chosen.sort(java.util.Comparator.comparing((CodingPass p) -> sessions.get(p.sessionId()).label()).thenComparing(p -> coders.get(p.coderId()).initials()));
        for (CodingPass p : chosen) {
            passes.add(new org.attune.exchange.sdis.SdisWriter.Pass(sessions.get(p.sessionId()).label() + " " + coders.get(p.coderId()).initials(),
                    study.events().list(p.id()).stream().map(org.attune.coding.EventDraft::of).toList()));
        }
        org.attune.exchange.sdis.SdisWriter.Written w = OutputFile.write(output, List.of(study.path()), tmp -> {
            try (java.io.Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                return org.attune.exchange.sdis.SdisWriter.write(study.scheme(), "Attune from " + study.name(), passes, out);
            }
        });
        if (w.runningLeftOut() > 0) notes.accept(w.runningLeftOut() + " running states (no end yet) were left out: SDIS needs an end");
        return w.sessions();
    }

    private static Map<Long, Session> sessionsById(Study study) throws StudyException {
        Map<Long, Session> out = new HashMap<>();
        for (Session s : study.sessions()) out.put(s.id(), s);
        return out;
    }

    private static Map<Long, Coder> codersById(Study study) throws StudyException {
        Map<Long, Coder> out = new HashMap<>();
        for (Coder c : study.coders()) out.put(c.id(), c);
        return out;
    }
}
