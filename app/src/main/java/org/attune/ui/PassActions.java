package org.attune.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.attune.coding.Coder;
import org.attune.store.PassPackage;
import org.attune.store.PassReceive;
import org.attune.store.Study;
import org.attune.store.StudyException;

/**
 * File ▸ Send passes to a coder… and Receive coded passes… (issue 17, ADR 10): the questions they ask and
 * the work, done in the background. Receiving shows per pass what was merged and, where the study's pass
 * was edited after it was sent, asks who wins before merging those. No JavaFX nodes: tested without the toolkit.
 */
public final class PassActions {

    private final OpenStudy open;
    private final DialogService dialogs;
    private final Tasks tasks;
    private final Consumer<String> say;

    public PassActions(OpenStudy open, DialogService dialogs, Tasks tasks, Consumer<String> say) {
        this.open = open;
        this.dialogs = dialogs;
        this.tasks = tasks;
        this.say = say;
    }

    private Consumer<org.attune.coding.CodingPass> passDone = p -> { };

    /** Runs for each pass a received package brought back done (a trainee's training pass: their result is shown then). */
    public void setOnPassDone(Consumer<org.attune.coding.CodingPass> then) {
        passDone = then;
    }

    /** The passes of a receipt that came back done and were merged with something new (not a package received again). */
    private void doneOnes(Study study, PassReceive.Received r) {
        try {
            java.util.Map<Long, String> sessions = new java.util.HashMap<>();
            study.sessions().forEach(x -> sessions.put(x.id(), x.label()));
            java.util.Map<Long, String> coders = new java.util.HashMap<>();
            study.coders().forEach(x -> coders.put(x.id(), x.initials()));
            for (org.attune.coding.CodingPass p : study.passes()) {
                if (p.status() != org.attune.coding.PassStatus.DONE) continue;
                boolean merged = r.passes().stream().anyMatch(x -> x.merged() && x.added() + x.changed() + x.deleted() > 0
                        && x.session().equals(sessions.get(p.sessionId())) && x.coder().equals(coders.get(p.coderId())));
                if (merged) passDone.accept(p);
            }
        } catch (StudyException e) {
            dialogs.showError("The received passes cannot be read", e.getMessage());
        }
    }

    /** File ▸ Send passes to a coder…: whose passes, where the package goes; then it is written. */
    public void send() {
        send(false);
    }

    /** File ▸ Send passes to a coder, sealed…: the same, sealed with a passphrase asked twice (for e-mail or a USB stick). */
    public void sendSealed() {
        send(true);
    }

