package com.sparkify.dwh.local.duckdb;

import com.sparkify.dwh.local.copy.CopyEmulator;
import com.sparkify.dwh.local.copy.CopyEmulator.CopyResult;
import com.sparkify.dwh.local.copy.CopyException;
import com.sparkify.dwh.local.copy.CopyParser;
import com.sparkify.dwh.local.copy.LoadErrorLog;
import com.sparkify.dwh.local.duckdb.RedshiftDialect.LastCopy;
import com.sparkify.dwh.sql.SqlSyntaxException;
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
        if (cancelled) {
            return;
        }
        state = StatementState.PICKED;
        int current = 0;
        try (DuckDBConnection connection = (DuckDBConnection) root.duplicate()) {
            connection.setAutoCommit(false);
            state = StatementState.STARTED;
            LastCopy lastCopy = LastCopy.NONE;
            for (current = 0; current < parts.length; current++) {
                Part part = parts[current];
                part.startedAt = System.nanoTime();
                part.state = StatementState.STARTED;
                String sql = sqls.get(current);
                if (CopyParser.isCopy(sql)) {
                    CopyResult result = copy.execute(CopyParser.parse(sql), connection, errorLog);
                    lastCopy = new LastCopy(result.queryId(), result.rowsLoaded());
                    part.resultRows = result.rowsLoaded();
                } else {
                    for (String rewritten : RedshiftDialect.rewrite(sql, lastCopy)) {
                        runOne(connection, rewritten, part);
                    }
                }
                checkCancelled();
                part.state = StatementState.FINISHED;
                part.finishedAt = System.nanoTime();
            }
            connection.commit();
            finish(StatementState.FINISHED, null);
        } catch (SQLException | CopyException | SqlSyntaxException | WarehouseException | IllegalArgumentException e) {
            fail(current, cancelled ? "statement was cancelled" : messageOf(e));
        } catch (RuntimeException e) {
            fail(current, e.getClass().getSimpleName() + ": " + messageOf(e));
        }
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
        if (state.isDone()) {
            return;
        }
        cancelled = true;
        Statement statement = running;
        if (statement != null) {
            try {
                statement.cancel();
            } catch (SQLException ignored) {
                // The statement ended on its own meanwhile; the flag stops the rest.
            }
        }
        if (future != null && future.cancel(false)) {
            finish(StatementState.ABORTED, "statement was cancelled before it started");
            for (Part part : parts) {
                part.state = StatementState.ABORTED;
            }
        }
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

    private static String messageOf(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.strip();
    }
}
