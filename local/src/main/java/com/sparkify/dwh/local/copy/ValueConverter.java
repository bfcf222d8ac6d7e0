package com.sparkify.dwh.local.copy;

import com.sparkify.dwh.local.copy.CopyCommand.TimeFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns one JSON value into the Java value for its column, as Redshift's COPY converts it, or rejects
 * the row with Redshift's error code and a reason. The rules, from the COPY documentation:
 * <ul>
 *   <li>JSON null is NULL. An empty or blank string is NULL for every non-text column; for text it is
 *       NULL only with EMPTYASNULL (empty) or BLANKSASNULL (white space only).</li>
 *   <li>Text columns take strings as they are, numbers as their literal digits (112 loads as '112'),
 *       booleans as true/false and nested objects or arrays as their JSON text. Longer than the column's
 *       byte length: rejected (1204), or cut at a character boundary with TRUNCATECOLUMNS.</li>
 *   <li>Numeric columns take numbers and numeric strings ("139"); anything else is rejected.</li>
 *   <li>Timestamps follow TIMEFORMAT: epoch seconds or milliseconds (UTC, fractions kept), or text.</li>
 * </ul>
 */
public final class ValueConverter {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final DateTimeFormatter DEFAULT_TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd[ HH:mm[:ss]]")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .toFormatter(Locale.ROOT);

    private final boolean emptyAsNull;
    private final boolean blanksAsNull;
    private final boolean truncateColumns;
    private final TimeFormat timeFormat;

    public ValueConverter(CopyCommand command) {
        this(command.emptyAsNull(), command.blanksAsNull(), command.truncateColumns(), command.timeFormat());
    }

    public ValueConverter(boolean emptyAsNull, boolean blanksAsNull, boolean truncateColumns, TimeFormat timeFormat) {
        this.emptyAsNull = emptyAsNull;
        this.blanksAsNull = blanksAsNull;
        this.truncateColumns = truncateColumns;
        this.timeFormat = timeFormat;
    }

    /** The value to load, or null for NULL (NOT NULL is checked by the caller, once per row). */
    public Object convert(JsonValue value, TargetColumn column) throws RowRejectedException {
        if (value.isNull()) {
            return null;
        }
        if (column.type() == TargetColumn.Type.TEXT) {
            return text(value, column);
        }
        String text = value.text();
        if (value.kind() == JsonValue.Kind.STRING && isBlank(text)) {
            return null; // "Empty strings for other data types, such as INT, are always loaded with NULL."
        }
        if (value.kind() == JsonValue.Kind.STRUCTURE) {
            throw reject(column, text, LoadErrorCodes.INVALID_INPUT,
                    "JSON object or array cannot load into a " + column.redshiftTypeName() + " column");
        }
        String trimmed = text.strip();
        return switch (column.type()) {
            case SMALLINT -> integer(trimmed, column, Short.MIN_VALUE, Short.MAX_VALUE).shortValue();
            case INTEGER -> integer(trimmed, column, Integer.MIN_VALUE, Integer.MAX_VALUE).intValue();
            case BIGINT -> integer(trimmed, column, Long.MIN_VALUE, Long.MAX_VALUE);
            case REAL -> (float) floating(trimmed, column);
            case DOUBLE -> floating(trimmed, column);
            case DECIMAL -> decimal(trimmed, column);
            case BOOLEAN -> bool(value, trimmed, column);
            case DATE -> date(trimmed, column);
            case TIMESTAMP -> timestamp(value, trimmed, column);
            case TIMESTAMPTZ -> timestamp(value, trimmed, column).atOffset(ZoneOffset.UTC);
            case TEXT -> throw new IllegalStateException("handled above");
        };
    }

    private String text(JsonValue value, TargetColumn column) throws RowRejectedException {
        String text = value.text();
        if (value.kind() == JsonValue.Kind.STRING) {
            if (emptyAsNull && text.isEmpty()) {
                return null;
            }
            if (blanksAsNull && !text.isEmpty() && isBlank(text)) {
                return null;
            }
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (column.maxBytes() > 0 && utf8.length > column.maxBytes()) {
            if (!truncateColumns) {
                throw reject(column, text, LoadErrorCodes.OUT_OF_RANGE, "String length exceeds DDL length"
                        + " (" + utf8.length + " bytes, column holds " + column.maxBytes() + ")");
            }
            return truncateUtf8(utf8, column.maxBytes());
        }
        return text;
    }

    /**
     * Only white space: space, tab, line feed, vertical tab, form feed, carriage return. ASCII white
     * space, as in Redshift's own parsers (and the same test DuckDB applies on the fast path).
     */
    static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\u000B' && c != '\f' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /** The longest prefix of at most maxBytes bytes that does not split a character. */
    static String truncateUtf8(byte[] utf8, int maxBytes) {
        int end = maxBytes;
        while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
            end--; // utf8[end] continues a character that started before it: cut before that start
        }
        return new String(utf8, 0, end, StandardCharsets.UTF_8);
    }

