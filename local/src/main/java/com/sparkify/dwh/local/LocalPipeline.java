package com.sparkify.dwh.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sparkify.dwh.handlers.PipelineMetrics;
import com.sparkify.dwh.local.duckdb.DuckDbWarehouse;
import com.sparkify.dwh.local.runtime.HandlerFactory;
import com.sparkify.dwh.local.runtime.LocalStateMachine;
import com.sparkify.dwh.local.runtime.TaskObserver;
import com.sparkify.dwh.local.states.ExecutionListener;
import com.sparkify.dwh.local.states.Sleeper;
import com.sparkify.dwh.local.store.FolderObjectStore;
import com.sparkify.dwh.pipeline.CopySettings;
import com.sparkify.dwh.pipeline.PipelineSteps;
import com.sparkify.dwh.pipeline.StatementWaiter;
import com.sparkify.dwh.run.PlannerSettings;
import com.sparkify.dwh.run.RunPlanner;
import com.sparkify.dwh.sql.SqlCatalog;
import com.sparkify.dwh.store.ObjectStore;
import com.sparkify.dwh.store.S3Uri;
import com.sparkify.dwh.warehouse.QueryResult;
import com.sparkify.dwh.warehouse.Warehouse;
import com.sparkify.dwh.warehouse.WarehouseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The pipeline run from this machine: the deployed state machine and handlers, with ports chosen
 * here. Usually a folder stands in for the data bucket, a temporary folder for the bucket manifests go
 * to, and a DuckDB file for Redshift; the SQL then sees ordinary s3:// URIs on the buckets
 * {@value #BUCKET} and {@value #WORK_BUCKET}. The same runs against a real Redshift and S3 through
 * {@link #withPorts}.
 */
public final class LocalPipeline implements AutoCloseable {

    /** The data bucket's name in the local run's SQL; COPY resolves it to the data folder. */
    public static final String BUCKET = "sparkify-local";
    /** The bucket the planner writes manifests to; a temporary folder, removed on close. */
    public static final String WORK_BUCKET = "sparkify-local-work";
    /** Stands in for the IAM role Redshift would assume; nothing checks it locally. */
    public static final String LOCAL_ROLE = "arn:aws:iam::000000000000:role/sparkify-local-copy";
    public static final String LOCAL_REGION = "us-west-2";
    public static final PlannerSettings PLANNER =
            new PlannerSettings(BUCKET, "song_data/", "log_data/", WORK_BUCKET, "manifests/");

    private final Warehouse warehouse;
    private final ObjectStore data;
    private final ObjectStore work;
    private final PlannerSettings planner;
    private final CopySettings copy;
    private final Runnable onClose;
    private final SqlCatalog catalog = SqlCatalog.fromClasspath();

    private LocalPipeline(Warehouse warehouse, ObjectStore data, ObjectStore work, PlannerSettings planner,
                          CopySettings copy, Runnable onClose) {
        this.warehouse = warehouse;
        this.data = data;
        this.work = work;
        this.planner = planner;
        this.copy = copy;
        this.onClose = onClose;
    }

    /** Opens the database file ({@code null}: in memory) with {@code dataFolder} as the data bucket. */
    public static LocalPipeline open(Path database, Path dataFolder, CopySettings copy) {
        Path workFolder;
        try {
            workFolder = Files.createTempDirectory("sparkify-work-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work folder for manifests", e);
        }
        ObjectStore data = new FolderObjectStore(dataFolder);
        ObjectStore work = new FolderObjectStore(workFolder);
        Function<String, ObjectStore> buckets = name -> {
            if (name.equals(BUCKET)) {
                return data;
            }
            if (name.equals(WORK_BUCKET)) {
                return work;
            }
            throw new WarehouseException("bucket " + name + " is not available locally; only s3://" + BUCKET
                    + "/ (the data folder " + dataFolder + ") is");
        };
        DuckDbWarehouse duckDb = DuckDbWarehouse.open(database, buckets);
        return new LocalPipeline(duckDb, data, work, PLANNER, copy, () -> {
            try {
                duckDb.close();
            } finally {
                deleteFolder(workFolder);
            }
        });
    }

    /** The pipeline on any ports: a real Redshift through the Data API and real buckets, say. */
    public static LocalPipeline withPorts(Warehouse warehouse, ObjectStore data, ObjectStore work,
                                          PlannerSettings planner, CopySettings copy, Runnable onClose) {
        return new LocalPipeline(warehouse, data, work, planner, copy, onClose);
    }

    /** COPY settings for a local run: the logs mapped by 'auto ignorecase' or a jsonpaths file of the data folder. */
    public static CopySettings copySettings(String logJsonPathsKey, int maxErrors) {
        String format = logJsonPathsKey == null ? CopySettings.AUTO_IGNORECASE : S3Uri.of(BUCKET, logJsonPathsKey).toString();
        return new CopySettings(LOCAL_ROLE, LOCAL_REGION, format, maxErrors);
    }

    /** A run id as Step Functions would name an execution: unique, and safe in keys. */
    public static String newRunId() {
        return "local-" + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private RunPlanner planner() {
        return new RunPlanner(data, work, planner, new ObjectMapper());
    }

    /**
     * Runs the deployed state machine from this machine: statemachine/etl.asl.json with its Lambda tasks
     * performed by the handler classes of template.yaml, built with this pipeline's ports.
     */
    public LocalStateMachine.Run runStateMachine(JsonNode input, Sleeper sleeper, ExecutionListener listener,
                                                 TaskObserver observer) {
        return runStateMachine(input, sleeper, listener, observer, UnaryOperator.identity());
    }

    /** As above, the handlers seeing the warehouse through {@code decorate} (tests inject faults this way). */
    public LocalStateMachine.Run runStateMachine(JsonNode input, Sleeper sleeper, ExecutionListener listener,
                                                 TaskObserver observer, UnaryOperator<Warehouse> decorate) {
        Warehouse seen = decorate.apply(warehouse);
        HandlerFactory handlers = new HandlerFactory()
                .with(Warehouse.class, seen)
                .with(PipelineSteps.class, new PipelineSteps(seen, catalog, copy))
                .with(RunPlanner.class, planner())
                .with(PipelineMetrics.class, PipelineMetrics.NONE);
        return LocalStateMachine.fromTemplate().run(newRunId(), input, handlers, sleeper, listener, observer);
    }

    /**
     * The state machine's sleeps multiplied by {@code factor}. On the local warehouse a sleep also ends when
     * a statement finishes: each step is checked as soon as its SQL is done, not at the end of its Wait.
     */
    public Sleeper sleeper(double factor) {
        return warehouse instanceof DuckDbWarehouse duckDb
                ? Sleeper.scaled(factor, duckDb::napUntilAStatementFinishes) : Sleeper.scaled(factor);
    }

    public Warehouse warehouse() {
        return warehouse;
    }

    public SqlCatalog catalog() {
        return catalog;
    }

    /** Polls fast at first, then every second at most; no statement runs past an hour. */
    public StatementWaiter waiter() {
        return new StatementWaiter(warehouse, Duration.ofMillis(2), Duration.ofSeconds(1), Duration.ofHours(1));
    }

    /** Row counts of every table, in the order table_counts.sql lists them. */
    public Map<String, Long> tableCounts() {
        String id = warehouse.executeStatement(catalog.render("table_counts").get(0));
        waiter().awaitFinished(id, "count rows");
        QueryResult result = warehouse.getStatementResult(id);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int row = 0; row < result.rows().size(); row++) {
            counts.put(result.getString(row, "table_name"), result.getLong(row, "row_count"));
        }
        return counts;
    }

    @Override
    public void close() {
        onClose.run();
    }

    private static void deleteFolder(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder is harmless; the run's outcome is what matters.
        }
    }
}
