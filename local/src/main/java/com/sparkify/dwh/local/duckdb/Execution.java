package com.sparkify.dwh.local.duckdb;

import com.sparkify.dwh.local.copy.CopyEmulator;
import com.sparkify.dwh.local.copy.CopyEmulator.CopyResult;
import com.sparkify.dwh.local.copy.CopyException;
import com.sparkify.dwh.local.copy.CopyParser;
import com.sparkify.dwh.local.copy.FastPathDeclined;
import com.sparkify.dwh.local.copy.LoadErrorLog;
import com.sparkify.dwh.local.duckdb.RedshiftDialect.LastCopy;
import com.sparkify.dwh.sql.SqlLexer;
import com.sparkify.dwh.sql.SqlSyntaxException;
import com.sparkify.dwh.sql.SqlToken;
import com.sparkify.dwh.warehouse.QueryResult;
import com.sparkify.dwh.warehouse.StatementDescription;
import com.sparkify.dwh.warehouse.StatementState;
import com.sparkify.dwh.warehouse.WarehouseException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.duckdb.DuckDBConnection;

/** One submission (a statement or a batch) and the state of each of its statements. */
final class Execution {

    final String id;
    final List<String> sqls;
    final boolean batch;
    volatile Future<?> future;

    private final long submittedAt = System.nanoTime();
    private final Part[] parts;
    private volatile StatementState state = StatementState.SUBMITTED;
    private volatile String error;
    private volatile long finishedAt;
    private volatile boolean cancelled;
    private volatile Statement running;
    private int current; // the statement running, on the thread of run()

    /** One statement of the submission. */
    private static final class Part {
        volatile StatementState state = StatementState.SUBMITTED;
        volatile String error;
        volatile long resultRows = -1;
        volatile QueryResult result;
        volatile long startedAt;
        volatile long finishedAt;
    }

    Execution(String id, List<String> sqls, boolean batch) {
        this.id = id;
        this.sqls = List.copyOf(sqls);
        this.batch = batch;
        this.parts = new Part[sqls.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = new Part();
        }
    }

    void run(DuckDBConnection root, CopyEmulator copy, LoadErrorLog errorLog) {
        synchronized (this) {
            if (cancelled) {
                return; // cancelled while waiting for a thread: already ABORTED
            }
            state = StatementState.PICKED;
        }
        try {
            try {
                attempt(root, copy, errorLog, true);
            } catch (FastPathDeclined declined) {
                // Its transaction is rolled back; the whole batch again, every COPY on the Java path.
                checkCancelled();
                attempt(root, copy, errorLog, false);
            }
            finish(StatementState.FINISHED, null);
        } catch (SQLException | CopyException | SqlSyntaxException | WarehouseException | IllegalArgumentException e) {
            fail(current, cancelled ? "statement was cancelled" : messageOf(e));
        } catch (RuntimeException e) {
            fail(current, e.getClass().getSimpleName() + ": " + messageOf(e));
        }
    }

    /**
     * The statements in one transaction, committed when all have run; closing the connection rolls back.
     * Leading CREATE TEMP TABLE statements run just before it, each committed on its own: DuckDB
     * scans a table created in the running transaction on one thread only, which made the loads that
     * stage their rows in a temporary table two to three times slower. Nobody else sees the difference:
     * they come first, so they read what the transaction would have read at its start (the pipeline lock
     * keeps other runs out), and a temporary table lives only as long as this attempt's connection.
     */
    private void attempt(DuckDBConnection root, CopyEmulator copy, LoadErrorLog errorLog, boolean fastPath)
            throws SQLException {
        try (DuckDBConnection connection = (DuckDBConnection) root.duplicate()) {
            state = StatementState.STARTED;
            LastCopy lastCopy = LastCopy.NONE;
            current = 0;
            connection.setAutoCommit(true);
            while (current < parts.length && createsTempTable(sqls.get(current))) {
                lastCopy = runPart(connection, copy, errorLog, fastPath, lastCopy);
                current++;
            }
            connection.setAutoCommit(false);
            for (; current < parts.length; current++) {
                lastCopy = runPart(connection, copy, errorLog, fastPath, lastCopy);
            }
            connection.commit();
        }
    }

    /** Whether a statement starts CREATE TEMP[ORARY] TABLE, comments aside. */
    private static boolean createsTempTable(String sql) {
        List<SqlToken> words = new ArrayList<>(3);
        for (SqlToken token : SqlLexer.tokenize(sql)) {
            if (!token.isTrivia()) {
                words.add(token);
                if (words.size() == 3) {
                    break;
                }
            }
        }
        return words.size() == 3 && words.get(0).isWord("create")
                && (words.get(1).isWord("temp") || words.get(1).isWord("temporary")) && words.get(2).isWord("table");
    }

    private LastCopy runPart(DuckDBConnection connection, CopyEmulator copy, LoadErrorLog errorLog, boolean fastPath,
                             LastCopy lastCopy) throws SQLException {
        Part part = parts[current];
        part.startedAt = System.nanoTime();
        part.state = StatementState.STARTED;
        String sql = sqls.get(current);
        LastCopy after = lastCopy;
        if (CopyParser.isCopy(sql)) {
            CopyResult result = copy.execute(CopyParser.parse(sql), connection, errorLog, fastPath);
            after = new LastCopy(result.queryId(), result.rowsLoaded());
            part.resultRows = result.rowsLoaded();
        } else {
            for (String rewritten : RedshiftDialect.rewrite(sql, lastCopy)) {
                runOne(connection, rewritten, part);
            }
        }
        checkCancelled();
        part.state = StatementState.FINISHED;
        part.finishedAt = System.nanoTime();
        return after;
    }

