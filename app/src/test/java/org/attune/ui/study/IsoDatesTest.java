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

    @Test
    void aPassesStoredUtcTimeIsShownInTheUsersZoneAndWords() {
        java.util.TimeZone was = java.util.TimeZone.getDefault();
        java.util.Locale locale = java.util.Locale.getDefault(java.util.Locale.Category.FORMAT);
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Europe/Berlin"));
            java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, java.util.Locale.UK);
            assertEquals("22 Nov 2026, 08:24:27", SessionDetailsPane.whenInWords("2026-11-22T07:24:27Z"), "UTC+1 in November");
            assertEquals("", SessionDetailsPane.whenInWords(null));
            assertEquals("yesterday", SessionDetailsPane.whenInWords("yesterday"), "not a stored time: shown as it is");
        } finally {
            java.util.TimeZone.setDefault(was);
            java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, locale);
        }
    }
}
