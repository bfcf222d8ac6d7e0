package com.sparkify.dwh.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.sparkify.dwh.pipeline.StepReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Follows the steps of a run from the tasks the state machine performs: a submit names the step and
 * its statement, the check that sees the statement done gives its figures (rows copied and rejected
 * for a stage step, rows written for a load) and its time.
 */
public final class StepTracker implements TaskObserver {

    private record Started(String name, long startedNanos) {
    }

    private final Map<String, Started> byStatement = new ConcurrentHashMap<>();
    private final List<StepReport> finished = new ArrayList<>();
    private final Consumer<StepReport> onFinished;
    private volatile JsonNode plan;

    public StepTracker(Consumer<StepReport> onFinished) {
        this.onFinished = onFinished;
    }

    /** The steps that finished, in the order they did. */
    public synchronized List<StepReport> steps() {
        return List.copyOf(finished);
    }

    /** The Plan step's output (the run plan), once planned. */
    public JsonNode plan() {
        return plan;
    }

    @Override
    public void invoked(String function, JsonNode payload, JsonNode output, Duration elapsed) {
        if (function.equals("PlanRunFunction")) {
            plan = output;
            // Listing the buckets, comparing with the ledger, writing the manifests: a step of its own.
            long objects = output.path("songs").path("objects").asLong(0) + output.path("events").path("objects").asLong(0);
            StepReport report = new StepReport("plan", objects, -1, elapsed);
            synchronized (this) {
                finished.add(report);
            }
            onFinished.accept(report);
            return;
        }
        String submitted = output.path("statementId").asText(null);
        String step = stepName(function, payload);
        if (step != null && submitted != null) {
            // From the submitting function's start: it may do work of its own before submitting.
            byStatement.putIfAbsent(submitted, new Started(step, System.nanoTime() - elapsed.toNanos()));
            return;
        }
        if (function.equals("CheckStatementFunction") && output.path("done").asBoolean(false)
                && "FINISHED".equals(output.path("status").asText())) {
            Started started = byStatement.remove(output.path("statementId").asText());
            if (started != null) {
                finish(started, output);
            }
        }
    }

    private void finish(Started started, JsonNode status) {
        long rows = status.path("resultRows").asLong(-1);
        long rejected = -1;
        JsonNode figures = status.path("result").path(0);
        if (figures.has("rows_written")) {
            rows = figures.path("rows_written").asLong();
        } else if (figures.has("rows_loaded")) {
            rows = figures.path("rows_loaded").asLong();
            rejected = figures.path("rows_rejected").asLong();
        } else if (started.name().startsWith("stage ")) {
            rows = 0; // nothing to load: the staging table was only emptied
            rejected = 0;
        }
        if (started.name().equals("create tables") || started.name().equals("check quality")
                || started.name().startsWith("lock ") || started.name().equals("read ledger")) {
            rows = -1;
        }
        StepReport report = new StepReport(started.name(), rows, rejected,
                Duration.ofNanos(System.nanoTime() - started.startedNanos()));
        synchronized (this) {
            finished.add(report);
        }
        onFinished.accept(report);
    }

    /** The step a submitting function's payload names; null for functions that submit nothing. */
    private static String stepName(String function, JsonNode payload) {
        return switch (function) {
            case "CreateTablesFunction" -> "create tables";
            case "StageDatasetFunction" -> "stage " + payload.path("dataset").asText();
            case "LoadTableFunction" -> "load " + payload.path("table").asText();
            case "QualityChecksFunction" -> payload.has("statementId") ? null : "check quality";
            case "PipelineLockFunction" -> "lock " + payload.path("action").asText();
            case "LedgerFunction" -> payload.path("action").asText() + " ledger";
            default -> null;
        };
    }
}