    private void runOne(DuckDBConnection connection, String sql, Part part) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            running = statement;
            checkCancelled();
            boolean hasResultSet = statement.execute(sql);
            if (hasResultSet) {
                try (ResultSet resultSet = statement.getResultSet()) {
                    QueryResult result = ResultReader.read(resultSet);
                    part.result = result;
                    part.resultRows = result.rows().size();
                }
            } else {
                long count = statement.getUpdateCount();
                part.resultRows = count;
            }
        } finally {
            running = null;
        }
    }

    private void checkCancelled() {
        if (cancelled) {
            throw new WarehouseException("statement was cancelled");
        }
    }

    private void fail(int current, String message) {
        for (int i = 0; i < parts.length; i++) {
            Part part = parts[i];
            if (i == current) {
                part.state = cancelled ? StatementState.ABORTED : StatementState.FAILED;
                part.error = message;
                part.finishedAt = System.nanoTime();
            } else if (i > current) {
                part.state = StatementState.ABORTED; // never ran: the batch stopped before it
            }
        }
        String where = batch && parts.length > 1 ? "statement " + (current + 1) + " of " + parts.length + ": " : "";
        finish(cancelled ? StatementState.ABORTED : StatementState.FAILED, where + message);
    }

    private void finish(StatementState end, String message) {
        error = message;
        finishedAt = System.nanoTime();
        state = end;
    }

    void cancel() {
        synchronized (this) {
            if (state.isDone()) {
                return;
            }
            cancelled = true;
            if (state == StatementState.SUBMITTED) {
                // Not picked up yet, and run() now never will: it is over. (Future.cancel also returns true
                // for a task that is running, so it cannot tell the two cases apart.)
                if (future != null) {
                    future.cancel(false);
                }
                for (Part part : parts) {
                    part.state = StatementState.ABORTED;
                }
                finish(StatementState.ABORTED, "statement was cancelled before it started");
                return;
            }
        }
        // Running: interrupt the current statement; the flag stops the rest, and run() rolls back and
        // reports ABORTED once the transaction is closed. DuckDB's Statement.cancel() does nothing unless a
        // query is executing at that instant (and a new query clears an earlier interrupt), so one call can
        // be lost between statements: keep interrupting until the execution ends. Returns at once, as the
        // Data API's CancelStatement does.
        Thread canceller = new Thread(() -> {
            while (!state.isDone()) {
                Statement statement = running;
                if (statement != null) {
                    try {
                        statement.cancel();
                    } catch (SQLException ignored) {
                        // Closed meanwhile: the statement ended on its own; the flag stops the rest.
                    }
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "duckdb-cancel-" + id);
        canceller.setDaemon(true);
        canceller.start();
    }

    StatementDescription describe() {
        StatementState now = state;
        long end = now.isDone() ? finishedAt : System.nanoTime();
        List<StatementDescription> subs = new ArrayList<>();
        if (batch) {
            for (int i = 1; i <= parts.length; i++) {
                subs.add(describeSub(i));
            }
        }
        Part only = parts[parts.length - 1];
        long rows = batch ? -1 : (now == StatementState.FINISHED ? only.resultRows : -1);
        boolean hasResultSet = false;
        for (Part part : parts) {
            hasResultSet |= part.result != null;
        }
        return new StatementDescription(id, now, error, rows, hasResultSet, end - submittedAt, subs);
    }

    StatementDescription describeSub(int position) {
        Part part = parts[position - 1];
        StatementState now = part.state;
        long duration = part.startedAt == 0 ? 0
                : (now.isDone() ? part.finishedAt : System.nanoTime()) - part.startedAt;
        return new StatementDescription(id + ":" + position, now, part.error,
                now == StatementState.FINISHED ? part.resultRows : -1, part.result != null, Math.max(0, duration), List.of());
    }

    QueryResult result(int position) {
        Part part = parts[position - 1];
        if (part.state != StatementState.FINISHED) {
            throw new WarehouseException("statement " + id + (batch ? ":" + position : "") + " is " + part.state
                    + "; results are available once it is FINISHED");
        }
        if (part.result == null) {
            throw new WarehouseException("statement " + id + (batch ? ":" + position : "") + " has no result set");
        }
        return part.result;
    }

    /** What DuckDB's JDBC driver puts before the error of a query that failed. */
    private static final String PENDING_QUERY_WRAPPER =
            "Invalid Input Error: Attempting to execute an unsuccessful or closed pending query result";

    private static String messageOf(Exception e) {
        String message = e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        message = message.strip();
        if (message.startsWith(PENDING_QUERY_WRAPPER) && message.length() > PENDING_QUERY_WRAPPER.length()) {
            message = message.substring(PENDING_QUERY_WRAPPER.length()).strip();
            if (message.startsWith("Error: ")) {
                message = message.substring("Error: ".length());
            }
        }
        return message;
    }
}
