package com.sparkify.dwh.handlers;

import static com.sparkify.dwh.handlers.HandlerTesting.invoke;
import static com.sparkify.dwh.handlers.HandlerTesting.lambdaEvent;
import static com.sparkify.dwh.handlers.HandlerTesting.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.sparkify.dwh.warehouse.QueryResult;
import com.sparkify.dwh.warehouse.StatementDescription;
import com.sparkify.dwh.warehouse.StatementNotFoundException;
import com.sparkify.dwh.warehouse.StatementState;
import com.sparkify.dwh.warehouse.Warehouse;
import com.sparkify.dwh.warehouse.WarehouseThrottledException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Check: every state the Data API reports, as the state machine's Choice reads it. */
class CheckStatementHandlerTest {

    /** The id in events/lambda/check-statement.json. */
    private static final String ID = "d9b6c0c9-0747-4bf4-b142-e8883122f766";

    private static final String SERIALIZATION_CONFLICT = "ERROR: 1023 Serializable isolation violation on table"
            + " - 101441, transactions forming the cycle are: 2312, 2316 (pid:12345)";

    private final Warehouse warehouse = mock(Warehouse.class);
    private final CheckStatementHandler handler = new CheckStatementHandler(warehouse, PipelineMetrics.NONE);

    private static StatementDescription single(StatementState state, String error, long rows, boolean resultSet) {
        return new StatementDescription(ID, state, error, rows, resultSet, 1_000_000, List.of());
    }

    private static StatementDescription sub(int position, StatementState state, long rows, boolean resultSet) {
        return new StatementDescription(ID + ":" + position, state, null, rows, resultSet, 1_000, List.of());
    }

    private static StatementDescription batch(StatementState state, String error, StatementDescription... subs) {
        return new StatementDescription(ID, state, error, -1, false, 3_000_000, List.of(subs));
    }

    private JsonNode check(StatementDescription description) {
        when(warehouse.describeStatement(ID)).thenReturn(description);
        return invoke(handler, lambdaEvent("check-statement.json"));
    }

    @ParameterizedTest
    @EnumSource(value = StatementState.class, names = {"SUBMITTED", "PICKED", "STARTED"})
    void runningStatementIsNotDone(StatementState state) {
        JsonNode output = check(batch(state, null, sub(1, StatementState.SUBMITTED, -1, false)));

        // every field the CheckStatement state's ResultSelector reads is present, even when null
        assertThat(output).isEqualTo(tree("""
                {"statementId": "%s", "status": "%s", "done": false, "error": null, "retryable": false,
                 "resultRows": -1, "result": null, "ageSeconds": -1}""".formatted(ID, state.name())));
        verify(warehouse, never()).getStatementResult(any());
    }

    @Test
    void theAgeIsTheTimeSinceTheStateMachineStartedWaiting() throws Exception {
        java.time.Clock at = java.time.Clock.fixed(java.time.Instant.parse("2018-12-01T04:00:30Z"), java.time.ZoneOffset.UTC);
        CheckStatementHandler timed = new CheckStatementHandler(warehouse, PipelineMetrics.NONE, at);
        when(warehouse.describeStatement(ID)).thenReturn(single(StatementState.STARTED, null, -1, false));

        JsonNode status = invoke(timed, tree("{\"statementId\": \"" + ID + "\", \"submittedAt\": \"2018-12-01T03:00:00.123Z\"}"));

        assertThat(status.path("ageSeconds").asLong()).as("3629.877 s, whole seconds").isEqualTo(3629);
        assertThat(status.path("done").asBoolean()).isFalse();
        assertThatThrownBy(() -> invoke(timed, tree("{\"statementId\": \"" + ID + "\", \"submittedAt\": \"yesterday\"}")))
                .hasMessageContaining("submittedAt");
    }

