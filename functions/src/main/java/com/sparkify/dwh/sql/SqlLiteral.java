package com.sparkify.dwh.sql;

/**
 * Renders values as SQL literals that mean the same in Redshift and in DuckDB. Values come from
 * events (S3 keys, bucket names), so anything that could be read two ways is refused, never pasted.
 */
public final class SqlLiteral {

    private SqlLiteral() {
    }

    /**
     * A single-quoted string literal. Control characters are refused (they have no business in a key or
     * an ARN and some clients mangle them), and so is the backslash: Redshift reads it as an escape
     * inside literals where DuckDB does not, so no quoting of it is right for both.
     *
     * @param what names the value in the error, e.g. "placeholder {{log_data}}"
     */
    public static String quote(String value, String what) {
        if (value == null) {
            throw new UnsafeSqlValueException(what + " has no value (null)");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw new UnsafeSqlValueException(what + " contains the control character U+"
                        + String.format("%04X", (int) c) + " at position " + i + "; refusing to put it in SQL");
            }
            if (c == '\\') {
                throw new UnsafeSqlValueException(what + " contains a backslash at position " + i
                        + "; Redshift and DuckDB read backslashes in literals differently, so it is refused");
            }
            if (Character.isSurrogate(c) && !validSurrogatePair(value, i)) {
                throw new UnsafeSqlValueException(what + " contains an unpaired UTF-16 surrogate at position " + i);
            }
        }
        return "'" + value.replace("'", "''") + "'";
    }

    private static boolean validSurrogatePair(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }

    /** A literal for a placeholder value: strings are quoted, whole numbers written as digits. */
    public static String render(Object value, String what) {
        if (value instanceof String text) {
            return quote(text, what);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return value.toString();
        }
        throw new UnsafeSqlValueException(what + " has a value of unsupported type "
                + (value == null ? "null" : value.getClass().getSimpleName()) + "; only text and whole numbers are rendered");
    }
}
