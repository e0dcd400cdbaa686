package org.attune.store;

import java.util.Optional;
import org.attune.store.pg.ServerUrl;

/**
 * What a lab study on a PostgreSQL server has beyond a study file (issue 18, ADR 12): the lease of the pass open for
 * coding, the coders' server logins, whether the server answers, and news of other coders' changes. From
 * {@link Study#lab()}.
 */
public final class LabStudy {

    private final StudyFile file;

    LabStudy(StudyFile file) {
        this.file = file;
    }

    public ServerUrl url() {
        return file.server;
    }

    /**
     * Takes the pass for coding here (its lease, renewed while the study is open): empty when taken, else who holds
     * it — another coder's app, which this one may then only read.
     */
    public Optional<String> holdPass(long passId) throws StudyException {
        if (file.isReadOnly()) return Optional.empty();
        try {
            file.write("open the pass for coding", c -> {
                file.claimPass(c, passId);
                return null;
            });
            return Optional.empty();
        } catch (StudyException e) {
            // a coder's login may code only their own passes (ServerSchema's row security): another's opens to look at only
            if (e.kind() == StudyException.Kind.READ_ONLY) return Optional.of("another coder (your login codes only your own passes)");
            if (e.kind() != StudyException.Kind.LOCKED) throw e;
            return Optional.of(file.read(c -> ServerStudy.holderOtherThan(file, c, passId)).orElse("another app"));
        }
    }

    /** Gives the pass back (its coding window closed), so that another coder's app may take it at once. */
    public void releasePass(long passId) throws StudyException {
        if (file.isReadOnly()) return;
        file.write("give the pass back", c -> {
            ServerStudy.release(file, c, passId);
            return null;
        });
    }

    /** Whether the server answers now, connecting again if the connection was lost. */
    public boolean reachable() {
        return ServerStudy.reachable(file);
    }

    /** Lets a server login code as the coder {@code initials}, by the blind rule (the lab manager's; ADR 12). */
    public void giveLogin(String initials, String login) throws StudyException {
        ServerStudy.giveLogin(file, initials, login);
    }

    /**
     * Calls {@code onChange} (on a thread of its own) whenever another app (not this one) changes the study's sessions, coders or
     * passes — a pass coded, marked done, given — from a listening connection of its own, and once whenever it starts
     * listening (what changed before is news too). Returns once it listens (or could not connect: it keeps trying);
     * close to stop. A listener out of reach connects again by itself.
     */
    public AutoCloseable listen(Runnable onChange) {
        return ServerNews.listen(file.server, file.password, () -> file.backendPid, onChange);
    }
}
