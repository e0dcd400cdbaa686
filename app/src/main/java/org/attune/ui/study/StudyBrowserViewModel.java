package org.attune.ui.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.attune.coding.CodedEvent;
import org.attune.coding.Coder;
import org.attune.coding.MediaFile;
import org.attune.coding.CodingPass;
import org.attune.coding.NewMedia;
import org.attune.coding.PassStatus;
import org.attune.coding.Session;
import org.attune.coding.TimeFormat;
import org.attune.exchange.OutputFile;
import org.attune.exchange.SealedPackage;
import org.attune.media.CodingCopy;
import org.attune.scheme.CodingScheme;
import org.attune.service.MediaRelinker;
import org.attune.service.SealedPassPackages;
import org.attune.store.Study;
import org.attune.store.StudyException;
import org.attune.ui.DialogService;
import org.attune.ui.ExportRunner;
import org.attune.ui.LabAddress;
import org.attune.ui.OpenStudy;
import org.attune.ui.ReadOnlyNotice;
import org.attune.ui.Tasks;

/**
 * What the study browser's buttons do to the open study — sessions, coders, passes, videos — with
 * the questions they ask through {@link DialogService} and what they did said in words. No JavaFX
 * nodes: tested without the toolkit (StudyBrowserViewModelTest). Each change is one committed step;
 * afterwards the open study's revision moves, and every view showing it reads it again.
 */
final class StudyBrowserViewModel {

    /** What the browser shows of the open study: what was read, and the study's heading. */
    /** @param where the study file, or a lab study's address */
    record Shown(StudyOverview overview, String name, String where, String scheme, boolean readOnly, String readOnlyText) {
    }

    private final OpenStudy open;
    private final DialogService dialogs;
    private final Consumer<String> say;
    private final Tasks tasks;
    /** Reads of the study started: a read overtaken by a later one is not shown. */
    private long reads;

    /** A model doing all its work at once (tests). */
    StudyBrowserViewModel(OpenStudy open, DialogService dialogs, Consumer<String> say) {
        this(open, dialogs, say, Tasks.immediate());
    }

    /** @param tasks how a study is opened and read (in the app: in the background) */
    StudyBrowserViewModel(OpenStudy open, DialogService dialogs, Consumer<String> say, Tasks tasks) {
        this.open = open;
        this.dialogs = dialogs;
        this.say = say;
        this.tasks = tasks;
    }

    boolean isWritable() {
        return open.isOpen() && !open.get().isReadOnly();
    }

    boolean hasStudy() {
        return open.isOpen();
    }

    /** The open study's file (the spelling it was opened with), if one is open. */
    Optional<Path> studyFile() {
        return open.isOpen() ? Optional.of(open.get().path()) : Optional.empty();
    }

    // ------------------------------------------------------------------ the study itself

    /**
     * Opens a study (read-write when no one else has it open) off the FX thread — the integrity check
     * reads the whole file — then makes it the app's open study; {@code done} runs either way,
     * {@code opened} with its path when it opened. A failure or a read-only open is said.
     */
    void open(Path file, Runnable done, Consumer<Path> opened) {
        tasks.run(() -> Study.open(file), s -> {
            done.run();
            open.adopt(s);
            opened.accept(s.path());
            ReadOnlyNotice.showIfReadOnly(dialogs, s, "code in it or change anything");
        }, failure -> {
            done.run();
            if (failure instanceof StudyException e) dialogs.showError("This study cannot be opened", e.getMessage());
            else dialogs.showFailure("This study cannot be opened", failure);
        });
    }

    /**
     * Opens a lab study on the lab's server (File ▸ Open lab study…, issue 18) off the FX thread, then makes it the
     * app's open study; {@code done} runs either way; {@code opened} gets the address that opened. A wrong address or an
     * unreachable server is said in words.
     */
    void openLab(LabAddress a, Runnable done, Consumer<String> opened) {
        org.attune.store.pg.ServerUrl url;
        try {
            url = org.attune.store.pg.ServerUrl.parse(a.address());
        } catch (IllegalArgumentException e) {
            done.run();
            dialogs.showError("This is not a lab study's address", e.getMessage());
            return;
        }
        tasks.run(() -> Study.open(url, a.videos(), a.typedPassword(), false), s -> {
            done.run();
            open.adopt(s);
            opened.accept(url.toString());
            say.accept("Opened the lab study " + s.name() + " on " + url.host() + ". Other coders' passes show here as they code.");
        }, failure -> {
            done.run();
            if (failure instanceof StudyException e) dialogs.showError("This lab study cannot be opened", e.getMessage());
            else dialogs.showFailure("This lab study cannot be opened", failure);
        });
    }

