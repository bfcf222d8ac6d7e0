package com.sparkify.dwh.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sparkify.dwh.pipeline.CopySettings;
import com.sparkify.dwh.pipeline.PipelineSteps;
import com.sparkify.dwh.pipeline.PipelineSteps.Dataset;
import com.sparkify.dwh.run.RunInput.Manual;
import com.sparkify.dwh.run.RunInput.Manual.Mode;
import com.sparkify.dwh.sql.SqlCatalog;
import com.sparkify.dwh.warehouse.Warehouse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;

/**
 * SECURITY: object keys come from events and from whoever can write to the bucket. However hostile, a
 * key only ever reaches the manifest and the run's ledger file (as JSON text); the SQL the stage and
 * ledger steps submit names those files, whose URIs the pipeline chose, so its statements are exactly
 * those of a harmless run.
 */
class HostileKeyTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final CopySettings COPY = new CopySettings("arn:aws:iam::123456789012:role/sparkify-copy",
            "us-west-2", CopySettings.AUTO_IGNORECASE, 0);
    private static final String HARMLESS = "log_data/2018/11/2018-11-12-events.json";

    private final InMemoryObjectStore data = new InMemoryObjectStore();
    private final InMemoryObjectStore work = new InMemoryObjectStore();
    private final RunPlanner planner = new RunPlanner(data, work, RunPlannerTest.SETTINGS, MAPPER);

    /** The statements the stage step submits for a dataset plan, through a real catalog to a recording warehouse. */
    private static List<String> stageSql(Dataset dataset, DatasetPlan plan) {
        Warehouse warehouse = mock(Warehouse.class);
        when(warehouse.batchExecuteStatement(anyList(), any())).thenReturn("stmt-1");
        new PipelineSteps(warehouse, SqlCatalog.fromClasspath(), COPY).stage(dataset, plan, "token");
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<String>> sqls = ArgumentCaptor.forClass(List.class);
        verify(warehouse).batchExecuteStatement(sqls.capture(), any());
        return sqls.getValue();
    }

    private List<String> harmlessStageSql(String runId) {
        InMemoryObjectStore harmlessData = new InMemoryObjectStore().putSized(HARMLESS, 10);
        RunPlan plan = new RunPlanner(harmlessData, new InMemoryObjectStore(), RunPlannerTest.SETTINGS, MAPPER)
                .plan(new RunInput.ObjectCreated(RunPlannerTest.DATA, HARMLESS, 10, null), runId);
        return stageSql(Dataset.EVENTS, plan.events());
    }

    /** The statements the ledger step submits to record a run. */
    private static List<String> recordSql(String runId, String ledgerFile) {
        Warehouse warehouse = mock(Warehouse.class);
        when(warehouse.batchExecuteStatement(anyList(), any())).thenReturn("stmt-1");
        new PipelineSteps(warehouse, SqlCatalog.fromClasspath(), COPY)
                .recordLedger(runId, ledgerFile, Instant.parse("2018-12-01T03:04:05Z"), "token");
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<String>> sqls = ArgumentCaptor.forClass(List.class);
        verify(warehouse).batchExecuteStatement(sqls.capture(), any());
        return sqls.getValue();
    }

    private static void assertNoTraceOfTheKey(List<String> sqls) {
        String all = String.join("\n", sqls);
        assertThat(all).doesNotContain("DROP").doesNotContain("users;").doesNotContain("x'")
                .doesNotContain("log_data/2018/11/x").doesNotContain("\\");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "log_data/2018/11/x'; DROP TABLE users; --.json",
        "log_data/2018/11/x\"; DROP TABLE users; --.json",
        "log_data/2018/11/x'', ''); DROP TABLE users; /* \\ */.json",
        "log_data/2018/11/x{{iam_role}}'$$; DROP TABLE users;$$.json",
        "log_data/2018/11/x\n'; DROP TABLE users; --\u0000.json"})
    void hostileKeyFromAnEventOnlyReachesTheManifest(String key) throws IOException {
        data.putSized(key, 99).putSized("song_data/A/A/A/TRAAAAW128F429D538.json", 5);

        RunPlan plan = planner.plan(new RunInput.ObjectCreated(RunPlannerTest.DATA, key, 99, null), "run-1");

        // the manifest holds the key exactly, as JSON text
        String expected = "{\"entries\":[{\"url\":" + MAPPER.writeValueAsString("s3://sparkify-local/" + key)
                + ",\"mandatory\":true}]}";
        String manifest = work.text("manifests/run-1/events.manifest");
        assertThat(manifest).isEqualTo(expected);
        assertThat(MAPPER.readTree(manifest).at("/entries/0/url").asText()).isEqualTo("s3://sparkify-local/" + key);
        // the plan the state machine carries names the manifest only
        assertThat(plan.events()).isEqualTo(new DatasetPlan(
                "s3://sparkify-dwh-work/manifests/run-1/events.manifest", 1, 99));
        assertThat(MAPPER.writeValueAsString(plan)).doesNotContain("DROP");

        List<String> sqls = stageSql(Dataset.EVENTS, plan.events());

        assertNoTraceOfTheKey(sqls);
        assertThat(String.join("\n", sqls))
                .contains("FROM 's3://sparkify-dwh-work/manifests/run-1/events.manifest'");
        // the statement structure is that of a harmless run: same statements, same text
        assertThat(sqls).isEqualTo(harmlessStageSql("run-1"));
        assertThat(sqls).hasSize(5);
        assertThat(sqls).isEqualTo(SqlCatalog.fromClasspath().render("stage_events", Map.of(
                "manifest", "s3://sparkify-dwh-work/manifests/run-1/events.manifest",
                "iam_role", COPY.iamRole(), "region", COPY.region(),
                "json_format", CopySettings.AUTO_IGNORECASE, "max_errors", 0)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "log_data/2018/11/x'; DROP TABLE users; --.json",
        "song_data/A/x'; DROP TABLE songs; --.json"})
    void hostileKeyListedInAFullRunOnlyReachesTheManifest(String key) throws IOException {
        data.putSized(key, 99).putSized(HARMLESS, 10).putSized("song_data/A/A/A/TRAAAAW128F429D538.json", 5);

        RunPlan plan = planner.plan(new Manual(Mode.FULL, null, null), "full-1");

        String dataset = key.startsWith("song_data/") ? "songs" : "events";
        String manifest = work.text("manifests/full-1/" + dataset + ".manifest");
        assertThat(manifest).contains("\"url\":" + MAPPER.writeValueAsString("s3://sparkify-local/" + key));
        for (Dataset each : Dataset.values()) {
            List<String> sqls = stageSql(each, each == Dataset.SONGS ? plan.songs() : plan.events());
            assertThat(String.join("\n", sqls)).doesNotContain("DROP").doesNotContain("x'")
                    .contains("FROM 's3://sparkify-dwh-work/manifests/full-1/" + each.name().toLowerCase() + ".manifest'");
            assertThat(sqls).hasSize(5);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "log_data/2018/11/x'; DROP TABLE users; --.json",
        "log_data/2018/11/x\"}, {\"dataset\": \"songs\", \"object_uri\": \"s3://evil/x\"}.json",
        "log_data/2018/11/x\n{\"dataset\":\"events\",\"object_uri\":\"s3://evil/y\"}\n.json",
        "log_data/2018/11/x{{run_id}}'$$; DROP TABLE load_ledger;$$.json",
        "log_data/2018/11/x\r\u2028\u0000'; DELETE FROM load_ledger; --.json"})
    void hostileKeyOnlyReachesTheLedgerFileAsOneJsonLine(String key) throws IOException {
        data.putSized(key, 99, "e-hostile");

        planner.plan(new RunInput.ObjectCreated(RunPlannerTest.DATA, key, 99, "e-hostile"), "run-1");

        // one line, however many line breaks or braces the key holds, and it reads back as the key exactly
        String ledger = work.text("manifests/run-1/ledger.json");
        assertThat(ledger).endsWith("\n");
        assertThat(ledger.substring(0, ledger.length() - 1)).doesNotContain("\n").doesNotContain("\r");
        assertThat(ledger).isEqualTo("{\"dataset\":\"events\",\"object_uri\":"
                + MAPPER.writeValueAsString("s3://sparkify-local/" + key) + ",\"etag\":\"e-hostile\",\"object_size\":99}\n");
        assertThat(MAPPER.readTree(ledger).get("object_uri").asText()).isEqualTo("s3://sparkify-local/" + key);
        // a replay of the event finds it in the ledger by that exact URI
        RunPlan replay = planner.plan(new RunInput.ObjectCreated(RunPlannerTest.DATA, key, 99, "e-hostile"), "run-2",
                new LoadedObjects().add(MAPPER.readTree(ledger).get("object_uri").asText(), "e-hostile"));
        assertThat(replay.events()).isEqualTo(DatasetPlan.NOTHING);

        // recording names the ledger file only: the statements are those of a harmless run
        List<String> sqls = recordSql("run-1", planner.ledgerFile("run-1"));
        assertThat(String.join("\n", sqls)).doesNotContain("DROP").doesNotContain("DELETE FROM load_ledger")
                .doesNotContain("evil").doesNotContain("x'")
                .contains("FROM 's3://sparkify-dwh-work/manifests/run-1/ledger.json'");
        assertThat(sqls).hasSize(4);
    }
}
