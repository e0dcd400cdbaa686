package org.attune.ui.coding;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.collections.ObservableList;
import org.attune.coding.CodedEvent;
import org.attune.coding.Coder;
import org.attune.coding.CodingPass;
import org.attune.coding.MediaFile;
import org.attune.coding.Session;
import org.attune.scheme.CodingScheme;
import org.attune.service.VideoChecks;
import org.attune.store.Study;
import org.attune.store.StudyException;
import org.attune.ui.DialogService;
import org.attune.ui.OpenStudy;
import org.attune.ui.ReadOnlyNotice;
import org.attune.ui.UserSettings;
import org.attune.ui.player.SessionPlayer;

/**
 * The coding workspace's study: which study is open, its passes as the chooser offers them, what
 * opening a pass reads (in the background), and the {@link PassEditor} that changes it. The workspace
 * (a view) reaches the study file only through this and the editor; failures of the study are said
 * here in the user's words, so the view never sees a store exception. No JavaFX nodes.
 */
final class CodingViewModel {

    /** What opening a pass reads from the study, and the study it was read from. */
    /** @param heldBy a lab study: who else is coding the pass (then it opens to look at only); empty for a file */
    record PassData(Object study, List<SessionPlayer.Camera> cameras, long longestVideoMs, List<CodedEvent> events,
                    Map<String, Integer> ratings, VideoChecks.Result videos, Optional<String> heldBy) {
    }

    private final ServerWatch server = new ServerWatch();
    /** The pass this app holds on a lab study's server (given back when another opens), or null. */
    private volatile Long held;

    private final OpenStudy openStudy;
    private final DialogService dialogs;
    private final UserSettings settings;
    private Study study;

    CodingViewModel(OpenStudy openStudy, DialogService dialogs) {
        this(openStudy, dialogs, UserSettings.memory());
    }

    /** {@code settings}: where the videos found right before coding are remembered (VideoChecks). */
    CodingViewModel(OpenStudy openStudy, DialogService dialogs, UserSettings settings) {
        this.openStudy = openStudy;
        this.dialogs = dialogs;
        this.settings = settings;
        this.study = openStudy.get();
    }

    /** Runs {@code then} when a study is opened or closed in the app (after this model follows it). */
    void onStudyChanged(Runnable then) {
        openStudy.studyProperty().addListener((o, a, s) -> {
            study = s;
            server.reset();
            held = null;
            then.run();
        });
    }

    /** Runs {@code then} when the study was changed elsewhere in the app (a session, coder or pass added; a pass marked done). */
    void onChangedElsewhere(Runnable then) {
        openStudy.revisionProperty().addListener((o, a, b) -> then.run());
    }

    boolean hasStudy() {
        return study != null;
    }

    String studyName() {
        return study.name();
    }

    boolean isReadOnly() {
        return study.isReadOnly();
    }

    CodingScheme scheme() {
        return study.scheme();
    }

    /** Whether {@code file} is the study open now. */
    boolean isOpen(Path file) {
        return study != null && openStudy.isOpen(file);
    }

    /** Opens a study for coding (read-write: coding writes to it); a failure or a read-only open is said. */
    void open(Path file) {
        try {
            Study opened = openStudy.open(file);
            ReadOnlyNotice.showIfReadOnly(dialogs, opened, "code in it");
        } catch (StudyException e) {
            dialogs.showError("This study cannot be opened", e.getMessage());
        }
    }

    /** The study's passes with their sessions and coders, as stored now; empty if the study cannot be read (said). */
    Optional<List<CodingWorkspace.PassChoice>> readPasses() {
        if (study == null) return Optional.of(List.of());
        try {
            Map<Long, Session> sessions = new LinkedHashMap<>();
            for (Session x : study.sessions()) sessions.put(x.id(), x);
            Map<Long, Coder> coders = new LinkedHashMap<>();
            for (Coder c : study.coders()) coders.put(c.id(), c);
            List<CodingWorkspace.PassChoice> all = new ArrayList<>();
            for (CodingPass p : study.passes()) all.add(new CodingWorkspace.PassChoice(p, sessions.get(p.sessionId()), coders.get(p.coderId())));
            return Optional.of(all);
        } catch (StudyException e) {
            if (e.kind() == StudyException.Kind.UNREACHABLE) server.lost(study, null); // a lab study's server: the banner, not a dialog
            else dialogs.showError("The study cannot be read", e.getMessage());
            return Optional.empty();
        }
    }

