package com.sparkify.dwh.local.report;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC on a DuckDB file, apart from the code under test: the test's own view of the data. */
final class DuckDbFile {

    private final Path file;

    DuckDbFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    /** Rows of a query; timestamps as LocalDateTime, whole numbers as Long. */
    List<List<Object>> select(String sql, Object... params) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                List<List<Object>> rows = new ArrayList<>();
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object value = meta.getColumnType(i) == Types.TIMESTAMP
                                ? result.getObject(i, LocalDateTime.class) : result.getObject(i);
                        if (value instanceof Number number && !(value instanceof Double) && !(value instanceof Float)
                                && !(value instanceof java.math.BigDecimal)) {
                            value = number.longValue();
                        }
                        row.add(value);
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    long count(String sql, Object... params) {
        return ((Number) select(sql, params).get(0).get(0)).longValue();
    }

    void execute(String sql, Object... params) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Writes everything into the file itself (no write-ahead log left), so the file can be copied. */
    void checkpoint() {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new IllegalStateException("CHECKPOINT: " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
    }
}
