package org.attune.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.attune.store.pg.ServerUrl;

/**
 * News of a lab study's changes made by other apps (ADR 12): a connection of its own that LISTENs on the study's
 * channel, where the server's triggers say which table changed (ServerSchema: passes, sessions, coders, media). Its
 * thread calls back on every notice, and once each time it starts listening (changes made while it was not are
 * news too); callers coalesce (twenty coders make a hundred notices a second). Out of reach,
 * it connects again every few seconds; closing stops it.
 */
final class ServerNews implements AutoCloseable {

    /** How long one wait for notices lasts, and the pause before connecting again after the server was out of reach. */
    static final int WAIT_MS = 2_000;

    private final AtomicBoolean running = new AtomicBoolean(true);
    /** Counted down once the first LISTEN is in place (or the first attempt failed): news from then on is not missed. */
    private final java.util.concurrent.CountDownLatch first = new java.util.concurrent.CountDownLatch(1);
    private volatile Connection connection;

    private ServerNews() {
    }

    static AutoCloseable listen(ServerUrl url, Optional<char[]> password, java.util.function.IntSupplier ownPid, Runnable onChange) {
        ServerNews news = new ServerNews();
        Thread t = new Thread(() -> news.run(url, password, ownPid, onChange), "attune-server-news " + url.study());
        t.setDaemon(true);
        t.start();
        try {
            news.first.await(ServerConnections.CONNECT_TIMEOUT_SECONDS + 5L, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return news;
    }

    private void run(ServerUrl url, Optional<char[]> password, java.util.function.IntSupplier ownPid, Runnable onChange) {
        while (running.get()) {
            try (Connection c = ServerConnections.connect(url, password)) {
                connection = c;
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + url.schema());
                }
                onChange.run(); // what changed while nobody listened (before the first LISTEN, or while out of reach) is news too
                first.countDown(); // after it: listen() returns with the catch-up done
                org.postgresql.PGConnection pg = c.unwrap(org.postgresql.PGConnection.class);
                while (running.get()) {
                    org.postgresql.PGNotification[] notices = pg.getNotifications(WAIT_MS);
                    if (notices == null) continue;
                    int own = ownPid.getAsInt();
                    if (java.util.Arrays.stream(notices).anyMatch(n -> n.getPID() != own)) onChange.run(); // not news: this app's own edits
                }
            } catch (StudyException | SQLException | RuntimeException e) {
                first.countDown();
                if (!running.get()) return;
                try {
                    Thread.sleep(WAIT_MS); // out of reach: try again in a moment, for as long as the study is open
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        running.set(false);
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // stopping anyway
            }
        }
    }
}
