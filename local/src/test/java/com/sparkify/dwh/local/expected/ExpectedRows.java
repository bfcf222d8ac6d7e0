package com.sparkify.dwh.local.expected;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Expected rows written by hand as JSON (the {@code fixtures/quirks-expected/<table>.json} format),
 * and the canonical Java shape that {@link ExpectedStarSchema#rows(String)} uses: one list per row,
 * columns in table order, as String, Long, Double, {@link LocalDateTime} or null.
 *
 * <p>The JSON format: an array of arrays in column order; text as strings, integers and doubles as
 * numbers, timestamps as {@code "yyyy-MM-dd HH:mm:ss.SSS"} strings (UTC), NULL as null.
 */
public final class ExpectedRows {

  /** {@code yyyy-MM-dd HH:mm:ss.SSS}; parsing also takes 'T' and 0 to 9 fraction digits. */
  public static final DateTimeFormatter TIMESTAMP_FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  private static final DateTimeFormatter LENIENT_TIMESTAMP =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd")
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .appendPattern("HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .toFormatter();

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ExpectedRows() {}

  /** Reads {@code <table>.json}; the table is the file name without {@code .json}. */
  public static List<List<Object>> fromJson(Path file) throws IOException {
    String name = file.getFileName().toString();
    if (!name.endsWith(".json")) {
      throw new IllegalArgumentException("expected <table>.json, got " + file);
    }
    return fromJson(file, name.substring(0, name.length() - ".json".length()));
  }

  /** Reads a file of expected rows for {@code table}, converting each value to its Java type. */
  public static List<List<Object>> fromJson(Path file, String table) throws IOException {
    List<Column> columns = ExpectedStarSchema.columns(table);
    JsonNode root = MAPPER.readTree(Files.readAllBytes(file));
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException(file + ": expected a JSON array of rows");
    }
    List<List<Object>> rows = new ArrayList<>();
    int r = 0;
    for (JsonNode row : root) {
      if (!row.isArray() || row.size() != columns.size()) {
        throw new IllegalArgumentException(
            file + " row " + r + ": expected an array of " + columns.size() + " values, got " + row);
      }
      Object[] values = new Object[columns.size()];
      for (int c = 0; c < columns.size(); c++) {
        values[c] = fromNode(row.get(c), columns.get(c), file + " row " + r);
      }
      rows.add(ExpectedStarSchema.row(values));
      r++;
    }
    return Collections.unmodifiableList(rows);
  }

  private static Object fromNode(JsonNode v, Column column, String where) {
    if (v == null || v.isNull()) {
      return null;
    }
    switch (column.type()) {
      case TEXT:
        if (v.isTextual()) {
          return v.textValue();
        }
        break;
      case INTEGER:
        if (v.isIntegralNumber() && v.canConvertToLong()) {
          return v.longValue();
        }
        break;
      case DOUBLE:
        if (v.isNumber()) {
          return v.doubleValue();
        }
        break;
      case TIMESTAMP:
        if (v.isTextual()) {
          return LocalDateTime.parse(v.textValue(), LENIENT_TIMESTAMP);
        }
        break;
      default:
        break;
    }
    throw new IllegalArgumentException(
        where + ": " + column.name() + " (" + column.type() + ") cannot be " + v);
  }

  /**
   * Brings rows read from a warehouse (JDBC objects: Integer, BigDecimal, java.sql.Timestamp, ...)
   * to the canonical shape and sorts them by the table's key, so they compare with {@code equals}
   * to {@link ExpectedStarSchema#rows(String)}.
   */
  public static List<List<Object>> normalize(String table, Collection<? extends List<?>> rows) {
    List<Column> columns = ExpectedStarSchema.columns(table);
    List<List<Object>> out = new ArrayList<>();
    for (List<?> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(
            table + ": expected " + columns.size() + " columns, got " + row);
      }
      Object[] values = new Object[columns.size()];
      for (int c = 0; c < columns.size(); c++) {
        values[c] = canonical(columns.get(c).type(), row.get(c));
      }
      out.add(ExpectedStarSchema.row(values));
    }
    out.sort(ExpectedStarSchema.ROW_ORDER);
    return Collections.unmodifiableList(out);
  }

  /** One value in its canonical Java type; timestamps without a zone are taken as UTC. */
  public static Object canonical(ColumnType type, Object value) {
    if (value == null) {
      return null;
    }
    switch (type) {
      case TEXT:
        return value.toString();
      case INTEGER:
        if (value instanceof Long || value instanceof Integer || value instanceof Short
            || value instanceof Byte) {
          return ((Number) value).longValue();
        }
        if (value instanceof BigInteger b) {
          return b.longValueExact();
        }
        if (value instanceof BigDecimal d) {
          return d.longValueExact();
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
          return n.longValue();
        }
        break;
      case DOUBLE:
        if (value instanceof Number n) {
          return n.doubleValue();
        }
        break;
      case TIMESTAMP:
        if (value instanceof LocalDateTime t) {
          return t;
        }
        if (value instanceof java.sql.Timestamp t) {
          return t.toLocalDateTime();
        }
        if (value instanceof OffsetDateTime t) {
          return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (value instanceof ZonedDateTime t) {
          return t.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (value instanceof Instant t) {
          return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        }
        if (value instanceof String s) {
          return LocalDateTime.parse(s, LENIENT_TIMESTAMP);
        }
        break;
      default:
        break;
    }
    throw new IllegalArgumentException("cannot read " + value.getClass().getName() + " " + value
        + " as " + type);
  }

  /** A timestamp as the JSON format writes it. */
  public static String format(LocalDateTime t) {
    return TIMESTAMP_FORMAT.format(t);
  }
}
