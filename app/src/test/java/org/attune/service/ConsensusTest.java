package org.attune.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attune.coding.EventDraft;
import org.attune.coding.Session;
import org.attune.reliability.ConsensusPlan;
import org.attune.scheme.json.BundledSchemes;
import org.attune.store.ConsensusStore;
import org.attune.store.Study;
import org.attune.store.StudyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consensus of AL and BK on one session (ConsensusPlanTest's events): two agreements taken over, three
 * disagreements decided — BK's positive affect, neither for AL's lone parent bid, BK's child bid edited to 8.0 s —
 * then the provenance counts are 2 agreed, 0 first, 1 second, 1 edited; undo takes the last decision back; leaving
 * and resuming keeps every decision.
 */
public class ConsensusTest {

    @TempDir
    Path dir;

    public static Study study(Path file) throws Exception {
        Study s = Study.create(file, BundledSchemes.defaultScheme(), "Lab");
        Session x = s.addSession(new Session(0, "S01", "", "", null, "", "", Map.of()));
        long al = s.pass(x.id(), s.addCoder("Ana Lopes", "AL").id()).id();
        long bk = s.pass(x.id(), s.addCoder("Ben Kim", "BK").id()).id();
        s.events().add(al, EventDraft.state("C_POS", 0, 5_000L));
        s.events().add(al, EventDraft.state("C_DIST", 5_000, 10_000L));
        s.events().add(al, EventDraft.point("P_BID", 2_000));
        s.events().add(al, EventDraft.point("P_BID", 7_000));
        s.events().add(bk, EventDraft.state("C_POS", 0, 5_400L));
        s.events().add(bk, EventDraft.state("C_POS", 5_400, 10_000L));
        s.events().add(bk, EventDraft.point("P_BID", 2_300));
        s.events().add(bk, EventDraft.point("C_BID", 8_500));
        return s;
    }

    /** Opens the study again (a file, or the same lab study on the server). */
    interface Opener {
        Study open() throws StudyException;
    }

    @Test
    void theConsensusKeepsWhereEachEventCameFromAndCanBeUndoneLeftAndResumed() throws Exception {
        Path file = dir.resolve("lab.attune");
        study(file).close();
        theConsensusKeepsEverything(() -> Study.open(file));
    }

    /** The same on a lab study on the tests' PostgreSQL server (issue 18): the same SQL on the other database. */
    @Test
    void onALabStudyToo() throws Exception {
        org.attune.store.pg.PgCluster pg = org.attune.store.pg.PgCluster.orSkip();
        org.attune.store.pg.ServerUrl url = org.attune.store.pg.ServerUrl.parse("postgresql://attune@127.0.0.1:" + pg.port() + "/postgres?study=consensus");
        try (Study s = study(dir.resolve("lab.attune"))) {
            org.attune.store.StudyCopy.toServer(s, url, Optional.empty());
        }
        theConsensusKeepsEverything(() -> Study.open(url, dir, Optional.empty(), false));
    }

    private void theConsensusKeepsEverything(Opener opener) throws Exception {
        try (Study s = opener.open()) {
            Consensus.State st = Consensus.startOrResume(s, "S01", "AL", "BK", 1000, 0.6);
            assertEquals(3, st.disagreements().size());
            assertEquals(0, st.resolved());
            long pass = st.consensus().passId();
            assertEquals(Map.of("agreed", 2L, "first", 0L, "second", 0L, "edited", 0L, "added", 0L), ConsensusStore.provenance(s, pass));

            List<ConsensusPlan.Item> items = st.disagreements();
            st = Consensus.decide(s, st, items.get(0), Consensus.Decision.SECOND, Optional.empty());
            st = Consensus.decide(s, st, items.get(1), Consensus.Decision.NEITHER, Optional.empty());
            st = Consensus.decide(s, st, items.get(2), Consensus.Decision.EDITED, Optional.of(EventDraft.point("C_BID", 8_000)));
            assertEquals(3, st.resolved());
            assertEquals(Map.of("agreed", 2L, "first", 0L, "second", 1L, "edited", 1L, "added", 0L), ConsensusStore.provenance(s, pass));
            assertEquals(List.of("C_POS@0", "P_BID@2000", "C_POS@5400", "C_BID@8000"),
                    s.events().list(pass).stream().map(e -> e.code() + "@" + e.onsetMs()).toList());

            Consensus.State decided = st;
            assertThrows(StudyException.class, () -> Consensus.decide(s, decided, items.get(0), Consensus.Decision.FIRST, Optional.empty()),
                    "an item is decided once");
            st = Consensus.undo(s, st);
            assertEquals(2, st.resolved());
            assertEquals(Map.of("agreed", 2L, "first", 0L, "second", 1L, "edited", 0L, "added", 0L), ConsensusStore.provenance(s, pass));
            st = Consensus.decide(s, st, items.get(2), Consensus.Decision.FIRST, Optional.empty());
            assertEquals("neither", st.decisions().get(items.get(2).key()), "AL had nothing there: taking AL's takes nothing");
        }
        try (Study s = opener.open()) {
            Consensus.State resumed = Consensus.startOrResume(s, "S01", "AL", "BK", 1000, 0.6);
            assertEquals(3, resumed.resolved(), "left and resumed: every decision is there");
            assertEquals("AL", resumed.first());
            assertTrue(s.coders().stream().anyMatch(c -> c.initials().equals(ConsensusStore.CODER)));
            StudyException e = assertThrows(StudyException.class, () -> Consensus.startOrResume(s, "S09", "AL", "BK", 1000, 0.6));
            assertEquals("There is no session S09 in this study.", e.getMessage());
        }
    }
}
