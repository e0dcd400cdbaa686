package org.attune.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.attune.coding.Coder;
import org.attune.coding.Session;
import org.attune.exchange.CsvOptions;
import org.attune.exchange.OutputFile;
import org.attune.scheme.KeyboardLayout;
import org.attune.scheme.manual.CodingManual;
import org.attune.service.EventImports;
import org.attune.service.PeerExports;
import org.attune.service.StudyExports;
import org.attune.store.Study;
import org.attune.store.StudyException;

/**
 * What File ▸ Export, Save a copy and Import events do to the open study, with the questions they ask
 * ({@link ExportForms}, {@link DialogService}) and the writing done by {@link ExportRunner} (in the
 * background, with progress and Cancel, never over a study or half a file). While a blind pass is open
 * for coding, nothing of other coders' work is exported. No JavaFX nodes: tested without the toolkit.
 */
public final class FileActions {

    private final OpenStudy open;
    private final DialogService dialogs;
    private final ExportForms forms;
    private final Tasks tasks;
    private final ExportRunner runner;
    private final Consumer<String> say;
    private final Supplier<KeyboardLayout> layout;
    private final PassActions passes;

    /**
     * @param say    where what was done is said in a line (the study browser's status line)
     * @param layout the keyboard the manual shows key caps for
     */
    public FileActions(OpenStudy open, DialogService dialogs, ExportForms forms, Tasks tasks, Consumer<String> say, Supplier<KeyboardLayout> layout) {
        this.open = open;
        this.dialogs = dialogs;
        this.forms = forms;
        this.tasks = tasks;
        this.runner = new ExportRunner(dialogs, tasks);
        this.say = say;
        this.layout = layout;
        this.passes = new PassActions(open, dialogs, tasks, say);
    }

    /** File ▸ Send passes to a coder… (PassActions). */
    public void sendPasses() {
        passes.send();
    }

    /** Runs for each pass a received package brought back done (PassActions). */
    public void setOnPassDone(java.util.function.Consumer<org.attune.coding.CodingPass> then) {
        passes.setOnPassDone(then);
    }

    /** File ▸ Send passes to a coder, sealed… (PassActions). */
    public void sendPassesSealed() {
        passes.sendSealed();
    }

    /** File ▸ Receive coded passes… (PassActions). */
    public void receivePasses() {
        passes.receive();
    }

    /** File ▸ Check the videos… (PassActions). */
    public void verifyVideos() {
        passes.verifyVideos();
    }

    /** The open study, or empty after saying that one must be opened first. */
    private Optional<Study> study(String toDoWhat) {
        if (open.isOpen()) return Optional.of(open.get());
        dialogs.showInfo("No study is open", "Open a study first (File ▸ Open study…), then " + toDoWhat + ".");
        return Optional.empty();
    }

    /** True (after saying why) when a blind pass is open: its coder must not see other coders' work. */
    public boolean blindRefuses(String what) {
        if (!open.blindCodingActive()) return false;
        dialogs.showInfo("Not while coding blind", "A blind pass is open for coding, and " + what + " would show other coders' work. "
                + "Close the pass (Coding ▸ Close pass) first.");
        return true;
    }

    private static String baseName(Study s) {
        return s.path().getFileName().toString().replaceFirst("\\.attune$", "");
    }

    /** Writes a text file through {@link OutputFile} (never over an input or a study, never half a file); returns {@code what} for the sentence. */
    private static String writeText(Path target, List<Path> inputs, String text, String what) throws OutputFile.Refused {
        OutputFile.write(target, inputs, tmp -> {
            Files.writeString(tmp, text);
            return null;
        });
        return what;
    }

    /** A file name offered beside the study (the chooser opens in the study's folder). */
    private static String besideStudy(Study s, String name) {
        return s.path().toAbsolutePath().resolveSibling(name).toString();
    }

    /** File ▸ Export ▸ Events: the passes chosen, one row per event (docs/events-csv.md). */
    public void exportEvents() {
        Optional<Study> s = study("export its events");
        if (s.isEmpty() || blindRefuses("exporting events")) return;
        choose(s.get(), "Export events", false).ifPresent(c -> runner.export("Export events", "CSV", List.of("*.csv"), besideStudy(s.get(), baseName(s.get()) + "-events.csv"),
                (target, progress) -> ExportRunner.rows(StudyExports.events(s.get(), target, scope(c), c.excel() ? CsvOptions.EXCEL : CsvOptions.STANDARD, progress)),
                say));
    }

