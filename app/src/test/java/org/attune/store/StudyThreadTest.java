package org.attune.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.attune.coding.Coder;
import org.attune.coding.EventDraft;
import org.attune.coding.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One thread owns a study's connection: calls from any thread are carried out there, one at a time. */
class StudyThreadTest {

    @TempDir
    Path dir;

    @Test
    void everyReadAndWriteRunsOnTheStudysOwnThread() throws Exception {
        try (Study s = Study.create(dir.resolve("t.attune"), StudyTest.SCHEME, "t")) {
            String reader = s.file().read(c -> Thread.currentThread().getName());
            assertEquals("attune-study t.attune", reader);
            assertEquals(reader, s.file().write("look", c -> Thread.currentThread().getName()));
            // work submitted as one piece runs there too, and the calls inside it run inline (no deadlock)
            String inside = s.submit(study -> {
                study.addSession(new Session(0, "S1", "", "", null, "", "", Map.of()));
                return study.file().read(c -> Thread.currentThread().getName()) + "/" + study.sessions().size();
            }).get(30, TimeUnit.SECONDS);
            assertEquals("attune-study t.attune/1", inside);
        }
    }

    @Test
    void editsFromManyThreadsAtOnceAreAllCommittedEachWithItsUndoStep() throws Exception {
        Path file = dir.resolve("busy.attune");
        List<Long> passes = new ArrayList<>();
        try (Study s = Study.create(file, StudyTest.SCHEME, "busy")) {
            Coder coder = s.addCoder("A", "A");
            for (int i = 0; i < 8; i++) passes.add(s.pass(s.addSession(new Session(0, "S" + i, "", "", null, "", "", Map.of())).id(), coder.id()).id());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (long pass : passes) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 150; i++) s.events().add(pass, EventDraft.point("C_BID", i * 100L));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
            pool.shutdown();
            for (long pass : passes) {
                assertEquals(150, s.events().count(pass));
                for (int i = 0; i < 150; i++) assertTrue(s.events().undo(pass).isPresent(), "each add is its own undo step");
                assertEquals(0, s.events().count(pass));
            }
        }
    }

    @Test
    void aClosedStudySaysSo() throws Exception {
        Study s = Study.create(dir.resolve("c.attune"), StudyTest.SCHEME, "c");
        s.close();
        StudyException e = assertThrows(StudyException.class, s::sessions);
        assertTrue(e.getMessage().contains("c.attune is closed; open it again"), e.getMessage());
        s.close(); // twice is harmless
    }
}
