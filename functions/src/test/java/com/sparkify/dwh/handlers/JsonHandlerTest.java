package com.sparkify.dwh.handlers;

import static com.sparkify.dwh.handlers.HandlerTesting.SUBMITTED_ID;
import static com.sparkify.dwh.handlers.HandlerTesting.bytes;
import static com.sparkify.dwh.handlers.HandlerTesting.invoke;
import static com.sparkify.dwh.handlers.HandlerTesting.lambdaContext;
import static com.sparkify.dwh.handlers.HandlerTesting.lambdaEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.sparkify.dwh.run.InMemoryObjectStore;
import com.sparkify.dwh.run.PlannerSettings;
import com.sparkify.dwh.run.RunPlanner;
import com.sparkify.dwh.warehouse.QueryResult;
import com.sparkify.dwh.warehouse.StatementDescription;
import com.sparkify.dwh.warehouse.StatementState;
import com.sparkify.dwh.warehouse.Warehouse;
import com.sparkify.dwh.warehouse.WarehouseThrottledException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every handler shares through JsonHandler: JSON in and out, errors naming the handler, the
 * Powertools logging path when Lambda passes a Context, metrics flushed once, and warehouse throttling
 * propagated as itself (its class name is the error the state machine retries on).
 */
class JsonHandlerTest {

    private static final String ID = "d9b6c0c9-0747-4bf4-b142-e8883122f766";

    /** One handler under test, built over the given mocked warehouse and metrics. */
    record Case(String name, String fixture, Function<Ports, RequestStreamHandler> build) {
        @Override
        public String toString() {
            return name + " with " + fixture;
        }
    }

    record Ports(Warehouse warehouse, PipelineMetrics metrics) {
    }

    private static Warehouse answeringWarehouse() {
        Warehouse warehouse = HandlerTesting.warehouse();
        StatementDescription finished = new StatementDescription(ID, StatementState.FINISHED, null, -1, false, 1,
                List.of(new StatementDescription(ID + ":1", StatementState.FINISHED, null, 1, true, 1, List.of())));
        lenient().when(warehouse.describeStatement(ID)).thenReturn(finished);
        lenient().when(warehouse.getStatementResult(ID + ":1")).thenReturn(new QueryResult(
                List.of("check_name", "violations"), List.of(List.of("users_null_key", 0L))));
        // the read-ledger batch plan-run.json names: the song is loaded already
        String ledger = PlanRunHandlerTest.LEDGER_ID;
        lenient().when(warehouse.describeStatement(ledger)).thenReturn(new StatementDescription(ledger,
                StatementState.FINISHED, null, -1, false, 1,
                List.of(new StatementDescription(ledger + ":1", StatementState.FINISHED, null, 1, true, 1, List.of()))));
        lenient().when(warehouse.getStatementResult(ledger + ":1")).thenReturn(new QueryResult(
                List.of("object_uri", "etag"),
                List.of(List.of("s3://sparkify-local/song_data/A/A/A/TRAAAAW128F429D538.json", "e-song"))));
        return warehouse;
    }

    private static RunPlanner planner() {
        InMemoryObjectStore data = new InMemoryObjectStore()
                .putSized("song_data/A/A/A/TRAAAAW128F429D538.json", 261, "e-song")
                .putSized("log_data/2018/11/2018-11-12-events.json", 1200, "e-log");
        return new RunPlanner(data, new InMemoryObjectStore(), new PlannerSettings("sparkify-local", "song_data/",
                "log_data/", "sparkify-dwh-work", "manifests/"), JsonHandler.MAPPER);
    }

