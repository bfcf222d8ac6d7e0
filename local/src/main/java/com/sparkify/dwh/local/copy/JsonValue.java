package com.sparkify.dwh.local.copy;

/**
 * A JSON value on its way into a column: its kind and its text as the file wrote it (a number's
 * literal digits, a string's unescaped content, a nested object's JSON text).
 */
public record JsonValue(Kind kind, String text) {

    public enum Kind { NULL, STRING, NUMBER, BOOLEAN, STRUCTURE }

    public static final JsonValue NULL = new JsonValue(Kind.NULL, null);

    public boolean isNull() {
        return kind == Kind.NULL;
    }
}