    /** The pass the app is coding now (the study browser marks its cell); null for none. */
    void setActivePass(CodingPass pass) {
        if (openStudy.activePass() != pass) openStudy.activePassProperty().set(pass);
        Long before = held;
        if (pass == null && before != null && study != null && study.lab().isPresent()) { // a lab study: the pass closed here, free for others at once
            held = null;
            study.submit(s -> {
                s.lab().orElseThrow().releasePass(before);
                return null;
            });
        }
    }

    /** The work of reading a pass (its session's videos, events and ratings), to run in the background. */
    Callable<PassData> passReader(CodingWorkspace.PassChoice p) {
        Study s = study;
        return () -> {
            List<MediaFile> media = s.media(p.session().id());
            List<SessionPlayer.Camera> cameras = media.stream().limit(4)
                    .map(m -> new SessionPlayer.Camera(s.playbackFile(m), m.offsetMs())).toList();
            long longest = media.stream().map(MediaFile::durationMs).filter(Objects::nonNull).mapToLong(Long::longValue).max().orElse(0);
            VideoChecks.Result videos = VideoChecks.session(s, p.session(), settings::get); // a package's videos, before coding on them
            Optional<String> heldBy = Optional.empty();
            if (s.lab().isPresent()) { // one coder per pass: take it here, or open it to look at only
                heldBy = s.lab().get().holdPass(p.pass().id());
                held = heldBy.isEmpty() ? p.pass().id() : null;
            }
            return new PassData(s, cameras, longest, s.events().list(p.pass().id()), s.events().ratings(p.pass().id()), videos, heldBy);
        };
    }

    /**
     * Whether the pass read can be coded on its videos: false (said, with what to do) when one is not the video the
     * study describes (a coder package records each video's size and SHA-256). The right ones are remembered.
     */
    boolean videosChecked(PassData data) {
        data.videos().remember().forEach(settings::put);
        if (data.videos().passed()) return true;
        dialogs.showProblems("Not the videos this session was coded on", "Relink the original files (not re-encoded or trimmed copies) in the Study tab,"
                + " then open the pass again. File ▸ Check the videos… checks every video of the study.", data.videos().wrong());
        return false;
    }

    /** Whether a pass read in the background still belongs to the study open now. */
    boolean isCurrent(PassData data) {
        return data.study() == study;
    }

    /** Says why a pass could not be read. */
    void passNotRead(Throwable failure) {
        if (failure instanceof StudyException e) dialogs.showError("The pass cannot be opened", e.getMessage());
        else dialogs.showFailure("The pass cannot be opened", failure);
    }

    /** The editor of a pass that was read: every change committed to the study before it shows. */
    PassEditor editor(CodingWorkspace.PassChoice p, PassData data, ObservableList<CodedEvent> events, Consumer<CodedEvent> changed,
                      Runnable passStatusChanged, Consumer<String> statusLine) {
        return new PassEditor(study, p, events, dialogs, changed, passStatusChanged, openStudy::noteEdit, statusLine, server, data.heldBy().orElse(null));
    }

    /** While a lab study's server is out of reach: the banner's words; null while coding goes on. */
    javafx.beans.value.ObservableStringValue serverOutage() {
        return server.outageProperty();
    }

    /** Tells the app's other views that the study changed (a pass reopened by editing it). */
    void changed() {
        openStudy.changed();
    }

    /**
     * Where the coder last was in a pass, kept in the user's settings (per user, per study file, per
     * pass; never in the study): a pass reopens there instead of at frame 0.
     */
    String lastPlaceKey(CodingWorkspace.PassChoice p) {
        return "coding.lastPlace." + Integer.toHexString(study.path().toAbsolutePath().normalize().toString().hashCode()) + "." + p.pass().id();
    }

    /** Closes the study (and so its pass). */
    void close() {
        openStudy.close();
    }
}
