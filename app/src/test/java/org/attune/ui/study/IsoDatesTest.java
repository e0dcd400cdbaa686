package org.attune.ui.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Issue 14: the add-session date is ISO end to end; a half-typed date is no date, not an exception. */
class IsoDatesTest {

    @Test
    void theCalendarWritesIsoAndTypedTextIsReadLeniently() {
        var c = FxStudyForms.isoDates();
        assertEquals("2026-11-12", c.toString(LocalDate.of(2026, 11, 12)), "not the locale's 11/12/2026, which the form refuses");
        assertEquals(LocalDate.of(2026, 3, 14), c.fromString(" 2026-03-14 "));
        assertNull(c.fromString("2026-03-1"), "half typed: no date, and no exception on the console");
        assertNull(c.fromString("11/12/2026"));
        assertNull(c.fromString(""));
        assertEquals("", FxStudyForms.inWords("14.3."));
    }
}
