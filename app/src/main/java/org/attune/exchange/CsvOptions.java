package org.attune.exchange;

/**
 * How an events CSV is written. The default suits R, pandas and SPSS (UTF-8, comma, dot decimals);
 * {@link #EXCEL} suits Excel in locales with a decimal comma (UTF-8 with byte-order mark, semicolon
 * delimiter, comma decimals).
 */
public record CsvOptions(char delimiter, char decimalSeparator, boolean byteOrderMark) {

    public static final CsvOptions STANDARD = new CsvOptions(',', '.', false);
    public static final CsvOptions EXCEL = new CsvOptions(';', ',', true);

    public CsvOptions {
        if (delimiter == decimalSeparator) throw new IllegalArgumentException("the delimiter cannot be the decimal separator");
    }
}
