package org.attune.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.attune.scheme.json.BundledSchemes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportingTest {

    @ParameterizedTest(name = "{0} → {1} / {2} / {3}")
    @CsvSource(textBlock = """
            -0.10, poor,           poor,      poor
             0.20, slight,         poor,      poor
             0.40, fair,           fair,      poor
             0.60, moderate,       good,      moderate
             0.75, substantial,    good,      good
             0.80, substantial,    excellent, good
             0.90, almost perfect, excellent, good
             0.95, almost perfect, excellent, excellent
            """)
    void bandsFollowTheirSources(double v, String landisKoch, String fleiss, String kooLi) {
        assertEquals(landisKoch, QualityBand.LANDIS_KOCH.label(v));
        assertEquals(fleiss, QualityBand.FLEISS.label(v));
        assertEquals(kooLi, QualityBand.KOO_LI.label(v));
    }

    @Test
    void methodsParagraphStatesParametersAndPooledNumbers() {
        List<Mark> a = List.of(Mark.state("C_POS", 0, 4000), Mark.state("C_DIST", 6000, 9000));
        List<Mark> b = List.of(Mark.state("C_POS", 1000, 4000), Mark.state("C_DIST", 6000, 10_000));
        EventAgreement.Parameters p = new EventAgreement.Parameters(EventAgreement.Method.TIME_UNIT, 1000, 1000, 0.6, true);
        List<EventAgreement.SessionMarks> sessions = List.of(new EventAgreement.SessionMarks("S01", a, b, 10_000),
                new EventAgreement.SessionMarks("S02", a, b, 10_000));
        List<EventAgreement.Row> rows = EventAgreement.compute(BundledSchemes.defaultScheme(), sessions, p);
        EventAgreement.Row pooledAffect = rows.stream().filter(r -> r.session().equals(EventAgreement.POOLED) && r.target().equals("AFF_C")).findFirst().orElseThrow();
        // the same timeline twice: pooled tables are doubled, κ unchanged, with and without tolerance
        assertEquals(0.47 / 0.67, pooledAffect.statistics().get("kappa").get(), 1e-12);
        assertEquals(0.56 / 0.66, pooledAffect.statistics().get("kappa_tolerance_first_as_reference").get(), 1e-12);
        String text = MethodsParagraph.forEvents(p, 10, List.of("S01", "S02"), List.of("AL", "BK"), rows);
        assertTrue(text.startsWith("2 of 10 sessions (20%) were coded independently by two coders (AL and BK). "
                + "Time-unit Cohen's κ (1-s units, ±1-s tolerance with the first coder as reference, uncoded time as a category) was .85 "
                + "for one mutually exclusive group and .89 (range .78–1.00) across 2 codes, pooled over the double-coded sessions."), text);
        assertTrue(text.contains("pooled over the double-coded sessions."), text);
        assertTrue(text.contains("κ was not defined for"), text);
    }

    /** A quarter-second unit and tolerance are stated as set: "%.1f" once printed them as 0.3 s. */
    @Test
    void parametersAreStatedExactlyNotRounded() {
        List<Mark> a = List.of(Mark.state("C_POS", 0, 4000));
        EventAgreement.Parameters p = new EventAgreement.Parameters(EventAgreement.Method.TIME_UNIT, 250, 250, 0.6, true);
        List<EventAgreement.Row> rows = EventAgreement.compute(BundledSchemes.defaultScheme(),
                List.of(new EventAgreement.SessionMarks("S01", a, a, 10_000)), p);
        String text = MethodsParagraph.forEvents(p, 1, List.of("S01"), List.of("AL", "BK"), rows);
        assertTrue(text.contains("(0.25-s units, ±0.25-s tolerance with the first coder as reference"), text);
        EventAgreement.Parameters alignment = new EventAgreement.Parameters(EventAgreement.Method.ALIGNMENT, 1000, 1500, 0.6, true);
        String aligned = MethodsParagraph.forEvents(alignment, 1, List.of("S01"), List.of("AL", "BK"),
                EventAgreement.compute(BundledSchemes.defaultScheme(), List.of(new EventAgreement.SessionMarks("S01", a, a, 10_000)), alignment));
        assertTrue(aligned.contains("onset tolerance ±1.5 s"), aligned);
    }
}
