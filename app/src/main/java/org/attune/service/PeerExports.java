package org.attune.service;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.attune.coding.Coder;
import org.attune.coding.CodingPass;
import org.attune.coding.Session;
import org.attune.exchange.OutputFile;
import org.attune.service.StudyExports.Scope;
import org.attune.store.Study;
import org.attune.store.StudyException;

/**
 * A study's passes in the peers' formats (issue 15; docs/interchange.md): a BORIS project, ELAN documents,
 * a GSEQ data file — each written through {@link OutputFile} (never over a study or an input, never half a
 * file), for the command line and the app alike. The CSV exports are {@link StudyExports}.
 */
public final class PeerExports {

    private PeerExports() {
    }

    /**
     * The passes as a BORIS project (one observation per pass: the session's label, with the coder's initials
     * where a session has several passes); video paths relative to the project's folder where they can be.
     * A name ending in {@code .gz} is gzipped, as BORIS saves {@code .boris.gz}. Returns the observations written.
     */
    public static int boris(Study study, Path output, Scope scope) throws OutputFile.Refused, StudyException {
        Map<Long, Session> sessions = StudyExports.sessionsById(study);
        Map<Long, Coder> coders = StudyExports.codersById(study);
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
        Map<Long, Session> sessions = StudyExports.sessionsById(study);
        Map<Long, Coder> coders = StudyExports.codersById(study);
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
        Map<Long, Session> sessions = StudyExports.sessionsById(study);
        Map<Long, Coder> coders = StudyExports.codersById(study);
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
}
