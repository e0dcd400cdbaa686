package org.attune.service;

/**
 * What long work (an export of a million events) sees of whoever waits for it: it reports how far it
 * is and stops, leaving nothing half-written, when the user cancels. {@link #NONE} for the command
 * line and tests, where nobody watches.
 */
public interface Progress {

    /** The work was cancelled by the user; whatever it was writing is thrown away. */
    final class Cancelled extends RuntimeException {
        public Cancelled() {
            super("Cancelled: nothing was written.");
        }
    }

    /** {@code done} of {@code total} units (rows, events); {@code total} is 0 when not known. May be called often: the watcher thins the updates. */
    void report(long done, long total);

    /** Whether the user asked to stop. */
    boolean isCancelled();

    /** Stops the work here if the user asked to. */
    default void checkCancelled() {
        if (isCancelled()) throw new Cancelled();
    }

    /** Nobody watches and nobody cancels. */
    Progress NONE = new Progress() {
        @Override
        public void report(long done, long total) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
