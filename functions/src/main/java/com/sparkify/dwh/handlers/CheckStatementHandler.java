package com.sparkify.dwh.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.sparkify.dwh.warehouse.QueryResult;
import com.sparkify.dwh.warehouse.StatementDescription;
import com.sparkify.dwh.warehouse.StatementErrors;
import com.sparkify.dwh.warehouse.StatementState;
import com.sparkify.dwh.warehouse.Warehouse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Check a statement: its state for the state machine's Wait/Check/Choice loop, whether a failure is
 * worth retrying, and once FINISHED the rows of its last result set (a COPY's figures, the checks).
 */
public final class CheckStatementHandler extends JsonHandler<StatementRequest, StatementStatus> {

    /** Rows returned to the state machine at most: its payloads are limited to 256 KB. */
    static final int MAX_ROWS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(CheckStatementHandler.class);

    private final Warehouse warehouse;
    private final Clock clock;

    public CheckStatementHandler() {
        this(LambdaEnvironment.warehouse(), LambdaEnvironment.metrics());
    }

    public CheckStatementHandler(Warehouse warehouse, PipelineMetrics metrics) {
        this(warehouse, metrics, Clock.systemUTC());
    }

    CheckStatementHandler(Warehouse warehouse, PipelineMetrics metrics, Clock clock) {
        super(StatementRequest.class, metrics);
        this.warehouse = warehouse;
        this.clock = clock;
    }

    @Override
    protected StatementStatus handle(StatementRequest request, Context context) {
        StatementDescription statement = warehouse.describeStatement(request.requireId("CheckStatementHandler"));
        StatementState state = statement.state();
        List<StatementDescription> subs = statement.subStatements();
        StatementDescription last = subs.isEmpty() ? statement : subs.get(subs.size() - 1);
        List<Map<String, Object>> rows = null;
        if (state == StatementState.FINISHED && last.hasResultSet()) {
            rows = rows(warehouse.getStatementResult(last.id()));
        }
        String error = statement.error();
        if (state == StatementState.FAILED || state == StatementState.ABORTED) {
            error = error == null ? "statement " + statement.id() + " was " + state.name().toLowerCase() : error;
            LOG.warn("statement {} {}: {}", statement.id(), state, error);
        }
        boolean retryable = state == StatementState.FAILED && StatementErrors.isTransient(error);
        return new StatementStatus(statement.id(), state.name(), state.isDone(), error, retryable,
                state == StatementState.FINISHED ? last.resultRows() : -1, rows, ageSeconds(request.submittedAt()));
    }

    private long ageSeconds(String submittedAt) {
        if (submittedAt == null || submittedAt.isBlank()) {
            return -1;
        }
        try {
            return Math.max(0, Duration.between(Instant.parse(submittedAt), clock.instant()).toSeconds());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("CheckStatementHandler: \"submittedAt\" must be an ISO-8601 instant,"
                    + " got \"" + submittedAt + "\"");
        }
    }

    private static List<Map<String, Object>> rows(QueryResult result) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<Object> row : result.rows().subList(0, Math.min(MAX_ROWS, result.rows().size()))) {
            Map<String, Object> named = new LinkedHashMap<>();
            for (int i = 0; i < result.columns().size(); i++) {
                named.put(result.columns().get(i), row.get(i));
            }
            rows.add(named);
        }
        return rows;
    }
}
