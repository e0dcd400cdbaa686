package org.attune.service;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.attune.coding.ImportMerge;
import org.attune.exchange.EventCsvReader;
import org.attune.store.EventRepository;
import org.attune.store.Study;
import org.attune.store.StudyException;

/**
 * Events from a CSV file into a study, all or nothing — the one implementation behind
 * {@code attune events import} and the app's File ▸ Import events from CSV: the whole file is
 * checked first (every error with its line), then against what the study holds (identical events are
 * skipped and counted, conflicting ones refused with their line: docs/events-csv.md), and only a
 * file without problems is written, in one transaction.
 */
public final class EventImports {

    /**
     * What an import did, or why it did nothing: {@code problems} (each "FILE:LINE: what") and a
     * sentence saying what to do; or the summary and notes of what was imported.
     */
    public record Outcome(List<String> problems, String whatToDo, EventRepository.ImportSummary summary, List<String> notes) {
        public boolean ok() {
            return summary != null;
        }

        /** What was imported, in a sentence ("imported 12 events into s.attune; new sessions: S3"). */
        public String imported(String studyFileName) {
            return "imported " + summary.events() + (summary.events() == 1 ? " event" : " events") + " into " + studyFileName
                    + (summary.newSessions().isEmpty() ? "" : "; new sessions: " + String.join(", ", summary.newSessions()))
                    + (summary.newCoders().isEmpty() ? "" : "; new coders: " + String.join(", ", summary.newCoders()))
                    + (summary.newPasses() == 0 ? "" : "; " + summary.newPasses() + (summary.newPasses() == 1 ? " new coding pass" : " new coding passes"));
        }

        /** The notes to show besides: the reader's, and how many identical events were skipped. */
        public List<String> allNotes() {
            List<String> out = new ArrayList<>(notes);
            if (summary.alreadyThere() > 0) {
                out.add(summary.alreadyThere() + " events are identical to events already in the study and were skipped"
                        + (summary.events() == 0 ? " (the file was imported before)" : ""));
            }
            return out;
        }

        static Outcome refused(List<String> problems, String whatToDo) {
            return new Outcome(List.copyOf(problems), whatToDo, null, List.of());
        }
    }

    private EventImports() {
    }

