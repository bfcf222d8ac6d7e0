package com.sparkify.dwh.local.copy;

import com.sparkify.dwh.local.copy.CopyCommand.TimeFormat;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * The fast path of the local COPY: DuckDB's own JSON reader reads the objects and SQL converts the
 * values by the rules {@link ValueConverter} follows. It loads only when every record converts the
 * plain way. Anything Redshift treats specially (a malformed or oversized object, stray text, a value
 * to reject or truncate, a decimal number or a nested object in a text column, a duplicate key, a key
 * spelled two ways, a numeric string with spaces...) makes it decline, and the COPY's batch runs again
 * with the Java path loading the whole COPY, with its exact errors. Both paths load the same rows;
 * this one is an order of magnitude faster.
 */
final class NativeJsonLoad {

    private static final Set<TargetColumn.Type> SUPPORTED = EnumSet.of(TargetColumn.Type.TEXT,
            TargetColumn.Type.SMALLINT, TargetColumn.Type.INTEGER, TargetColumn.Type.BIGINT,
            TargetColumn.Type.DOUBLE, TargetColumn.Type.TIMESTAMP);
    // Not REAL: DuckDB rounds a decimal to a double and then to a float, Redshift (and the Java path) once.

    /** ASCII white space: what BLANKSASNULL and blank numbers mean on both paths. */
    private static final String BLANK = "'[ \\t\\n\\x0B\\f\\r]*'";

    private NativeJsonLoad() {
    }