    static Stream<Case> handlers() {
        return Stream.of(
                new Case("PlanRunHandler", "plan-run.json", p -> new PlanRunHandler(planner(), p.warehouse(), p.metrics())),
                new Case("PipelineLockHandler", "pipeline-lock-acquire.json",
                        p -> new PipelineLockHandler(HandlerTesting.steps(p.warehouse()), p.metrics())),
                new Case("PipelineLockHandler", "pipeline-lock-release.json",
                        p -> new PipelineLockHandler(HandlerTesting.steps(p.warehouse()), p.metrics())),
                new Case("LedgerHandler", "ledger-read.json",
                        p -> new LedgerHandler(HandlerTesting.steps(p.warehouse()), planner(), p.metrics())),
                new Case("LedgerHandler", "ledger-record.json",
                        p -> new LedgerHandler(HandlerTesting.steps(p.warehouse()), planner(), p.metrics())),
                new Case("CreateTablesHandler", "create-tables.json",
                        p -> new CreateTablesHandler(HandlerTesting.steps(p.warehouse()), p.metrics())),
                new Case("StageDatasetHandler", "stage-dataset.json",
                        p -> new StageDatasetHandler(HandlerTesting.steps(p.warehouse()), p.metrics())),
                new Case("LoadTableHandler", "load-table.json",
                        p -> new LoadTableHandler(HandlerTesting.steps(p.warehouse()), p.metrics())),
                new Case("CheckStatementHandler", "check-statement.json",
                        p -> new CheckStatementHandler(p.warehouse(), p.metrics())),
                new Case("CancelStatementHandler", "cancel-statement.json",
                        p -> new CancelStatementHandler(p.warehouse(), p.metrics())),
                new Case("QualityChecksHandler", "quality-checks-submit.json",
                        p -> new QualityChecksHandler(p.warehouse(), HandlerTesting.steps(p.warehouse()), p.metrics())),
                new Case("QualityChecksHandler", "quality-checks-evaluate.json",
                        p -> new QualityChecksHandler(p.warehouse(), HandlerTesting.steps(p.warehouse()), p.metrics())));
    }

    /** The handlers that call the warehouse (Plan reads the ledger statement), with every port method throttled. */
    static Stream<Case> warehouseHandlers() {
        return handlers();
    }

