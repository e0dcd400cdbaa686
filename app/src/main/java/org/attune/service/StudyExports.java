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
     * set means all — all but the training sessions (issue 19) unless {@code includeTraining}.
     */
    public record Scope(Set<String> sessions, Set<String> coders, Set<PassStatus> statuses, boolean includeTraining) {
        public static final Scope ALL = new Scope(Set.of(), Set.of(), Set.of());

        public Scope {
            sessions = Set.copyOf(sessions);
            coders = Set.copyOf(coders);
            statuses = Set.copyOf(statuses);
        }

        /** Training sessions left out. */
        public Scope(Set<String> sessions, Set<String> coders, Set<PassStatus> statuses) {
            this(sessions, coders, statuses, false);
        }

        boolean includes(Session s, Coder c, CodingPass p, Set<Long> training) {
            return (sessions.isEmpty() ? includeTraining || !training.contains(s.id()) : sessions.contains(s.label()))
                    && (coders.isEmpty() || coders.contains(c.initials())) && (statuses.isEmpty() || statuses.contains(p.status()));
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
        Set<Long> training = org.attune.store.ReliabilityStore.trainingSessions(study);
        for (CodingPass p : study.passes()) {
            Session s = sessions.get(p.sessionId());
            if (!scope.includes(s, coders.get(p.coderId()), p, training)) continue;
            metaKeys.addAll(s.metadata().keySet());
            total += counts.getOrDefault(p.id(), 0L);
        }
        long all = total;
        return OutputFile.write(output, List.of(study.path()), tmp -> {
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16);
                 EventCsvWriter csv = new EventCsvWriter(w, study.scheme(), study.name(), List.copyOf(metaKeys), options)) {
                progress.report(0, all);
                study.events().forEach(scope.sessions(), scope.coders(), scope.includeTraining(), e -> {
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
        Set<Long> training = org.attune.store.ReliabilityStore.trainingSessions(study);
        for (CodingPass p : all) {
            progress.checkCancelled();
            Session session = sessions.get(p.sessionId());
            Coder coder = coders.get(p.coderId());
            if (!scope.includes(session, coder, p, training)) continue;
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

    static Map<Long, Session> sessionsById(Study study) throws StudyException {
        Map<Long, Session> out = new HashMap<>();
        for (Session s : study.sessions()) out.put(s.id(), s);
        return out;
    }

    static Map<Long, Coder> codersById(Study study) throws StudyException {
        Map<Long, Coder> out = new HashMap<>();
        for (Coder c : study.coders()) out.put(c.id(), c);
        return out;
    }
}
