package com.sparkify.dwh.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.dwh.local.LocalPipeline;
import com.sparkify.dwh.local.expected.ExpectedRows;
import com.sparkify.dwh.local.generate.DataGenerator;
import com.sparkify.dwh.local.generate.GeneratorOptions;
import com.sparkify.dwh.local.expected.ExpectedStarSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sparkify.dwh.handlers.DataQualityCheckFailedException;
import com.sparkify.dwh.local.runtime.LocalStateMachine;
import com.sparkify.dwh.local.runtime.StepTracker;
import com.sparkify.dwh.local.states.ExecutionListener;
import com.sparkify.dwh.local.states.ExecutionResult;
import com.sparkify.dwh.local.states.Sleeper;
import com.sparkify.dwh.pipeline.StepReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on the embedded warehouse, every table compared with rows worked out apart from
 * the SQL: by hand for the quirks fixture, and by {@link ExpectedStarSchema} (plain Java) for it and
 * for other data.
 */
class PipelineEndToEndTest {

    static final Path QUIRKS = Path.of("src/test/resources/fixtures/quirks");
    static final Path QUIRKS_EXPECTED = Path.of("src/test/resources/fixtures/quirks-expected");

    @TempDir
    Path temp;

    /** A finished local execution of the state machine, with the figures of its steps. */
    record Outcome(LocalStateMachine.Run run, List<StepReport> steps, Map<String, Long> tableCounts) {

        StepReport step(String name) {
            return steps.stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no step " + name + " in " + steps));
        }

        Outcome succeeded() {
            assertThat(run.result().status()).as("%s: %s", run.result().error(), run.result().cause())
                    .isEqualTo(ExecutionResult.SUCCEEDED);
            return this;
        }
    }

    /** Runs statemachine/etl.asl.json locally on a full-load input; fast waits. */
    static Outcome execute(Path data, Path database, String logJsonPaths, int maxErrors) {
        try (LocalPipeline pipeline = LocalPipeline.open(database, data,
                LocalPipeline.copySettings(logJsonPaths, maxErrors))) {
            StepTracker steps = new StepTracker(report -> { });
            LocalStateMachine.Run run = pipeline.runStateMachine(FULL_LOAD, Sleeper.scaled(0), ExecutionListener.NONE, steps);
            Map<String, Long> counts = run.result().succeeded() ? pipeline.tableCounts() : Map.of();
            return new Outcome(run, steps.steps(), counts);
        }
    }

    static Outcome run(Path data, Path database, String logJsonPaths, int maxErrors) {
        return execute(data, database, logJsonPaths, maxErrors).succeeded();
    }

    static Outcome run(Path data, Path database) {
        return run(data, database, null, 0);
    }

    static final JsonNode FULL_LOAD = new ObjectMapper().createObjectNode().put("mode", "full");

    @Test
    void quirksFixtureLoadsExactlyTheHandWorkedRows() throws Exception {
        Path db = temp.resolve("quirks.duckdb");
        Outcome report = run(QUIRKS, db);

        Map<String, List<List<Object>>> tables = WarehouseTables.starSchema(db);
        for (String table : ExpectedStarSchema.tables()) {
            assertThat(tables.get(table)).as(table)
                    .containsExactlyElementsOf(ExpectedRows.fromJson(QUIRKS_EXPECTED.resolve(table + ".json")));
        }
        assertThat(report.step("stage events").rejected()).isZero();
        assertThat(report.step("stage songs").rejected()).isZero();
        assertThat(report.tableCounts()).containsEntry("songplays", (long) tables.get("songplays").size());
    }

    @Test
    void quirksFixtureMatchesTheIndependentComputation() throws Exception {
        Path db = temp.resolve("quirks.duckdb");
        Outcome report = run(QUIRKS, db);

        ExpectedStarSchema expected = ExpectedStarSchema.compute(QUIRKS);
        assertSameTables(db, expected);
        assertThat(report.step("stage songs").rows()).isEqualTo(expected.stagedSongCount());
        assertThat(report.step("stage events").rows()).isEqualTo(expected.stagedEventCount());
    }

