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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sparkify.dwh.run.InMemoryObjectStore;
import com.sparkify.dwh.run.PlannerSettings;
import com.sparkify.dwh.run.RunPlan;
import com.sparkify.dwh.run.RunPlanner;
import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/** Plan: every kind of state machine input, as the Plan state passes it ({runId, input}), to the RunPlan JSON. */
class PlanRunHandlerTest {

    private static final PlannerSettings SETTINGS = new PlannerSettings("sparkify-local", "song_data/", "log_data/",
            "sparkify-dwh-work", "manifests/");

    private final InMemoryObjectStore data = new InMemoryObjectStore();
    private final InMemoryObjectStore work = new InMemoryObjectStore();
    private final PipelineMetrics metrics = mock(PipelineMetrics.class);
    private final PlanRunHandler handler = new PlanRunHandler(
            new RunPlanner(data, work, SETTINGS, JsonHandler.MAPPER), metrics);

    @BeforeEach
    void bucket() {
        data.putSized("song_data/", 0)
                .putSized("song_data/A/A/A/TRAAAAW128F429D538.json", 261)
                .putSized("song_data/A/A/B/TRAABJL12903CDCF1A.json", 240)
                .putSized("log_data/2018/11/", 0)
                .putSized("log_data/2018/11/2018-11-04-events.json", 400)
                .putSized("log_data/2018/11/2018-11-05-events.json", 500)
                .putSized("log_data/2018/11/2018-11-11-events.json", 1100)
                .putSized("log_data/2018/11/2018-11-12-events.json", 1200);
    }

    /** The Plan state's payload: {"runId": $$.Execution.Name, "input": $}. */
    private static ObjectNode payload(String runId, JsonNode input) {
        ObjectNode payload = MAPPER.createObjectNode().put("runId", runId);
        payload.set("input", input);
        return payload;
    }

    private static JsonNode fixture(String name) {
        return json(event(name));
    }

    @Test
    void fixtureFullRun() {
        JsonNode output = invoke(handler, lambdaEvent("plan-run.json"));

        assertThat(output).isEqualTo(tree("""
                {"runId": "sam-local-plan", "trigger": "manual", "reset": false,
                 "songs": {"manifest": "s3://sparkify-dwh-work/manifests/sam-local-plan/songs.manifest",
                           "objects": 2, "bytes": 501},
                 "events": {"manifest": "s3://sparkify-dwh-work/manifests/sam-local-plan/events.manifest",
                            "objects": 4, "bytes": 3200}}"""));
        assertThat(work.keys()).containsExactly("manifests/sam-local-plan/events.manifest",
                "manifests/sam-local-plan/songs.manifest");
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
    void s3LogEventPlansThatLogAndEverySong() {
        JsonNode output = invoke(handler, payload("s3-log", fixture("s3-object-created-log.json")));

        assertThat(output).isEqualTo(tree("""
                {"runId": "s3-log", "trigger": "s3", "reset": false,
                 "songs": {"manifest": "s3://sparkify-dwh-work/manifests/s3-log/songs.manifest", "objects": 2, "bytes": 501},
                 "events": {"manifest": "s3://sparkify-dwh-work/manifests/s3-log/events.manifest", "objects": 1, "bytes": 1200}}"""));
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
        assertThat(work.keys()).containsExactly("manifests/s3-song/songs.manifest");
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
                PipelineMetrics.NONE);

        JsonNode output = invoke(onEmpty, payload("r", fixture("manual-full.json")));

        assertThat(output).isEqualTo(tree("""
                {"runId": "r", "trigger": "manual", "reset": false,
                 "songs": {"manifest": null, "objects": 0, "bytes": 0},
                 "events": {"manifest": null, "objects": 0, "bytes": 0}}"""));
        assertThat(work.keys()).isEmpty();
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
        invoke(handler, lambdaEvent("plan-run.json"));

        InOrder order = inOrder(metrics);
        order.verify(metrics).count("SongObjectsPlanned", 2);
        order.verify(metrics).count("LogObjectsPlanned", 4);
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
