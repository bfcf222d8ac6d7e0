package com.sparkify.dwh.local.cli;

import com.sparkify.dwh.warehouse.QueryResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Prints a result as an aligned text table; numbers to the right, NULL spelled out. */
final class TablePrinter {

    private TablePrinter() {
    }

    static void print(QueryResult result, PrintWriter out) {
        int columns = result.columns().size();
        int[] widths = new int[columns];
        boolean[] numeric = new boolean[columns];
        List<String[]> cells = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            widths[c] = result.columns().get(c).length();
            numeric[c] = true;
        }
        for (List<Object> row : result.rows()) {
            String[] texts = new String[columns];
            for (int c = 0; c < columns; c++) {
                Object value = row.get(c);
                texts[c] = value == null ? "NULL" : value.toString();
                widths[c] = Math.max(widths[c], texts[c].length());
                numeric[c] &= value == null || value instanceof Number;
            }
            cells.add(texts);
        }
        printRow(result.columns().toArray(String[]::new), widths, new boolean[columns], out);
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            rule.append(c == 0 ? "" : "-+-").append("-".repeat(widths[c]));
        }
        out.println(rule);
        for (String[] row : cells) {
            printRow(row, widths, numeric, out);
        }
        out.println("(" + result.rows().size() + (result.rows().size() == 1 ? " row)" : " rows)"));
        out.flush();
    }

    private static void printRow(String[] texts, int[] widths, boolean[] right, PrintWriter out) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < texts.length; c++) {
            line.append(c == 0 ? "" : " | ");
            String pad = " ".repeat(widths[c] - texts[c].length());
            line.append(right[c] ? pad + texts[c] : texts[c] + (c == texts.length - 1 ? "" : pad));
        }
        out.println(line);
    }
}
