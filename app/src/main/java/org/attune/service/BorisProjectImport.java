package org.attune.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attune.coding.Session;
import org.attune.exchange.boris.BorisObservations;
import org.attune.exchange.boris.BorisProject;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.KeyboardLayout;
import org.attune.scheme.SchemeProblem;
import org.attune.scheme.SchemeValidator;
import org.attune.scheme.boris.BorisImport;
import org.attune.scheme.boris.BorisImporter;
import org.attune.store.EventRepository;
import org.attune.store.Study;
import org.attune.store.StudyException;

/**
 * A BORIS project's observations into a study (issue 15), for the CLI and the app alike: a study that does
 * not exist yet is made from the project's ethogram (its subjects kept as a modifier set); into an existing
 * study, the project's codes are matched to the study's scheme. Everything that cannot be mapped is listed
 * first and then nothing is written — not even the new study file.
 */
public final class BorisProjectImport {

    /** What happened: the report (always), the problems that stopped it (empty when it was imported), and what was imported. */
    public record Result(List<String> report, List<String> problems, int sessions, int events, boolean studyCreated) {
        public boolean imported() {
            return problems.isEmpty();
        }
    }

    private BorisProjectImport() {
    }

    /**
     * @param pairs each "obs A=AL,obs B=BK": observations of one video coded by different coders, one session
     *              (labelled by the first) with a pass per coder
     */
    public static Result run(Path studyFile, Path projectFile, String coder, Set<String> observations, List<String> pairs, KeyboardLayout layout)
            throws IOException, StudyException {
        ReadProject read = read(projectFile);
        if (read.refusal() != null) return refused(read.refusal());
        byte[] bytes = read.bytes();
        BorisProject project = read.project();
        String name = projectFile.getFileName().toString();
        Map<String, String> coderOf = new LinkedHashMap<>();
        Map<String, String> sessionOf = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String pair : pairs) readPair(pair, coderOf, sessionOf, problems);
        if (!problems.isEmpty()) return new Result(List.of(), problems, 0, 0, false);
        Path projectDir = projectFile.toAbsolutePath().getParent();
        boolean create = !Files.exists(studyFile);
        List<String> report = new ArrayList<>();
        if (create) {
            BorisImport ethogram;
            try {
                ethogram = BorisImporter.importEthogramOfProject(bytes, name, layout);
            } catch (BorisImporter.BorisFormatException e) {
                return refused(e.getMessage());
            }
            CodingScheme scheme = BorisObservations.withSubjects(ethogram.scheme(), project.subjects());
            List<SchemeProblem> errors = SchemeValidator.validate(scheme).stream().filter(SchemeProblem::isError).toList();
            if (!errors.isEmpty()) {
                return new Result(ethogram.report(), errors.stream().map(e -> name + ": the scheme its ethogram gives: " + e.path() + ": " + e.message()).toList(),
                        0, 0, false);
            }
            report.addAll(ethogram.report());
            if (!project.subjects().isEmpty()) report.add("subjects " + String.join(", ", project.subjects()) + " → modifier set \"subject\" of every event code");
            BorisObservations.Plan plan = BorisObservations.plan(project, scheme, projectDir, coder, observations, coderOf, sessionOf, Set.of());
            report.addAll(plan.report());
            if (!plan.problems().isEmpty()) return new Result(report, plan.problems(), 0, 0, false);
            String studyName = name.replaceFirst("\\.boris(\\.gz)?$", "");
            try (Study study = Study.create(studyFile, scheme, studyName)) {
                return imported(study, plan, report, true);
            } catch (StudyException | RuntimeException e) {
                Files.deleteIfExists(studyFile); // nothing half-made stays behind
                throw e;
            }
        }
        try (Study study = Study.open(studyFile)) {
            if (study.isReadOnly()) return refused(studyFile + " is read-only now (" + study.readOnlyReason().orElse("") + "); nothing was imported.");
            Prepared p = prepare(study, project, projectDir, coder, observations, coderOf, sessionOf);
            if (!p.problems().isEmpty()) return new Result(p.report(), p.problems(), 0, 0, false);
            return apply(study, p);
        }
    }

    /** An import into an open study, mapped and checked but not written: shown to the researcher before {@link #apply}. */
    public record Prepared(List<String> report, List<String> problems, BorisObservations.Plan plan) {
    }

    /** Reads a project and maps its observations onto an open study (the app: the report is shown before anything is written). */
    public static Prepared prepare(Study study, Path projectFile, String coder) throws IOException, StudyException {
        ReadProject read = read(projectFile);
        if (read.refusal() != null) return new Prepared(List.of(), List.of(read.refusal()), null);
        return prepare(study, read.project(), projectFile.toAbsolutePath().getParent(), coder, Set.of(), Map.of(), Map.of());
    }

    /** A project file's bytes and observations, or why it cannot be read (then both are null). */
    private record ReadProject(byte[] bytes, BorisProject project, String refusal) {
    }

    private static ReadProject read(Path projectFile) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(projectFile);
        } catch (NoSuchFileException e) {
            return new ReadProject(null, null, projectFile + ": no such file.");
        }
        try {
            return new ReadProject(bytes, BorisProject.parse(bytes, projectFile.getFileName().toString()), null);
        } catch (BorisImporter.BorisFormatException e) {
            return new ReadProject(null, null, e.getMessage());
        }
    }

    private static Prepared prepare(Study study, BorisProject project, Path projectDir, String coder, Set<String> observations,
                                    Map<String, String> coderOf, Map<String, String> sessionOf) throws StudyException {
        Set<String> existing = new HashSet<>();
        for (Session s : study.sessions()) existing.add(s.label());
        BorisObservations.Plan plan = BorisObservations.plan(project, study.scheme(), projectDir, coder, observations, coderOf, sessionOf, existing);
        return new Prepared(plan.report(), plan.problems(), plan);
    }

    /** Writes a prepared import (all of it in one transaction, or nothing). */
    public static Result apply(Study study, Prepared p) throws StudyException {
        if (!p.problems().isEmpty()) throw new IllegalStateException("an import with problems is not applied");
        return imported(study, p.plan(), p.report(), false);
    }

    private static Result imported(Study study, BorisObservations.Plan plan, List<String> report, boolean created) throws StudyException {
        report = List.copyOf(report);
        List<EventRepository.ImportRow> rows = plan.rows().stream()
                .map(r -> new EventRepository.ImportRow(r.session(), r.coder(), r.event(), r.line())).toList();
        EventRepository.ImportSummary summary = study.importSessions(plan.sessions(), plan.media(), rows);
        return new Result(report, List.of(), plan.sessions().size(), summary.events(), created);
    }

    /** "obs A=AL,obs B=BK": the first observation's session gets the others' passes too. */
    private static void readPair(String pair, Map<String, String> coderOf, Map<String, String> sessionOf, List<String> problems) {
        String home = null;
        for (String part : pair.split(",")) {
            int eq = part.lastIndexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                problems.add("--pair \"" + pair + "\": \"" + part + "\" is not OBSERVATION=CODER (e.g. --pair \"obs A=AL,obs B=BK\")");
                return;
            }
            String obs = part.substring(0, eq).trim();
            String initials = part.substring(eq + 1).trim();
            if (coderOf.put(obs, initials) != null) problems.add("--pair: observation \"" + obs + "\" is named twice");
            if (home == null) home = obs;
            else sessionOf.put(obs, home);
        }
    }

    private static Result refused(String why) {
        return new Result(List.of(), List.of(why), 0, 0, false);
    }
}
