package com.sparkify.dwh.local;

import com.sparkify.dwh.local.duckdb.DuckDbWarehouse;
import com.sparkify.dwh.local.store.FolderObjectStore;
import com.sparkify.dwh.pipeline.PipelineConfig;
import com.sparkify.dwh.pipeline.PipelineRunner;
import com.sparkify.dwh.pipeline.RunListener;
import com.sparkify.dwh.pipeline.StatementWaiter;
import com.sparkify.dwh.sql.SqlCatalog;
import com.sparkify.dwh.store.ObjectStore;
import com.sparkify.dwh.store.S3Uri;
import com.sparkify.dwh.warehouse.WarehouseException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * The pipeline wired for one machine: a folder stands in for the bucket, a DuckDB file for Redshift.
 * The SQL sees ordinary s3:// URIs on the bucket {@value #BUCKET}, which maps to the data folder.
 */
public final class LocalPipeline implements AutoCloseable {

    /** The bucket name the local run's SQL uses; COPY resolves it to the data folder. */
    public static final String BUCKET = "sparkify-local";
    /** Stands in for the IAM role Redshift would assume; nothing checks it locally. */
    public static final String LOCAL_ROLE = "arn:aws:iam::000000000000:role/sparkify-local-copy";
    public static final String LOCAL_REGION = "us-west-2";

    private final DuckDbWarehouse warehouse;
    private final SqlCatalog catalog = SqlCatalog.fromClasspath();

    private LocalPipeline(DuckDbWarehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Opens the database file ({@code null}: in memory) with {@code dataFolder} as the bucket. */
    public static LocalPipeline open(Path database, Path dataFolder) {
        ObjectStore bucket = new FolderObjectStore(dataFolder);
        Function<String, ObjectStore> buckets = name -> {
            if (!name.equals(BUCKET)) {
                throw new WarehouseException("bucket " + name + " is not available locally; only s3://" + BUCKET
                        + "/ (the data folder " + dataFolder + ") is");
            }
            return bucket;
        };
        return new LocalPipeline(DuckDbWarehouse.open(database, buckets));
    }

    /** The configuration of a full load of the data folder. */
    public static PipelineConfig config(String logJsonPathsKey, int maxErrors) {
        String format = logJsonPathsKey == null ? PipelineConfig.AUTO_IGNORECASE
                : S3Uri.of(BUCKET, logJsonPathsKey).toString();
        return new PipelineConfig(S3Uri.of(BUCKET, "song_data/"), S3Uri.of(BUCKET, "log_data/"), format,
                LOCAL_ROLE, LOCAL_REGION, maxErrors);
    }

    public DuckDbWarehouse warehouse() {
        return warehouse;
    }

    public SqlCatalog catalog() {
        return catalog;
    }

    /** Polls fast: local statements finish in milliseconds. No statement runs past an hour. */
    public StatementWaiter waiter() {
        return new StatementWaiter(warehouse, Duration.ofMillis(2), Duration.ofMillis(50), Duration.ofHours(1));
    }

    public PipelineRunner runner(RunListener listener) {
        return new PipelineRunner(warehouse, catalog, waiter(), listener);
    }

    @Override
    public void close() {
        warehouse.close();
    }
}