    /** The dialog's "Test connection": opens the lab study read-only and says what is there, or why it cannot. Off the FX thread. */
    static String testLab(LabAddress a) {
        try (Study s = Study.open(org.attune.store.pg.ServerUrl.parse(a.address()), a.videos(), a.typedPassword(), true)) {
            return "Connected: the study \"" + s.name() + "\", " + plural(s.sessions().size(), "session") + ", " + plural(s.coders().size(), "coder") + ", "
                    + s.passes().size() + (s.passes().size() == 1 ? " pass." : " passes.");
        } catch (IllegalArgumentException | StudyException e) {
            return e.getMessage();
        }
    }

    /**
     * Opens a sealed coder package (ADR 10) for coding. The first time, the passphrase opens it into a plain package
     * beside it ({@link SealedPassPackages#plainFor}: {@code AL.sealed} → {@code AL.attune}), which is the file coded
     * in and sent back from then on; when that file is there already, it is opened instead (after asking: the
     * coding is in it), never written over. {@code busy} starts a busy notice and gives what ends it.
     */
    void openSealed(Path sealed, java.util.function.Function<String, Runnable> busy, Consumer<Path> opened) {
        Path plain = SealedPassPackages.plainFor(sealed);
        if (open.isOpen(plain)) {
            opened.accept(open.get().path());
            return;
        }
        if (Files.exists(plain)) {
            if (dialogs.confirm("Open the package you unsealed before", plain.getFileName() + " beside it was unsealed from " + sealed.getFileName()
                    + " before, and the coding done since is in it. Open " + plain.getFileName() + "?\n\nIf the lab has sent you a new package"
                    + " under the same name, move " + plain.getFileName() + " to another folder first (Attune never writes over it), then open "
                    + sealed.getFileName() + " again.", "Open " + plain.getFileName())) {
                open(plain, busy.apply("Opening " + plain.getFileName() + " (checking it first)…"), opened);
            }
            return;
        }
        Optional<char[]> typed = dialogs.askPassphrase("Open " + sealed.getFileName(), "The passphrase the package was sealed with:", false);
        if (typed.isEmpty()) return;
        char[] passphrase = typed.get();
        Runnable done = busy.apply("Unsealing " + sealed.getFileName() + " into " + plain.getFileName() + "…");
        tasks.run(() -> {
            try {
                SealedPackage.open(sealed, plain, passphrase);
            } finally {
                java.util.Arrays.fill(passphrase, '\0');
            }
            return Study.open(plain);
        }, s -> {
            done.run();
            open.adopt(s);
            opened.accept(s.path());
            say.accept("Unsealed " + sealed.getFileName() + " into " + plain.getFileName() + ": code in it, and send it back (sealed again with"
                    + " File ▸ Send passes to a coder, sealed…, choosing your own initials).");
        }, failure -> {
            done.run();
            if (failure instanceof SealedPackage.Refused e) dialogs.showError("This package cannot be opened", e.getMessage());
            else if (failure instanceof StudyException e) dialogs.showError("This package cannot be opened", e.getMessage());
            else dialogs.showFailure("This package cannot be opened", failure);
        });
    }

