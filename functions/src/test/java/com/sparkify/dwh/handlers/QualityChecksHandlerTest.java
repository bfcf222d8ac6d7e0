package com.sparkify.dwh.handlers;

import static com.sparkify.dwh.handlers.HandlerTesting.HEX_64;
import static com.sparkify.dwh.handlers.HandlerTesting.SQL;
import static com.sparkify.dwh.handlers.HandlerTesting.assertSubmittedOutput;
import static com.sparkify.dwh.handlers.HandlerTesting.batches;
import static com.sparkify.dwh.handlers.HandlerTesting.invoke;
import static com.sparkify.dwh.handlers.HandlerTesting.json;
import static com.sparkify.dwh.handlers.HandlerTesting.lambdaEvent;
import static com.sparkify.dwh.handlers.HandlerTesting.onlyBatch;
import static com.sparkify.dwh.handlers.HandlerTesting.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sparkify.dwh.handlers.HandlerTesting.Batch;
import com.sparkify.dwh.warehouse.QueryResult;
import com.sparkify.dwh.warehouse.StatementDescription;
import com.sparkify.dwh.warehouse.StatementState;
import com.sparkify.dwh.warehouse.Warehouse;
import com.sparkify.dwh.warehouse.WarehouseThrottledException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The quality checks: submitted first (no statement id), evaluated once their statement FINISHED. */
class QualityChecksHandlerTest {

    private static final String ID = "d9b6c0c9-0747-4bf4-b142-e8883122f766";

    private final Warehouse warehouse = HandlerTesting.warehouse();
    private final PipelineMetrics metrics = mock(PipelineMetrics.class);
    private final QualityChecksHandler handler = new QualityChecksHandler(warehouse, HandlerTesting.steps(warehouse),
            metrics);

    // ---- submit ----

    @Test
    void submitsTheChecksAsOneBatchWithAClientToken() {
        assertSubmittedOutput(invoke(handler, lambdaEvent("quality-checks-submit.json")));

        Batch batch = onlyBatch(warehouse);
        assertThat(batch.sqls()).isEqualTo(SQL.render("check_quality"));
        assertThat(batch.sqls().get(batch.sqls().size() - 1)).contains("check_name").contains("violations");
        assertThat(batch.clientToken()).matches(HEX_64);
        verify(warehouse, never()).describeStatement(anyString());
    }

    @Test
    void sameAttemptSameTokenAnotherAttemptAnother() {
        ObjectNode again = json(lambdaEvent("quality-checks-submit.json"));
        ObjectNode next = json(lambdaEvent("quality-checks-submit.json"));
        ((ObjectNode) next.get("step")).put("attempt", "2018-12-01T03:04:00.000Z");

        invoke(handler, lambdaEvent("quality-checks-submit.json"));
        invoke(handler, again);
        invoke(handler, next);

        List<String> tokens = batches(warehouse).stream().map(Batch::clientToken).toList();
        assertThat(tokens.get(0)).isEqualTo(tokens.get(1)).isNotEqualTo(tokens.get(2));
    }

    @Test
    void submitWithoutAStepHasNoToken() {
        assertSubmittedOutput(invoke(handler, "{}".getBytes()));

        Batch batch = onlyBatch(warehouse);
        assertThat(batch.sqls()).isEqualTo(SQL.render("check_quality"));
        assertThat(batch.clientToken()).isNull();
    }

    // ---- evaluate ----

    private static Map<String, Long> allPassing() {
        Map<String, Long> checks = new LinkedHashMap<>();
        for (String name : List.of("songplays_null_key", "songplays_duplicate_key", "songplays_missing_user",
                "users_duplicate_key", "songs_null_key", "time_parts_mismatch")) {
            checks.put(name, 0L);
        }
        return checks;
    }

