package org.attune.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.attune.coding.MediaFile;
import org.attune.coding.Session;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.json.BundledSchemes;
import org.attune.store.Study;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed sample sessions agree with their generator's script and open as a study. */
class SampleSessionsTest {

    static final Path DIR = Path.of("..", "sample-sessions");

    @Test
    void groundTruthIsTheScriptOnFrameBoundaries() throws Exception {
        Map<String, List<SampleSessions.Beat>> scripts = Map.of("S01", SampleSessions.RESPONSIVE, "S02", SampleSessions.INTRUSIVE);
        List<String> expected = new ArrayList<>();
        for (String session : List.of("S01", "S02")) {
            scripts.get(session).stream().sorted(java.util.Comparator.comparingLong(SampleSessions.Beat::onMs))
                    .forEach(b -> expected.add(session + " " + b.code() + " " + b.onMs() + " " + b.offMs() + " " + b.mod()));
        }
        List<String> actual = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(DIR.resolve("ground-truth.csv"))) {
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                long on = Math.round(Double.parseDouble(rec.get("onset_s")) * 1000);
                long off = Math.round(Double.parseDouble(rec.get("offset_s")) * 1000);
                assertEquals(0, on % 40, "onsets lie on the 40-ms frame boundaries of the 25-fps videos");
                assertEquals(0, off % 40);
                String mod = rec.get("modifier_type") + rec.get("modifier_form");
                actual.add(rec.get("session") + " " + rec.get("code") + " " + on + " " + off + " " + mod);
            }
        }
        expected.sort(null);
        actual.sort(null);
        assertEquals(expected, actual, "ground-truth.csv is stale: rebuild sample-sessions (see its README)");
    }

    @TempDir
    Path copy;

    @Test
    void sampleStudyHasBothSessionsThreeCodersAndItsVideosBesideIt() throws Exception {
        // a copy beside copies of the videos: opening a study in a writable folder makes SQLite's -wal/-shm files,
        // which must not appear in the repository's sample folder
        for (String f : List.of("sample-study.attune", "free-play-s01.mp4", "free-play-s02.mp4")) Files.copy(DIR.resolve(f), copy.resolve(f));
        try (Study s = Study.openReadOnly(copy.resolve("sample-study.attune"))) {
            assertEquals(List.of("S01", "S02"), s.sessions().stream().map(Session::label).toList());
            assertEquals(List.of("AL", "BK", "CM"), s.coders().stream().map(c -> c.initials()).sorted().toList());
            for (Session session : s.sessions()) {
                List<MediaFile> media = s.media(session.id());
                assertEquals(1, media.size());
                assertEquals("free-play-" + session.label().toLowerCase() + ".mp4", media.get(0).path(), "stored relative to the study");
                assertTrue(Files.size(s.resolveMedia(media.get(0))) > 100_000);
                assertEquals(25.0, media.get(0).fps());
            }
        }
    }

    @Test
    void codersDisagreeRealisticallyButNeverOverlapStatesOfAGroup() {
        CodingScheme scheme = BundledSchemes.defaultScheme();
        List<SampleSessions.Beat> coded = SampleSessions.perturb(scheme, SampleSessions.INTRUSIVE, 0.1, new Random(5));
        assertTrue(coded.size() < SampleSessions.INTRUSIVE.size() + 1);
        for (SampleSessions.Beat b : coded) {
            assertEquals(0, b.onMs() % 40);
            if (b.point()) continue;
            String group = scheme.code(b.code()).orElseThrow().group();
            for (SampleSessions.Beat o : coded) {
                if (o == b || o.point()) continue;
                boolean sameLane = o.code().equals(b.code()) || group != null && group.equals(scheme.code(o.code()).orElseThrow().group());
                assertTrue(!sameLane || o.offMs() <= b.onMs() || o.onMs() >= b.offMs(), b + " overlaps " + o);
            }
        }
    }
}
