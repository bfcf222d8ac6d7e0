package com.sparkify.dwh.local.e2e;

import com.sparkify.dwh.local.expected.ExpectedRows;
import com.sparkify.dwh.local.expected.ExpectedStarSchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a finished run's database with plain JDBC, apart from the code under test, in the shape
 * {@link ExpectedStarSchema} uses, so the two compare with equals.
 */
final class WarehouseTables {

    private WarehouseTables() {
    }

    /** Every star-schema table, canonical rows sorted by key. */
    static Map<String, List<List<Object>>> starSchema(Path database) throws SQLException {
        Map<String, List<List<Object>>> tables = new LinkedHashMap<>();
        for (String table : ExpectedStarSchema.tables()) {
            tables.put(table, ExpectedRows.normalize(table, select(database, "SELECT * FROM " + table)));
        }
        return tables;
    }

    /** Rows of any query, timestamps as LocalDateTime. */
    static List<List<Object>> select(Path database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            List<List<Object>> rows = new ArrayList<>();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(meta.getColumnType(i) == Types.TIMESTAMP
                            ? result.getObject(i, LocalDateTime.class) : result.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    static long count(Path database, String table) throws SQLException {
        return ((Number) select(database, "SELECT COUNT(*) FROM " + table).get(0).get(0)).longValue();
    }

    static void execute(Path database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
