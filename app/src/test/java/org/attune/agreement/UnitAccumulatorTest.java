package org.attune.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnitAccumulatorTest {

    @Test
    void streamingFleissKappaReproducesFleiss1971() {
        UnitAccumulator acc = new UnitAccumulator(5);
        for (int[] row : ClassicAgreementTest.DIAGNOSES) {
            int[] r = new int[row.length];
            for (int i = 0; i < row.length; i++) r[i] = row[i] - 1;
            acc.add(r);
        }
        assertEquals(0.4302445, acc.fleissKappa().get(), 1e-7);
    }

    @Test
    void streamingAlphaEqualsKrippendorff2011WithMissingData() {
        List<String> values = List.of("1", "2", "3", "4", "5");
        UnitAccumulator acc = new UnitAccumulator(values.size());
        for (String[] unit : ClassicAgreementTest.KRIPPENDORFF_2011) {
            int[] r = new int[unit.length];
            for (int i = 0; i < unit.length; i++) r[i] = unit[i] == null ? -1 : values.indexOf(unit[i]);
            acc.add(r);
        }
        assertEquals(0.743, acc.krippendorffAlpha().get(), 5e-4);
        assertEquals(KrippendorffAlpha.compute(RatingData.ofRows(ClassicAgreementTest.KRIPPENDORFF_2011), values, KrippendorffAlpha.Level.NOMINAL).get(),
                acc.krippendorffAlpha().get(), 1e-12);
    }
}
