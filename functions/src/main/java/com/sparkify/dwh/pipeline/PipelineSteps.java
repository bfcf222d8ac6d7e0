package com.sparkify.dwh.pipeline;

import com.sparkify.dwh.run.DatasetPlan;
import com.sparkify.dwh.sql.SqlCatalog;
import com.sparkify.dwh.warehouse.QueryResult;
import com.sparkify.dwh.warehouse.Warehouse;
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

    /** The star-schema tables, each with its load file. */
    public enum Table {
        USERS, SONGS, ARTISTS, SONGPLAYS, TIME;

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