    @Test
    void generatedDataMatchesTheIndependentComputation() throws Exception {
        Path data = temp.resolve("generated");
        new DataGenerator(new GeneratorOptions(60, 150, 3_000, 7)).generate(data);
        Path db = temp.resolve("generated.duckdb");

        Outcome report = run(data, db, "log_json_path.json", 0);

        ExpectedStarSchema expected = ExpectedStarSchema.compute(data);
        assertThat(expected.rejected()).isEmpty();
        assertSameTables(db, expected);
        assertThat(report.step("stage events").rows()).isEqualTo(3_000);
        // Generated plays reference generated songs: most of them must find theirs.
        long matched = expected.rows("songplays").stream().filter(row -> row.get(4) != null).count();
        assertThat(matched).isGreaterThan(expected.rows("songplays").size() / 2);
    }

    @Test
    void theCommittedSampleMatchesTheIndependentComputation() throws Exception {
        Path sample = Path.of("..", "data", "sample");
        Path db = temp.resolve("sample.duckdb");

        run(sample, db);

        assertSameTables(db, ExpectedStarSchema.compute(sample));
    }

    @Test
    void aJsonpathsFileLoadsTheSameAsAutoIgnorecase() throws Exception {
        Path auto = temp.resolve("auto.duckdb");
        Path paths = temp.resolve("paths.duckdb");
        run(QUIRKS, auto);
        run(QUIRKS, paths, "log_json_path.json", 0);

        assertThat(WarehouseTables.starSchema(paths)).isEqualTo(WarehouseTables.starSchema(auto));
    }

    @Test
    void runningTwiceLeavesEveryTableAsAfterTheFirstRun() throws Exception {
        Path db = temp.resolve("twice.duckdb");
        run(QUIRKS, db);
        Map<String, List<List<Object>>> first = WarehouseTables.starSchema(db);

        Outcome second = run(QUIRKS, db);

        assertThat(WarehouseTables.starSchema(db)).isEqualTo(first);
        // The ledger holds every object: the second run plans and stages nothing.
        assertThat(WarehouseTables.count(db, "staging_events")).isZero();
        assertThat(second.step("stage events").rows()).isZero();
        assertThat(second.step("load songplays").rows()).as("songplays inserted by the re-run").isZero();
        assertThat(second.step("load time").rows()).as("time rows inserted by the re-run").isZero();
    }