    /** File ▸ Export ▸ BORIS project: the passes chosen, one observation each, so the lab can go on in BORIS (docs/interchange.md). */
    public void exportBoris() {
        Optional<Study> s = study("export it as a BORIS project");
        if (s.isEmpty() || blindRefuses("exporting events")) return;
        choose(s.get(), "Export a BORIS project", false).ifPresent(c -> runner.export("Export a BORIS project", "BORIS project", List.of("*.boris", "*.boris.gz"),
                besideStudy(s.get(), baseName(s.get()) + ".boris"),
                (target, progress) -> PeerExports.boris(s.get(), target, scope(c)) + " observations (one per pass) as a BORIS project", say));
    }

    /** File ▸ Export ▸ ELAN documents: one .eaf per session into a folder chosen (docs/interchange.md). */
    public void exportElan() {
        Optional<Study> s = study("export it for ELAN");
        if (s.isEmpty() || blindRefuses("exporting events")) return;
        choose(s.get(), "Export ELAN documents", false).ifPresent(c -> {
            Optional<Path> folder = dialogs.chooseFolder("Export ELAN documents: choose a folder", s.get().path().toAbsolutePath().getParent());
            if (folder.isEmpty()) return;
            List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();
            runner.exportTo(folder.get(), "Export ELAN documents", (target, progress) -> PeerExports.eaf(s.get(), target, scope(c), notes::add)
                    + " ELAN documents (one per session)" + (notes.isEmpty() ? "" : "; " + String.join("; ", notes)), say);
        });
    }

    /** File ▸ Export ▸ GSEQ data (SDIS): a session per pass, timed events (docs/interchange.md). */
    public void exportSdis() {
        Optional<Study> s = study("export it for GSEQ");
        if (s.isEmpty() || blindRefuses("exporting events")) return;
        choose(s.get(), "Export GSEQ data (SDIS)", false).ifPresent(c -> {
            List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();
            runner.export("Export GSEQ data (SDIS)", "SDIS", List.of("*.sds"), besideStudy(s.get(), baseName(s.get()) + ".sds"),
                    (target, progress) -> PeerExports.sdis(s.get(), target, scope(c), notes::add) + " sessions (one per pass) for GSEQ"
                            + (notes.isEmpty() ? "" : "; " + String.join("; ", notes)), say);
        });
    }