    /** The finished check_quality batch (one sub-statement) and its result. */
    private void finished(Map<String, ?> checks) {
        StatementDescription sub = new StatementDescription(ID + ":1", StatementState.FINISHED, null, checks.size(),
                true, 1_000, List.of());
        when(warehouse.describeStatement(ID)).thenReturn(
                new StatementDescription(ID, StatementState.FINISHED, null, -1, false, 2_000, List.of(sub)));
        List<List<Object>> rows = new ArrayList<>();
        checks.forEach((name, violations) -> rows.add(List.of(name, violations)));
        when(warehouse.getStatementResult(ID + ":1")).thenReturn(new QueryResult(List.of("check_name", "violations"), rows));
    }

    @Test
    void allZeroPasses() {
        finished(allPassing());

        JsonNode output = invoke(handler, lambdaEvent("quality-checks-evaluate.json"));

        assertThat(output).isEqualTo(tree("""
                {"passed": true, "checks": {"songplays_null_key": 0, "songplays_duplicate_key": 0,
                 "songplays_missing_user": 0, "users_duplicate_key": 0, "songs_null_key": 0, "time_parts_mismatch": 0}}"""));
        List<String> order = new ArrayList<>();
        output.get("checks").fieldNames().forEachRemaining(order::add);
        assertThat(order).containsExactlyElementsOf(allPassing().keySet());
        verify(metrics).count("QualityChecksFailed", 0);
        verify(warehouse, never()).batchExecuteStatement(anyList(), anyString());
    }

    @Test
    void countsAsTextPassToo() {
        // the Data API may send a bigint as text
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("users_null_key", "0");
        checks.put("songs_null_key", " 0 ");
        finished(checks);

        JsonNode output = invoke(handler, lambdaEvent("quality-checks-evaluate.json"));

        assertThat(output).isEqualTo(tree("{\"passed\": true, \"checks\": {\"users_null_key\": 0, \"songs_null_key\": 0}}"));
    }

    @Test
    void anyViolationFailsNamingEachFailingCheck() {
        Map<String, Long> checks = allPassing();
        checks.put("users_duplicate_key", 2L);
        checks.put("time_parts_mismatch", 5L);
        finished(checks);

        assertThatThrownBy(() -> invoke(handler, lambdaEvent("quality-checks-evaluate.json")))
                .isExactlyInstanceOf(DataQualityCheckFailedException.class)
                .hasMessage("data-quality checks failed: users_duplicate_key (2 rows), time_parts_mismatch (5 rows)");
        verify(metrics).count("QualityChecksFailed", 2);
        verify(metrics).flush();
    }

    @Test
    void theStateMachineCatchesTheFailureByItsClassName() {
        assertThat(DataQualityCheckFailedException.class.getName())
                .isEqualTo("com.sparkify.dwh.handlers.DataQualityCheckFailedException");
    }

    @Test
    void evaluatesASingleStatementByItsOwnId() {
        when(warehouse.describeStatement(ID)).thenReturn(
                new StatementDescription(ID, StatementState.FINISHED, null, 1, true, 2_000, List.of()));
        when(warehouse.getStatementResult(ID)).thenReturn(new QueryResult(List.of("check_name", "violations"),
                List.of(List.of("songplays_null_key", 1L))));

        assertThatThrownBy(() -> invoke(handler, lambdaEvent("quality-checks-evaluate.json")))
                .isInstanceOf(DataQualityCheckFailedException.class)
                .hasMessageContaining("songplays_null_key (1 rows)");
    }

    @Test
    void throttlingPropagatesUnchanged() {
        WarehouseThrottledException throttled = new WarehouseThrottledException("Rate exceeded", null);
        when(warehouse.describeStatement(ID)).thenThrow(throttled);

        assertThatThrownBy(() -> invoke(handler, lambdaEvent("quality-checks-evaluate.json"))).isSameAs(throttled);

        WarehouseThrottledException onSubmit = new WarehouseThrottledException("ActiveStatementsExceeded", null);
        HandlerTesting.stubThrottled(warehouse, onSubmit);
        assertThatThrownBy(() -> invoke(handler, lambdaEvent("quality-checks-submit.json"))).isSameAs(onSubmit);
    }
}
