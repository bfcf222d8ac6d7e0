package com.sparkify.dwh.warehouse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A small result set, as GetStatementResult returns it. Cells are {@code null}, {@link Long},
 * {@link Double}, {@link Boolean} or {@link String} (timestamps, decimals and anything else come as
 * text, as the Data API sends them).
 */
public record QueryResult(List<String> columns, List<List<Object>> rows) {

    public QueryResult {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " cells, expected " + columns.size());
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    public int columnIndex(String column) {
        int index = columns.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("no column " + column + " in " + columns);
        }
        return index;
    }

    /** The value of a column in a row, as a long (for counts and other integer results). */
    public long getLong(int row, String column) {
        Object value = rows.get(row).get(columnIndex(column));
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text) {
            return Long.parseLong(text.trim());
        }
        throw new IllegalStateException("column " + column + " of row " + row + " is not a number: " + value);
    }

    public String getString(int row, String column) {
        Object value = rows.get(row).get(columnIndex(column));
        return value == null ? null : value.toString();
    }
}