    /**
     * File ▸ Import ELAN document or Datavyu project: its annotations or cells as the events of one session
     * (named after the file) for the coder asked for — an ELAN tier's annotator where it has one. All or
     * nothing; tiers or columns that are not named like codes are mapped on the command line (--map).
     */
    public void importPeerEvents() {
        Optional<Study> s = study("import events into it");
        if (s.isEmpty()) return;
        if (passOpenRefuses()) return;
        Optional<Path> file = dialogs.chooseFileToOpen("Import from ELAN or Datavyu", "ELAN document or Datavyu project", List.of("*.eaf", "*.opf"));
        if (file.isEmpty()) return;
        boolean elan = file.get().getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".eaf");
        Optional<String> coder = dialogs.askText("Whose coding is it?", elan ? "Initials of the coder (empty: each tier's annotator):"
                : "Initials of the coder whose pass these become (added if new):", "").map(String::trim);
        if (coder.isEmpty() || !elan && coder.get().isEmpty()) return;
        Study study = s.get();
        String who = coder.get().isEmpty() ? null : coder.get();
        DialogService.Busy busy = dialogs.showBusy("Import events", "Checking " + file.get().getFileName() + "…");
        tasks.run(() -> elan ? EventImports.fromEaf(study, file.get(), null, who, null) : EventImports.fromOpf(study, file.get(), null, who, null), o -> {
            busy.close();
            saidImported(study, o);
        }, failure -> {
            busy.close();
            importFailed(failure);
        });
    }

    /**
     * File ▸ Import BORIS project: a project's observations as sessions of the open study, their events
     * passes of the coder asked for; what was mapped and what was not is shown before anything is written,
     * and nothing is written while anything cannot be mapped.
     */
    public void importBorisProject() {
        Optional<Study> s = study("import a BORIS project into it");
        if (s.isEmpty()) return;
        if (passOpenRefuses()) return;
        Optional<Path> project = dialogs.chooseFileToOpen("Import a BORIS project", "BORIS project", List.of("*.boris", "*.boris.gz"));
        if (project.isEmpty()) return;
        Optional<String> coder = dialogs.askText("Whose coding is it?", "Initials of the coder whose passes these become (added if new):", "")
                .map(String::trim).filter(x -> !x.isEmpty());
        if (coder.isEmpty()) return;
        Study study = s.get();
        DialogService.Busy busy = dialogs.showBusy("Import a BORIS project", "Reading " + project.get().getFileName() + "…");
        tasks.run(() -> org.attune.service.BorisProjectImport.prepare(study, project.get(), coder.get()), p -> {
            busy.close();
            if (!p.problems().isEmpty()) {
                dialogs.showProblems("Nothing was imported", p.problems().size() + (p.problems().size() == 1 ? " thing" : " things")
                        + " in the project cannot be mapped onto this study; nothing was written. What was read: " + String.join("; ", p.report()), p.problems());
                say.accept("Nothing was imported.");
                return;
            }
            if (!dialogs.confirm("Import the BORIS project?", String.join("\n", p.report()), "Import")) return;
            tasks.run(() -> org.attune.service.BorisProjectImport.apply(study, p), r -> {
                open.changed();
                String done = "Imported " + org.attune.exchange.boris.BorisObservations.count(r.sessions(), "session") + " and "
                        + org.attune.exchange.boris.BorisObservations.count(r.events(), "event") + " from " + project.get().getFileName() + " as " + coder.get() + "'s passes.";
                dialogs.showInfo("BORIS project imported", done);
                say.accept(done);
            }, this::importFailed);
        }, failure -> {
            busy.close();
            importFailed(failure);
        });
    }

    /** File ▸ Export ▸ Session ratings: one row per rating, or per session × coder (docs/ratings-csv.md). */
    public void exportRatings() {
        Optional<Study> s = study("export its session ratings");
        if (s.isEmpty() || blindRefuses("exporting session ratings")) return;
        choose(s.get(), "Export session ratings", true).ifPresent(c -> runner.export("Export session ratings", "CSV", List.of("*.csv"),
                besideStudy(s.get(), baseName(s.get()) + (c.wide() ? "-ratings-wide.csv" : "-ratings.csv")),
                (target, progress) -> ExportRunner.rows(StudyExports.ratings(s.get(), target, scope(c), c.wide(), c.excel() ? CsvOptions.EXCEL : CsvOptions.STANDARD, progress)),
                say));
    }

    private Optional<ExportForms.Choice> choose(Study s, String title, boolean ratings) {
        try {
            return forms.exportOptions(title, s.sessions().stream().map(Session::label).toList(), s.coders().stream().map(Coder::initials).toList(), ratings);
        } catch (StudyException e) {
            dialogs.showError("The study cannot be read", e.getMessage());
            return Optional.empty();
        }
    }

    private static StudyExports.Scope scope(ExportForms.Choice c) {
        return new StudyExports.Scope(c.sessions(), c.coders(), c.statuses());
    }

    /** File ▸ Export ▸ Coding manual: the study's scheme as one HTML page (definitions, examples, keys, sources). */
    public void exportManual() {
        Optional<Study> s = study("export its coding manual");
        if (s.isEmpty()) return;
        String html = CodingManual.html(s.get().scheme(), layout.get());
        runner.export("Export the coding manual", "Web page", List.of("*.html"), besideStudy(s.get(), s.get().scheme().id() + "-manual.html"),
                (target, progress) -> writeText(target, List.of(s.get().path()), html, "the coding manual"), say);
    }

    /** Saves a text the app shows (the methods paragraph) as a UTF-8 text file; says what to do first when there is none yet. */
    public void exportText(String title, String suggested, String text, String whenEmpty) {
        if (text == null || text.isBlank()) {
            dialogs.showInfo(title, whenEmpty);
            return;
        }
        List<Path> inputs = open.isOpen() ? List.of(open.get().path()) : List.of();
        runner.export(title, "Text", List.of("*.txt"), open.isOpen() ? besideStudy(open.get(), suggested) : suggested,
                (target, progress) -> writeText(target, inputs, text.strip() + System.lineSeparator(), "the text"), say);
    }

    /**
     * File ▸ Save a copy: the whole study as it is now, in a new file (a consistent snapshot, written
     * beside the target and moved into place; never over another study).
     */
    public void saveCopy() {
        Optional<Study> s = study("save a copy of it");
        if (s.isEmpty()) return;
        runner.export("Save a copy of the study", "Attune study", List.of("*" + Study.FILE_EXTENSION), besideStudy(s.get(), baseName(s.get()) + "-copy" + Study.FILE_EXTENSION),
                (target, progress) -> {
                    Path named = target.getFileName().toString().endsWith(Study.FILE_EXTENSION) ? target : target.resolveSibling(target.getFileName() + Study.FILE_EXTENSION);
                    StudyExports.copy(s.get(), named);
                    return "a copy of " + s.get().name();
                }, say);
    }

    /**
     * File ▸ Import BORIS ethogram: a BORIS project's behaviours, modifiers and keys as an Attune scheme
     * file, saved where the user chooses (File ▸ New study… then takes it). What could not be mapped
     * is listed; a scheme with errors is not written.
     */
    public void importBorisEthogram() {
        Optional<Path> project = dialogs.chooseFileToOpen("Import a BORIS ethogram", "BORIS project", List.of("*.boris", "*.boris.gz"));
        if (project.isEmpty()) return;
        org.attune.scheme.boris.BorisImport imported;
        try {
            imported = org.attune.scheme.boris.BorisImporter.importProject(project.get(), layout.get());
        } catch (org.attune.scheme.boris.BorisImporter.BorisFormatException | java.io.IOException e) {
            dialogs.showError("The ethogram cannot be imported", e.getMessage());
            return;
        }
        List<String> errors = org.attune.scheme.SchemeValidator.validate(imported.scheme()).stream().filter(org.attune.scheme.SchemeProblem::isError)
                .map(e -> e.path() + ": " + e.message() + " — " + e.hint()).toList();
        if (!errors.isEmpty()) {
            dialogs.showProblems("The ethogram cannot be imported", errors.size() + " errors in the scheme this project gives; nothing was written. "
                    + "Fix them in the BORIS ethogram and import again.", errors);
            return;
        }
        String json = org.attune.scheme.json.SchemeWriter.toJson(imported.scheme());
        String name = project.get().getFileName().toString().replaceFirst("\\.boris(\\.gz)?$", "");
        runner.export("Save the imported scheme", "Attune scheme", List.of("*.json"), project.get().toAbsolutePath().resolveSibling(name + "-scheme.json").toString(),
                (target, progress) -> writeText(target, List.of(project.get()), json, "the scheme (" + imported.scheme().codes().size() + " codes in " + imported.scheme().families().size() + " families; "
                    + "start a study with it: File ▸ New study…, then \"From a scheme file…\"). From the project: "
                    + String.join("; ", imported.report().stream().limit(12).toList()) + (imported.report().size() > 12 ? "; …" : "")), say);
    }

    /**
     * File ▸ Import events from CSV: the whole file checked first, then against the study; nothing is
     * imported unless all of it can be. Not while a pass is open for coding (its table would not show
     * what arrived).
     */
    public void importEvents() {
        Optional<Study> s = study("import events into it");
        if (s.isEmpty()) return;
        if (passOpenRefuses()) return;
        Optional<Path> csv = dialogs.chooseFileToOpen("Import events from CSV", "CSV", List.of("*.csv", "*.txt"));
        if (csv.isEmpty()) return;
        Study study = s.get();
        DialogService.Busy busy = dialogs.showBusy("Import events", "Checking " + csv.get().getFileName() + "…");
        tasks.run(() -> EventImports.fromCsv(study, csv.get()), o -> {
            busy.close();
            saidImported(study, o);
        }, failure -> {
            busy.close();
            importFailed(failure);
        });
    }

    private boolean passOpenRefuses() {
        if (open.activePass() == null) return false;
        dialogs.showInfo("Close the pass first", "A pass is open for coding. Close it (Coding ▸ Close pass), then import: "
                + "the imported events may belong to it.");
        return true;
    }

    /** What an events import did, in a dialog and the status line: the problems, or what arrived. */
    private void saidImported(Study study, EventImports.Outcome o) {
        if (!o.ok()) {
            if (o.problems().isEmpty()) dialogs.showError("Nothing was imported", o.whatToDo());
            else dialogs.showProblems("Nothing was imported", o.whatToDo(), o.problems());
            say.accept("Nothing was imported.");
            return;
        }
        open.changed();
        String line = o.imported(study.path().getFileName().toString());
        String done = "I" + line.substring(1) + "."; // "Imported 12 events into …"
        dialogs.showInfo("Events imported", done + (o.allNotes().isEmpty() ? "" : "\n\n" + String.join("\n", o.allNotes())));
        say.accept(done);
    }

    private void importFailed(Throwable failure) {
        if (failure instanceof StudyException e) dialogs.showError("Nothing was imported", e.getMessage());
        else dialogs.showFailure("Nothing was imported", failure);
        say.accept("Nothing was imported.");
    }
}
