package com.sparkify.dwh.handlers;

import static com.sparkify.dwh.handlers.HandlerTesting.HEX_64;
import static com.sparkify.dwh.handlers.HandlerTesting.MAPPER;
import static com.sparkify.dwh.handlers.HandlerTesting.SQL;
import static com.sparkify.dwh.handlers.HandlerTesting.assertSubmittedOutput;
import static com.sparkify.dwh.handlers.HandlerTesting.batches;
import static com.sparkify.dwh.handlers.HandlerTesting.invoke;
import static com.sparkify.dwh.handlers.HandlerTesting.json;
import static com.sparkify.dwh.handlers.HandlerTesting.lambdaEvent;
import static com.sparkify.dwh.handlers.HandlerTesting.onlyBatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.verifyNoInteractions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sparkify.dwh.handlers.HandlerTesting.Batch;
import com.sparkify.dwh.run.InMemoryObjectStore;
import com.sparkify.dwh.run.PlannerSettings;
import com.sparkify.dwh.run.RunInput;
import com.sparkify.dwh.run.RunPlanner;
import com.sparkify.dwh.warehouse.Warehouse;
import com.sparkify.dwh.warehouse.WarehouseThrottledException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LedgerHandlerTest {

    private static final PlannerSettings SETTINGS = new PlannerSettings("sparkify-local", "song_data/", "log_data/",
            "sparkify-dwh-work", "manifests/");
    private static final Instant NOW = Instant.parse("2018-12-01T03:02:30Z");

    private final InMemoryObjectStore data = new InMemoryObjectStore();
    private final InMemoryObjectStore work = new InMemoryObjectStore();
    private final RunPlanner planner = new RunPlanner(data, work, SETTINGS, JsonHandler.MAPPER);
    private final Warehouse warehouse = HandlerTesting.warehouse();
    private final LedgerHandler handler = new LedgerHandler(HandlerTesting.steps(warehouse), planner, PipelineMetrics.NONE,
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static ObjectNode input(String action) {
        ObjectNode input = json(lambdaEvent("ledger-record.json"));
        return action == null ? (ObjectNode) input.without("action") : input.put("action", action);
    }

    @Test
    void fixtureReadSubmitsTheLedgerQuery() {
        assertSubmittedOutput(invoke(handler, lambdaEvent("ledger-read.json")));

        Batch batch = onlyBatch(warehouse);
        assertThat(batch.sqls()).isEqualTo(SQL.render("read_ledger"));
        assertThat(batch.sqls()).containsExactly("SELECT object_uri, etag\nFROM load_ledger",
                "SELECT COUNT(*) AS objects\nFROM load_ledger");
        assertThat(batch.clientToken()).matches(HEX_64);
        assertThat(work.keys()).isEmpty();
    }

    @Test
    void fixtureRecordCopiesTheRunsLedgerFileStampedWithTheRunAndTheTime() {
        assertSubmittedOutput(invoke(handler, lambdaEvent("ledger-record.json")));

        Batch batch = onlyBatch(warehouse);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ledger_file", "s3://sparkify-dwh-work/manifests/sam-local-run/ledger.json");
        params.put("iam_role", "arn:aws:iam::123456789012:role/sparkify-copy");
        params.put("region", "us-west-2");
        params.put("run_id", "sam-local-run");
        params.put("loaded_at", "2018-12-01 03:02:30.000000");
        assertThat(batch.sqls()).isEqualTo(SQL.render("record_ledger", params)).hasSize(4);
        assertThat(batch.sqls().get(0)).isEqualTo("DELETE FROM staging_ledger");
        assertThat(HandlerTesting.literals(batch.sqls().get(1))).containsExactly("s3://sparkify-dwh-work/manifests/sam-local-run/ledger.json",
                "arn:aws:iam::123456789012:role/sparkify-copy", "us-west-2", "auto");
        assertThat(HandlerTesting.literals(batch.sqls().get(2))).containsExactly("sam-local-run", "2018-12-01 03:02:30.000000");
        assertThat(batch.clientToken()).matches(HEX_64);
    }

    @Test
    void recordNamesTheFileThePlanStepWrote() {
        data.putSized("log_data/2018/11/2018-11-12-events.json", 1200, "e-log");
        planner.plan(new RunInput.ObjectCreated("sparkify-local", "log_data/2018/11/2018-11-12-events.json", 1200, "e-log"),
                "sam-local-run");
        List<String> written = work.keys().stream().filter(key -> key.endsWith("ledger.json")).toList();

        invoke(handler, input("record"));

        assertThat(written).containsExactly("manifests/sam-local-run/ledger.json");
        assertThat(HandlerTesting.literals(onlyBatch(warehouse).sqls().get(1)).get(0)).isEqualTo("s3://sparkify-dwh-work/" + written.get(0));
    }

    @Test
    void recordFollowsThePlannersWorkBucketAndPrefix() {
        RunPlanner elsewhere = new RunPlanner(data, work,
                new PlannerSettings("sparkify-local", "song_data/", "log_data/", "my-work", "etl/runs/"), JsonHandler.MAPPER);
        LedgerHandler other = new LedgerHandler(HandlerTesting.steps(warehouse), elsewhere, PipelineMetrics.NONE,
                Clock.fixed(Instant.parse("2019-01-31T23:59:59.999999999Z"), ZoneOffset.UTC));

        invoke(other, input("record"));

        List<String> sqls = onlyBatch(warehouse).sqls();
        assertThat(HandlerTesting.literals(sqls.get(1)).get(0)).isEqualTo("s3://my-work/etl/runs/sam-local-run/ledger.json");
        assertThat(HandlerTesting.literals(sqls.get(2))).containsExactly("sam-local-run", "2019-01-31 23:59:59.999999");
    }

    @Test
    void readAndRecordHaveTheirOwnTokensAndALambdaRetryTheSame() {
        invoke(handler, input("read"));
        invoke(handler, input("record"));
        invoke(handler, input("record"));
        invoke(handler, input("record").put("attempt", "2018-12-01T03:05:00.000Z"));

        List<String> tokens = batches(warehouse).stream().map(Batch::clientToken).toList();
        assertThat(tokens).hasSize(4);
        assertThat(tokens.get(2)).isEqualTo(tokens.get(1));
        assertThat(List.of(tokens.get(0), tokens.get(1), tokens.get(3))).doesNotHaveDuplicates();
    }

    @Test
    void noTwoStepsOfOneRunAndAttemptShareAToken() {
        // same run, same attempt time: every SQL step must still be its own statement
        String attempt = "2018-12-01T03:00:00.000Z";
        PipelineLockHandler lock = new PipelineLockHandler(HandlerTesting.steps(warehouse), PipelineMetrics.NONE,
                Clock.fixed(NOW, ZoneOffset.UTC));
        CreateTablesHandler create = new CreateTablesHandler(HandlerTesting.steps(warehouse), PipelineMetrics.NONE);
        for (String action : List.of("init", "acquire", "release")) {
            invoke(lock, input(action).put("attempt", attempt));
        }
        for (String action : List.of("read", "record")) {
            invoke(handler, input(action).put("attempt", attempt));
        }
        invoke(create, input("unused").put("attempt", attempt));

        List<String> tokens = batches(warehouse).stream().map(Batch::clientToken).toList();
        assertThat(tokens).hasSize(6).doesNotHaveDuplicates().allMatch(token -> token.matches(HEX_64));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Read", "RECORD", " read", "write", "acquire", "release", "report",
        "record; DROP TABLE load_ledger", "../sql/drop_tables"})
    void unknownActionIsRefusedWithoutSubmitting(String action) {
        assertThatThrownBy(() -> invoke(handler, input(action)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LedgerHandler: unknown action \"" + action + "\"; expected read or record");
        verifyNoInteractions(warehouse);
    }

    @Test
    void missingActionIsRefused() {
        assertThatThrownBy(() -> invoke(handler, input(null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown action \"\"");
        verifyNoInteractions(warehouse);
    }

    @Test
    void missingRunIsRefused() {
        assertThatThrownBy(() -> invoke(handler, "{\"action\": \"record\"}".getBytes()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LedgerHandler needs the run plan in \"run\"");
        verifyNoInteractions(warehouse);
    }

    @Test
    void recordOfARunWithoutARunIdIsRefusedWithoutSubmitting() {
        ObjectNode input = MAPPER.createObjectNode().put("action", "record");
        input.putObject("run").put("reset", false);

        assertThatThrownBy(() -> invoke(handler, input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{{run_id}}");
        verifyNoInteractions(warehouse);
    }

    @Test
    void throttlingPropagatesUnchanged() {
        WarehouseThrottledException throttled = new WarehouseThrottledException("ThrottlingException", null);
        HandlerTesting.stubThrottled(warehouse, throttled);

        assertThatThrownBy(() -> invoke(handler, lambdaEvent("ledger-record.json"))).isSameAs(throttled);
    }
}
