package com.sparkify.dwh.handlers;

import static com.sparkify.dwh.handlers.HandlerTesting.MAPPER;
import static com.sparkify.dwh.handlers.HandlerTesting.event;
import static com.sparkify.dwh.handlers.HandlerTesting.invoke;
import static com.sparkify.dwh.handlers.HandlerTesting.json;
import static com.sparkify.dwh.handlers.HandlerTesting.lambdaEvent;
import static com.sparkify.dwh.handlers.HandlerTesting.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sparkify.dwh.run.InMemoryObjectStore;
import com.sparkify.dwh.run.PlannerSettings;
import com.sparkify.dwh.run.RunPlan;
import com.sparkify.dwh.run.RunPlanner;
import com.sparkify.dwh.warehouse.QueryResult;
import com.sparkify.dwh.warehouse.StatementDescription;
import com.sparkify.dwh.warehouse.StatementState;
import com.sparkify.dwh.warehouse.Warehouse;
import com.sparkify.dwh.warehouse.WarehouseThrottledException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * Plan: every kind of state machine input, as the Plan state passes it ({runId, input, ledgerStatementId}),
 * to the RunPlan JSON, leaving out the objects the ledger statement's rows name.
 */
class PlanRunHandlerTest {

    private static final PlannerSettings SETTINGS = new PlannerSettings("sparkify-local", "song_data/", "log_data/",
            "sparkify-dwh-work", "manifests/");

    /** The read-ledger batch in events/lambda/plan-run.json. */
    static final String LEDGER_ID = "0b7e4d2c-5a19-4f3e-b8c6-3e9a1f2d7c45";

    private static final String SONG_A = "song_data/A/A/A/TRAAAAW128F429D538.json";
    private static final String SONG_B = "song_data/A/A/B/TRAABJL12903CDCF1A.json";
    private static final String LOG_04 = "log_data/2018/11/2018-11-04-events.json";
    private static final String LOG_05 = "log_data/2018/11/2018-11-05-events.json";
    private static final String LOG_11 = "log_data/2018/11/2018-11-11-events.json";
    private static final String LOG_12 = "log_data/2018/11/2018-11-12-events.json";

    private final InMemoryObjectStore data = new InMemoryObjectStore();
    private final InMemoryObjectStore work = new InMemoryObjectStore();
    private final PipelineMetrics metrics = mock(PipelineMetrics.class);
    private final Warehouse warehouse = mock(Warehouse.class);
    private final PlanRunHandler handler = new PlanRunHandler(
            new RunPlanner(data, work, SETTINGS, JsonHandler.MAPPER), warehouse, metrics);

    @BeforeEach
    void bucket() {
        data.putSized("song_data/", 0)
                .putSized(SONG_A, 261, "e-s-a")
                .putSized(SONG_B, 240, "e-s-b")
                .putSized("log_data/2018/11/", 0)
                .putSized(LOG_04, 400, "e-l-04")
                .putSized(LOG_05, 500, "e-l-05")
                .putSized(LOG_11, 1100, "e-l-11")
                .putSized(LOG_12, 1200, "e-l-12");
    }

    /** The Plan state's payload without a ledger: {"runId": $$.Execution.Name, "input": $}. */
    private static ObjectNode payload(String runId, JsonNode input) {
        ObjectNode payload = MAPPER.createObjectNode().put("runId", runId);
        payload.set("input", input);
        return payload;
    }

    /** The Plan state's payload as the state machine passes it, with the read-ledger batch's id. */
    private static ObjectNode payload(String runId, JsonNode input, String ledgerStatementId) {
        return payload(runId, input).put("ledgerStatementId", ledgerStatementId);
    }

    /**
     * Makes {@code id} a finished read-ledger batch as read_ledger.sql makes it: the first sub-statement
     * returns these (object_uri, etag) rows, the second only their count.
     */
    private void ledger(String id, String... uriAndETag) {
        when(warehouse.describeStatement(id)).thenReturn(new StatementDescription(id, StatementState.FINISHED, null, -1,
                false, 1_000_000, List.of(new StatementDescription(id + ":1", StatementState.FINISHED, null,
                        uriAndETag.length / 2, true, 1_000_000, List.of()),
                        new StatementDescription(id + ":2", StatementState.FINISHED, null, 1, true, 1_000, List.of()))));
        when(warehouse.getStatementResult(id + ":1")).thenReturn(rows(uriAndETag));
    }