    @Test
    void finishedBatchReportsItsLastSubStatementsRows() {
        when(warehouse.getStatementResult(ID + ":3")).thenReturn(new QueryResult(
                List.of("rows_loaded", "rows_rejected"), List.of(List.of(8056L, 3L))));

        JsonNode output = check(batch(StatementState.FINISHED, null,
                sub(1, StatementState.FINISHED, -1, false),       // TRUNCATE
                sub(2, StatementState.FINISHED, 8056, false),     // COPY
                sub(3, StatementState.FINISHED, 1, true)));       // SELECT the figures

        assertThat(output).isEqualTo(tree("""
                {"statementId": "%s", "status": "FINISHED", "done": true, "error": null, "retryable": false,
                 "resultRows": 1, "result": [{"rows_loaded": 8056, "rows_rejected": 3}], "ageSeconds": -1}""".formatted(ID)));
    }

    @Test
    void finishedBatchWithoutAResultSetReportsRowsAffected() {
        JsonNode output = check(batch(StatementState.FINISHED, null,
                sub(1, StatementState.FINISHED, 12, false),      // DELETE
                sub(2, StatementState.FINISHED, 6820, false)));  // INSERT

        assertThat(output).isEqualTo(tree("""
                {"statementId": "%s", "status": "FINISHED", "done": true, "error": null, "retryable": false,
                 "resultRows": 6820, "result": null, "ageSeconds": -1}""".formatted(ID)));
        verify(warehouse, never()).getStatementResult(any());
    }

    @Test
    void finishedSingleStatementReadsItsOwnResult() {
        when(warehouse.getStatementResult(ID)).thenReturn(new QueryResult(List.of("n"), List.of(List.of(7L))));

        JsonNode output = check(single(StatementState.FINISHED, null, 1, true));

        assertThat(output.get("resultRows").asLong()).isEqualTo(1);
        assertThat(output.get("result")).isEqualTo(tree("[{\"n\": 7}]"));
    }

    @Test
    void rowsAreMapsByColumnWithEveryCellType() {
        when(warehouse.getStatementResult(ID + ":1")).thenReturn(new QueryResult(
                List.of("name", "count", "ratio", "flag", "missing", "at"),
                List.of(Arrays.asList("users", 97L, 0.5, true, null, "2018-11-30 00:22:07.796"))));

        JsonNode output = check(batch(StatementState.FINISHED, null, sub(1, StatementState.FINISHED, 1, true)));

        assertThat(output.get("result")).isEqualTo(tree("""
                [{"name": "users", "count": 97, "ratio": 0.5, "flag": true, "missing": null,
                  "at": "2018-11-30 00:22:07.796"}]"""));
        List<String> names = new ArrayList<>();
        output.get("result").get(0).fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("name", "count", "ratio", "flag", "missing", "at");
    }

    @Test
    void resultIsCappedAtAHundredRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (long i = 0; i < 250; i++) {
            rows.add(List.of(i));
        }
        when(warehouse.getStatementResult(ID + ":1")).thenReturn(new QueryResult(List.of("i"), rows));

        JsonNode output = check(batch(StatementState.FINISHED, null, sub(1, StatementState.FINISHED, 250, true)));

