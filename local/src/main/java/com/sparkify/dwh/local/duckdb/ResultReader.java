package com.sparkify.dwh.local.duckdb;

import com.sparkify.dwh.warehouse.QueryResult;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JDBC result into the port's {@link QueryResult}, with the value types the Data API returns:
 * whole numbers as Long, floating numbers as Double, booleans, and everything else as text in
 * Redshift's format (timestamps as {@code 2018-11-01 21:01:46.796}).
 */
final class ResultReader {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ResultReader() {
    }

    static QueryResult read(ResultSet resultSet) throws SQLException {
        ResultSetMetaData meta = resultSet.getMetaData();
        int count = meta.getColumnCount();
        List<String> columns = new ArrayList<>(count);
        int[] types = new int[count];
        for (int i = 1; i <= count; i++) {
            columns.add(meta.getColumnLabel(i));
            types[i - 1] = meta.getColumnType(i);
        }
        List<List<Object>> rows = new ArrayList<>();
        while (resultSet.next()) {
            List<Object> row = new ArrayList<>(count);
            for (int i = 1; i <= count; i++) {
                row.add(cell(resultSet, i, types[i - 1]));
            }
            rows.add(row);
        }
        return new QueryResult(columns, rows);
    }

    private static Object cell(ResultSet resultSet, int column, int type) throws SQLException {
        Object value = resultSet.getObject(column);
        if (value == null) {
            return null;
        }
        if (value instanceof java.math.BigInteger big && big.bitLength() < 64) {
            // DuckDB sums integers into HUGEINT (128 bits); Redshift's SUM of them is a BIGINT, a long.
            return big.longValue();
        }
        switch (type) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT:
                return ((Number) value).longValue();
            case Types.FLOAT, Types.REAL, Types.DOUBLE:
                return ((Number) value).doubleValue();
            case Types.BOOLEAN:
                return value;
            case Types.DECIMAL, Types.NUMERIC:
                return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
            case Types.TIMESTAMP:
                return timestamp(resultSet.getObject(column, LocalDateTime.class));
            case Types.TIMESTAMP_WITH_TIMEZONE:
                OffsetDateTime offset = resultSet.getObject(column, OffsetDateTime.class);
                return timestamp(offset.toLocalDateTime()) + offset.getOffset().getId().replace("Z", "+00");
            default:
                return value.toString();
        }
    }

    /** Redshift's text form: seconds, then the fraction without trailing zeros. */
    static String timestamp(LocalDateTime time) {
        String text = time.format(SECONDS);
        int nanos = time.getNano();
        if (nanos == 0) {
            return text;
        }
        String fraction = String.format("%09d", nanos);
        int end = fraction.length();
        while (end > 0 && fraction.charAt(end - 1) == '0') {
            end--;
        }
        return text + "." + fraction.substring(0, end);
    }
}
