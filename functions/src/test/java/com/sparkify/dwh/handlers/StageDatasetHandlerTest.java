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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sparkify.dwh.handlers.HandlerTesting.Batch;
import com.sparkify.dwh.handlers.HandlerTesting.RecordingClassLoader;
import com.sparkify.dwh.pipeline.CopySettings;
import com.sparkify.dwh.pipeline.PipelineSteps;
import com.sparkify.dwh.run.InMemoryObjectStore;
import com.sparkify.dwh.run.PlannerSettings;
import com.sparkify.dwh.run.RunPlanner;
import com.sparkify.dwh.sql.SqlCatalog;
import com.sparkify.dwh.warehouse.Warehouse;
import com.sparkify.dwh.warehouse.WarehouseThrottledException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StageDatasetHandlerTest {

    private static final String SONGS_MANIFEST = "s3://sparkify-dwh-work/manifests/sam-local-run/songs.manifest";
    private static final String EVENTS_MANIFEST = "s3://sparkify-dwh-work/manifests/sam-local-run/events.manifest";

    /** Settings unlike the defaults, so each can be seen in the SQL. */
    private static final CopySettings COPY = new CopySettings("arn:aws:iam::210987654321:role/dwh-copy-role",
            "eu-west-1", "s3://udacity-dend/log_json_path.json", 25);

    private final Warehouse warehouse = HandlerTesting.warehouse();
    private final StageDatasetHandler handler = new StageDatasetHandler(new PipelineSteps(warehouse, SQL, COPY),
            PipelineMetrics.NONE);

    private static ObjectNode input(String dataset) {
        ObjectNode input = json(lambdaEvent("stage-dataset.json"));
        return dataset == null ? (ObjectNode) input.without("dataset") : input.put("dataset", dataset);
    }

    private static Map<String, Object> params(String manifest, String jsonFormat) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("manifest", manifest);
        params.put("iam_role", "arn:aws:iam::210987654321:role/dwh-copy-role");
        params.put("region", "eu-west-1");
        params.put("json_format", jsonFormat);
        params.put("max_errors", 25);
        return params;
    }

    @Test
    void fixtureStagesTheEventsManifestWithTheSettings() {
        assertSubmittedOutput(invoke(handler, lambdaEvent("stage-dataset.json")));

        Batch batch = onlyBatch(warehouse);
        assertThat(batch.sqls()).isEqualTo(SQL.render("stage_events",
                params(EVENTS_MANIFEST, "s3://udacity-dend/log_json_path.json")));
        String copy = batch.sqls().get(1);
        assertThat(copy).startsWith("COPY staging_events")
                .contains("FROM '" + EVENTS_MANIFEST + "'")
                .contains("IAM_ROLE 'arn:aws:iam::210987654321:role/dwh-copy-role'")
                .contains("REGION 'eu-west-1'")
                .contains("MANIFEST")
                .contains("FORMAT AS JSON 's3://udacity-dend/log_json_path.json'")
                .contains("MAXERROR 25")
                .doesNotContain(SONGS_MANIFEST);
        assertThat(batch.clientToken()).matches(HEX_64);
    }

    @Test
    void songsStageTheSongsManifestAlwaysWithAutoIgnorecase() {
        assertSubmittedOutput(invoke(handler, input("songs")));

        Batch batch = onlyBatch(warehouse);
        assertThat(batch.sqls()).isEqualTo(SQL.render("stage_songs", params(SONGS_MANIFEST, "auto ignorecase")));
        String copy = batch.sqls().get(1);
        assertThat(copy).startsWith("COPY staging_songs")
                .contains("FROM '" + SONGS_MANIFEST + "'")
                .contains("IAM_ROLE 'arn:aws:iam::210987654321:role/dwh-copy-role'")
                .contains("REGION 'eu-west-1'")
                .contains("FORMAT AS JSON 'auto ignorecase'")
                .contains("MAXERROR 25")
                .doesNotContain("log_json_path")
                .doesNotContain(EVENTS_MANIFEST);
    }

    @Test
    void defaultSettingsRenderAsThemselves() {
        StageDatasetHandler defaults = new StageDatasetHandler(HandlerTesting.steps(warehouse), PipelineMetrics.NONE);

        invoke(defaults, lambdaEvent("stage-dataset.json"));

        String copy = onlyBatch(warehouse).sqls().get(1);
        assertThat(copy).contains("IAM_ROLE 'arn:aws:iam::123456789012:role/sparkify-copy'")
                .contains("REGION 'us-west-2'")
                .contains("FORMAT AS JSON 'auto ignorecase'")
                .contains("MAXERROR 0");
    }

    @Test
    void datasetNameIsCaseInsensitive() {
        invoke(handler, input("EVENTS"));

        assertThat(onlyBatch(warehouse).sqls().get(1)).startsWith("COPY staging_events");
    }

    @ParameterizedTest
    @ValueSource(strings = {"events", "songs"})
    void emptyDatasetOnlyClearsItsStagingTable(String dataset) {
        ObjectNode input = input(dataset);
        ((ObjectNode) input.get("run")).set(dataset,
                MAPPER.createObjectNode().putNull("manifest").put("objects", 0).put("bytes", 0));

        assertSubmittedOutput(invoke(handler, input));

        Batch batch = onlyBatch(warehouse);
        assertThat(batch.sqls()).isEqualTo(SQL.render("clear_staging_" + dataset));
        assertThat(String.join("\n", batch.sqls())).contains("TRUNCATE staging_" + dataset).doesNotContain("COPY");
        assertThat(batch.clientToken()).matches(HEX_64);
    }

    @Test
    void planOfASongEventFeedsTheStageSteps() {
        // The Plan step's output, as the state machine hands it on: songs planned, no events.
        InMemoryObjectStore data = new InMemoryObjectStore().putSized("song_data/A/A/A/TRAAAAW128F429D538.json", 261);
        PlanRunHandler plan = new PlanRunHandler(new RunPlanner(data, new InMemoryObjectStore(),
                new PlannerSettings("sparkify-local", "song_data/", "log_data/", "sparkify-dwh-work", "manifests/"),
                JsonHandler.MAPPER), HandlerTesting.warehouse(), PipelineMetrics.NONE);
        ObjectNode planInput = MAPPER.createObjectNode().put("runId", "s3-song");
        planInput.set("input", json(HandlerTesting.event("s3-object-created-song.json")));
        JsonNode run = invoke(plan, planInput);

        for (String dataset : List.of("songs", "events")) {
            ObjectNode stage = MAPPER.createObjectNode().put("dataset", dataset).put("attempt", "2018-11-20T10:00:09Z");
            stage.set("run", run);
            invoke(handler, stage);
        }

        List<Batch> batches = batches(warehouse);
        assertThat(batches.get(0).sqls()).isEqualTo(SQL.render("stage_songs",
                params("s3://sparkify-dwh-work/manifests/s3-song/songs.manifest", "auto ignorecase")));
        assertThat(batches.get(1).sqls()).isEqualTo(SQL.render("clear_staging_events"));
        assertThat(batches.get(0).clientToken()).isNotEqualTo(batches.get(1).clientToken());
    }

    @Test
    void tokenIsPerRunDatasetAndAttempt() {
        invoke(handler, input("events"));
        invoke(handler, input("events"));
        invoke(handler, input("songs"));
        invoke(handler, input("events").put("attempt", "2018-12-01T03:05:00.000Z"));

        List<String> tokens = batches(warehouse).stream().map(Batch::clientToken).toList();
        assertThat(tokens.get(0)).isEqualTo(tokens.get(1));
        assertThat(List.of(tokens.get(0), tokens.get(2), tokens.get(3))).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(strings = {"users", "staging_events", "stage_events", "clear_staging_songs", "../../../etc/passwd",
        "events; DROP TABLE users", "events.sql", "", " events"})
    void unknownDatasetIsRefusedWithoutReadingAnyFile(String dataset) {
        RecordingClassLoader loader = new RecordingClassLoader();
        StageDatasetHandler recorded = new StageDatasetHandler(
                new PipelineSteps(warehouse, new SqlCatalog(loader), COPY), PipelineMetrics.NONE);

        assertThatThrownBy(() -> invoke(recorded, input(dataset)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown name \"" + dataset + "\"")
                .hasMessageContaining("[songs, events]");
        assertThat(loader.requested).isEmpty();
        verifyNoInteractions(warehouse);
    }

    @Test
    void missingDatasetIsRefused() {
        assertThatThrownBy(() -> invoke(handler, input(null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[songs, events]");
        verifyNoInteractions(warehouse);
    }

    @Test
    void needsTheRun() {
        assertThatThrownBy(() -> invoke(handler, "{\"dataset\": \"songs\"}".getBytes()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("StageDatasetHandler needs the run plan in \"run\"");
        verifyNoInteractions(warehouse);
    }

    @Test
    void throttlingPropagatesUnchanged() {
        WarehouseThrottledException throttled = new WarehouseThrottledException("ActiveStatementsExceededException", null);
        HandlerTesting.stubThrottled(warehouse, throttled);

        assertThatThrownBy(() -> invoke(handler, lambdaEvent("stage-dataset.json"))).isSameAs(throttled);
    }
}
