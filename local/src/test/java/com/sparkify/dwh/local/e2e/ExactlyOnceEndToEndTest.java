package com.sparkify.dwh.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sparkify.dwh.local.LocalPipeline;
import com.sparkify.dwh.local.expected.ExpectedStarSchema;
import com.sparkify.dwh.local.generate.DataGenerator;
import com.sparkify.dwh.local.generate.GeneratorOptions;
import com.sparkify.dwh.local.runtime.LocalStateMachine;
import com.sparkify.dwh.local.runtime.StepTracker;
import com.sparkify.dwh.local.states.ExecutionListener;
import com.sparkify.dwh.local.states.ExecutionResult;
import com.sparkify.dwh.local.states.Sleeper;
import com.sparkify.dwh.warehouse.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once loads: however objects arrive (day by day, backwards, replayed, together, after a failed
 * run, songs after their plays), every table ends as one clean full load of the same data leaves it.
 * The S3 path is driven by events/s3-object-created-log.json's shape, with the object's key in it.
 */
@Timeout(300)
class ExactlyOnceEndToEndTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path shared;

    static Path generated;
    static Map<String, List<List<Object>>> fullLoad;

    @TempDir
    Path temp;

    @BeforeAll
    static void oneCleanFullLoad() throws Exception {
        generated = shared.resolve("generated");
        new DataGenerator(new GeneratorOptions(30, 80, 1_500, 23)).generate(generated);
        Path db = shared.resolve("full.duckdb");
        assertSucceeded(execute(db, generated, full(), UnaryOperator.identity()));
        fullLoad = WarehouseTables.starSchema(db);
        // The full load itself is right: the independent computation agrees.
        PipelineEndToEndTest.assertSameTables(db, ExpectedStarSchema.compute(generated));
    }

    static JsonNode full() {
        return MAPPER.createObjectNode().put("mode", "full");
    }

    /** events/s3-object-created-log.json, naming {@code key} (of the local bucket). */
    static JsonNode objectCreated(String key) throws IOException {
        ObjectNode event = (ObjectNode) MAPPER.readTree(Path.of("..", "events", "s3-object-created-log.json").toFile());
        ObjectNode object = (ObjectNode) event.path("detail").path("object");
        object.put("key", key);
        return event;
    }

    static LocalStateMachine.Run execute(Path db, Path data, JsonNode input, UnaryOperator<Warehouse> decorate) {
        try (LocalPipeline pipeline = LocalPipeline.open(db, data, LocalPipeline.copySettings(null, 0))) {
            return pipeline.runStateMachine(input, Sleeper.scaled(0), ExecutionListener.NONE,
                    new StepTracker(step -> { }), decorate);
        }
    }

    static void assertSucceeded(LocalStateMachine.Run run) {
        assertThat(run.result().status()).as("%s: %s", run.result().error(), run.result().cause())
                .isEqualTo(ExecutionResult.SUCCEEDED);
    }

    private static List<String> keysUnder(Path root, String prefix) throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve(prefix))) {
            return files.filter(Files::isRegularFile).map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    private static void copy(String key, Path to) throws IOException {
        Path target = to.resolve(key);
        Files.createDirectories(target.getParent());
        Files.copy(generated.resolve(key), target);
    }

    private void assertEqualsFullLoad(Path db) throws Exception {
        assertThat(WarehouseTables.starSchema(db)).isEqualTo(fullLoad);
        // Every object is in the ledger once.
        List<List<Object>> ledger = WarehouseTables.select(db,
                "SELECT COUNT(*), COUNT(DISTINCT object_uri) FROM load_ledger");
        long objects = keysUnder(generated, "song_data").size() + keysUnder(generated, "log_data").size();
        assertThat(ledger).containsExactly(List.of(objects, objects));
    }

    /** Songs first (a full run while there is no log yet), then each log day with its own S3 event. */
    private void loadDayByDay(Comparator<String> order) throws Exception {
        Path data = temp.resolve("data");
        for (String key : keysUnder(generated, "song_data")) {
            copy(key, data);
        }
        Files.createDirectories(data.resolve("log_data"));
        Path db = temp.resolve("days.duckdb");
        assertSucceeded(execute(db, data, full(), UnaryOperator.identity()));
        List<String> days = new ArrayList<>(keysUnder(generated, "log_data"));
        days.sort(order);
        for (String day : days) {
            copy(day, data);
            assertSucceeded(execute(db, data, objectCreated(day), UnaryOperator.identity()));
        }
        assertEqualsFullLoad(db);
    }

    @Test
    void loadingDayByDayInOrderEndsAsOneFullLoad() throws Exception {
        loadDayByDay(Comparator.naturalOrder());
    }

    @Test
    void loadingDayByDayInReverseOrderEndsAsOneFullLoad() throws Exception {
        loadDayByDay(Comparator.reverseOrder());
    }

    @Test
    void aReplayedS3EventLoadsNothingTwice() throws Exception {
        Path db = temp.resolve("replay.duckdb");
        String day = keysUnder(generated, "log_data").get(10);
        assertSucceeded(execute(db, generated, objectCreated(day), UnaryOperator.identity()));
        Map<String, List<List<Object>>> afterFirst = WarehouseTables.starSchema(db);

        LocalStateMachine.Run replay = execute(db, generated, objectCreated(day), UnaryOperator.identity());

        assertSucceeded(replay);
        assertThat(WarehouseTables.starSchema(db)).isEqualTo(afterFirst);
        assertThat(WarehouseTables.count(db, "load_ledger")).isEqualTo(1);
        assertSucceeded(execute(db, generated, full(), UnaryOperator.identity()));
        assertEqualsFullLoad(db);
    }

    @Test
    void twoExecutionsStartedTogetherLoadEverythingOnce() throws Exception {
        Path db = temp.resolve("together.duckdb");
        try (LocalPipeline pipeline = LocalPipeline.open(db, generated, LocalPipeline.copySettings(null, 0))) {
            List<CompletableFuture<LocalStateMachine.Run>> runs = new ArrayList<>();
            for (JsonNode input : List.of(full(), full(), objectCreated(keysUnder(generated, "log_data").get(3)))) {
                runs.add(CompletableFuture.supplyAsync(() -> pipeline.runStateMachine(input, Sleeper.scaled(0.01),
                        ExecutionListener.NONE, new StepTracker(step -> { }))));
            }
            for (CompletableFuture<LocalStateMachine.Run> run : runs) {
                assertSucceeded(run.join());
            }
        }
        assertEqualsFullLoad(db);
    }

    @Test
    void aRunFailingAfterStagingLeavesItsObjectsToTheNextRun() throws Exception {
        Path db = temp.resolve("rerun.duckdb");
        FaultInjectingWarehouse[] fault = new FaultInjectingWarehouse[1];
        LocalStateMachine.Run failed = execute(db, generated, full(), warehouse ->
                fault[0] = new FaultInjectingWarehouse(warehouse, "INSERT INTO songplays", "disk full", 1));

        assertThat(failed.result().status()).isEqualTo(ExecutionResult.FAILED);
        assertThat(fault[0].injected()).isEqualTo(1);
        assertThat(WarehouseTables.count(db, "load_ledger")).as("nothing recorded by the failed run").isZero();
        assertThat(WarehouseTables.select(db, "SELECT COUNT(*) FROM pipeline_lock WHERE run_id IS NOT NULL"))
                .as("the failed run gave the lock back").containsExactly(List.of(0L));

        assertSucceeded(execute(db, generated, full(), UnaryOperator.identity()));
        assertEqualsFullLoad(db);
    }

    @Test
    void songsArrivingAfterThePlaysThatNameThemAreFoundForThem() throws Exception {
        Path data = temp.resolve("data");
        for (String key : keysUnder(generated, "log_data")) {
            copy(key, data);
        }
        Files.createDirectories(data.resolve("song_data"));
        Path db = temp.resolve("late.duckdb");
        assertSucceeded(execute(db, data, full(), UnaryOperator.identity()));
        assertThat(WarehouseTables.select(db, "SELECT COUNT(*) FROM songplays WHERE song_id IS NOT NULL"))
                .as("no song yet").containsExactly(List.of(0L));

        List<String> songs = keysUnder(generated, "song_data");
        // Half of the songs arrive one by one through their S3 events, the rest with the scheduled run.
        for (String key : songs.subList(0, 5)) {
            copy(key, data);
            assertSucceeded(execute(db, data, objectCreated(key), UnaryOperator.identity()));
        }
        for (String key : songs.subList(5, songs.size())) {
            copy(key, data);
        }
        JsonNode schedule = MAPPER.readTree(Path.of("..", "events", "schedule.json").toFile());
        assertSucceeded(execute(db, data, schedule, UnaryOperator.identity()));

        assertEqualsFullLoad(db);
    }

    @Test
    void aResetReloadsEverything() throws Exception {
        Path db = temp.resolve("reset.duckdb");
        assertSucceeded(execute(db, generated, full(), UnaryOperator.identity()));
        WarehouseTables.execute(db, "DELETE FROM songplays WHERE session_id % 2 = 0");

        assertSucceeded(execute(db, generated, MAPPER.createObjectNode().put("mode", "reset"), UnaryOperator.identity()));

        assertEqualsFullLoad(db);
    }

    @Test
    void aBackfillLoadsOnlyItsDays() throws Exception {
        Path db = temp.resolve("backfill.duckdb");
        JsonNode backfill = MAPPER.readTree(Path.of("..", "events", "manual-backfill.json").toFile());

        assertSucceeded(execute(db, generated, backfill, UnaryOperator.identity()));

        assertThat(WarehouseTables.select(db, "SELECT COUNT(*) FROM load_ledger WHERE dataset = 'events'"))
                .containsExactly(List.of(7L));
        assertThat(WarehouseTables.select(db, "SELECT COUNT(*) FROM songplays WHERE CAST(start_time AS DATE)"
                + " NOT BETWEEN DATE '2018-11-05' AND DATE '2018-11-11'")).containsExactly(List.of(0L));
        assertSucceeded(execute(db, generated, full(), UnaryOperator.identity()));
        assertEqualsFullLoad(db);
    }
}
