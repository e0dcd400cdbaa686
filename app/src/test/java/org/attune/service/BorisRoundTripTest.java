package org.attune.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.attune.coding.CodedEvent;
import org.attune.coding.CodingPass;
import org.attune.coding.MediaFile;
import org.attune.coding.Session;
import org.attune.exchange.boris.BorisFixtures;
import org.attune.exchange.boris.BorisProject;
import org.attune.scheme.KeyboardLayout;
import org.attune.store.Study;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: BORIS → Attune → BORIS keeps every event — time to the ms, subject, code, modifiers (single and
 * multiple), comment (commas, quotes, a line break, non-ASCII) — and every observation's videos and offsets;
 * the project written reads back as the same study.
 */
class BorisRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void aProjectComesBackAsItWentIn() throws Exception {
        // a numeric modifier becomes part of the comment on the way in (Attune modifiers are choices): left out here
        String original = BorisFixtures.project().replace("\"hand|3\"", "\"hand\"").replace("\"hand|\"", "\"hand\"");
        Path project = Files.writeString(dir.resolve("free-play.boris"), original, StandardCharsets.UTF_8);
        Path first = dir.resolve("first.attune");
        assertTrue(BorisProjectImport.run(first, project, "AL", Set.of(), List.of(), KeyboardLayout.US_QWERTY).imported());

        Path exported = dir.resolve("back.boris.gz");
        try (Study s = Study.open(first)) {
            assertEquals(2, PeerExports.boris(s, exported, StudyExports.Scope.ALL));
        }
        BorisProject in = BorisProject.parse(Files.readAllBytes(project), "free-play.boris");
        BorisProject out = BorisProject.parse(Files.readAllBytes(exported), "back.boris.gz");
        assertEquals(List.of("S01 AL", "S01 BK"), out.observations().stream().map(BorisProject.Observation::id).toList());
        for (int i = 0; i < 2; i++) {
            BorisProject.Observation a = in.observations().get(i);
            BorisProject.Observation b = out.observations().get(i);
            assertEquals(rows(a), rows(b), a.id() + ": every row's time, subject, code and modifiers");
            assertEquals(a.media().get(1), b.media().get(1), "camera 1's video, relative to the project");
            assertEquals(0, a.offsets().getOrDefault(2, java.math.BigDecimal.ZERO).compareTo(b.offsets().getOrDefault(2, java.math.BigDecimal.ZERO)), "camera 2's offset");
            assertEquals(a.date().substring(0, 10), b.date().substring(0, 10));
            assertEquals(a.variables(), b.variables());
        }
        assertEquals(in.subjects(), out.subjects());

        Path second = dir.resolve("second.attune");
        assertTrue(BorisProjectImport.run(second, exported, "AL", Set.of(), List.of(), KeyboardLayout.US_QWERTY).imported());
        try (Study a = Study.open(first); Study b = Study.open(second)) {
            assertEquals(events(a), events(b), "the same events, comments and all, on the way back in");
            for (String label : List.of("S01 AL", "S01 BK")) {
                Session sa = a.session(label).orElseThrow();
                Session sb = b.session(label).orElseThrow();
                assertEquals(sa.notes(), sb.notes());
                assertEquals(sa.metadata(), sb.metadata());
                assertEquals(a.media(sa.id()).stream().map(m -> a.resolveMedia(m) + "@" + m.offsetMs()).toList(),
                        b.media(sb.id()).stream().map(m -> b.resolveMedia(m) + "@" + m.offsetMs()).toList());
            }
        }
    }

    /** An observation's rows as "time subject code modifiers", sorted: what a round trip must keep. */
    private static List<String> rows(BorisProject.Observation o) {
        List<String> out = new ArrayList<>();
        for (BorisProject.Row r : o.events()) out.add(r.time().stripTrailingZeros().toPlainString() + " " + r.subject() + " " + r.code() + " " + r.modifiers());
        out.sort(null);
        return out;
    }

    private static List<String> events(Study s) throws Exception {
        List<String> out = new ArrayList<>();
        for (CodingPass p : s.passes()) {
            String label = s.sessions().stream().filter(x -> x.id() == p.sessionId()).findFirst().orElseThrow().label();
            for (CodedEvent e : s.events().list(p.id())) {
                out.add(label + " " + e.code() + " " + e.onsetMs() + "-" + e.offsetMs() + " " + e.modifiers().encode() + " " + e.comment());
            }
        }
        out.sort(null);
        return out;
    }
}
