package com.sparkify.dwh.local.generate;

/**
 * One log event, its fields in the order of the real files' keys. {@code length} is decimal text;
 * {@code registration} is epoch milliseconds, written as a float ({@code 1540919166796.0}).
 * Null fields are written as JSON null.
 */
record LogEvent(String artist, String auth, String firstName, String gender, int itemInSession,
                String lastName, String length, String level, String location, String method,
                String page, Long registration, long sessionId, String song, int status, long ts,
                String userAgent, String userId) {
}
