package com.sparkify.dwh.local.bench;

import com.sparkify.dwh.sql.SqlLexer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;

/**
 * The benchmark's baseline: bench/baseline.sql (plain DuckDB SQL building the same tables) run on a
 * data folder into a fresh database file, each statement timed. Run by bench/pipeline-vs-duckdb.sh in
 * a process of its own, so its memory is measured apart from the pipeline's.
 */
public final class BaselineRun {

    private BaselineRun() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: BaselineRun <baseline.sql> <data folder> <database file>");
            System.exit(2);
        }
        Path database = Path.of(args[2]);
        Files.deleteIfExists(database);
        long started = System.nanoTime();
        String sql = Files.readString(Path.of(args[0])).replace("DATA_DIR", Path.of(args[1]).toAbsolutePath().toString());
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath());
             Statement statement = connection.createStatement()) {
            for (String text : SqlLexer.splitStatements(sql)) {
                long begin = System.nanoTime();
                statement.execute(text);
                String table = text.replaceAll("(?s)^CREATE TABLE (\\w+).*", "$1");
                System.out.printf(Locale.ROOT, "statement %-16s %8.2f%n", table.length() > 16 ? "setting" : table,
                        (System.nanoTime() - begin) / 1e9);
            }
        }
        System.out.printf(Locale.ROOT, "total %.2f%n", (System.nanoTime() - started) / 1e9);
    }
}
