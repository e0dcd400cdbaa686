package org.attune.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.attune.TestPaths;
import org.attune.scheme.json.BundledSchemes;
import org.attune.scheme.json.SchemeReadResult;
import org.attune.scheme.json.SchemeReader;
import org.junit.jupiter.api.Test;

/** The default scheme: valid, complete enough to train coders with, and traced to the seed texts. */
class DefaultSchemeTest {

    private final CodingScheme scheme = BundledSchemes.defaultScheme();

    @Test
    void fileValidatesWithoutErrorsOrWarnings() {
        SchemeReadResult r = SchemeReader.read(TestPaths.defaultScheme());
        assertEquals(List.of(), r.problems());
        assertEquals(r.scheme().orElseThrow(), scheme, "the bundled resource is the file in coding-schemes/");
    }

    @Test
    void hasTheFamiliesOfTheThreeConstructsPlusContrastAndRatings() {
        assertEquals(List.of("Synchronicity", "Reciprocity", "Insecure behaviour — parent", "Insecure behaviour — child",
                "Secure base", "Utility", "Session ratings"), scheme.families().stream().map(Family::label).toList());
    }

    @Test
    void hasThirtyBehaviourCodesOneUncodableStateAndFourRatings() {
        List<Code> behaviour = scheme.timedCodes().stream().filter(c -> !c.hasRole(CodeRole.UNCODABLE)).toList();
        assertEquals(30, behaviour.size());
        List<Code> uncodable = scheme.codesWithRole(CodeRole.UNCODABLE);
        assertEquals(1, uncodable.size());
        assertEquals(CodeKind.STATE, uncodable.get(0).kind());
        assertEquals(List.of("R_SENS", "R_INTRUS", "R_RECIP", "R_INVOLVE"), scheme.ratingCodes().stream().map(Code::id).toList());
    }

    @Test
    void exclusiveGroupsMatchTheResearchNote() {
        Map<String, List<String>> members = new HashMap<>();
        for (ExclusiveGroup g : scheme.groups()) members.put(g.id(), scheme.membersOf(g).stream().map(Code::id).toList());
        assertEquals(Map.of("AFF_C", List.of("C_POS", "C_DIST"), "P_AVAIL", List.of("P_DISENG", "P_WITHDRAW"),
                "C_MODE", List.of("C_CLING", "C_WITHDRAW", "C_EXPLORE")), members);
        assertEquals(List.of(new Exclusion("P_FOLLOW", "P_DISENG")), scheme.exclusions());
        Code diseng = scheme.code("P_DISENG").orElseThrow();
        assertEquals(Set.of("P_WITHDRAW", "P_FOLLOW"), scheme.statesEndedBy(diseng).stream().map(Code::id).collect(Collectors.toSet()));
    }

    @Test
    void everyTimedCodeHasAKeyAndRulesToTrainACoderWith() {
        for (Code c : scheme.timedCodes()) {
            Definition d = c.definition();
            assertNotNull(c.key(), c.id() + " key");
            assertFalse(d.counts().isBlank(), c.id() + " what counts");
            assertFalse(d.doesNotCount().isBlank(), c.id() + " what does not count");
            assertFalse(d.onset().isBlank(), c.id() + " onset rule");
            assertEquals(c.isState(), !d.offset().isBlank(), c.id() + " offset rule exactly for states");
            assertFalse(d.examples().isEmpty(), c.id() + " example");
            assertFalse(c.roles().isEmpty(), c.id() + " role for the measures");
        }
    }

    @Test
    void everyBehaviourCodeAndRatingIsTracedToASeedText() {
        for (Code c : scheme.codes()) {
            if (c.hasRole(CodeRole.UNCODABLE)) continue;
            SourceNote s = c.sourceNote().orElseThrow(() -> new AssertionError(c.id() + " has no source"));
            assertTrue(scheme.reference(s.ref()).isPresent(), c.id() + " cites " + s.ref());
        }
    }

    /** Each quote must really occur in the seed file its reference names (whitespace aside: the seeds are PDF extracts). */
    @Test
    void sourceQuotesOccurInTheSeedTexts() throws IOException {
        Path seeds = TestPaths.seeds();
        assumeTrue(Files.isDirectory(seeds), "shared/seeds is beside the repository on developer machines and in CI");
        Map<String, String> seedText = new HashMap<>();
        try (Stream<Path> files = Files.list(seeds)) {
            for (Path f : files.toList()) {
                seedText.put(f.getFileName().toString().substring(0, 3), squeeze(Files.readString(f, StandardCharsets.UTF_8)));
            }
        }
        for (Code c : scheme.codes()) {
            if (c.source() == null) continue;
            String seedNumber = c.source().ref().substring(1, 4);
            String text = seedText.get(seedNumber);
            assertNotNull(text, c.id() + ": no seed file " + seedNumber);
            assertTrue(text.contains(squeeze(c.source().quote())), c.id() + ": quote not found in seed " + seedNumber + ": " + c.source().quote());
        }
    }

    @Test
    void keysAreUniqueAndParentCodesSitLeftOfChildCodes() {
        // layout principle of the research note: parent codes on left-hand keys, child codes on the right
        Set<String> leftHand = Set.of("KeyQ", "KeyW", "KeyE", "KeyR", "KeyT", "KeyA", "KeyS", "KeyD", "KeyF", "KeyG",
                "KeyZ", "KeyX", "KeyC", "KeyV", "KeyB");
        for (Code c : scheme.timedCodes()) {
            if (c.subject() == Subject.PARENT) assertTrue(leftHand.contains(c.key().code()), c.id() + " on " + c.key());
            if (c.subject() == Subject.CHILD) assertFalse(leftHand.contains(c.key().code()), c.id() + " on " + c.key());
        }
    }

    private static String squeeze(String s) {
        return s.replaceAll("(?U)\\s+", "");
    }
}