    /** Whether the fast path can even try: 'auto' mapping and column types it converts. */
    static boolean applies(CopyCommand command, TargetColumn[] columns) {
        if (command.jsonPaths() != null) {
            return false;
        }
        for (TargetColumn column : columns) {
            if (!SUPPORTED.contains(column.type())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Loads every object into {@code target} inside the caller's transaction, the objects' files having
     * passed {@link StrictJsonCheck}, whose survey gives each file's records and, for 'auto ignorecase', how
     * each column's key is spelled; it loads as many rows as the survey counted records. DuckDB reads the
     * objects' files, or some of them and the {@link SmallFileBundle} holding the others: {@code lines}
     * those with each object on a line of its own, {@code others} the rest. Anything else the plain way
     * cannot load makes the statement fail (a record
     * to reject through DuckDB's error(), a duplicate key through the reader): that ends the caller's
     * transaction, so this throws {@link FastPathDeclined} and the caller runs its batch again on the Java
     * path. Checking in a pass of its own and inserting after would cost a whole extra conversion; the
     * fast path almost always loads, so the rare replay is the cheaper bet. With {@code typedColumns}, a
     * column whose values the survey found all of one plain kind (text as strings, whole numbers...) is
     * read by DuckDB already typed, which costs a fraction of reading it as JSON and converting.
     *
     * @return the columns read as JSON rather than typed
     */
    static List<String> load(CopyCommand command, TargetColumn[] columns, String target, List<Path> lines,
                             List<Path> others, StrictJsonCheck.Survey survey, boolean typedColumns,
                             Connection transaction) {
        Map<String, String> spelling = keySpellings(columns,
                command.ignoreCase() ? survey.kinds().keySet() : Set.of());
        long records = LongStream.of(survey.records()).sum();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            values.add("__v" + i);
        }
        List<String> asJson = new ArrayList<>();
        try (Statement statement = transaction.createStatement()) {
            long inserted = statement.executeLargeUpdate("INSERT INTO " + target + " ("
                    + CopyEmulator.columnList(columns) + ") SELECT " + String.join(", ", values) + " FROM ("
                    + conversion(command, columns, spelling, typedColumns ? survey : null, lines, others, asJson)
                    + ") WHERE CASE WHEN __bad THEN error('" + DECLINED + "') ELSE TRUE END");
            if (inserted != records) {
                throw new FastPathDeclined("the check counted " + records + " records, DuckDB read " + inserted);
            }
            return asJson;
        } catch (SQLException e) {
            // A record to reject, a duplicate key DuckDB refuses: the Java path reports each as Redshift does.
            throw new FastPathDeclined(e.getMessage());
        }
    }

    private static final String DECLINED = "a record the fast path of the local COPY does not load";

    private static String fileList(List<Path> files) {
        List<String> literals = new ArrayList<>();
        for (Path file : files) {
            literals.add(literal(file.toString()));
        }
        return "[" + String.join(", ", literals) + "]";
    }

    /**
     * The records as rows, each column's value as JSON or, for a typed column, as the type DuckDB reads it
     * in. 'unstructured': objects over many lines, several per line; a root array stays one value, which
     * records = true refuses, as Redshift does. 'newline_delimited', for files the check found to hold an
     * object per line: the same records, read faster and split among threads within a file. 4 MB is
     * Redshift's limit for one object: bigger is an error, so the Java path says so.
     */
    private static String reader(List<Path> lines, List<Path> others, List<String> columns) {
        List<String> reads = new ArrayList<>();
        if (!lines.isEmpty()) {
            reads.add(read(lines, "newline_delimited", columns));
        }
        if (!others.isEmpty() || lines.isEmpty()) {
            reads.add(read(others, "unstructured", columns));
        }
        return "(" + String.join(" UNION ALL ", reads) + ")";
    }

    private static String read(List<Path> files, String format, List<String> columns) {
        // compression 'uncompressed': without GZIP, Redshift reads a .gz object's bytes as they are.
        return "SELECT * FROM read_json(" + fileList(files) + ", format = '" + format + "', records = true,"
                + " compression = 'uncompressed', maximum_object_size = " + JsonRecordSplitter.MAX_RECORD_BYTES
                + ", columns = {" + String.join(", ", columns) + "})";
    }

    /**
     * Column name to the JSON key that fills it: the key spelled as the column, unless (for 'auto
     * ignorecase') the records spell it otherwise; declined when they spell it two ways (which one wins
     * would depend on the order of the keys).
     */
    private static Map<String, String> keySpellings(TargetColumn[] columns, Set<String> keys) {
        Map<String, String> spelling = new HashMap<>();
        for (TargetColumn column : columns) {
            spelling.put(column.name(), column.name());
        }
        Map<String, String> found = new HashMap<>();
        for (String key : keys) {
            String column = key.toLowerCase(Locale.ROOT);
            if (spelling.containsKey(column)) {
                if (found.containsKey(column) && !found.get(column).equals(key)) {
                    throw new FastPathDeclined("the key of column " + column + " is spelled " + found.get(column)
                            + " and " + key);
                }
                found.put(column, key);
            }
        }
        spelling.putAll(found);
        return spelling;
    }

    /**
     * One row per record: __v0..__vN the converted values, __bad whether it needs the Java path. With a
     * survey, the columns it allows are read typed; the others are added to {@code readAsJson}.
     */
    private static String conversion(CopyCommand command, TargetColumn[] columns, Map<String, String> spelling,
                                     StrictJsonCheck.Survey survey, List<Path> lines, List<Path> others,
                                     List<String> readAsJson) {
        List<String> read = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            String key = spelling.get(columns[i].name());
            String json = CopyEmulator.quote(key);
            String typed = survey == null ? null : typedRead(command, columns[i], survey.kindsOf(key));
            Value value;
            if (typed != null) {
                read.add(literal(key) + ": '" + typed + "'");
                parts.add(json + " AS __x" + i);
                value = typedValue(command, columns[i], "__x" + i, survey.kindsOf(key));
            } else {
                readAsJson.add(columns[i].name());
                read.add(literal(key) + ": 'JSON'");
                parts.add("json_type(" + json + ") AS __t" + i + ", json_extract_string(" + json + ", '$') AS __s" + i);
                value = value(command, columns[i], "__t" + i, "__s" + i);
            }
            values.add(value.sql() + " AS __v" + i);
            bad.add("coalesce(" + value.bad() + ", FALSE)");
            if (columns[i].notNull()) {
                bad.add("(" + value.sql() + ") IS NULL");
            }
        }
        // The reader parses each record once; the conversion and the checks work on each value's JSON type
        // and text, or on the typed value.
        return "SELECT " + String.join(", ", values) + ", (" + String.join(" OR ", bad) + ") AS __bad"
                + " FROM (SELECT " + String.join(", ", parts) + " FROM " + reader(lines, others, read) + ")";
    }

    private static final int PLAIN_NUMBER = StrictJsonCheck.SHORT_INTEGER | StrictJsonCheck.NULL;

    /**
     * The type DuckDB can read a column's values in, when every value the survey found is of a kind whose
     * typed reading gives exactly what the Java path loads; null when it must be read as JSON. A whole
     * number into text: JSON writes it one way only, DuckDB gives back its digits. A decimal into text
     * is not plain (DuckDB would rewrite 1.50 as 1.5), nor a number that may not fit a BIGINT.
     */
    private static String typedRead(CopyCommand command, TargetColumn column, int kinds) {
        return switch (column.type()) {
            case TEXT -> only(kinds, StrictJsonCheck.STRING | StrictJsonCheck.BLANK_STRING | PLAIN_NUMBER)
                    ? "VARCHAR" : null;
            case SMALLINT, INTEGER, BIGINT -> only(kinds, PLAIN_NUMBER) ? "BIGINT" : null;
            case DOUBLE -> only(kinds, PLAIN_NUMBER | StrictJsonCheck.DECIMAL) ? "DOUBLE" : null;
            case TIMESTAMP -> command.timeFormat() == TimeFormat.EPOCHMILLISECS
                    || command.timeFormat() == TimeFormat.EPOCHSECS
                    ? (only(kinds, PLAIN_NUMBER) ? "BIGINT" : null)
                    : (only(kinds, StrictJsonCheck.NULL) ? "VARCHAR" : null);
            default -> null;
        };
    }

    private static boolean only(int kinds, int allowed) {
        return (kinds & ~allowed) == 0;
    }

    /**
     * A typed column's value (NULL: absent or JSON null) and when the record must go the Java path;
     * {@code kinds} what the survey found the column's key to hold.
     */
    private static Value typedValue(CopyCommand command, TargetColumn column, String x, int kinds) {
        switch (column.type()) {
            case TEXT -> {
                String sql = x;
                // No value empty or starting with white space: nothing for EMPTYASNULL or BLANKSASNULL to null.
                if ((command.emptyAsNull() || command.blanksAsNull()) && (kinds & StrictJsonCheck.BLANK_STRING) != 0) {
                    // Blank text is rare: the regular expression runs only on values that start with white space.
                    String empty = command.emptyAsNull() ? "WHEN " + x + " = '' THEN NULL " : "";
                    String blank = command.blanksAsNull() ? "WHEN " + x + " = '' OR ascii(" + x + ") NOT IN (9, 10, 11,"
                            + " 12, 13, 32) THEN " + x + " WHEN regexp_full_match(" + x + ", " + BLANK + ") THEN NULL " : "";
                    sql = "CASE " + empty + blank + "ELSE " + x + " END";
                }
                String tooLong = column.maxBytes() > 0 ? "strlen(" + x + ") > " + column.maxBytes() : "FALSE";
                return new Value(sql, tooLong);
            }
            case SMALLINT, INTEGER -> {
                String range = column.type() == TargetColumn.Type.SMALLINT ? "-32768 AND 32767"
                        : "-2147483648 AND 2147483647";
                return new Value("CASE WHEN " + x + " BETWEEN " + range + " THEN CAST(" + x + " AS "
                        + column.type().name() + ") END", x + " NOT BETWEEN " + range);
            }
            case BIGINT -> {
                return new Value(x, "FALSE");
            }
            case DOUBLE -> {
                // Out of a double's range (1e400): DuckDB makes it infinite, Redshift rejects it.
                return new Value(x, "isinf(" + x + ")");
            }
            case TIMESTAMP -> {
                if (command.timeFormat() != TimeFormat.EPOCHMILLISECS && command.timeFormat() != TimeFormat.EPOCHSECS) {
                    return new Value("CAST(NULL AS TIMESTAMP)", "FALSE");
                }
                long perUnit = command.timeFormat() == TimeFormat.EPOCHMILLISECS ? 1_000L : 1_000_000L;
                long limit = Long.MAX_VALUE / perUnit / 2;
                return new Value("CASE WHEN abs(" + x + ") < " + limit + " THEN make_timestamp(" + x + " * " + perUnit
                        + ") END", "abs(" + x + ") >= " + limit);
            }
            default -> throw new IllegalStateException("not a fast-path type: " + column.type());
        }
    }

    /**
     * A column's value from the JSON type and text of the record's value (SQL NULL type: no such key;
     * 'NULL': JSON null), and when the record must go the Java path instead.
     */
    private record Value(String sql, String bad) {
    }

    private static Value value(CopyCommand command, TargetColumn column, String type, String text) {
        String absent = "(" + type + " IS NULL OR " + type + " = 'NULL')";
        String blankString = "(" + type + " = 'VARCHAR' AND regexp_full_match(" + text + ", " + BLANK + "))";
        String integral = type + " IN ('UBIGINT', 'BIGINT')";
        switch (column.type()) {
            case TEXT -> {
                String string = "CASE WHEN " + (command.emptyAsNull() ? text + " = '' THEN NULL WHEN " : "")
                        + (command.blanksAsNull() ? text + " <> '' AND regexp_full_match(" + text + ", " + BLANK
                        + ") THEN NULL WHEN " : "") + "TRUE THEN " + text + " END";
                String sql = "CASE WHEN " + absent + " THEN NULL WHEN " + type + " = 'VARCHAR' THEN " + string
                        + " WHEN " + type + " IN ('UBIGINT', 'BIGINT', 'BOOLEAN') THEN " + text + " END";
                // Too long counts even when the value would be nulled as blank: the Java path decides then.
                String tooLong = column.maxBytes() > 0 ? " OR strlen(" + text + ") > " + column.maxBytes() : "";
                return new Value(sql, type + " IN ('DOUBLE', 'OBJECT', 'ARRAY')" + tooLong);
            }
            case SMALLINT, INTEGER, BIGINT -> {
                String cast = "TRY_CAST(" + text + " AS " + column.type().name() + ")";
                String digits = "regexp_full_match(" + text + ", '[+-]?[0-9]+')";
                String sql = "CASE WHEN " + integral + " OR (" + type + " = 'VARCHAR' AND " + digits + ") THEN "
                        + cast + " END";
                String bad = type + " IN ('DOUBLE', 'BOOLEAN', 'OBJECT', 'ARRAY') OR (" + integral + " AND " + cast
                        + " IS NULL) OR (" + type + " = 'VARCHAR' AND NOT " + blankString + " AND (NOT " + digits
                        + " OR " + cast + " IS NULL))";
                return new Value(sql, bad);
            }
            case DOUBLE -> {
                String cast = "TRY_CAST(" + text + " AS DOUBLE)";
                String numeric = "regexp_full_match(" + text + ", '[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?')";
                String sql = "CASE WHEN " + type + " IN ('UBIGINT', 'BIGINT', 'DOUBLE') OR (" + type + " = 'VARCHAR' AND "
                        + numeric + ") THEN " + cast + " END";
                // Out of a double's range (1e400): DuckDB makes it infinite, Redshift rejects it.
                String bad = type + " IN ('BOOLEAN', 'OBJECT', 'ARRAY') OR (" + type + " = 'VARCHAR' AND NOT "
                        + blankString + " AND (NOT " + numeric + " OR " + cast + " IS NULL)) OR isinf(" + cast + ")";
                return new Value(sql, bad);
            }
            case TIMESTAMP -> {
                if (command.timeFormat() != TimeFormat.EPOCHMILLISECS && command.timeFormat() != TimeFormat.EPOCHSECS) {
                    // Text in a time format: the Java path parses it; only absent and null load here.
                    return new Value("CAST(NULL AS TIMESTAMP)", "NOT " + absent);
                }
                // Epoch numbers written as whole numbers; decimals and strings go the Java path.
                long perUnit = command.timeFormat() == TimeFormat.EPOCHMILLISECS ? 1_000L : 1_000_000L;
                long limit = Long.MAX_VALUE / perUnit / 2;
                String number = "TRY_CAST(" + text + " AS BIGINT)";
                String sql = "CASE WHEN " + integral + " AND abs(" + number + ") < " + limit + " THEN make_timestamp("
                        + number + " * " + perUnit + ") END";
                String bad = type + " IN ('DOUBLE', 'BOOLEAN', 'OBJECT', 'ARRAY') OR (" + type + " = 'VARCHAR' AND NOT "
                        + blankString + ") OR (" + integral + " AND coalesce(abs(" + number + ") >= " + limit + ", TRUE))";
                return new Value(sql, bad);
            }
            default -> throw new IllegalStateException("not a fast-path type: " + column.type());
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