    private void send(boolean seal) {
        Optional<Study> s = study("send a coder their passes");
        if (s.isEmpty()) return;
        Study study = s.get();
        List<Coder> coders;
        try {
            coders = study.coders();
        } catch (StudyException e) {
            dialogs.showError("No package was written", e.getMessage());
            return;
        }
        if (coders.isEmpty()) {
            dialogs.showInfo("No coders yet", "Add coders and give them sessions in the Study tab first.");
            return;
        }
        String list = coders.stream().map(Coder::initials).collect(Collectors.joining(", "));
        Optional<String> coder = dialogs.askText("Send passes to a coder", "Initials of the coder (" + list + "):\n"
                + "their passes go into a package, a study file they open in Attune;\nthe videos are described in it, never copied.", "")
                .map(String::trim).filter(x -> !x.isEmpty());
        if (coder.isEmpty()) return;
        String suggested = study.path().toAbsolutePath().resolveSibling(coder.get() + (seal ? "-package.sealed" : "-package.attune")).toString();
        Optional<Path> out = seal ? dialogs.chooseFileToSave("Save " + coder.get() + "'s sealed package", "Sealed package", List.of("*.sealed"), suggested)
                : dialogs.chooseFileToSave("Save " + coder.get() + "'s package", "Attune study", List.of("*.attune"), suggested);
        if (out.isEmpty()) return;
        char[] passphrase = null;
        if (seal) {
            Optional<char[]> typed = dialogs.askPassphrase("Seal " + coder.get() + "'s package", "A passphrase for the package, typed twice.\n"
                    + "Tell it to " + coder.get() + " another way than the package travels.", true);
            if (typed.isEmpty()) return;
            passphrase = typed.get();
        }
        char[] secret = passphrase;
        DialogService.Busy busy = dialogs.showBusy("Send passes to " + coder.get(), "Describing the videos (size and SHA-256) and writing the package…");
        tasks.run(() -> {
            try {
                return secret == null ? PassPackage.send(study, coder.get(), Set.of(), out.get())
                        : org.attune.service.SealedPassPackages.send(study, coder.get(), Set.of(), out.get(), secret);
            } finally {
                if (secret != null) java.util.Arrays.fill(secret, ' ');
            }
        }, sent -> {
            busy.close();
            open.changed();
            String done = "Wrote " + sent.file().getFileName() + ": " + sent.coder() + "'s passes of " + String.join(", ", sent.sessions()) + " ("
                    + sent.events() + " events, " + sent.videos() + " video" + (sent.videos() == 1 ? "" : "s") + " described, not copied).";
            dialogs.showInfo("Package written", done + " Give it to " + sent.coder() + " with the videos, and take it back with File ▸ Receive coded passes when it returns.");
            say.accept(done);
        }, failure -> {
            busy.close();
            failed("No package was written", failure);
        });
    }

    /** File ▸ Receive coded passes…: a package merged back, with a report; conflicts asked about. */
    public void receive() {
        Optional<Study> s = study("receive a coder's passes into it");
        if (s.isEmpty()) return;
        if (open.activePass() != null) {
            dialogs.showInfo("Close the pass first", "A pass is open for coding. Close it (Coding ▸ Close pass), then receive: the package may hold it.");
            return;
        }
        Optional<Path> pkg = dialogs.chooseFileToOpen("Receive coded passes", "Coder package", List.of("*.attune", "*.sealed"));
        if (pkg.isEmpty()) return;
        char[] passphrase = null;
        if (org.attune.service.SealedPassPackages.isSealed(pkg.get())) {
            Optional<char[]> typed = dialogs.askPassphrase("Open " + pkg.get().getFileName(), "The passphrase the package was sealed with:", false);
            if (typed.isEmpty()) return;
            passphrase = typed.get();
        }
        merge(s.get(), pkg.get(), PassReceive.Decide.ASK, passphrase);
    }

    private void merge(Study study, Path pkg, PassReceive.Decide decide, char[] passphrase) {
        DialogService.Busy busy = dialogs.showBusy("Receive coded passes", "Merging " + pkg.getFileName() + "…");
        tasks.run(() -> passphrase == null ? PassReceive.receive(study, pkg, decide)
                : org.attune.service.SealedPassPackages.receive(study, pkg, passphrase, decide), r -> {
            busy.close();
            open.changed();
            List<String> lines = new ArrayList<>();
            List<String> conflicts = new ArrayList<>();
            for (PassReceive.PassResult p : r.passes()) {
                String head = p.session() + " · " + p.coder() + ": ";
                if (p.keptOurs()) lines.add(head + "the study's pass kept");
                else if (p.merged()) lines.add(head + p.added() + " added, " + p.changed() + " changed, " + p.deleted() + " deleted, " + p.unchanged() + " unchanged");
                else {
                    lines.add(head + "not merged (edited here after it was sent)");
                    p.conflicts().forEach(c -> conflicts.add(head + c));
                }
            }
            String report = String.join("\n", lines) + (r.backup() == null ? "" : "\n\nThe study as it was before: " + r.backup().getFileName());
            if (conflicts.isEmpty()) {
                forget(passphrase);
                dialogs.showInfo("Passes received", report);
                say.accept("Received " + pkg.getFileName() + ".");
                doneOnes(study, r);
                return;
            }
            dialogs.showProblems("Some passes were edited here too", report + "\n\nThese passes were changed here after they were sent, and differ in the package:",
                    conflicts);
            if (dialogs.confirm("Take the coder's version?", "Replace those passes with the package's (the study's own edits to them are lost;"
                    + " the copy above keeps them)? Otherwise they stay as they are here.", "Take the coder's")) {
                merge(study, pkg, PassReceive.Decide.THEIRS, passphrase); // it forgets the passphrase when done
            } else {
                forget(passphrase);
                say.accept("Received " + pkg.getFileName() + "; " + conflicts.size() + " conflicting events left as they are here.");
            }
        }, failure -> {
            busy.close();
            forget(passphrase);
            failed("Nothing was received", failure);
        });
    }

