package org.attune.ui;

import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.attune.coding.CodingPass;
import org.attune.scheme.CodingScheme;
import org.attune.store.Study;
import org.attune.store.StudyException;

/**
 * The study the app has open for writing, shared by the study browser and the coding workspace
 * (a study has one writer: two read-write opens in one app would lock each other out). Views
 * listen to {@link #studyProperty()} for a study opened or closed and to {@link #revisionProperty()}
 * for changes made elsewhere in the app (a pass coded, a session added), to refresh what they show.
 */
public final class OpenStudy implements AutoCloseable {

    private final ReadOnlyObjectWrapper<Study> study = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();
    private final ObjectProperty<CodingPass> activePass = new SimpleObjectProperty<>();

    private static final java.util.concurrent.ScheduledExecutorService NEWS = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "attune-study-news");
        t.setDaemon(true);
        return t;
    });
    /** A lab study's news of other apps' changes (ADR 12), while it is the open study. */
    private AutoCloseable news;

    {
        study.addListener((o, before, now) -> listenForNews(now));
    }

    /**
     * A lab study: another coder's change (a pass coded, done, given) refreshes the views, at most once a second
     * however many coders code; a file: nothing to listen to. The listener starts off the FX thread (it connects to
     * the server) and catches up on what changed meanwhile when it starts.
     */
    private void listenForNews(Study s) {
        closeQuietly(news);
        news = null;
        if (s == null || s.lab().isEmpty()) return;
        java.util.concurrent.atomic.AtomicBoolean queued = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable onChange = () -> {
            if (queued.compareAndSet(false, true)) {
                NEWS.schedule(() -> javafx.application.Platform.runLater(() -> {
                    queued.set(false);
                    if (get() == s) changed();
                }), 1, java.util.concurrent.TimeUnit.SECONDS);
            }
        };
        NEWS.execute(() -> {
            AutoCloseable started = s.lab().get().listen(onChange);
            javafx.application.Platform.runLater(() -> {
                if (get() == s && news == null) news = started;
                else closeQuietly(started); // another study opened meanwhile
            });
        });
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) return;
        try {
            c.close();
        } catch (Exception ignored) {
            // stopping anyway
        }
    }

    public ReadOnlyObjectProperty<Study> studyProperty() {
        return study.getReadOnlyProperty();
    }

    public Study get() {
        return study.get();
    }

    public boolean isOpen() {
        return study.get() != null;
    }

    /** Runs {@code then} whenever a study is opened or closed here (for views, which do not hold the study itself). */
    public void onOpenedOrClosed(Runnable then) {
        study.addListener((o, a, b) -> then.run());
    }

    /** The open study's name, or empty while none is open (the window's title follows it). */
    public javafx.beans.value.ObservableValue<String> nameProperty() {
        return study.map(Study::name).orElse("");
    }

    /** The open study's file; only while one is open. */
    public Path path() {
        return get().path();
    }

    /** The open study's name; only while one is open. */
    public String name() {
        return get().name();
    }

    /** The open study's coding scheme; only while one is open. */
    public CodingScheme scheme() {
        return get().scheme();
    }

    /** Opens a study for writing, closing the one open before. Read-only when another window or computer holds it. */
    public Study open(Path file) throws StudyException {
        if (isOpen() && get().path().toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) return get();
        close();
        Study s = Study.open(file);
        study.set(s);
        return s;
    }

    /** Whether {@code file} is the study open now (the same file, whatever the path's spelling). */
    public boolean isOpen(Path file) {
        if (!isOpen()) return false;
        Path a = get().path().toAbsolutePath().normalize();
        Path b = file.toAbsolutePath().normalize();
        try {
            return a.equals(b) || java.nio.file.Files.exists(b) && java.nio.file.Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Makes a study opened elsewhere (in the background) the open one, closing the one open before. */
    public void adopt(Study s) {
        if (get() == s) return;
        close();
        study.set(s);
    }

    /** Creates a study and opens it. */
    public Study create(Path file, CodingScheme scheme, String name) throws StudyException {
        close();
        Study s = Study.create(file, scheme, name);
        study.set(s);
        return s;
    }

    private long edits;

    /** Counts an edit of events (cheap, no listeners run): views showing events reload when they are next shown. */
    public void noteEdit() {
        edits++;
    }

    /** Edits of events so far (with {@link #revisionProperty()}, tells a view whether what it shows is stale). */
    public long edits() {
        return edits + revision.get();
    }

    /** Increments the revision: something in the open study changed. */
    public void changed() {
        revision.set(revision.get() + 1);
    }

    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /**
     * The pass open in the coding workspace, or {@code null}. While it is a blind pass that is not
     * done, other coders' events of its session are hidden everywhere in the app.
     */
    public ObjectProperty<CodingPass> activePassProperty() {
        return activePass;
    }

    public CodingPass activePass() {
        return activePass.get();
    }

    /** True while a blind pass that is not done is open for coding: views that show several coders' events stay closed. */
    public boolean blindCodingActive() {
        CodingPass p = activePass.get();
        return p != null && p.blind() && p.status() != org.attune.coding.PassStatus.DONE;
    }

    @Override
    public void close() {
        activePass.set(null);
        Study s = study.get();
        if (s == null) return;
        study.set(null); // listeners let go of the study first
        s.close();
    }
}
