package org.attune.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import javax.xml.stream.XMLStreamException;
import org.attune.coding.Coder;
import org.attune.coding.CodingPass;
import org.attune.coding.EventDraft;
import org.attune.coding.MediaFile;
import org.attune.coding.Session;
import org.attune.exchange.OutputFile;
import org.attune.exchange.boris.BorisWriter;
import org.attune.exchange.elan.EafWriter;
import org.attune.exchange.sdis.SdisWriter;
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

    /** The passes a scope chooses, by session label and coder initials, with their sessions and coders. */
    private record Chosen(Map<Long, Session> sessions, Map<Long, Coder> coders, List<CodingPass> passes) {
        Session session(CodingPass p) {
            return sessions.get(p.sessionId());
        }

        String coder(CodingPass p) {
            return coders.get(p.coderId()).initials();
        }
    }

    private static Chosen chosen(Study study, Scope scope) throws StudyException {
        Map<Long, Session> sessions = StudyExports.sessionsById(study);
        Map<Long, Coder> coders = StudyExports.codersById(study);
        List<CodingPass> passes = new ArrayList<>();
        java.util.Set<Long> training = org.attune.store.ReliabilityStore.trainingSessions(study);
        for (CodingPass p : study.passes()) if (scope.includes(sessions.get(p.sessionId()), coders.get(p.coderId()), p, training)) passes.add(p);
        Chosen c = new Chosen(sessions, coders, passes);
        passes.sort(Comparator.comparing((CodingPass p) -> c.session(p).label()).thenComparing(c::coder));
        return c;
    }

    private static List<EventDraft> events(Study study, CodingPass p) throws StudyException {
        return study.events().list(p.id()).stream().map(EventDraft::of).toList();
    }

    /** A video's path relative to {@code folder} ("/" between names, as the peers write it), or null on another drive. */
    private static String relative(Path folder, Path video) {
        return folder != null && video.getRoot() != null && video.getRoot().equals(folder.getRoot())
                ? folder.relativize(video).toString().replace('\\', '/') : null;
    }

    /**
     * The passes as a BORIS project (one observation per pass: the session's label, with the coder's initials
     * where a session has several passes); video paths relative to the project's folder where they can be.
     * A name ending in {@code .gz} is gzipped, as BORIS saves {@code .boris.gz}. Returns the observations written.
     */
    public static int boris(Study study, Path output, Scope scope) throws OutputFile.Refused, StudyException {
        Chosen c = chosen(study, scope);
        Map<Long, Integer> passesOfSession = new HashMap<>();
        for (CodingPass p : c.passes()) passesOfSession.merge(p.sessionId(), 1, Integer::sum);
        Path folder = output.toAbsolutePath().normalize().getParent();
        List<BorisWriter.Observation> observations = new ArrayList<>();
        for (CodingPass p : c.passes()) {
            Session s = c.session(p);
            String id = passesOfSession.get(s.id()) == 1 ? s.label() : s.label() + " (" + c.coder(p) + ")";
            List<BorisWriter.Camera> cameras = new ArrayList<>();
            for (MediaFile m : study.media(s.id())) {
                Path video = study.resolveMedia(m).toAbsolutePath().normalize();
                String rel = relative(folder, video);
                cameras.add(new BorisWriter.Camera(m.position(), rel != null ? rel : video.toString(), m.offsetMs(), m.fps(), m.durationMs()));
            }
            observations.add(new BorisWriter.Observation(id, s, cameras, events(study, p)));
        }
        boolean gzip = output.getFileName().toString().endsWith(".gz");
        OutputFile.write(output, List.of(study.path()), tmp -> {
            try (OutputStream raw = Files.newOutputStream(tmp); OutputStream out = gzip ? new GZIPOutputStream(raw) : raw) {
                BorisWriter.write(study.scheme(), study.name(), observations, out);
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
    public static int eaf(Study study, Path folder, Scope scope, Consumer<String> notes) throws OutputFile.Refused, StudyException {
        Chosen c = chosen(study, scope);
        Map<Session, List<EafWriter.Pass>> bySession = new LinkedHashMap<>();
        for (CodingPass p : c.passes()) bySession.computeIfAbsent(c.session(p), k -> new ArrayList<>()).add(new EafWriter.Pass(c.coder(p), events(study, p)));
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new OutputFile.Refused("Cannot make the folder " + folder + ": " + e.getMessage());
        }
        Path abs = folder.toAbsolutePath().normalize();
        for (Map.Entry<Session, List<EafWriter.Pass>> e : bySession.entrySet()) {
            Session s = e.getKey();
            List<EafWriter.Camera> cameras = new ArrayList<>();
            for (MediaFile m : study.media(s.id())) {
                Path video = study.resolveMedia(m).toAbsolutePath().normalize();
                String name = video.getFileName().toString().toLowerCase(Locale.ROOT);
                String mime = name.endsWith(".mp4") || name.endsWith(".m4v") ? "video/mp4" : name.endsWith(".mov") ? "video/quicktime" : "video/*";
                cameras.add(new EafWriter.Camera(video.toUri().toString(), relative(abs, video), mime, m.offsetMs(), m.fps()));
            }
            Path target = folder.resolve(s.label().replaceAll("[\\\\/:*?\"<>|]", "_") + ".eaf");
            EafWriter.Written w = OutputFile.write(target, List.of(study.path()), tmp -> {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    return EafWriter.write(study.scheme(), cameras, e.getValue(), out);
                } catch (XMLStreamException x) {
                    throw new IOException(x.getMessage(), x);
                }
            });
            if (w.runningLeftOut() > 0) notes.accept(s.label() + ": " + w.runningLeftOut() + " running states (no end yet) were left out: ELAN annotations have an end");
        }
        return bySession.size();
    }

    /**
     * The passes as one GSEQ data file (SDIS, timed events): a session per pass, labelled "SESSION CODER".
     * Running states are left out and said through {@code notes}. Returns the sessions written.
     */
    public static int sdis(Study study, Path output, Scope scope, Consumer<String> notes) throws OutputFile.Refused, StudyException {
        Chosen c = chosen(study, scope);
        List<SdisWriter.Pass> passes = new ArrayList<>();
        for (CodingPass p : c.passes()) passes.add(new SdisWriter.Pass(c.session(p).label() + " " + c.coder(p), events(study, p)));
        SdisWriter.Written w = OutputFile.write(output, List.of(study.path()), tmp -> {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                return SdisWriter.write(study.scheme(), "Attune from " + study.name(), passes, out);
            }
        });
        if (w.runningLeftOut() > 0) notes.accept(w.runningLeftOut() + " running states (no end yet) were left out: SDIS needs an end");
        return w.sessions();
    }
}