    static Stream<Arguments> invalidInputs() {
        return handlers().flatMap(c -> Stream.of("{not json", "", "{\"statementId\": ", "[1, 2]", "\"text\"", "nul")
                .map(input -> Arguments.of(c, input)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidInputs")
    void invalidJsonIsAnIllegalArgumentNamingTheHandler(Case handlerCase, String input) {
        Warehouse warehouse = mock(Warehouse.class);
        PipelineMetrics metrics = mock(PipelineMetrics.class);
        RequestStreamHandler handler = handlerCase.build().apply(new Ports(warehouse, metrics));

        assertThatThrownBy(() -> invoke(handler, input.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(handlerCase.name() + ": input is not a valid ");
        verifyNoInteractions(warehouse);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handlers")
    void runsInsidePowertoolsLoggingWithALambdaContext(Case handlerCase) {
        Warehouse warehouse = answeringWarehouse();
        PipelineMetrics metrics = mock(PipelineMetrics.class);
        RequestStreamHandler handler = handlerCase.build().apply(new Ports(warehouse, metrics));
        Context context = lambdaContext("sparkify-dwh-" + handlerCase.name());

        JsonNode withContext = invoke(handler, bytes(lambdaEvent(handlerCase.fixture())), context);

        JsonNode withoutContext = invoke(handlerCase.build().apply(new Ports(answeringWarehouse(), PipelineMetrics.NONE)),
                bytes(lambdaEvent(handlerCase.fixture())), null);
        assertThat(withContext).isEqualTo(withoutContext);
        assertThat(withContext.isObject()).isTrue();
        verify(metrics, times(1)).flush();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("warehouseHandlers")
    void throttlingPropagatesUnchangedWithAndWithoutAContext(Case handlerCase) {
        WarehouseThrottledException throttled = new WarehouseThrottledException("Rate exceeded",
                new RuntimeException("ThrottlingException: Rate exceeded (Service: RedshiftData, Status Code: 400)"));
        Warehouse warehouse = mock(Warehouse.class);
        lenient().when(warehouse.batchExecuteStatement(anyList(), any())).thenThrow(throttled);
        lenient().when(warehouse.describeStatement(anyString())).thenThrow(throttled);
        lenient().when(warehouse.getStatementResult(anyString())).thenThrow(throttled);
        lenient().doThrow(throttled).when(warehouse).cancelStatement(anyString());
        PipelineMetrics metrics = mock(PipelineMetrics.class);
        RequestStreamHandler handler = handlerCase.build().apply(new Ports(warehouse, metrics));
        byte[] input = bytes(lambdaEvent(handlerCase.fixture()));

        assertThatThrownBy(() -> invoke(handler, input, null)).isSameAs(throttled);
        assertThatThrownBy(() -> invoke(handler, input, lambdaContext("sparkify-dwh-" + handlerCase.name())))
                .isSameAs(throttled);
        assertThat(throttled.getClass().getName()).isEqualTo("com.sparkify.dwh.warehouse.WarehouseThrottledException");
        verify(metrics, times(2)).flush();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handlers")
    void writesNothingWhenItFails(Case handlerCase) throws Exception {
        Warehouse warehouse = mock(Warehouse.class);
        RuntimeException boom = new IllegalStateException("boom");
        lenient().when(warehouse.batchExecuteStatement(anyList(), any())).thenThrow(boom);
        lenient().when(warehouse.describeStatement(anyString())).thenThrow(boom);
        lenient().doThrow(boom).when(warehouse).cancelStatement(anyString());
        RequestStreamHandler handler = handlerCase.build().apply(new Ports(warehouse, PipelineMetrics.NONE));
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        // fails in every handler: a bad run id for Plan, an unknown action for the ledger, the warehouse for the others
        String input = "{\"runId\": \"../bad\", \"statementId\": \"" + ID + "\","
                + " \"run\": {\"runId\": \"r\", \"songs\": {\"objects\": 0}, \"events\": {\"objects\": 0}},"
                + " \"dataset\": \"songs\", \"table\": \"users\", \"action\": \"acquire\"}";
        try {
            handler.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), output,
                    lambdaContext("f"));
        } catch (RuntimeException expected) {
            assertThat(output.size()).isZero();
            return;
        }
        throw new AssertionError(handlerCase + " did not fail");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handlers")
    void outputIsTheStatementIdOrThePlan(Case handlerCase) {
        JsonNode output = invoke(handlerCase.build().apply(new Ports(answeringWarehouse(), PipelineMetrics.NONE)),
                bytes(lambdaEvent(handlerCase.fixture())), null);

        switch (handlerCase.fixture()) {
            case "plan-run.json" -> {
                // the ledger holds the one song: only the log is planned
                assertThat(output.get("runId").asText()).isEqualTo("sam-local-plan");
                assertThat(output.at("/songs/objects").asLong()).isZero();
                assertThat(output.at("/events/objects").asLong()).isEqualTo(1);
            }
            case "check-statement.json" -> assertThat(output.get("status").asText()).isEqualTo("FINISHED");
            case "cancel-statement.json" -> assertThat(output.get("statementId").asText()).isEqualTo(ID);
            case "quality-checks-evaluate.json" -> assertThat(output.get("passed").asBoolean()).isTrue();
            default -> assertThat(output.get("statementId").asText()).isEqualTo(SUBMITTED_ID);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handlers")
    void runOfTheWrongTypeIsInvalidInput(Case handlerCase) {
        if (!List.of("CreateTablesHandler", "StageDatasetHandler", "LoadTableHandler", "PipelineLockHandler",
                "LedgerHandler").contains(handlerCase.name())) {
            return; // only these read a "run" at the top level
        }
        Warehouse warehouse = mock(Warehouse.class);
        RequestStreamHandler handler = handlerCase.build().apply(new Ports(warehouse, PipelineMetrics.NONE));

        assertThatThrownBy(() -> invoke(handler,
                "{\"run\": 42, \"table\": \"users\", \"action\": \"acquire\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(handlerCase.name() + ": input is not a valid StepRequest");
        verifyNoInteractions(warehouse);
    }
}
