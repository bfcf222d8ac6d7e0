package com.sparkify.dwh.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sparkify.dwh.local.LocalPipeline;
import com.sparkify.dwh.local.expected.ExpectedStarSchema;
import com.sparkify.dwh.local.generate.DataGenerator;
import com.sparkify.dwh.local.generate.GeneratorOptions;
import com.sparkify.dwh.local.runtime.LocalStateMachine;
import com.sparkify.dwh.local.runtime.Notification;
import com.sparkify.dwh.local.runtime.StepTracker;
import com.sparkify.dwh.local.states.ExecutionListener;
import com.sparkify.dwh.local.states.ExecutionResult;
import com.sparkify.dwh.local.states.HistoryEvent;
import com.sparkify.dwh.local.states.Sleeper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * statemachine/etl.asl.json run locally, as deployed: its Lambda tasks performed by the handler classes
 * of template.yaml against the embedded warehouse, with faults injected into the real database.
 */
@Timeout(120)
class StateMachineEndToEndTest {

    static final JsonNode FULL_LOAD = new ObjectMapper().createObjectNode().put("mode", "full");

    @TempDir
    Path temp;

    private LocalStateMachine.Run execute(Path data, Path db, FaultInjectingWarehouse[] fault, String marker,
                                          String error, int times) {
        try (LocalPipeline pipeline = LocalPipeline.open(db, data, LocalPipeline.copySettings(null, 0))) {
            return pipeline.runStateMachine(FULL_LOAD, Sleeper.scaled(0), ExecutionListener.NONE,
                    new StepTracker(step -> { }), warehouse -> {
                        if (marker == null) {
                            return warehouse;
                        }
                        fault[0] = new FaultInjectingWarehouse(warehouse, marker, error, times);
                        return fault[0];
                    });
        }
    }

    private Path generated() throws Exception {
        Path data = temp.resolve("data");
        new DataGenerator(new GeneratorOptions(40, 120, 2_000, 11)).generate(data);
        return data;
    }

    @Test
    void theStateMachineLoadsGeneratedDataAndEveryTableMatches() throws Exception {
        Path data = generated();
        Path db = temp.resolve("ok.duckdb");

        LocalStateMachine.Run run = execute(data, db, new FaultInjectingWarehouse[1], null, null, 0);

        assertThat(run.result().status()).as(run.result().cause()).isEqualTo(ExecutionResult.SUCCEEDED);
        assertThat(run.notifications()).isEmpty();
        PipelineEndToEndTest.assertSameTables(db, ExpectedStarSchema.compute(data));
        List<String> types = run.result().history().stream().map(HistoryEvent::type).toList();
        assertThat(types).startsWith("ExecutionStarted").endsWith("ExecutionSucceeded")
                .contains("TaskScheduled", "TaskSucceeded", "MapStateStarted", "ParallelStateStarted", "WaitStateEntered");
    }

    @Test
    void anInjectedStatementFailureIsCaughtNotifiedAndFailsTheRunWithTheStarSchemaUnchanged() throws Exception {
        Path data = generated();
        Path db = temp.resolve("failing.duckdb");
        execute(data, db, new FaultInjectingWarehouse[1], null, null, 0);
        Map<String, List<List<Object>>> before = WarehouseTables.starSchema(db);

        FaultInjectingWarehouse[] fault = new FaultInjectingWarehouse[1];
        LocalStateMachine.Run run = execute(data, db, fault, "INSERT INTO songplays", "disk full on slice 3", 1);

        ExecutionResult result = run.result();
        assertThat(result.status()).isEqualTo(ExecutionResult.FAILED);
        assertThat(result.error()).isEqualTo("Sparkify.StatementFailed");
        assertThat(result.cause()).contains("disk full on slice 3");
        assertThat(fault[0].injected()).isEqualTo(1);
        assertThat(run.notifications()).singleElement().satisfies(notification -> {
            assertThat(notification.subject()).isEqualTo("sparkify-dwh run failed");
            assertThat(notification.message()).contains("Sparkify.StatementFailed").contains("disk full on slice 3");
            assertThat(notification.topicArn()).endsWith(":AlertTopic");
        });
        List<String> caught = run.result().history().stream()
                .filter(e -> "NotifyFailure".equals(e.stateName())).map(HistoryEvent::type).toList();
        assertThat(caught).contains("TaskStateEntered", "TaskSucceeded");
        assertThat(WarehouseTables.starSchema(db)).isEqualTo(before);
    }

    @Test
    void anInjectedTransientFailureIsRetriedAndTheRunSucceeds() throws Exception {
        Path data = generated();
        Path db = temp.resolve("transient.duckdb");

        FaultInjectingWarehouse[] fault = new FaultInjectingWarehouse[1];
        LocalStateMachine.Run run = execute(data, db, fault, "INSERT INTO songplays",
                "1023 Serializable isolation violation on table songplays", 1);

        assertThat(run.result().status()).as(run.result().cause()).isEqualTo(ExecutionResult.SUCCEEDED);
        assertThat(fault[0].injected()).isEqualTo(1);
        assertThat(run.notifications()).isEmpty();
        assertThat(run.result().history()).anySatisfy(event -> {
            assertThat(event.type()).isEqualTo("FailStateEntered");
            assertThat(event.stateName()).isEqualTo("TransientStatementFailure");
        });
        PipelineEndToEndTest.assertSameTables(db, ExpectedStarSchema.compute(data));
    }

    @Test
    void aTransientFailureThatPersistsExhaustsTheRetriesAndFails() throws Exception {
        Path data = generated();
        Path db = temp.resolve("persistent.duckdb");

        FaultInjectingWarehouse[] fault = new FaultInjectingWarehouse[1];
        LocalStateMachine.Run run = execute(data, db, fault, "INSERT INTO time",
                "1023 Serializable isolation violation on table time", 100);

        assertThat(run.result().status()).isEqualTo(ExecutionResult.FAILED);
        assertThat(run.result().error()).isEqualTo("Sparkify.TransientStatementFailure");
        assertThat(fault[0].injected()).as("the first try and 3 retries").isEqualTo(4);
        assertThat(run.notifications()).extracting(Notification::message).singleElement()
                .asString().contains("Sparkify.TransientStatementFailure");
    }

    @Test
    void anS3EventForOneLogFileLoadsThatDay() throws Exception {
        Path data = generated();
        Path db = temp.resolve("event.duckdb");
        JsonNode event = new ObjectMapper().readTree(Path.of("..", "events", "s3-object-created-log.json").toFile());

        try (LocalPipeline pipeline = LocalPipeline.open(db, data, LocalPipeline.copySettings(null, 0))) {
            StepTracker steps = new StepTracker(step -> { });
            LocalStateMachine.Run run = pipeline.runStateMachine(event, Sleeper.scaled(0), ExecutionListener.NONE, steps);

            assertThat(run.result().status()).as(run.result().cause()).isEqualTo(ExecutionResult.SUCCEEDED);
            assertThat(steps.plan().path("trigger").asText()).isEqualTo("s3");
            assertThat(steps.plan().path("events").path("objects").asInt()).isEqualTo(1);
        }
        long events = WarehouseTables.count(db, "staging_events");
        assertThat(WarehouseTables.select(db, "SELECT COUNT(*) FROM staging_events"
                + " WHERE CAST(ts AS DATE) <> DATE '2018-11-12'")).containsExactly(List.of(0L));
        assertThat(events).isPositive();
    }
}
