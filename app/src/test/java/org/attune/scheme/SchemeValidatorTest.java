package org.attune.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules on the model itself (schemes built in code, e.g. by the BORIS import), paths as in the file format. */
class SchemeValidatorTest {

    private static Code state(String id, String group, String key) {
        return new Code(id, id, "F", Subject.CHILD, CodeKind.STATE, group, key == null ? null : new PhysicalKey(key), null,
                List.of(), List.of(), new Definition("x", "", "", "", "end", List.of(), List.of()), null, null, "");
    }

    private static Code point(String id, String key) {
        return new Code(id, id, "F", Subject.CHILD, CodeKind.POINT, null, new PhysicalKey(key), null,
                List.of(), List.of(), Definition.ofSummary("x"), null, null, "");
    }

    private static CodingScheme scheme(List<Code> codes, List<Exclusion> exclusions) {
        List<Code> all = new ArrayList<>(codes);
        all.add(new Code("OFF", "off", "F", Subject.DYAD, CodeKind.STATE, null, new PhysicalKey("Backquote"), null, List.of(),
                List.of(CodeRole.UNCODABLE), new Definition("x", "", "", "", "end", List.of(), List.of()), null, null, ""));
        return new CodingScheme("s", "S", "1", "", List.of(), List.of(new Family("F", "Fam", new HexColor("#000000"), "")),
                List.of(), exclusions, all);
    }

    private static List<String> errors(CodingScheme s) {
        return SchemeValidator.validate(s).stream().filter(SchemeProblem::isError).map(p -> p.path() + ": " + p.message()).toList();
    }

    @Test
    void exclusionMustNameTwoDifferentStateCodes() {
        CodingScheme s = scheme(List.of(state("A", null, "KeyA"), point("P", "KeyP")),
                List.of(new Exclusion("A", "A"), new Exclusion("A", "P"), new Exclusion("A", "MISSING")));
        assertEquals(List.of(
                "exclusions[0]: exclusion pairs A with itself",
                "exclusions[1][1]: exclusion names point code P",
                "exclusions[2][1]: exclusion names code \"MISSING\", which the scheme does not define"), errors(s));
    }

    @Test
    void anInstrumentNamesCodesOfTheSchemeAndIsCitedInFull() {
        CodingScheme base = scheme(List.of(point("P", "KeyP")), List.of());
        CodingScheme s = new CodingScheme(base.id(), base.name(), base.version(), "", List.of(), base.families(), List.of(), List.of(), base.codes(),
                List.of(new Instrument("EAS", "the Emotional Availability Scales", "Biringen & Easterbrooks (2012)", List.of("P", "NOPE")),
                        new Instrument("EAS", "", " ", List.of("P"))));
        assertEquals(List.of(
                "instruments[0].codes[1]: instrument EAS lists \"NOPE\", which is not a code of this scheme",
                "instruments[1].id: duplicate instrument id \"EAS\" (first used at instruments[0])",
                "instruments[1].name: instrument EAS has no name",
                "instruments[1].citation: instrument EAS has no citation"), errors(s));
        assertEquals(List.of("EAS", "EAS"), s.instrumentsOf("P").stream().map(Instrument::id).toList());
    }

    @Test
    void exclusionEndsThePartnerBothWays() {
        CodingScheme s = scheme(List.of(state("A", null, "KeyA"), state("B", null, "KeyB")), List.of(new Exclusion("A", "B")));
        assertEquals(List.of("B"), s.statesEndedBy(s.code("A").orElseThrow()).stream().map(Code::id).toList());
        assertEquals(List.of("A"), s.statesEndedBy(s.code("B").orElseThrow()).stream().map(Code::id).toList());
        assertEquals(List.of(), s.statesEndedBy(s.code("OFF").orElseThrow()));
    }

    @Test
    void invalidIdIsRejected() {
        CodingScheme s = scheme(List.of(state("1abc", null, "KeyA")), List.of());
        assertEquals(List.of("codes[0].id: \"1abc\" is not a valid code id"), errors(s));
    }

    @Test
    void modifierSetsNeedValuesThatFitOnTheNumberKeys() {
        List<ModifierSet.Value> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) ten.add(new ModifierSet.Value("v" + i, "V" + i));
        Code c = new Code("M", "m", "F", Subject.CHILD, CodeKind.POINT, null, new PhysicalKey("KeyM"), null,
                List.of(new ModifierSet("empty", "Empty", ModifierSet.Choice.SINGLE, List.of()),
                        new ModifierSet("big", "Big", ModifierSet.Choice.SINGLE, ten)),
                List.of(), Definition.ofSummary("x"), null, null, "");
        assertEquals(List.of("codes[0].modifiers[0].values: modifier set empty of M has no values",
                "codes[0].modifiers[1].values: modifier set big of M has 10 values"), errors(scheme(List.of(c), List.of())));
    }
}
