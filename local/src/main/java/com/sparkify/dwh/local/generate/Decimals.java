package com.sparkify.dwh.local.generate;

/**
 * Decimal text for JSON numbers, built from integers.
 *
 * <p>Durations and coordinates are kept as integer counts of 1e-5 and written from that text, never
 * through {@code double} formatting, so the text is locale-free and the song file and the log event
 * that refer to one song carry the very same characters (and so parse to the same double).
 */
final class Decimals {

    static final int SCALE = 5;
    private static final long ONE = 100_000L;

    private Decimals() {
    }

    /** {@code units} × 1e-5 as Python would print it: trailing zeros dropped, at least one decimal. */
    static String fromHundredThousandths(long units) {
        StringBuilder text = new StringBuilder(16);
        if (units < 0) {
            text.append('-');
        }
        long abs = Math.abs(units);
        text.append(abs / ONE).append('.');
        String fraction = Long.toString(ONE + abs % ONE).substring(1);
        int end = fraction.length();
        while (end > 1 && fraction.charAt(end - 1) == '0') {
            end--;
        }
        return text.append(fraction, 0, end).toString();
    }

    /** Epoch milliseconds as a float literal, as in the real logs: {@code 1540919166796.0}. */
    static String epochMillisAsFloat(long millis) {
        return millis + ".0";
    }
}
