package org.attune.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The one way views run work that may take long (reading a study, counting events): off the FX
 * thread, with the result handed back on it. A study's reads and writes run on the study's own
 * thread whoever calls them (ADR 6); this keeps the window from waiting for them. Tests use
 * {@link #immediate()}, which runs everything at once on the calling thread.
 */
public interface Tasks {

    /**
     * Runs {@code work}; then {@code onDone} with its result, or {@code onFailed} with its failure,
     * on the FX thread (for {@link #immediate()}: on the calling thread, before this returns).
     */
    <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed);

    /** Runs {@code r} where results are handed back (the FX thread; for {@link #immediate()}: now), e.g. a progress update from the work. */
    void later(Runnable r);

    /** Everything at once, on the calling thread: for tests, and for callers that must have the result now. */
    static Tasks immediate() {
        return new Tasks() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onFailed.accept(e);
                    return;
                }
                onDone.accept(result);
            }

            @Override
            public void later(Runnable r) {
                r.run();
            }
        };
    }

    /** Work on {@code executor}, results on the FX thread in the order the work finished. */
    static Tasks background(Executor executor) {
        return new Tasks() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
                executor.execute(() -> {
                    try {
                        T result = work.call();
                        Platform.runLater(() -> onDone.accept(result));
                    } catch (Exception | Error e) {
                        Platform.runLater(() -> onFailed.accept(e));
                    }
                });
            }

            @Override
            public void later(Runnable r) {
                Platform.runLater(r);
            }
        };
    }
}
