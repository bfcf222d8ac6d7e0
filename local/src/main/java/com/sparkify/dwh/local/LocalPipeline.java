package com.sparkify.dwh.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sparkify.dwh.local.duckdb.DuckDbWarehouse;
import com.sparkify.dwh.local.store.FolderObjectStore;
import com.sparkify.dwh.pipeline.CopySettings;
import com.sparkify.dwh.pipeline.PipelineRunner;
import com.sparkify.dwh.pipeline.PipelineSteps;
import com.sparkify.dwh.pipeline.RunListener;
import com.sparkify.dwh.pipeline.RunReport;
import com.sparkify.dwh.pipeline.StatementWaiter;
import com.sparkify.dwh.run.PlannerSettings;
import com.sparkify.dwh.run.RunInput;
import com.sparkify.dwh.run.RunPlan;
import com.sparkify.dwh.run.RunPlanner;
import com.sparkify.dwh.sql.SqlCatalog;
import com.sparkify.dwh.store.ObjectStore;
import com.sparkify.dwh.store.S3Uri;
import com.sparkify.dwh.warehouse.WarehouseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The pipeline wired for one machine: a folder stands in for the data bucket, a temporary folder for
 * the bucket manifests go to, a DuckDB file for Redshift. The SQL sees ordinary s3:// URIs on the
 * buckets {@value #BUCKET} and {@value #WORK_BUCKET}.
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

    private final DuckDbWarehouse warehouse;
    private final Path workFolder;
    private final ObjectStore data;
    private final ObjectStore work;
    private final CopySettings copy;
    private final SqlCatalog catalog = SqlCatalog.fromClasspath();

    private LocalPipeline(DuckDbWarehouse warehouse, Path workFolder, ObjectStore data, ObjectStore work,
                          CopySettings copy) {
        this.warehouse = warehouse;
        this.workFolder = workFolder;
        this.data = data;
        this.work = work;
        this.copy = copy;
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
        return new LocalPipeline(DuckDbWarehouse.open(database, buckets), workFolder, data, work, copy);
    }

    /** COPY settings for a local run: the logs mapped by 'auto ignorecase' or a jsonpaths file of the data folder. */
    public static CopySettings copySettings(String logJsonPathsKey, int maxErrors) {
        String format = logJsonPathsKey == null ? CopySettings.AUTO_IGNORECASE : S3Uri.of(BUCKET, logJsonPathsKey).toString();
        return new CopySettings(LOCAL_ROLE, LOCAL_REGION, format, maxErrors);
    }

    /** Plans a run: lists the data folder and writes the manifests. */
    public RunPlan plan(RunInput input) {
        String runId = "local-" + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new RunPlanner(data, work, PLANNER, new ObjectMapper()).plan(input, runId);
    }

    /** Plans and runs a full load of the data folder. */
    public RunReport runFullLoad(RunListener listener) {
        return runner(listener).run(plan(new RunInput.Manual(RunInput.Manual.Mode.FULL, null, null)));
    }

    public DuckDbWarehouse warehouse() {
        return warehouse;
    }

    public SqlCatalog catalog() {
        return catalog;
    }

    public PipelineSteps steps() {
        return new PipelineSteps(warehouse, catalog, copy);
    }

    /** Polls fast: local statements finish in milliseconds. No statement runs past an hour. */
    public StatementWaiter waiter() {
        return new StatementWaiter(warehouse, java.time.Duration.ofMillis(2), java.time.Duration.ofMillis(50),
                java.time.Duration.ofHours(1));
    }

    public PipelineRunner runner(RunListener listener) {
        return new PipelineRunner(warehouse, catalog, steps(), waiter(), listener);
    }

    @Override
    public void close() {
        try {
            warehouse.close();
        } finally {
            deleteWorkFolder();
        }
    }

    private void deleteWorkFolder() {
        try (Stream<Path> files = Files.walk(workFolder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder is harmless; the run's outcome is what matters.
        }
    }
}
