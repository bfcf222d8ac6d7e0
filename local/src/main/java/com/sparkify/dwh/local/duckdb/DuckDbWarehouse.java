package com.sparkify.dwh.local.duckdb;

import com.sparkify.dwh.local.copy.CopyEmulator;
import com.sparkify.dwh.local.copy.LoadErrorLog;
import com.sparkify.dwh.store.ObjectStore;
import com.sparkify.dwh.warehouse.QueryResult;
import com.sparkify.dwh.warehouse.StatementDescription;
import com.sparkify.dwh.warehouse.StatementNotFoundException;
import com.sparkify.dwh.warehouse.StatementState;
import com.sparkify.dwh.warehouse.Warehouse;
import com.sparkify.dwh.warehouse.WarehouseException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.duckdb.DuckDBConnection;

/**
 * An embedded DuckDB database standing in for Redshift behind the Data-API-shaped warehouse port.
 * Statements run asynchronously on a small pool, each submission on its own connection and in its own
 * transaction (a batch is one transaction, as BatchExecuteStatement's is); ids are UUIDs and
 * sub-statements are {@code id:1}, {@code id:2}, ... Redshift SQL goes through {@link RedshiftDialect};
 * COPY is run by {@link CopyEmulator} against the local buckets.
 */
public final class DuckDbWarehouse implements Warehouse, AutoCloseable {

    private final DuckDBConnection root;
    private final DuckDBConnection errorLogConnection;
    private final LoadErrorLog errorLog;
    private final CopyEmulator copy;
    private final ExecutorService pool;
    private final Map<String, Execution> executions = new ConcurrentHashMap<>();
    private final Map<String, String> submittedByToken = new ConcurrentHashMap<>();
    /** Statements finished so far; notified on each. */
    private final Object finishes = new Object();
    private long finished;
    /** For each thread that naps, the finishes it was woken for (or saw) already. */
    private final ThreadLocal<long[]> finishesSeen = ThreadLocal.withInitial(() -> new long[1]);

    private DuckDbWarehouse(DuckDBConnection root, Function<String, ObjectStore> buckets) throws SQLException {
        this.root = root;
        try (Statement statement = root.createStatement()) {
            // Redshift divides integers as integers (7/2 = 3); DuckDB does not unless told to.
            statement.execute("SET integer_division = true");
        }
        this.errorLogConnection = (DuckDBConnection) root.duplicate();
        this.errorLog = new LoadErrorLog(errorLogConnection);
        this.copy = new CopyEmulator(buckets);
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "duckdb-statement-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** DuckDB's memory limit unless -Dsparkify.duckdb.memory_limit says otherwise. */
    static final String MEMORY_LIMIT = "2GB";

    /**
     * Opens (creating if needed) the database file, or an in-memory database when {@code file} is null.
     * {@code buckets} gives the object store behind each bucket name COPY reads from.
     */
    public static DuckDbWarehouse open(Path file, Function<String, ObjectStore> buckets) {
        String url = file == null ? "jdbc:duckdb:" : "jdbc:duckdb:" + file.toAbsolutePath();
        java.util.Properties config = new java.util.Properties();
        // Redshift keeps no row order either; without it DuckDB reads many small files in parallel, several
        // times faster (20,000 song files: 1.5 s instead of 6).
        config.setProperty("preserve_insertion_order", "false");
        // DuckDB takes up to 80% of the machine's memory by default; past this limit it spills to disk
        // (next to the database file) instead, so a run of tens of millions of events stays within a
        // laptop's means. -Dsparkify.duckdb.memory_limit=8GB (in SPARKIFY_JAVA_OPTS) raises it.
        config.setProperty("memory_limit", System.getProperty("sparkify.duckdb.memory_limit", MEMORY_LIMIT));
        try {
            return new DuckDbWarehouse((DuckDBConnection) DriverManager.getConnection(url, config), buckets);
        } catch (SQLException e) {
            throw new WarehouseException("cannot open the local warehouse "
                    + (file == null ? "(in memory)" : file.toString()) + ": " + firstLine(e.getMessage()), e);
        }
    }

    @Override
    public String executeStatement(String sql) {
        return submit(List.of(sql), false);
    }

    @Override
    public String batchExecuteStatement(List<String> sqls, String clientToken) {
        if (sqls.isEmpty()) {
            throw new WarehouseException("a batch needs at least one statement");
        }
        if (clientToken == null) {
            return submit(sqls, true);
        }
        // As the Data API's ClientToken: a repeated submission returns the first statement's id.
        return submittedByToken.computeIfAbsent(clientToken, token -> submit(sqls, true));
    }

    private String submit(List<String> sqls, boolean batch) {
        String id = UUID.randomUUID().toString();
        Execution execution = new Execution(id, sqls, batch);
        executions.put(id, execution);
        execution.future = pool.submit(() -> {
            try {
                execution.run(root, copy, errorLog);
            } finally {
                synchronized (finishes) {
                    finished++;
                    finishes.notifyAll();
                }
            }
        });
        return id;
    }

    /**
     * Sleeps {@code nanos} at most: less when a statement finishes that the calling thread has not been
     * woken for yet, finished during the nap or before it. A state machine polling this warehouse then
     * checks a statement as soon as it is done rather than at the end of its Wait (a fixed cost of every
     * step); each finish wakes each thread once, so a nap never turns into spinning.
     */
    public void napUntilAStatementFinishes(long nanos) throws InterruptedException {
        long[] seen = finishesSeen.get();
        long deadline = System.nanoTime() + nanos;
        synchronized (finishes) {
            while (finished == seen[0]) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(finishes, left);
            }
            seen[0] = finished;
        }
    }

    @Override
    public StatementDescription describeStatement(String id) {
        int colon = id.lastIndexOf(':');
        if (colon > 0) {
            Execution execution = find(id.substring(0, colon));
            return execution.describeSub(parsePosition(id, colon, execution));
        }
        return find(id).describe();
    }

    @Override
    public QueryResult getStatementResult(String id) {
        int colon = id.lastIndexOf(':');
        Execution execution = find(colon > 0 ? id.substring(0, colon) : id);
        int position = colon > 0 ? parsePosition(id, colon, execution) : 1;
        if (colon < 0 && execution.batch) {
            throw new WarehouseException("statement " + id + " is a batch: ask for a sub-statement, e.g. " + id + ":1");
        }
        return execution.result(position);
    }

    @Override
    public void cancelStatement(String id) {
        find(id).cancel();
    }

    private Execution find(String id) {
        Execution execution = executions.get(id);
        if (execution == null) {
            throw new StatementNotFoundException("no statement with id " + id);
        }
        return execution;
    }

    private static int parsePosition(String id, int colon, Execution execution) {
        try {
            int position = Integer.parseInt(id.substring(colon + 1));
            if (position < 1 || position > execution.sqls.size()) {
                throw new NumberFormatException();
            }
            return position;
        } catch (NumberFormatException e) {
            throw new WarehouseException("no sub-statement " + id);
        }
    }

    /** Waits for running statements, then closes the database. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                executions.values().forEach(Execution::cancel);
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            errorLogConnection.close();
            root.close();
        } catch (SQLException e) {
            throw new WarehouseException("cannot close the local warehouse: " + e.getMessage(), e);
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Used by tests and the CLI to tell a state from the outside without polling loops. */
    StatementState stateOf(String id) {
        return find(id).describe().state();
    }

    /** The sub-statement ids of a batch, for callers that want them all. */
    public static List<String> subStatementIds(String id, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(id + ":" + i);
        }
        return ids;
    }
}