    /** Creates a study and opens it; its path, or empty when it could not be created (said). Never over an existing file. */
    Optional<Path> create(Path file, CodingScheme scheme, String name) {
        if (Files.exists(file)) {
            dialogs.showError("A file of that name exists", file + " already exists; Attune does not overwrite it. Choose another name, or open it.");
            return Optional.empty();
        }
        try {
            Path created = open.create(file, scheme, name).path();
            say.accept("Created " + created + ". Add sessions and coders to begin.");
            return Optional.of(created);
        } catch (StudyException e) {
            dialogs.showError("The study cannot be created", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Reads the open study's sessions, videos and passes (off the FX thread: a count over every event
     * and a file check per video) and hands them to {@code show} — unless a later read or another study
     * overtook this one. {@code done} runs either way. False when no study is open.
     */
    boolean read(Runnable done, Consumer<Shown> show) {
        Study s = open.get();
        if (s == null) return false;
        long read = ++reads;
        tasks.run(() -> StudyOverview.read(s), overview -> {
            done.run();
            if (read != reads || open.get() != s) return;
            show.accept(new Shown(overview, s.name(), s.location(), s.scheme().name() + " " + s.scheme().version(), s.isReadOnly(),
                    s.isReadOnly() ? ReadOnlyNotice.text(s, "code in it or change anything") : ""));
        }, failure -> {
            done.run();
            if (open.get() != s) return;
            if (failure instanceof StudyException e && e.kind() == StudyException.Kind.UNREACHABLE) say.accept(e.getMessage()); // it may answer again soon
            else if (failure instanceof StudyException e) dialogs.showError("The study cannot be read", e.getMessage());
            else dialogs.showFailure("The study cannot be read", failure);
        });
        return true;
    }

    /**
     * Moves the study to a new scheme version (the questions in {@link SchemeChangeFlow}); when it moved,
     * the study is closed and its file returned, to be opened again so every view takes the new scheme.
     */
    Optional<Path> changeScheme() {
        Study s = open.get();
        if (s == null || new SchemeChangeFlow(dialogs).run(s).isEmpty()) return Optional.empty();
        open.close();
        return Optional.of(s.path());
    }

    // ------------------------------------------------------------------ sessions, coders, passes, videos

    /** Adds a checked session form's session and videos in one transaction. */
    void addSession(SessionForm.Result form) {
        try {
            Session added = open.get().addSession(form.session(), form.media());
            open.changed();
            say.accept("Added session " + added.label() + (form.media().isEmpty() ? " (no video yet)." : " with " + plural(form.media().size(), "video") + "."));
        } catch (StudyException e) {
            dialogs.showError("The session was not added", e.getMessage());
        }
    }

    void addCoder(String name, String initials) {
        try {
            Coder added = open.get().addCoder(name, initials);
            open.changed();
            say.accept("Added coder " + added.initials() + ". Select a session under " + added.initials() + " and choose \"Give "
                    + added.initials() + " this session\".");
        } catch (StudyException e) {
            dialogs.showError("The coder was not added", e.getMessage());
        }
    }

    /** The cell's pass, created first when the coder has not been given the session (new passes are blind); empty if it cannot be. */
    Optional<StudyOverview.Cell> passOf(StudyOverview.Cell cell) {
        if (cell.pass().isPresent()) return Optional.of(cell);
        if (!isWritable()) return Optional.empty();
        try {
            CodingPass p = open.get().pass(cell.session().id(), cell.coder().id());
            open.changed();
            return Optional.of(new StudyOverview.Cell(cell.session(), cell.coder(), Optional.of(p), 0));
        } catch (StudyException e) {
            dialogs.showError("The pass cannot be created", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Attaches a video to a session as its next camera (offset 0; set it with Offset…); a file that is not
     * a video we can read is refused with why. A video the player cannot play as it is (AVI, MTS, MKV …:
     * it would play without sound) is attached as it is, and a coding copy is offered at once.
     */
    void attachVideo(StudyOverview.Row row, Path file) {
        int position = row.videos().stream().mapToInt(v -> v.file().position()).max().orElse(0) + 1;
        NewMedia media;
        try {
            media = SessionForm.probe(file, position, 0);
        } catch (Exception e) {
            dialogs.showError("The video was not attached", file.getFileName() + ": " + e.getMessage());
            return;
        }
        Optional<MediaFile> attached = attach(row, media);
        if (attached.isPresent() && !SessionForm.playsAsIs(file)) makeCodingCopy(attached.get(), file);
    }

    /**
     * Offers to make a coding copy of a video beside it with the bundled FFmpeg (H.264, a keyframe every 15
     * frames, every frame at the original's time, its sound as AAC), in the background with progress and
     * Cancel, and remembers it: the study links the original, the player uses the copy. A copy already
     * beside it is offered for use instead of being made again.
     */
    void makeCodingCopy(MediaFile video, Path original) {
        String name = original.getFileName().toString();
        Path copy = CodingCopy.besideOriginal(original);
        boolean playable = SessionForm.playsAsIs(original);
        String why = playable ? name + " plays as it is. A coding copy has a keyframe every 15 frames, so jumps through it are quicker. "
                : name + " plays without sound (every frame exact): the player plays sound only from MP4/MOV videos. ";
        if (Files.exists(copy)) {
            if (dialogs.confirm("Use the coding copy beside it?", why + copy.getFileName() + " is already beside it. Play that copy instead of the original? "
                    + "The study keeps linking the original; times stay on the original's clock.", "Use the copy")) {
                remember(video, copy);
            }
            return;
        }
        if (!dialogs.confirm("Make a coding copy?", why + "Make a coding copy beside it (" + copy.getFileName()
                + ": H.264, every frame at the original's time, its sound) for the player? The study keeps linking the original, which stays untouched.",
                "Make a coding copy")) {
            return;
        }
        long expected = video.fps() == null || video.durationMs() == null ? 0 : Math.round(video.durationMs() * video.fps() / 1000);
        new ExportRunner(dialogs, tasks).exportTo(copy, "Make a coding copy", "Made", (target, progress) -> {
            CodingCopy.Result r = OutputFile.write(target, List.of(original), tmp -> CodingCopy.write(original, tmp, frames -> {
                progress.report(frames, Math.max(expected, frames + 1)); // about so many frames: the bar moves; the count is exact
                progress.checkCancelled();
                return true;
            }));
            return String.format(java.util.Locale.ROOT, "a coding copy of %s (%,d frames%s)", name, r.frames(),
                    r.sound() ? ", with its sound" : r.soundLeftOut().isEmpty() ? "" : ", without its sound: " + r.soundLeftOut());
        }, say, () -> remember(video, copy));
    }

    private void remember(MediaFile video, Path copy) {
        try {
            open.get().setCodingCopy(video.id(), copy);
            open.changed();
            say.accept("Camera " + video.position() + " now plays " + copy.getFileName() + "; the study still links the original, and times are its clock.");
        } catch (StudyException e) {
            dialogs.showError("The coding copy was not remembered", e.getMessage());
        }
    }

    private Optional<MediaFile> attach(StudyOverview.Row row, NewMedia media) {
        try {
            MediaFile added = open.get().addMedia(row.session().id(), media);
            open.changed();
            say.accept("Attached " + media.file().getFileName() + " to " + row.session().label() + " as camera " + media.position()
                    + ". Set its offset if it started later or earlier than camera 1.");
            return Optional.of(added);
        } catch (StudyException e) {
            dialogs.showError("The video was not attached", e.getMessage());
            return Optional.empty();
        }
    }

    /** Saves a session's changed details. */
    void saveSession(Session changed) {
        try {
            open.get().updateSession(changed);
            open.changed();
            say.accept("Saved the details of session " + changed.label() + ".");
        } catch (StudyException e) {
            dialogs.showError("The session was not changed", e.getMessage());
        }
    }

    /** Detaches a video from its session after asking; the file stays where it is. */
    void removeVideo(StudyOverview.Video v) {
        String name = Path.of(v.file().path()).getFileName().toString();
        if (!dialogs.confirm("Remove this video from the session?", "Camera " + v.file().position() + " (" + name + ") will no longer be part of the session. "
                + "The file itself is not deleted, and no coded event changes.", "Remove video")) return;
        try {
            open.get().removeMedia(v.file().id());
            open.changed();
            say.accept("Removed camera " + v.file().position() + " (" + name + ") from the session; the file is untouched.");
        } catch (StudyException e) {
            dialogs.showError("The video was not removed", e.getMessage());
        }
    }

    /** Sets a camera's offset from seconds as typed; a wrong entry is refused with what to type. */
    void setOffset(StudyOverview.Video v, String seconds) {
        Optional<Long> ms = TimeFormat.parseSeconds(seconds);
        if (ms.isEmpty()) {
            dialogs.showError("That is not an offset", "\"" + seconds + "\" is not a time in seconds; type e.g. 0, 1.250 or -0.5.");
            return;
        }
        try {
            open.get().setMediaOffset(v.file().id(), ms.get());
            open.changed();
            say.accept("Camera " + v.file().position() + " now starts at " + TimeFormat.seconds(ms.get()) + " s on the session clock.");
        } catch (StudyException e) {
            dialogs.showError("The offset was not changed", e.getMessage());
        }
    }

    /**
     * Marks a pass done or open again. A pass with states still running is marked done only after the
     * coder agrees to end them at the session end (one undo step), else nothing changes.
     */
    private Consumer<CodingPass> passDone = p -> { };

    /** Runs after a pass was marked done here (the reliability workflow shows a trainee's result then). */
    void setOnPassDone(Consumer<CodingPass> then) {
        passDone = then;
    }

    void setStatus(StudyOverview.Cell cell, PassStatus to) {
        if (cell.pass().isEmpty()) return;
        try {
            long passId = cell.pass().get().id();
            List<CodedEvent> running = to == PassStatus.DONE ? open.get().events().running(passId) : List.of();
            if (running.isEmpty()) {
                open.get().setPassStatus(passId, to);
            } else {
                long end = open.get().sessionEndMs(passId);
                String them = running.size() == 1 ? "it" : "them";
                boolean go = dialogs.confirm("States still running", cell.coder().initials() + "'s pass of " + cell.session().label() + ": "
                        + Study.describeRunning(running) + " still running. A running state has no end: agreement and measures leave it out "
                        + "and the export has no offset for it.\n\nEnd " + them + " at the end of the session (" + TimeFormat.clock(end)
                        + ") and mark the pass done? To end " + them + " elsewhere, choose Cancel and stop " + them + " in the Coding tab.", "End and mark done");
                if (!go) {
                    say.accept(cell.session().label() + " · " + cell.coder().initials() + " is not marked done: states still running.");
                    return;
                }
                open.get().markDoneEndingRunning(passId);
            }
            open.changed();
            if (to == PassStatus.DONE) passDone.accept(cell.pass().get());
            say.accept(cell.session().label() + " · " + cell.coder().initials() + (to == PassStatus.DONE ? " is marked done." : " is open for coding again.")
                    + (running.isEmpty() ? "" : " " + running.size() + (running.size() == 1 ? " running state was" : " running states were")
                    + " ended at the end of the session (undo in the Coding tab)."));
        } catch (StudyException e) {
            dialogs.showError("The pass status was not changed", e.getMessage());
        }
    }

    void setBlind(StudyOverview.Cell cell, boolean blind) {
        if (cell.pass().isEmpty() || cell.pass().get().blind() == blind) return;
        try {
            open.get().setBlind(cell.pass().get().id(), blind);
            open.changed();
        } catch (StudyException e) {
            dialogs.showError("Blind coding was not changed", e.getMessage());
        }
    }

    /** Whether a video shown missing is missing still (an earlier relink may have found it beside another). */
    boolean stillMissing(StudyOverview.Video v) {
        if (!open.isOpen()) return false;
        try {
            return open.get().allMedia().stream().filter(m -> m.id() == v.file().id()).findFirst()
                    .map(m -> !Files.isRegularFile(open.get().resolveMedia(m))).orElse(false);
        } catch (StudyException e) {
            return true;
        }
    }

    /** Links a missing video to {@code file}, and the study's other missing videos found beside it. */
    boolean relinkTo(StudyOverview.Video v, Path file) {
        if (!Files.isRegularFile(file)) {
            dialogs.showError("That file does not exist", file + " is not a file; choose the video itself.");
            return false;
        }
        try {
            int more = MediaRelinker.relink(open.get(), v.file().id(), file).alsoFound().size();
            open.changed();
            say.accept("Relinked " + file.getFileName() + (more > 0 ? " and " + plural(more, "other video") + " in the same folder." : "."));
            return true;
        } catch (StudyException e) {
            dialogs.showError("The video was not relinked", e.getMessage());
            return false;
        }
    }

    static String plural(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
