package com.sparkify.dwh.warehouse;

import java.util.List;

/**
 * What the pipeline needs from a warehouse, shaped like the Redshift Data API: every call returns at
 * once, and the caller polls {@link #describeStatement} until the statement is done. Implemented by the
 * Data API adapter (Lambda) and by the embedded DuckDB warehouse (local).
 */
public interface Warehouse {

    /** Submits one statement; returns its id. */
    String executeStatement(String sql);

    /** Submits statements that run in order as one transaction; returns the batch id. */
    default String batchExecuteStatement(List<String> sqls) {
        return batchExecuteStatement(sqls, null);
    }

    /**
     * As {@link #batchExecuteStatement(List)}, idempotently: a second submission with the same client
     * token (within hours) returns the first one's id and runs nothing, so a retried submit never runs
     * a step twice. A null token submits unconditionally.
     */
    String batchExecuteStatement(List<String> sqls, String clientToken);

    /** The statement's state; for a batch, also each sub-statement's (ids {@code batchId:1}, {@code :2}, ...). */
    StatementDescription describeStatement(String id);

    /** The rows of a finished statement (or sub-statement) that returned a result set. */
    QueryResult getStatementResult(String id);

    /** Asks a submitted or running statement to stop; it ends ABORTED. Finished statements are left alone. */
    void cancelStatement(String id);
}
