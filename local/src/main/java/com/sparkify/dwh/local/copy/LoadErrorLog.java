package com.sparkify.dwh.local.copy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The local stl_load_errors and stl_load_commits tables, with Redshift's columns, and the
 * sys_load_error_detail and sys_load_detail views Redshift shows the same facts in. The bad rows of a failing COPY are written
 * on the log's own auto-committed connection, so the record survives the COPY rolling back, as in
 * Redshift; those of a COPY that loads are written in its transaction, which the statements after it
 * in the batch (pg_last_copy_id() queries) see. Query ids come from a sequence.
 */
public final class LoadErrorLog {

    /** Values longer than this are cut, as Redshift's char(1024) raw_line and raw_field_value are. */
    static final int RAW_LIMIT = 1024;

    private final Connection connection;

    public LoadErrorLog(Connection autoCommitted) throws SQLException {
        this.connection = autoCommitted;
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SEQUENCE IF NOT EXISTS stl_query_id_seq START 1");
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS stl_load_commits (
                        userid INTEGER, query INTEGER, slice INTEGER, name VARCHAR, filename VARCHAR,
                        byte_offset INTEGER, lines_scanned INTEGER, errors INTEGER, curtime TIMESTAMP,
                        status INTEGER)""");
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS stl_load_errors (
                        userid INTEGER, slice INTEGER, tbl INTEGER, starttime TIMESTAMP, session INTEGER,
                        query INTEGER, filename VARCHAR, line_number BIGINT, colname VARCHAR, type VARCHAR,
                        col_length VARCHAR, position INTEGER, raw_line VARCHAR, raw_field_value VARCHAR,
                        err_code INTEGER, err_reason VARCHAR)""");
            // The SYS monitoring views over the same rows, with their column names: Redshift has them on
            // provisioned clusters and Serverless alike, so the pipeline's SQL reads those.
            statement.execute("""
                    CREATE OR REPLACE VIEW sys_load_error_detail AS
                    SELECT userid AS user_id, query AS query_id, session AS session_id, tbl AS table_id,
                           starttime AS start_time, filename AS file_name, line_number, colname AS column_name,
                           type AS column_type, col_length AS column_length, position, err_code AS error_code,
                           err_reason AS error_message
                    FROM stl_load_errors""");
            statement.execute("""
                    CREATE OR REPLACE VIEW sys_load_detail AS
                    SELECT userid AS user_id, query AS query_id, filename AS file_name, lines_scanned, errors,
                           curtime AS record_time
                    FROM stl_load_commits""");
        }
    }

    /** A new query id for a COPY. */
    public synchronized long nextQueryId() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT nextval('stl_query_id_seq')")) {
            result.next();
            return result.getLong(1);
        }
    }

    /**
     * What a COPY read from one object, as a row of Redshift's STL_LOAD_COMMITS.
     *
     * @param linesScanned records read from the object, loaded or rejected
     * @param errors       records of the object rejected
     */
    public record FileCommit(long query, String fileName, long linesScanned, int errors, java.time.LocalDateTime at) {
    }

    /** Records, in the COPY's transaction, what it read from each object (a COPY that fails commits nothing). */
    public void recordCommits(List<FileCommit> commits, Connection on) throws SQLException {
        if (commits.isEmpty()) {
            return;
        }
        // The appender, not a JDBC batch: DuckDB runs a batch row by row, which for a COPY of 20,000
        // objects took seconds.
        try (DuckDBAppender appender = on.unwrap(DuckDBConnection.class).createAppender("main", "stl_load_commits")) {
            for (FileCommit commit : commits) {
                appender.beginRow();
                appender.append(0);
                appender.append((int) commit.query());
                appender.append(0);
                appender.append(commit.fileName());
                appender.append(commit.fileName());
                appender.append(0);
                appender.append((int) commit.linesScanned());
                appender.append(commit.errors());
                appender.append(commit.at());
                appender.append(1);
                appender.endRow();
            }
        }
    }

    /** Records on the log's own connection, committed at once. */
    public synchronized void record(List<LoadError> errors) throws SQLException {
        record(errors, connection);
    }

    /** Records on the given connection, in its transaction. */
    public void record(List<LoadError> errors, Connection on) throws SQLException {
        if (errors.isEmpty()) {
            return;
        }
        try (DuckDBAppender appender = on.unwrap(DuckDBConnection.class).createAppender("main", "stl_load_errors")) {
            for (LoadError error : errors) {
                appender.beginRow();
                appender.append(0);
                appender.append(0);
                appender.append((int) error.tableId());
                appender.append(error.startTime());
                appender.append(0);
                appender.append((int) error.query());
                appender.append(error.fileName());
                appender.append(error.lineNumber());
                appendText(appender, error.columnName());
                appendText(appender, error.columnType());
                appendText(appender, error.columnLength());
                appender.append(error.position());
                appendText(appender, cut(error.rawLine()));
                appendText(appender, cut(error.rawFieldValue()));
                appender.append(error.errorCode());
                appendText(appender, error.reason());
                appender.endRow();
            }
        }
    }

    private static void appendText(DuckDBAppender appender, String value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }

    private static String cut(String value) {
        if (value == null || value.length() <= RAW_LIMIT) {
            return value;
        }
        return value.substring(0, RAW_LIMIT);
    }
}