    /**
     * File ▸ Check the videos…: every video described by a coder package (its size and SHA-256) against the file
     * found now, in the background with progress — before coding on another computer, or after copying videos.
     */
    public void verifyVideos() {
        Optional<Study> s = study("check its videos");
        if (s.isEmpty()) return;
        Study study = s.get();
        DialogService.Busy busy = dialogs.showBusy("Check the videos", "Reading each video (size and SHA-256)…");
        tasks.run(() -> {
            Optional<List<org.attune.store.VideoIdentity.Checked>> checked = org.attune.store.VideoIdentity.checkAll(study, (done, total, session, position, path) -> {
                if (busy.cancelRequested()) return false;
                tasks.later(() -> busy.update((double) done / total, session + " camera " + position + " (" + path + ")"));
                return true;
            });
            if (checked.isEmpty()) return null;
            List<String> same = new ArrayList<>();
            List<String> wrong = new ArrayList<>();
            for (org.attune.store.VideoIdentity.Checked c : checked.get()) {
                String name = c.session() + " camera " + c.position() + " (" + c.path() + ")";
                switch (c.check()) {
                    case SAME -> same.add(name);
                    case MISSING -> wrong.add(name + ": not found — relink it in the Study tab");
                    case OTHER_SIZE -> wrong.add(name + ": another file (its size differs)");
                    case OTHER_CONTENT -> wrong.add(name + ": another file (same size, different content)");
                }
            }
            return checked.get().isEmpty() ? List.<List<String>>of() : List.of(same, wrong);
        }, result -> {
            busy.close();
            if (result == null) return;
            if (result.isEmpty()) {
                dialogs.showInfo("Nothing to check", "This study records no video sizes or checksums: they are recorded when passes are sent to a coder.");
            } else if (result.get(1).isEmpty()) {
                dialogs.showInfo("The videos are the ones coded on", String.join("\n", result.get(0)));
                say.accept("Checked " + result.get(0).size() + " video" + (result.get(0).size() == 1 ? "" : "s") + ": the ones the sessions were coded on.");
            } else {
                dialogs.showProblems("Some videos are not the ones coded on", "Relink these to the original files (not re-encoded or trimmed copies) before coding:",
                        result.get(1));
                say.accept(result.get(1).size() + " video" + (result.get(1).size() == 1 ? " is" : "s are") + " not the one" + (result.get(1).size() == 1 ? "" : "s")
                        + " the sessions were coded on.");
            }
        }, failure -> {
            busy.close();
            failed("The videos were not checked", failure);
        });
    }

    private Optional<Study> study(String toDoWhat) {
        if (open.isOpen()) return Optional.of(open.get());
        dialogs.showInfo("No study is open", "Open a study first (File ▸ Open study…), then " + toDoWhat + ".");
        return Optional.empty();
    }

    private static void forget(char[] passphrase) {
        if (passphrase != null) java.util.Arrays.fill(passphrase, ' ');
    }

    private void failed(String title, Throwable failure) {
        if (failure instanceof StudyException e) dialogs.showError(title, e.getMessage());
        else if (failure instanceof org.attune.exchange.SealedPackage.Refused e) dialogs.showError(title, e.getMessage());
        else dialogs.showFailure(title, failure);
        say.accept(title + ".");
    }
}
