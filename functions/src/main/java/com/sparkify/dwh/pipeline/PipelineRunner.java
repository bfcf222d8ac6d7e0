package com.sparkify.dwh.pipeline;

import com.sparkify.dwh.sql.SqlCatalog;
import com.sparkify.dwh.warehouse.QueryResult;
import com.sparkify.dwh.warehouse.StatementDescription;
import com.sparkify.dwh.warehouse.Warehouse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the pipeline's steps in order against any warehouse: create tables, stage both datasets in
 * parallel, load the dimensions in parallel, then songplays, then time, then the quality checks.
 * Every step is one file of {@code sql/} submitted as one batch (one transaction), so a step either
 * happens whole or not at all. A stand-in for the state machine until that runs locally.
 */
public final class PipelineRunner {

    private final Warehouse warehouse;
    private final SqlCatalog catalog;
    private final StatementWaiter waiter;
    private final RunListener listener;

    public PipelineRunner(Warehouse warehouse, SqlCatalog catalog, StatementWaiter waiter, RunListener listener) {
        this.warehouse = warehouse;
        this.catalog = catalog;
        this.waiter = waiter;
        this.listener = listener;
    }

    public RunReport run(PipelineConfig config) {
        long started = System.nanoTime();
        List<StepReport> done = new ArrayList<>();
        runGroup(done, List.of(new Step("create tables", "create_tables", Map.of(), Outcome.NONE)));
        runGroup(done, List.of(
                new Step("stage songs", "stage_songs", stageParams(config, config.songData().toString(),
                        PipelineConfig.AUTO_IGNORECASE), Outcome.COPY),
                new Step("stage events", "stage_events", stageParams(config, config.logData().toString(),
                        config.logJsonFormat()), Outcome.COPY)));
        runGroup(done, List.of(
                new Step("load users", "load_users", Map.of(), Outcome.INSERT),
                new Step("load songs", "load_songs", Map.of(), Outcome.INSERT),
                new Step("load artists", "load_artists", Map.of(), Outcome.INSERT)));
        runGroup(done, List.of(new Step("load songplays", "load_songplays", Map.of(), Outcome.INSERT)));
        runGroup(done, List.of(new Step("load time", "load_time", Map.of(), Outcome.INSERT)));
        runChecks(done);
        Map<String, Long> counts;
        try {
            counts = tableCounts();
        } catch (RuntimeException e) {
            throw fail(done, "count rows", e);
        }
        return new RunReport(done, counts, Duration.ofNanos(System.nanoTime() - started));
    }

    private static Map<String, Object> stageParams(PipelineConfig config, String source, String jsonFormat) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("source", source);
        params.put("iam_role", config.iamRole());
        params.put("region", config.region());
        params.put("json_format", jsonFormat);
        params.put("max_errors", config.maxErrors());
        return params;
    }

    /** How a step's figures are read from its finished batch. */
    private enum Outcome { NONE, COPY, INSERT }

    private record Step(String name, String script, Map<String, Object> params, Outcome outcome) {
    }

    /** Submits the steps together, waits for all of them, then fails with the first failure if any. */
    private void runGroup(List<StepReport> done, List<Step> steps) {
        List<String> ids = new ArrayList<>();
        List<Long> starts = new ArrayList<>();
        RuntimeException firstFailure = null;
        String failedStep = null;
        for (Step step : steps) {
            listener.stepStarted(step.name());
            starts.add(System.nanoTime());
            try {
                ids.add(warehouse.batchExecuteStatement(catalog.render(step.script(), step.params())));
            } catch (RuntimeException e) {
                ids.add(null);
                if (firstFailure == null) {
                    firstFailure = e;
                    failedStep = step.name();
                }
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (ids.get(i) == null) {
                continue;
            }
            try {
                StatementDescription finished = waiter.awaitFinished(ids.get(i), step.name());
                StepReport report = report(step, finished, Duration.ofNanos(System.nanoTime() - starts.get(i)));
                done.add(report);
                listener.stepFinished(report);
            } catch (RuntimeException e) {
                if (firstFailure == null) {
                    firstFailure = e;
                    failedStep = step.name();
                }
            }
        }
        if (firstFailure != null) {
            throw fail(done, failedStep, firstFailure);
        }
    }

    private StepReport report(Step step, StatementDescription finished, Duration elapsed) {
        List<StatementDescription> subs = finished.subStatements();
        StatementDescription last = subs.isEmpty() ? finished : subs.get(subs.size() - 1);
        return switch (step.outcome()) {
            case NONE -> StepReport.of(step.name(), elapsed);
            case INSERT -> new StepReport(step.name(), last.resultRows(), -1, elapsed);
            case COPY -> {
                QueryResult figures = warehouse.getStatementResult(last.id());
                yield new StepReport(step.name(), figures.getLong(0, "rows_loaded"),
                        figures.getLong(0, "rows_rejected"), elapsed);
            }
        };
    }

    private void runChecks(List<StepReport> done) {
        String name = "check quality";
        listener.stepStarted(name);
        long started = System.nanoTime();
        QueryResult result;
        try {
            result = query(catalog.render("check_quality").get(0), name);
        } catch (RuntimeException e) {
            throw fail(done, name, e);
        }
        List<String> violations = new ArrayList<>();
        long total = 0;
        for (int row = 0; row < result.rows().size(); row++) {
            long count = result.getLong(row, "violations");
            total += count;
            if (count != 0) {
                violations.add(result.getString(row, "check_name") + " (" + count + " rows)");
            }
        }
        if (!violations.isEmpty()) {
            throw new PipelineFailedException(name, "data-quality checks failed: " + String.join(", ", violations),
                    done, null);
        }
        StepReport report = new StepReport(name, total, -1, Duration.ofNanos(System.nanoTime() - started));
        done.add(report);
        listener.stepFinished(report);
    }

    /** Row counts of every table, in the order table_counts.sql lists them. */
    public Map<String, Long> tableCounts() {
        QueryResult result = query(catalog.render("table_counts").get(0), "count rows");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int row = 0; row < result.rows().size(); row++) {
            counts.put(result.getString(row, "table_name"), result.getLong(row, "row_count"));
        }
        return counts;
    }

    private QueryResult query(String sql, String what) {
        String id = warehouse.executeStatement(sql);
        waiter.awaitFinished(id, what);
        return warehouse.getStatementResult(id);
    }

    private static PipelineFailedException fail(List<StepReport> done, String step, RuntimeException cause) {
        return new PipelineFailedException(step, causeText(cause), done, cause);
    }

    private static String causeText(RuntimeException e) {
        if (e instanceof StatementFailedException failed && failed.description() != null
                && failed.description().error() != null) {
            return failed.description().error();
        }
        return e.getMessage();
    }
}