        assertThat(output.get("result")).hasSize(CheckStatementHandler.MAX_ROWS).hasSize(100);
        assertThat(output.get("result").get(0).get("i").asLong()).isZero();
        assertThat(output.get("result").get(99).get("i").asLong()).isEqualTo(99);
        assertThat(output.get("resultRows").asLong()).isEqualTo(250);
    }

    @Test
    void finishedWithAnEmptyResultSet() {
        when(warehouse.getStatementResult(ID + ":1")).thenReturn(new QueryResult(List.of("i"), List.of()));

        JsonNode output = check(batch(StatementState.FINISHED, null, sub(1, StatementState.FINISHED, 0, true)));

        assertThat(output.get("result")).isEqualTo(tree("[]"));
        assertThat(output.get("resultRows").asLong()).isZero();
    }

    @Test
    void failedWithASerializationConflictIsRetryable() {
        JsonNode output = check(batch(StatementState.FAILED, SERIALIZATION_CONFLICT,
                sub(1, StatementState.FINISHED, 12, false), sub(2, StatementState.FAILED, -1, false)));

        assertThat(output).isEqualTo(tree("""
                {"statementId": "%s", "status": "FAILED", "done": true, "error": %s, "retryable": true,
                 "resultRows": -1, "result": null, "ageSeconds": -1}""".formatted(ID, HandlerTesting.MAPPER.valueToTree(
                SERIALIZATION_CONFLICT))));
        verify(warehouse, never()).getStatementResult(any());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ERROR: 1023 Serializable isolation violation on table",
        "error: 1023 DETAIL: Serializable isolation violation on a table in Redshift"})
    void serializationConflictsInAnyCaseAreRetryable(String error) {
        JsonNode output = check(single(StatementState.FAILED, error, -1, false));

        assertThat(output.get("retryable").asBoolean()).isTrue();
        assertThat(output.get("error").asText()).isEqualTo(error);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ERROR: relation \"staging_events\" does not exist",
        "ERROR: Load into table 'staging_events' failed. Check 'stl_load_errors' system table for details.",
        "ERROR: permission denied for relation users",
        "ERROR: Cannot COPY into nonexistent table staging_songs"})
    void otherFailuresAreNotRetryable(String error) {
        JsonNode output = check(single(StatementState.FAILED, error, -1, false));

        assertThat(output).isEqualTo(tree("""
                {"statementId": "%s", "status": "FAILED", "done": true, "error": %s, "retryable": false,
                 "resultRows": -1, "result": null, "ageSeconds": -1}""".formatted(ID, HandlerTesting.MAPPER.valueToTree(error))));
    }

    @Test
    void failedWithoutErrorTextStillReportsAnError() {
        JsonNode output = check(single(StatementState.FAILED, null, -1, false));

        assertThat(output.get("done").asBoolean()).isTrue();
        assertThat(output.get("error").isTextual()).isTrue();
        assertThat(output.get("error").asText()).contains(ID).contains("failed");
        assertThat(output.get("retryable").asBoolean()).isFalse();
    }

    @Test
    void abortedWithoutErrorTextStillReportsAnError() {
        JsonNode output = check(batch(StatementState.ABORTED, null, sub(1, StatementState.ABORTED, -1, false)));

        assertThat(output.get("status").asText()).isEqualTo("ABORTED");
        assertThat(output.get("done").asBoolean()).isTrue();
        assertThat(output.get("error").isTextual()).isTrue();
        assertThat(output.get("error").asText()).isNotBlank().contains(ID).contains("aborted");
        assertThat(output.get("retryable").asBoolean()).isFalse();
        assertThat(output.get("resultRows").asLong()).isEqualTo(-1);
        assertThat(output.get("result").isNull()).isTrue();
    }

    @Test
    void abortedKeepsTheWarehousesErrorAndIsNeverRetryable() {
        JsonNode output = check(single(StatementState.ABORTED, "Query (1023) cancelled on user's request", -1, false));

        assertThat(output.get("error").asText()).isEqualTo("Query (1023) cancelled on user's request");
        assertThat(output.get("retryable").asBoolean()).isFalse();
    }

    @Test
    void needsAStatementId() {
        assertThatThrownBy(() -> invoke(handler, "{}".getBytes()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CheckStatementHandler needs \"statementId\"");
        assertThatThrownBy(() -> invoke(handler, "{\"statementId\": \"  \"}".getBytes()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CheckStatementHandler needs \"statementId\"");
        verifyNoInteractions(warehouse);
    }

    @Test
    void throttlingPropagatesUnchanged() {
        WarehouseThrottledException throttled = new WarehouseThrottledException("Rate exceeded", null);
        when(warehouse.describeStatement(ID)).thenThrow(throttled);

        assertThatThrownBy(() -> invoke(handler, lambdaEvent("check-statement.json"))).isSameAs(throttled);
    }

    @Test
    void throttledResultFetchPropagatesUnchanged() {
        WarehouseThrottledException throttled = new WarehouseThrottledException("Rate exceeded", null);
        when(warehouse.describeStatement(ID)).thenReturn(single(StatementState.FINISHED, null, 1, true));
        when(warehouse.getStatementResult(ID)).thenThrow(throttled);

        assertThatThrownBy(() -> invoke(handler, lambdaEvent("check-statement.json"))).isSameAs(throttled);
    }

    @Test
    void unknownStatementPropagates() {
        StatementNotFoundException notFound = new StatementNotFoundException("Query does not exist");
        when(warehouse.describeStatement(ID)).thenThrow(notFound);

        assertThatThrownBy(() -> invoke(handler, lambdaEvent("check-statement.json"))).isSameAs(notFound);
    }
}
