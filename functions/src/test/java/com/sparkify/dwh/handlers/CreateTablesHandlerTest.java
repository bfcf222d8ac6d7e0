package com.sparkify.dwh.handlers;

import static com.sparkify.dwh.handlers.HandlerTesting.HEX_64;
import static com.sparkify.dwh.handlers.HandlerTesting.SQL;
import static com.sparkify.dwh.handlers.HandlerTesting.assertSubmittedOutput;
import static com.sparkify.dwh.handlers.HandlerTesting.batches;
import static com.sparkify.dwh.handlers.HandlerTesting.invoke;
import static com.sparkify.dwh.handlers.HandlerTesting.json;
import static com.sparkify.dwh.handlers.HandlerTesting.lambdaEvent;
import static com.sparkify.dwh.handlers.HandlerTesting.onlyBatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sparkify.dwh.handlers.HandlerTesting.Batch;
import com.sparkify.dwh.warehouse.Warehouse;
import com.sparkify.dwh.warehouse.WarehouseThrottledException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;

class CreateTablesHandlerTest {

    private final Warehouse warehouse = HandlerTesting.warehouse();
    private final CreateTablesHandler handler = new CreateTablesHandler(HandlerTesting.steps(warehouse),
            PipelineMetrics.NONE);

    private static ObjectNode input() {
        return json(lambdaEvent("create-tables.json"));
    }

    private static ObjectNode resetInput() {
        ObjectNode input = input();
        ((ObjectNode) input.get("run")).put("reset", true);
        return input;
    }

    @Test
    void submitsCreateTablesAsOneBatchWithAClientToken() {
        assertSubmittedOutput(invoke(handler, lambdaEvent("create-tables.json")));

        Batch batch = onlyBatch(warehouse);
        assertThat(batch.sqls()).isEqualTo(SQL.render("create_tables"));
        assertThat(batch.sqls()).allSatisfy(sql -> assertThat(sql).doesNotContainIgnoringCase("DROP TABLE"));
        assertThat(batch.clientToken()).matches(HEX_64);
        verify(warehouse).batchExecuteStatement(ArgumentMatchers.anyList(), ArgumentMatchers.anyString());
        verifyNoMoreInteractions(warehouse);
    }

    @Test
    void resetDropsTheTablesFirstInTheSameBatch() {
        assertSubmittedOutput(invoke(handler, resetInput()));

        Batch batch = onlyBatch(warehouse);
        List<String> expected = new ArrayList<>(SQL.render("drop_tables"));
        expected.addAll(SQL.render("create_tables"));
        assertThat(batch.sqls()).isEqualTo(expected);
        assertThat(batch.sqls().get(0)).containsIgnoringCase("DROP TABLE");
        assertThat(batch.clientToken()).matches(HEX_64);
    }

    @Test
    void sameRunStepAndAttemptGiveTheSameToken() {
        invoke(handler, lambdaEvent("create-tables.json"));
        invoke(handler, lambdaEvent("create-tables.json")); // the Lambda retried after a lost response

        List<Batch> batches = batches(warehouse);
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1).clientToken()).isEqualTo(batches.get(0).clientToken());
    }

    @Test
    void anotherAttemptOrRunOrAResetGetsAnotherToken() {
        ObjectNode nextAttempt = input().put("attempt", "2018-12-01T03:00:47.001Z");
        ObjectNode otherRun = input();
        ((ObjectNode) otherRun.get("run")).put("runId", "another-run");

        invoke(handler, input());
        invoke(handler, nextAttempt);
        invoke(handler, otherRun);
        invoke(handler, resetInput());

        List<String> tokens = batches(warehouse).stream().map(Batch::clientToken).toList();
        assertThat(tokens).hasSize(4).allMatch(token -> token.matches(HEX_64)).doesNotHaveDuplicates();
    }

    @Test
    void withoutAnAttemptTheTokenIsStillStable() {
        ObjectNode noAttempt = input();
        noAttempt.remove("attempt");

        invoke(handler, noAttempt);
        invoke(handler, noAttempt);

        List<Batch> batches = batches(warehouse);
        assertThat(batches.get(0).clientToken()).matches(HEX_64).isEqualTo(batches.get(1).clientToken());
    }

    @Test
    void needsTheRun() {
        assertThatThrownBy(() -> invoke(handler, "{\"attempt\": \"2018-12-01T03:00:05.123Z\"}".getBytes()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CreateTablesHandler needs the run plan in \"run\"");
        verifyNoInteractions(warehouse);
    }

    @Test
    void throttlingPropagatesUnchanged() {
        WarehouseThrottledException throttled = new WarehouseThrottledException("Rate exceeded", null);
        HandlerTesting.stubThrottled(warehouse, throttled);

        assertThatThrownBy(() -> invoke(handler, lambdaEvent("create-tables.json"))).isSameAs(throttled);
    }
}
