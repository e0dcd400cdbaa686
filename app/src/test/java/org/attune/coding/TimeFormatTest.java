package org.attune.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeFormatTest {

    @ParameterizedTest(name = "\"{0}\" → {1} ms")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            12        | 12000
            12.5      | 12500
            12,345    | 12345
            0.001     | 1
            12.3454   | 12345
            12.3455   | 12346
            12.0009   | 12001
            .5        | 500
            12.       | 12000
            ' 7.25 '  | 7250
            -1.5      | -1500
            abc       | none
            ''        | none
            1e3       | none
            12.3.4    | none
            --1       | none
            .         | none
            ١٢        | none
            """)
    void parsesSecondsExactly(String text, Long ms) {
        assertEquals(Optional.ofNullable(ms), TimeFormat.parseSeconds(text));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            0,       0.000,   00:00:00.000
            5,       0.005,   00:00:00.005
            83456,   83.456,  00:01:23.456
            3723456, 3723.456, 01:02:03.456
            """)
    void formatsMilliseconds(long ms, String seconds, String clock) {
        assertEquals(seconds, TimeFormat.seconds(ms));
        assertEquals(clock, TimeFormat.clock(ms));
        assertEquals(seconds.replace('.', ','), TimeFormat.seconds(ms, ','));
    }
}