    @Test
    void aMalformedLogLineFailsTheRunWithItsKeyAndLineAndChangesNoStarSchemaTable() throws Exception {
        Path data = copyOf(QUIRKS);
        Path db = temp.resolve("malformed.duckdb");
        run(data, db);
        Map<String, List<List<Object>>> before = WarehouseTables.starSchema(db);

        String key = "log_data/2018/11/2018-11-20-events.json";
        writeMalformedDay(data.resolve(key));

        ExecutionResult failed = execute(data, db, null, 0).run().result();

        assertThat(failed.status()).isEqualTo(ExecutionResult.FAILED);
        assertThat(failed.error()).isEqualTo("Sparkify.StatementFailed");
        assertThat(failed.cause()).contains("staging_events")
                .contains("s3://" + LocalPipeline.BUCKET + "/" + key)
                .contains("line 2");
        assertThat(WarehouseTables.starSchema(db)).isEqualTo(before);

        List<List<Object>> recorded = WarehouseTables.select(db,
                "SELECT filename, line_number, err_code, raw_line FROM stl_load_errors");
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).get(0)).isEqualTo("s3://" + LocalPipeline.BUCKET + "/" + key);
        assertThat(recorded.get(0).get(1)).isEqualTo(2L);
        assertThat((String) recorded.get(0).get(3)).startsWith("{\"artist\":\"Broken");
    }

    @Test
    void withMaxErrorAllowingItTheGoodRowsLoadAndTheBadOneIsRecorded() throws Exception {
        Path data = copyOf(QUIRKS);
        String key = "log_data/2018/11/2018-11-20-events.json";
        writeMalformedDay(data.resolve(key));
        Path db = temp.resolve("tolerant.duckdb");

        Outcome report = run(data, db, null, 1);

        assertThat(report.step("stage events").rejected()).isEqualTo(1);
        ExpectedStarSchema expected = ExpectedStarSchema.compute(data);
        assertThat(expected.rejected()).singleElement()
                .satisfies(rejected -> assertThat(rejected.key()).isEqualTo(key));
        assertSameTables(db, expected);
        // The two good events of the new day are plays and arrived.
        assertThat(WarehouseTables.select(db, "SELECT COUNT(*) FROM songplays WHERE session_id = 9001"))
                .containsExactly(List.of(2L));
        assertThat(WarehouseTables.select(db, "SELECT filename, line_number FROM stl_load_errors"))
                .containsExactly(List.of("s3://" + LocalPipeline.BUCKET + "/" + key, 2L));
    }

    @Test
    void aFailedQualityCheckFailsTheRunAndNamesTheCheck() throws Exception {
        Path db = temp.resolve("checks.duckdb");
        run(QUIRKS, db);
        // A play pointing at a user the users table does not have: what the checks exist to catch.
        WarehouseTables.execute(db, "INSERT INTO songplays (songplay_id, start_time, user_id)"
                + " VALUES (1, TIMESTAMP '2018-11-30 00:00:00', 'nobody')");

        Outcome outcome = execute(QUIRKS, db, null, 0);

        assertThat(outcome.run().result().error()).isEqualTo(DataQualityCheckFailedException.class.getName());
        assertThat(outcome.run().result().cause()).contains("songplays_missing_user (1 rows)");
        assertThat(outcome.run().notifications()).singleElement()
                .satisfies(n -> assertThat(n.message()).contains("songplays_missing_user (1 rows)"));
    }

    /** Day 20: a good play, a line with a missing quote, another good play; sessions 9001. */
    private static void writeMalformedDay(Path file) throws IOException {
        String good1 = event(9001, 0, 1542672000000L);
        String bad = "{\"artist\":\"Broken, \"auth\":\"Logged In\",\"sessionId\":9001,\"itemInSession\":1}";
        String good2 = event(9001, 2, 1542672300000L);
        Files.writeString(file, good1 + "\n" + bad + "\n" + good2 + "\n", StandardCharsets.UTF_8);
    }

    private static String event(int session, int item, long ts) {
        return "{\"artist\":\"Nobody Known\",\"auth\":\"Logged In\",\"firstName\":\"Ann\",\"gender\":\"F\","
                + "\"itemInSession\":" + item + ",\"lastName\":\"Other\",\"length\":200.5,\"level\":\"paid\","
                + "\"location\":\"Nowhere, NV\",\"method\":\"PUT\",\"page\":\"NextSong\","
                + "\"registration\":1540000000000.0,\"sessionId\":" + session + ",\"song\":\"Unknown Song\","
                + "\"status\":200,\"ts\":" + ts + ",\"userAgent\":\"Mozilla\\/5.0\",\"userId\":\"901\"}";
    }

    private Path copyOf(Path source) throws IOException {
        Path target = temp.resolve("data");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }

    static void assertSameTables(Path db, ExpectedStarSchema expected) throws Exception {
        assertThat(expected.ambiguities()).as("places the contract leaves open").isEmpty();
        Map<String, List<List<Object>>> tables = WarehouseTables.starSchema(db);
        for (String table : ExpectedStarSchema.tables()) {
            assertThat(tables.get(table)).as(table).containsExactlyElementsOf(expected.rows(table));
        }
    }
}
