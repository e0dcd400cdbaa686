package org.attune.exchange;

/**
 * How an events CSV is written. The default suits R, pandas and SPSS (UTF-8, comma, dot decimals,
 * every value exactly as stored); {@link #EXCEL} suits Excel in locales with a decimal comma (UTF-8
 * with byte-order mark, semicolon delimiter, comma decimals) and neutralises formulas.
 *
 * @param neutraliseFormulas text that a spreadsheet would run as a formula — starting with
 *                           {@code = + - @}, a tab or a carriage return — is written with a leading
 *                           {@code '} (OWASP's advice against CSV injection), so a comment such as
 *                           {@code =HYPERLINK(…)} shows as text instead of running
 */
public record CsvOptions(char delimiter, char decimalSeparator, boolean byteOrderMark, boolean neutraliseFormulas) {

    public static final CsvOptions STANDARD = new CsvOptions(',', '.', false, false);
    public static final CsvOptions EXCEL = new CsvOptions(';', ',', true, true);

    /** Whether a spreadsheet would take {@code text} for a formula (OWASP, "CSV Injection"). */
    public static boolean looksLikeFormula(String text) {
        if (text.isEmpty()) return false;
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    public CsvOptions {
        if (delimiter == decimalSeparator) throw new IllegalArgumentException("the delimiter cannot be the decimal separator");
    }
}