    /** Imports {@code csv} into {@code study} (open for writing), or says why nothing was imported. */
    public static Outcome fromCsv(Study study, Path csv) throws StudyException {
        if (study.isReadOnly()) return readOnly(study);
        EventCsvReader.Result r;
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) { // reports malformed UTF-8
            r = EventCsvReader.read(in, csv.toString(), study.scheme());
        } catch (CharacterCodingException e) {
            return Outcome.refused(List.of(), csv + ": the file is not UTF-8 text; save it as CSV UTF-8 and try again. Nothing was imported.");
        } catch (NoSuchFileException e) {
            return Outcome.refused(List.of(), csv + ": no such file.");
        } catch (IOException e) {
            return Outcome.refused(List.of(), "Cannot read " + csv + ": " + e.getMessage());
        }
        if (!r.ok()) {
            return Outcome.refused(r.errors().stream().map(p -> p.format()).toList(),
                    r.errors().size() + " errors; nothing was imported. Fix them and run the import again.");
        }
        List<EventRepository.ImportRow> rows = new ArrayList<>(r.rows().size());
        for (EventCsvReader.Row row : r.rows()) rows.add(new EventRepository.ImportRow(row.session(), row.coder(), row.event(), row.line()));
        ImportMerge.Plan plan = study.events().planImport(rows);
        if (!plan.ok()) {
            return Outcome.refused(plan.conflicts().stream().map(c -> csv + ":" + c.line() + ": " + c.message()).toList(),
                    plan.conflicts().size() + " events conflict with events already in " + study.path().getFileName()
                            + "; nothing was imported. Fix them and run the import again (docs/events-csv.md, \"Importing into a study that has events\").");
        }
        EventRepository.ImportSummary summary = study.events().importAll(rows);
        return new Outcome(List.of(), "", summary, List.copyOf(r.notes()));
    }

    /**
     * Imports an ELAN document's annotations into {@code study} as the events of one session (by default the
     * file's name without {@code .eaf}), each tier's coder its ANNOTATOR unless {@code coder} is given;
     * {@code tierMap} (a CSV of {@code tier,code-or-family} lines, may be null) maps tiers whose values are
     * not code ids. All or nothing, as the CSV import.
     */
    public static Outcome fromEaf(Study study, Path eaf, String session, String coder, Path tierMap) throws StudyException {
        if (study.isReadOnly()) return readOnly(study);
        java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
        Outcome badMap = readMap(tierMap, "tier", map);
        if (badMap != null) return badMap;
        byte[] bytes = readAll(eaf);
        if (bytes == null) return unreadable(eaf);
        String label = session != null ? session : eaf.getFileName().toString().replaceFirst("(?i)\\.eaf$", "");
        org.attune.exchange.elan.EafReader.Result r = org.attune.exchange.elan.EafReader.read(bytes, eaf.toString(), study.scheme(), coder, map);
        if (!r.problems().isEmpty()) {
            return Outcome.refused(r.problems(), r.problems().size() + " problems; nothing was imported. Fix them (or map the tiers) and run the import again.");
        }
        List<EventRepository.ImportRow> rows = new ArrayList<>(r.rows().size());
        for (org.attune.exchange.elan.EafReader.Row row : r.rows()) rows.add(new EventRepository.ImportRow(label, row.coder(), row.event(), row.line()));
        return importRows(study, eaf + ":", rows, r.notes());
    }

    /** Reads a map of lines {@code name,code} (or {@code name,family}) into {@code into}; an Outcome saying what is wrong, or null. */
    private static Outcome readMap(Path file, String what, java.util.Map<String, String> into) {
        if (file == null) return null;
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> bad = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#") || i == 0 && line.equalsIgnoreCase(what + ",code")) continue;
                int comma = line.lastIndexOf(',');
                if (comma <= 0 || comma == line.length() - 1) bad.add(file + ":" + (i + 1) + ": \"" + line + "\" is not " + what + ",code (or " + what + ",family)");
                else into.put(line.substring(0, comma).strip(), line.substring(comma + 1).strip());
            }
            return bad.isEmpty() ? null : Outcome.refused(bad, bad.size() + " errors in the " + what + " map; nothing was imported.");
        } catch (IOException e) {
            return Outcome.refused(List.of(), "Cannot read the " + what + " map " + file + ": " + e.getMessage());
        }
    }

    /**
     * Imports a Datavyu project's cells into {@code study} as the events of one session (by default the
     * file's name without {@code .opf}) coded by {@code coder} (Datavyu records no coder);
     * {@code columnMap} maps columns that are not named like codes. All or nothing.
     */
    public static Outcome fromOpf(Study study, Path opf, String session, String coder, Path columnMap) throws StudyException {
        if (study.isReadOnly()) return readOnly(study);
        if (coder == null || coder.isBlank()) return Outcome.refused(List.of(), "A Datavyu project does not say who coded it: give the coder with --coder.");
        java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
        Outcome badMap = readMap(columnMap, "column", map);
        if (badMap != null) return badMap;
        byte[] bytes = readAll(opf);
        if (bytes == null) return unreadable(opf);
        String label = session != null ? session : opf.getFileName().toString().replaceFirst("(?i)\\.opf$", "");
        org.attune.exchange.datavyu.OpfReader.Result r = org.attune.exchange.datavyu.OpfReader.read(bytes, opf.toString(), study.scheme(), map);
        if (!r.problems().isEmpty()) {
            return Outcome.refused(r.problems(), r.problems().size() + " problems; nothing was imported. Fix them (or map the columns) and run the import again.");
        }
        List<EventRepository.ImportRow> rows = new ArrayList<>(r.rows().size());
        for (org.attune.exchange.datavyu.OpfReader.Row row : r.rows()) rows.add(new EventRepository.ImportRow(label, coder.trim(), row.event(), row.line()));
        return importRows(study, opf + ":db:", rows, r.notes());
    }

    /** A file's bytes, or null when it cannot be read ({@link #unreadable} says why). */
    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
    }

    private static Outcome unreadable(Path file) {
        return Outcome.refused(List.of(), Files.exists(file) ? "Cannot read " + file + "; check that it is readable." : file + ": no such file.");
    }

    /** Rows checked against the study's events, then imported all or nothing; {@code where} prefixes a conflict's line. */
    private static Outcome importRows(Study study, String where, List<EventRepository.ImportRow> rows, List<String> notes) throws StudyException {
        ImportMerge.Plan plan = study.events().planImport(rows);
        if (!plan.ok()) {
            return Outcome.refused(plan.conflicts().stream().map(c -> where + c.line() + ": " + c.message()).toList(),
                    plan.conflicts().size() + " events conflict with events already in " + study.path().getFileName() + "; nothing was imported.");
        }
        return new Outcome(List.of(), "", study.events().importAll(rows), notes);
    }

    private static Outcome readOnly(Study study) {
        return Outcome.refused(List.of(), "Cannot import into " + study.path().getFileName() + ": " + study.readOnlyReason().orElse("it is read-only") + ".");
    }
}
