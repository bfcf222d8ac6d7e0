package com.sparkify.dwh.local.states;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Timestamps as the States Language defines them: the RFC 3339 profile of ISO 8601, with an uppercase "T"
 * between date and time and an uppercase "Z" when there is no numeric offset, e.g. "2016-03-14T01:59:00Z".
 */
final class Timestamps {
    private static final Pattern RFC3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
    private static final DateTimeFormatter CONTEXT_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** The instant, or null when the text is not a valid timestamp. */
    static Instant parse(String text) {
        if (text == null || !RFC3339.matcher(text).matches()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The form Step Functions uses in the Context Object, e.g. "2019-03-26T20:14:13.192Z". */
    static String format(Instant instant) {
        return CONTEXT_FORMAT.format(instant);
    }
}
