package com.sparkify.dwh.pipeline;

import com.sparkify.dwh.pipeline.PipelineSteps.Dataset;
import com.sparkify.dwh.pipeline.PipelineSteps.Table;
import com.sparkify.dwh.run.RunPlan;
import com.sparkify.dwh.sql.SqlCatalog;
import com.sparkify.dwh.warehouse.QueryResult;
import com.sparkify.dwh.warehouse.StatementDescription;
import com.sparkify.dwh.warehouse.Warehouse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs a planned run's steps in order against any warehouse: create tables, stage both datasets in
 * parallel, load the dimensions in parallel, then songplays, then time, then the quality checks. A
 * stand-in for the state machine (statemachine/etl.asl.json) until that runs locally; the steps
 * themselves are {@link PipelineSteps}, shared with the Lambda handlers.
 */
public final class PipelineRunner {

    private final Warehouse warehouse;
    private final SqlCatalog catalog;
    private final PipelineSteps steps;
    private final StatementWaiter waiter;
    private final RunListener listener;

    public PipelineRunner(Warehouse warehouse, SqlCatalog catalog, PipelineSteps steps, StatementWaiter waiter,
                          RunListener listener) {
        this.warehouse = warehouse;
        this.catalog = catalog;
        this.steps = steps;
        this.waiter = waiter;
        this.listener = listener;
    }

    public RunReport run(RunPlan plan) {
        long started = System.nanoTime();
        List<StepReport> done = new ArrayList<>();
        runGroup(done, List.of(new Step("create tables", Outcome.NONE, () -> steps.createTables(plan.reset(), null))));
        runGroup(done, List.of(
                new Step("stage songs", Outcome.COPY, () -> steps.stage(Dataset.SONGS, plan.songs(), null)),
                new Step("stage events", Outcome.COPY, () -> steps.stage(Dataset.EVENTS, plan.events(), null))));
        runGroup(done, List.of(
                new Step("load users", Outcome.INSERT, () -> steps.load(Table.USERS, null)),
                new Step("load songs", Outcome.INSERT, () -> steps.load(Table.SONGS, null)),
                new Step("load artists", Outcome.INSERT, () -> steps.load(Table.ARTISTS, null))));
        runGroup(done, List.of(new Step("load songplays", Outcome.INSERT, () -> steps.load(Table.SONGPLAYS, null))));
        runGroup(done, List.of(new Step("load time", Outcome.INSERT, () -> steps.load(Table.TIME, null))));
        runChecks(done);
        Map<String, Long> counts;
        try {
            counts = tableCounts();
        } catch (RuntimeException e) {
            throw fail(done, "count rows", e);
        }
        return new RunReport(done, counts, Duration.ofNanos(System.nanoTime() - started));
    }

    /** How a step's figures are read from its finished batch. */
    private enum Outcome { NONE, COPY, INSERT }

    private record Step(String name, Outcome outcome, Supplier<String> submit) {
    }

    /** Submits the steps together, waits for all of them, then fails with the first failure if any. */
    private void runGroup(List<StepReport> done, List<Step> group) {
        List<String> ids = new ArrayList<>();
        List<Long> starts = new ArrayList<>();
        RuntimeException firstFailure = null;
        String failedStep = null;
        for (Step step : group) {
            listener.stepStarted(step.name());
            starts.add(System.nanoTime());
            try {
                ids.add(step.submit().get());
            } catch (RuntimeException e) {
                ids.add(null);
                if (firstFailure == null) {
                    firstFailure = e;
                    failedStep = step.name();
                }
            }
        }
        for (int i = 0; i < group.size(); i++) {
            Step step = group.get(i);
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
                if (!last.hasResultSet()) {
                    yield new StepReport(step.name(), 0, 0, elapsed); // nothing to load: staging only emptied
                }
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
            StatementDescription finished = waiter.awaitFinished(steps.qualityChecks(null), name);
            result = warehouse.getStatementResult(finished.subStatement(finished.subStatements().size()).id());
        } catch (RuntimeException e) {
            throw fail(done, name, e);
        }
        List<String> failed = PipelineSteps.failedChecks(result);
        if (!failed.isEmpty()) {
            throw new PipelineFailedException(name, "data-quality checks failed: " + String.join(", ", failed),
                    done, null);
        }
        StepReport report = new StepReport(name, 0, -1, Duration.ofNanos(System.nanoTime() - started));
        done.add(report);
        listener.stepFinished(report);
    }

    /** Row counts of every table, in the order table_counts.sql lists them. */
    public Map<String, Long> tableCounts() {
        String id = warehouse.executeStatement(catalog.render("table_counts").get(0));
        waiter.awaitFinished(id, "count rows");
        QueryResult result = warehouse.getStatementResult(id);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int row = 0; row < result.rows().size(); row++) {
            counts.put(result.getString(row, "table_name"), result.getLong(row, "row_count"));
        }
        return counts;
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