    private static Long integer(String text, TargetColumn column, long min, long max) throws RowRejectedException {
        if (!INTEGER.matcher(text).matches()) {
            int bad = firstNonDigit(text);
            String badChar = bad < text.length() ? String.valueOf(text.charAt(bad)) : "";
            throw reject(column, text, LoadErrorCodes.INVALID_DIGIT,
                    "Invalid digit, Value '" + badChar + "', Pos " + bad + ", Type: " + column.type().reasonName);
        }
        try {
            long value = Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw reject(column, text, LoadErrorCodes.OUT_OF_RANGE,
                    "Overflow (" + column.type().reasonName + " valid range " + min + " to " + max + ")");
        }
    }

    private static int firstNonDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isDigit(c) && !(i == 0 && (c == '-' || c == '+'))) {
                return i;
            }
        }
        return text.length();
    }

    private static double floating(String text, TargetColumn column) throws RowRejectedException {
        try {
            double value = Double.parseDouble(text);
            if (Double.isInfinite(value) && !text.toLowerCase(Locale.ROOT).contains("inf")) {
                throw reject(column, text, LoadErrorCodes.OUT_OF_RANGE, "Overflow for " + column.redshiftTypeName());
            }
            if (text.endsWith("d") || text.endsWith("D") || text.endsWith("f") || text.endsWith("F")) {
                throw new NumberFormatException(); // Java accepts type suffixes; SQL does not
            }
            return value;
        } catch (NumberFormatException e) {
            throw reject(column, text, LoadErrorCodes.FLOAT_FORMAT, "Invalid float value '" + text + "'");
        }
    }

    private static BigDecimal decimal(String text, TargetColumn column) throws RowRejectedException {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw reject(column, text, LoadErrorCodes.DECIMAL_FORMAT, "Invalid decimal value '" + text + "'");
        }
        // "By default, COPY truncates values when necessary to fit the scale of the column."
        BigDecimal scaled = value.setScale(column.scale(), RoundingMode.DOWN);
        if (scaled.precision() - scaled.scale() > column.precision() - column.scale()) {
            throw reject(column, text, LoadErrorCodes.OUT_OF_RANGE, "Numeric data overflow (result precision)");
        }
        return scaled;
    }

    private static Boolean bool(JsonValue value, String text, TargetColumn column) throws RowRejectedException {
        String word = text.toLowerCase(Locale.ROOT);
        return switch (word) {
            case "true", "t", "y", "yes", "1" -> Boolean.TRUE;
            case "false", "f", "n", "no", "0" -> Boolean.FALSE;
            default -> throw reject(column, value.text(), LoadErrorCodes.BOOLEAN_FORMAT,
                    "Invalid boolean value '" + text + "'");
        };
    }

    private static LocalDate date(String text, TargetColumn column) throws RowRejectedException {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw reject(column, text, LoadErrorCodes.DATE_FORMAT, "Invalid date format - length must be 10 or more"
                    + " [YYYY-MM-DD] '" + text + "'");
        }
    }

    private LocalDateTime timestamp(JsonValue value, String text, TargetColumn column) throws RowRejectedException {
        switch (timeFormat) {
            case EPOCHMILLISECS, EPOCHSECS -> {
                try {
                    BigDecimal epoch = new BigDecimal(text);
                    BigDecimal micros = epoch.movePointRight(timeFormat == TimeFormat.EPOCHMILLISECS ? 3 : 6)
                            .setScale(0, RoundingMode.DOWN);
                    long total = micros.longValueExact();
                    Instant instant = Instant.ofEpochSecond(Math.floorDiv(total, 1_000_000L),
                            Math.floorMod(total, 1_000_000L) * 1_000L);
                    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
                } catch (NumberFormatException | ArithmeticException e) {
                    throw reject(column, text, LoadErrorCodes.TIMESTAMP_FORMAT,
                            "Invalid timestamp: '" + text + "' is not a number of " + timeFormat.name().toLowerCase(Locale.ROOT)
                                    .replace("epoch", "epoch "));
                }
            }
            case AUTO -> {
                try {
                    return parseDefault(text);
                } catch (DateTimeParseException e) {
                    try {
                        return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
                    } catch (DateTimeParseException e2) {
                        try {
                            return LocalDateTime.parse(text);
                        } catch (DateTimeParseException e3) {
                            throw reject(column, text, LoadErrorCodes.TIMESTAMP_FORMAT,
                                    "Invalid timestamp format or value [auto] '" + text + "'");
                        }
                    }
                }
            }
            default -> {
                if (value.kind() == JsonValue.Kind.NUMBER) {
                    throw reject(column, text, LoadErrorCodes.TIMESTAMP_FORMAT, "Invalid timestamp format or value"
                            + " [YYYY-MM-DD HH24:MI:SS]: a number needs TIMEFORMAT 'epochsecs' or 'epochmillisecs'");
                }
                try {
                    return parseDefault(text);
                } catch (DateTimeParseException e) {
                    throw reject(column, text, LoadErrorCodes.TIMESTAMP_FORMAT,
                            "Invalid timestamp format or value [YYYY-MM-DD HH24:MI:SS] '" + text + "'");
                }
            }
        }
    }

    private static LocalDateTime parseDefault(String text) {
        return LocalDateTime.parse(text, DEFAULT_TIMESTAMP);
    }

    private static RowRejectedException reject(TargetColumn column, String raw, int code, String reason) {
        return new RowRejectedException(column.name(), column.redshiftTypeName(), raw, code, reason);
    }
}