    private static QueryResult rows(String... uriAndETag) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < uriAndETag.length; i += 2) {
            rows.add(java.util.Arrays.asList(uriAndETag[i], uriAndETag[i + 1]));
        }
        return new QueryResult(List.of("object_uri", "etag"), rows);
    }

    private static String uri(String key) {
        return "s3://sparkify-local/" + key;
    }

    private static JsonNode fixture(String name) {
        return json(event(name));
    }

    /** The fixture's ledger: one song and one log loaded, one log loaded before it was rewritten. */
    private void fixtureLedger() {
        ledger(LEDGER_ID, uri(SONG_A), "e-s-a", uri(LOG_04), "e-l-04", uri(LOG_05), "e-l-05-before-rewrite");
    }

    @Test
    void fixtureFullRunLeavesOutWhatTheLedgerHolds() {
        fixtureLedger();

        JsonNode output = invoke(handler, lambdaEvent("plan-run.json"));

        // songs: B (240); events: the 5th (rewritten, 500), the 11th (1100), the 12th (1200)
        assertThat(output).isEqualTo(tree("""
                {"runId": "sam-local-plan", "trigger": "manual", "reset": false,
                 "songs": {"manifest": "s3://sparkify-dwh-work/manifests/sam-local-plan/songs.manifest",
                           "objects": 1, "bytes": 240},
                 "events": {"manifest": "s3://sparkify-dwh-work/manifests/sam-local-plan/events.manifest",
                            "objects": 3, "bytes": 2800}}"""));
        assertThat(work.keys()).containsExactly("manifests/sam-local-plan/events.manifest",
                "manifests/sam-local-plan/ledger.json", "manifests/sam-local-plan/songs.manifest");
        assertThat(work.text("manifests/sam-local-plan/songs.manifest")).isEqualTo(
                "{\"entries\":[{\"url\":\"s3://sparkify-local/song_data/A/A/B/TRAABJL12903CDCF1A.json\",\"mandatory\":true}]}");
        assertThat(work.text("manifests/sam-local-plan/ledger.json")).isEqualTo(
                "{\"dataset\":\"songs\",\"object_uri\":\"s3://sparkify-local/song_data/A/A/B/TRAABJL12903CDCF1A.json\",\"etag\":\"e-s-b\",\"object_size\":240}\n"
                + "{\"dataset\":\"events\",\"object_uri\":\"s3://sparkify-local/log_data/2018/11/2018-11-05-events.json\",\"etag\":\"e-l-05\",\"object_size\":500}\n"
                + "{\"dataset\":\"events\",\"object_uri\":\"s3://sparkify-local/log_data/2018/11/2018-11-11-events.json\",\"etag\":\"e-l-11\",\"object_size\":1100}\n"
                + "{\"dataset\":\"events\",\"object_uri\":\"s3://sparkify-local/log_data/2018/11/2018-11-12-events.json\",\"etag\":\"e-l-12\",\"object_size\":1200}\n");
    }

    @Test
    void readsTheLastSubStatementOfTheLedgerBatchAndSubmitsNothing() {
        fixtureLedger();

        invoke(handler, lambdaEvent("plan-run.json"));

        InOrder order = inOrder(warehouse);
        order.verify(warehouse).describeStatement(LEDGER_ID);
        order.verify(warehouse).getStatementResult(LEDGER_ID + ":1");
        verifyNoMoreInteractions(warehouse);
    }

    @Test
    void aLedgerStatementWithoutSubStatementsIsReadItself() {
        String id = "a4c1e9f0-2b6d-4e71-9c38-5d0f7a2e1b64";
        when(warehouse.describeStatement(id)).thenReturn(
                new StatementDescription(id, StatementState.FINISHED, null, 1, true, 1_000_000, List.of()));
        when(warehouse.getStatementResult(id)).thenReturn(rows(uri(LOG_12), "e-l-12"));

        JsonNode output = invoke(handler, payload("single", fixture("manual-full.json"), id));

        assertThat(output.at("/songs/objects").asLong()).isEqualTo(2);
        assertThat(output.at("/events/objects").asLong()).isEqualTo(3);
        assertThat(output.at("/events/bytes").asLong()).isEqualTo(400 + 500 + 1100);
    }

    @Test
    void noLedgerStatementPlansEverythingWithoutAskingTheWarehouse() {
        ObjectNode explicitNull = payload("null-ledger", fixture("manual-full.json"));
        explicitNull.putNull("ledgerStatementId"); // as the state machine's Begin state sets it

        JsonNode missing = invoke(handler, payload("no-ledger", fixture("manual-full.json")));
        JsonNode nulled = invoke(handler, explicitNull);

        assertThat(missing.at("/songs/objects").asLong()).isEqualTo(2);
        assertThat(missing.at("/events/objects").asLong()).isEqualTo(4);
        assertThat(nulled.at("/events/bytes").asLong()).isEqualTo(3200);
        verifyNoInteractions(warehouse);
    }

    @Test
    void anEmptyLedgerPlansEverything() {
        ledger(LEDGER_ID);

        JsonNode output = invoke(handler, payload("first-run", fixture("manual-full.json"), LEDGER_ID));

        assertThat(output.at("/songs/bytes").asLong()).isEqualTo(501);
        assertThat(output.at("/events/bytes").asLong()).isEqualTo(3200);
        assertThat(work.text("manifests/first-run/ledger.json").lines()).hasSize(6);
    }

    @Test
    void replayedS3EventPlansNothingAndWritesAnEmptyLedgerFile() {
        ledger(LEDGER_ID, uri(SONG_A), "e-s-a", uri(LOG_12), "e-l-12");

        JsonNode output = invoke(handler, payload("s3-replay", fixture("s3-object-created-log.json"), LEDGER_ID));

        assertThat(output).isEqualTo(tree("""
                {"runId": "s3-replay", "trigger": "s3", "reset": false,
                 "songs": {"manifest": null, "objects": 0, "bytes": 0},
                 "events": {"manifest": null, "objects": 0, "bytes": 0}}"""));
        assertThat(work.contents()).isEqualTo(Map.of("manifests/s3-replay/ledger.json", ""));
        InOrder order = inOrder(metrics);
        order.verify(metrics).count("SongObjectsPlanned", 0);
        order.verify(metrics).count("LogObjectsPlanned", 0);
        order.verify(metrics).flush();
    }

    @Test
    void s3EventForALogRewrittenSinceItWasLoadedPlansItAgain() {
        ledger(LEDGER_ID, uri(LOG_12), "e-l-12-first-upload");

        JsonNode output = invoke(handler, payload("s3-rewritten", fixture("s3-object-created-log.json"), LEDGER_ID));

        assertThat(output.get("events")).isEqualTo(tree(
                "{\"manifest\": \"s3://sparkify-dwh-work/manifests/s3-rewritten/events.manifest\", \"objects\": 1, \"bytes\": 1200}"));
        assertThat(work.text("manifests/s3-rewritten/ledger.json")).isEqualTo(
                "{\"dataset\":\"events\",\"object_uri\":\"s3://sparkify-local/log_data/2018/11/2018-11-12-events.json\",\"etag\":\"e-l-12\",\"object_size\":1200}\n");
    }

    @Test
    void throttlingWhileReadingTheLedgerPropagatesBeforeAnythingIsWritten() {
        WarehouseThrottledException throttled = new WarehouseThrottledException("Rate exceeded", null);
        when(warehouse.describeStatement(LEDGER_ID)).thenThrow(throttled);

        assertThatThrownBy(() -> invoke(handler, lambdaEvent("plan-run.json"))).isSameAs(throttled);
        assertThat(work.keys()).isEmpty();
        verify(metrics).flush();
    }

    @Test
    void scheduleEvent() {
        JsonNode output = invoke(handler, payload("53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa", fixture("schedule.json")));

        assertThat(output).isEqualTo(tree("""
                {"runId": "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa", "trigger": "schedule", "reset": false,
                 "songs": {"manifest": "s3://sparkify-dwh-work/manifests/53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa/songs.manifest",
                           "objects": 2, "bytes": 501},
                 "events": {"manifest": "s3://sparkify-dwh-work/manifests/53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa/events.manifest",
                            "objects": 4, "bytes": 3200}}"""));
    }

    @Test
    void s3LogEventPlansThatLogAndNoSongs() {
        ledger(LEDGER_ID); // nothing loaded yet: still no song, plays are matched against the song history

        JsonNode output = invoke(handler, payload("s3-log", fixture("s3-object-created-log.json"), LEDGER_ID));

        assertThat(output).isEqualTo(tree("""
                {"runId": "s3-log", "trigger": "s3", "reset": false,
                 "songs": {"manifest": null, "objects": 0, "bytes": 0},
                 "events": {"manifest": "s3://sparkify-dwh-work/manifests/s3-log/events.manifest", "objects": 1, "bytes": 1200}}"""));
        assertThat(work.keys()).containsExactly("manifests/s3-log/events.manifest", "manifests/s3-log/ledger.json");
        assertThat(work.text("manifests/s3-log/events.manifest")).isEqualTo(
                "{\"entries\":[{\"url\":\"s3://sparkify-local/log_data/2018/11/2018-11-12-events.json\",\"mandatory\":true}]}");
    }

    @Test
    void s3SongEventPlansThatSongAndNoEvents() {
        JsonNode output = invoke(handler, payload("s3-song", fixture("s3-object-created-song.json")));

        assertThat(output).isEqualTo(tree("""
                {"runId": "s3-song", "trigger": "s3", "reset": false,
                 "songs": {"manifest": "s3://sparkify-dwh-work/manifests/s3-song/songs.manifest", "objects": 1, "bytes": 261},
                 "events": {"manifest": null, "objects": 0, "bytes": 0}}"""));
        assertThat(work.keys()).containsExactly("manifests/s3-song/ledger.json", "manifests/s3-song/songs.manifest");
        assertThat(work.text("manifests/s3-song/songs.manifest")).isEqualTo(
                "{\"entries\":[{\"url\":\"s3://sparkify-local/song_data/A/A/A/TRAAAAW128F429D538.json\",\"mandatory\":true}]}");
    }

    @Test
    void manualFull() {
        JsonNode output = invoke(handler, payload("full-1", fixture("manual-full.json")));

        assertThat(output).isEqualTo(tree("""
                {"runId": "full-1", "trigger": "manual", "reset": false,
                 "songs": {"manifest": "s3://sparkify-dwh-work/manifests/full-1/songs.manifest", "objects": 2, "bytes": 501},
                 "events": {"manifest": "s3://sparkify-dwh-work/manifests/full-1/events.manifest", "objects": 4, "bytes": 3200}}"""));
    }

    @Test
    void manualReset() {
        JsonNode output = invoke(handler, payload("reset-1", fixture("manual-reset.json")));

        assertThat(output).isEqualTo(tree("""
                {"runId": "reset-1", "trigger": "manual", "reset": true,
                 "songs": {"manifest": "s3://sparkify-dwh-work/manifests/reset-1/songs.manifest", "objects": 2, "bytes": 501},
                 "events": {"manifest": "s3://sparkify-dwh-work/manifests/reset-1/events.manifest", "objects": 4, "bytes": 3200}}"""));
    }

    @Test
    void manualBackfillLoadsTheDaysInRange() {
        JsonNode output = invoke(handler, payload("backfill-1", fixture("manual-backfill.json")));

        // 2018-11-05 to 2018-11-11 inclusive: the 5th and the 11th, not the 4th or the 12th
        assertThat(output).isEqualTo(tree("""
                {"runId": "backfill-1", "trigger": "manual", "reset": false,
                 "songs": {"manifest": "s3://sparkify-dwh-work/manifests/backfill-1/songs.manifest", "objects": 2, "bytes": 501},
                 "events": {"manifest": "s3://sparkify-dwh-work/manifests/backfill-1/events.manifest", "objects": 2, "bytes": 1600}}"""));
        assertThat(work.text("manifests/backfill-1/events.manifest")).isEqualTo("{\"entries\":["
                + "{\"url\":\"s3://sparkify-local/log_data/2018/11/2018-11-05-events.json\",\"mandatory\":true},"
                + "{\"url\":\"s3://sparkify-local/log_data/2018/11/2018-11-11-events.json\",\"mandatory\":true}]}");
    }

    @Test
    void emptyInputIsAFullRun() {
        JsonNode output = invoke(handler, payload("empty-1", MAPPER.createObjectNode()));

        assertThat(output.get("trigger").asText()).isEqualTo("manual");
        assertThat(output.get("reset").asBoolean()).isFalse();
        assertThat(output.at("/songs/objects").asLong()).isEqualTo(2);
        assertThat(output.at("/events/objects").asLong()).isEqualTo(4);
    }

    @Test
    void missingInputIsAFullRun() {
        JsonNode output = invoke(handler, "{\"runId\": \"no-input\"}".getBytes());

        assertThat(output.at("/events/objects").asLong()).isEqualTo(4);
    }

    @Test
    void emptyBucketPlansNothing() {
        InMemoryObjectStore empty = new InMemoryObjectStore();
        PlanRunHandler onEmpty = new PlanRunHandler(new RunPlanner(empty, work, SETTINGS, JsonHandler.MAPPER),
                warehouse, PipelineMetrics.NONE);

        JsonNode output = invoke(onEmpty, payload("r", fixture("manual-full.json")));

        assertThat(output).isEqualTo(tree("""
                {"runId": "r", "trigger": "manual", "reset": false,
                 "songs": {"manifest": null, "objects": 0, "bytes": 0},
                 "events": {"manifest": null, "objects": 0, "bytes": 0}}"""));
        assertThat(work.contents()).isEqualTo(Map.of("manifests/r/ledger.json", ""));
    }

    @Test
    void outputReadsBackAsTheRunPlanLaterStepsGet() throws IOException {
        JsonNode output = invoke(handler, payload("s3-song", fixture("s3-object-created-song.json")));

        RunPlan plan = JsonHandler.MAPPER.treeToValue(output, RunPlan.class);

        assertThat(plan.songs().objects()).isEqualTo(1);
        assertThat(plan.events().isEmpty()).isTrue();
        assertThat(plan.events().manifest()).isNull();
    }

    @Test
    void countsThePlannedObjectsAndFlushes() {
        fixtureLedger();

        invoke(handler, lambdaEvent("plan-run.json"));

        InOrder order = inOrder(metrics);
        order.verify(metrics).count("SongObjectsPlanned", 1);
        order.verify(metrics).count("LogObjectsPlanned", 3);
        order.verify(metrics).flush();
    }

    @Test
    void badInputFailsWithTheParsersMessage() {
        assertThatThrownBy(() -> invoke(handler, payload("r", tree("{\"mode\": \"nightly\"}"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown mode \"nightly\"");
        assertThatThrownBy(() -> invoke(handler, payload("r", tree("{\"mode\": \"backfill\", \"from\": \"2018-11-10\"}"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a backfill needs \"from\" and \"to\"");
        assertThatThrownBy(() -> invoke(handler, payload("r", tree("[\"full\"]"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("run input must be a JSON object");
        assertThat(work.keys()).isEmpty();
        verify(metrics, org.mockito.Mockito.times(3)).flush();
    }

    @Test
    void s3EventForAnotherBucketFails() {
        ObjectNode input = (ObjectNode) fixture("s3-object-created-log.json");
        ((ObjectNode) input.get("detail").get("bucket")).put("name", "not-our-bucket");

        assertThatThrownBy(() -> invoke(handler, payload("r", input)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not-our-bucket");
    }

    @Test
    void runIdIsRequiredAndChecked() {
        assertThatThrownBy(() -> invoke(handler, "{\"input\": {}}".getBytes()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("run id");
        assertThatThrownBy(() -> invoke(handler, payload("../../etc", MAPPER.createObjectNode())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("run id must be 1-80 letters");
        assertThat(work.keys()).isEmpty();
    }
}
