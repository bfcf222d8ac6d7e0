package com.sparkify.dwh.pipeline;

import com.sparkify.dwh.run.DatasetPlan;
import com.sparkify.dwh.sql.SqlCatalog;
import com.sparkify.dwh.warehouse.QueryResult;
import com.sparkify.dwh.warehouse.Warehouse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pipeline's SQL steps: each renders its file of {@code sql/} and submits it as one batch (one
 * transaction), returning the statement id at once. Callers wait for the statement themselves: the
 * state machine's Wait/Check loop on AWS, a waiter locally. A client token makes a repeated submit of
 * the same step attempt return the first statement instead of running twice.
 */
public final class PipelineSteps {

    /** The two datasets the stage step copies. */
    public enum Dataset {
        SONGS, EVENTS;

        String stageScript() {
            return "stage_" + name().toLowerCase(Locale.ROOT);
        }

        String clearScript() {
            return "clear_staging_" + name().toLowerCase(Locale.ROOT);
        }

        public static Dataset named(String name) {
            return valueOf(checkedName(name, values()));
        }
    }

    /** The star-schema loads, each with its file; "songs" loads songs and artists in one transaction. */
    public enum Table {
        USERS, SONGS, SONGPLAYS, TIME;

        String loadScript() {
            return "load_" + name().toLowerCase(Locale.ROOT);
        }

        public static Table named(String name) {
            return valueOf(checkedName(name, values()));
        }
    }

    private final Warehouse warehouse;
    private final SqlCatalog catalog;
    private final CopySettings copy;

    public PipelineSteps(Warehouse warehouse, SqlCatalog catalog, CopySettings copy) {
        this.warehouse = warehouse;
        this.catalog = catalog;
        this.copy = copy;
    }

    /** Creates missing tables; with {@code reset}, drops every table first, in the same transaction. */
    public String createTables(boolean reset, String clientToken) {
        List<String> statements = new ArrayList<>();
        if (reset) {
            statements.addAll(catalog.render("drop_tables"));
        }
        statements.addAll(catalog.render("create_tables"));
        return warehouse.batchExecuteStatement(statements, clientToken);
    }

    /** Replaces a staging table's rows with the manifest's objects; with no objects, only empties it. */
    public String stage(Dataset dataset, DatasetPlan plan, String clientToken) {
        if (plan.isEmpty()) {
            return warehouse.batchExecuteStatement(catalog.render(dataset.clearScript()), clientToken);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("manifest", plan.manifest());
        params.put("iam_role", copy.iamRole());
        params.put("region", copy.region());
        params.put("json_format", dataset == Dataset.EVENTS ? copy.logJsonFormat() : CopySettings.AUTO_IGNORECASE);
        params.put("max_errors", copy.maxErrors());
        return warehouse.batchExecuteStatement(catalog.render(dataset.stageScript(), params), clientToken);
    }

    public String load(Table table, String clientToken) {
        return warehouse.batchExecuteStatement(catalog.render(table.loadScript()), clientToken);
    }

    public String qualityChecks(String clientToken) {
        return warehouse.batchExecuteStatement(catalog.render("check_quality"), clientToken);
    }

    /** Creates the pipeline lock's table and row if missing. */
    public String initLock(String clientToken) {
        return warehouse.batchExecuteStatement(catalog.render("init_lock"), clientToken);
    }

    /**
     * Takes the pipeline lock for the run if it is free, already the run's, or taken before
     * {@code staleBefore}; the batch's last statement says who holds it ({@code acquired} 1 or 0).
     */
    public String acquireLock(String runId, Instant now, Instant staleBefore, String clientToken) {
        // Not Map.of: it throws a bare NullPointerException for a missing run id; the catalog refuses it by name.
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("run_id", runId);
        params.put("now", timestamp(now));
        params.put("stale_before", timestamp(staleBefore));
        return warehouse.batchExecuteStatement(catalog.render("acquire_lock", params), clientToken);
    }

    public String releaseLock(String runId, String clientToken) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("run_id", runId);
        return warehouse.batchExecuteStatement(catalog.render("release_lock", params), clientToken);
    }

    /** The objects already loaded (object_uri, etag), for planning. */
    public String readLedger(String clientToken) {
        return warehouse.batchExecuteStatement(catalog.render("read_ledger"), clientToken);
    }

    /** Records the objects of the run's ledger file (written by the planner) as loaded. */
    public String recordLedger(String runId, String ledgerFile, Instant loadedAt, String clientToken) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ledger_file", ledgerFile);
        params.put("iam_role", copy.iamRole());
        params.put("region", copy.region());
        params.put("run_id", runId);
        params.put("loaded_at", timestamp(loadedAt));
        return warehouse.batchExecuteStatement(catalog.render("record_ledger", params), clientToken);
    }

    /** A timestamp literal both Redshift and DuckDB cast from text: UTC, microseconds. */
    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant.atOffset(ZoneOffset.UTC));
    }

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    /** The checks that found violating rows, as "name (n rows)", from a finished quality-check result. */
    public static List<String> failedChecks(QueryResult result) {
        List<String> failed = new ArrayList<>();
        for (int row = 0; row < result.rows().size(); row++) {
            long count = result.getLong(row, "violations");
            if (count != 0) {
                failed.add(result.getString(row, "check_name") + " (" + count + " rows)");
            }
        }
        return failed;
    }

    /** Upper-cases a step argument after checking it is one of the known names: input never picks a file. */
    private static String checkedName(String name, Enum<?>[] known) {
        String upper = name == null ? "" : name.toUpperCase(Locale.ROOT);
        for (Enum<?> value : known) {
            if (value.name().equals(upper)) {
                return upper;
            }
        }
        List<String> names = new ArrayList<>();
        for (Enum<?> value : known) {
            names.add(value.name().toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException("unknown name \"" + name + "\"; expected one of " + names);
    }
}
