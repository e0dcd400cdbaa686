package org.attune.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attune.coding.ModifierChoice.Step;
import org.attune.scheme.Code;
import org.attune.scheme.CodeKind;
import org.attune.scheme.Definition;
import org.attune.scheme.ModifierSet;
import org.attune.scheme.PhysicalKey;
import org.attune.scheme.Subject;
import org.junit.jupiter.api.Test;

class ModifierChoiceTest {

    /** A parent response with two sets, as a lab's own scheme might have: its form (any number) and whether it was contingent (one). */
    static final Code RESPONSE = new Code("P_RESP", "Parent response", "F", Subject.PARENT, CodeKind.POINT, null, new PhysicalKey("KeyR"), null,
            List.of(new ModifierSet("form", "Form", ModifierSet.Choice.MULTIPLE, List.of(new ModifierSet.Value("verbal", "Verbal"),
                    new ModifierSet.Value("mirror", "Mirroring"), new ModifierSet.Value("touch", "Touch"))),
                    new ModifierSet("contingent", "Contingent", ModifierSet.Choice.SINGLE, List.of(new ModifierSet.Value("yes", "Yes"),
                            new ModifierSet.Value("no", "No")))),
            List.of(), Definition.ofSummary("x"), null, null, "");

    @Test
    void everySetIsAskedInTurnAndAMultipleChoiceCollectsTicksUntilEnter() {
        ModifierChoice c = new ModifierChoice(RESPONSE);
        assertEquals("form", c.set().id());
        assertEquals("1 of 2", c.progress());
        assertEquals(Step.CHANGED, c.digit(3));
        assertEquals(Step.CHANGED, c.digit(1));
        assertEquals(Step.CHANGED, c.digit(3));                 // unticks touch
        assertEquals(Set.of("verbal"), c.ticked());
        assertEquals(Step.CHANGED, c.digit(2));
        assertEquals(Step.IGNORED, c.digit(0), "0 does not drop ticked values; Enter confirms them");
        assertEquals(Step.IGNORED, c.digit(4), "no fourth form");
        assertEquals(Step.NEXT_SET, c.enter());
        assertEquals("contingent", c.set().id());
        assertEquals(Step.IGNORED, c.enter(), "a single choice is made by its number");
        assertEquals(Step.DONE, c.digit(1));
        assertEquals(Modifiers.of(Map.of("form", List.of("verbal", "mirror"), "contingent", List.of("yes"))), c.result(),
                "values in the scheme's order, whatever order they were ticked in");
    }

    @Test
    void zeroSkipsASetAndEscapeCancels() {
        ModifierChoice c = new ModifierChoice(RESPONSE);
        assertEquals(Step.NEXT_SET, c.digit(0));
        assertEquals(Step.DONE, c.digit(0));
        assertEquals(Modifiers.NONE, c.result());
        assertEquals(Step.CANCELLED, new ModifierChoice(RESPONSE).escape());
    }
}
