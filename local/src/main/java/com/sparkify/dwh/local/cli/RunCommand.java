package com.sparkify.dwh.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sparkify.dwh.local.LocalPipeline;
import com.sparkify.dwh.local.runtime.LocalStateMachine;
import com.sparkify.dwh.local.runtime.Notification;
import com.sparkify.dwh.local.runtime.StepTracker;
import com.sparkify.dwh.local.states.ExecutionListener;
import com.sparkify.dwh.local.states.ExecutionResult;
import com.sparkify.dwh.local.states.Sleeper;
import com.sparkify.dwh.pipeline.StepReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./sparkify run}: the deployed state machine, run on this machine against a data folder and a
 * DuckDB file, with progress as steps finish and the execution's history at the end.
 */
@Command(name = "run", description = "Runs the pipeline's state machine (statemachine/etl.asl.json) on a data folder"
        + " into a local DuckDB file: the same definition and handlers as on AWS.")
public final class RunCommand implements Callable<Integer> {

    /** Local waits and retry intervals last this fraction of their real length by default. */
    static final double FAST = 0.01;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data/sample",
            description = "Folder laid out like the bucket (song_data/, log_data/). Default: ${DEFAULT-VALUE}.")
    Path data;

    @Option(names = "--db", paramLabel = "FILE", defaultValue = "sparkify.duckdb",
            description = "DuckDB file standing in for Redshift; created if missing. Default: ${DEFAULT-VALUE}.")
    Path database;

    @Option(names = "--event", paramLabel = "FILE",
            description = "The execution's input, e.g. a file of events/ (schedule, S3 Object Created, manual"
                    + " full/reset/backfill). Default: {\"mode\": \"full\"}.")
    Path event;

    @Option(names = "--log-jsonpaths", paramLabel = "KEY",
            description = "Map log keys with this jsonpaths file of the data folder (e.g. log_json_path.json)"
                    + " instead of JSON 'auto ignorecase'.")
    String logJsonPaths;

    @Option(names = "--max-errors", paramLabel = "N", defaultValue = "0",
            description = "Bad rows each COPY may reject (recorded in stl_load_errors) before the run fails;"
                    + " Redshift's MAXERROR. Default: ${DEFAULT-VALUE}.")
    int maxErrors;

    @Option(names = "--real-time",
            description = "Wait as long as the state machine says (Wait states, retry intervals). By default"
                    + " they last 1/100 of that on the local warehouse, ending sooner when a statement finishes,"
                    + " and real time on Redshift.")
    boolean realTime;

    @Option(names = "--wait-scale", paramLabel = "FACTOR",
            description = "Multiply every wait by this instead (0: do not wait at all; 1: real time).")
    Double waitScale;

    @Option(names = "--warehouse", paramLabel = "duckdb|redshift", defaultValue = "duckdb",
            description = "Where the SQL runs: the embedded DuckDB file (--db) with a data folder (--data), or a real"
                    + " Redshift through the Data API with COPY reading real buckets (the options below)."
                    + " Default: ${DEFAULT-VALUE}.")
    String warehouseKind;

    @picocli.CommandLine.Mixin
    RedshiftOptions redshift = new RedshiftOptions();

    @Option(names = "--history", paramLabel = "full|none", defaultValue = "full",
            description = "Print the execution's event history at the end (full) or not (none). Default: ${DEFAULT-VALUE}.")
    String history;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!warehouseKind.equals("redshift") && !Files.isDirectory(data)) {
            err.println("sparkify run: no data folder " + data.toAbsolutePath()
                    + " (give --data DIR, or generate one with ./sparkify generate --out DIR)");
            return 2;
        }
        if (!history.equals("full") && !history.equals("none")) {
            err.println("sparkify run: --history is full or none, not " + history);
            return 2;
        }
        boolean onRedshift = warehouseKind.equals("redshift");
        if (!onRedshift && !warehouseKind.equals("duckdb")) {
            err.println("sparkify run: --warehouse is duckdb or redshift, not " + warehouseKind);
            return 2;
        }
        String problem = onRedshift ? redshift.problem() : null;
        if (problem != null) {
            err.println("sparkify run: " + problem);
            return 2;
        }
        ObjectMapper mapper = new ObjectMapper();
        JsonNode input = event == null ? mapper.createObjectNode().put("mode", "full") : mapper.readTree(event.toFile());
        out.printf("Running the state machine on %s into %s%s%n", onRedshift ? redshift.dataDescription() : data,
                onRedshift ? redshift.warehouseDescription() : database, event == null ? "" : " with input " + event);
        StepTable.header(out);
        out.flush();
        StepTracker steps = new StepTracker(report -> printStep(report, out));
        try (LocalPipeline pipeline = onRedshift ? redshift.open(logJsonPaths, maxErrors)
                : LocalPipeline.open(database, data, LocalPipeline.copySettings(logJsonPaths, maxErrors))) {
            // By default a local wait also ends when a statement finishes; --real-time and --wait-scale wait as told.
            Sleeper sleeper = waitScale != null ? Sleeper.scaled(waitScale)
                    : realTime ? Sleeper.realTime() : pipeline.sleeper(onRedshift ? 1.0 : FAST);
            LocalStateMachine.Run run = pipeline.runStateMachine(input, sleeper, ExecutionListener.NONE, steps);
            ExecutionResult result = run.result();
            for (Notification notification : run.notifications()) {
                out.printf("SNS message to %s (recorded locally, not sent):%n  %s%n  %s%n", notification.topicArn(),
                        notification.subject(), notification.message().replace("\n", "\n  "));
            }
            if (history.equals("full")) {
                HistoryPrinter.print(run.executionName(), result.history(), out);
            }
            if (!result.succeeded()) {
                out.flush();
                err.println("sparkify run failed: " + result.error() + ": " + FailureCause.summary(result.cause()));
                return 1;
            }
            out.printf(Locale.ROOT, "Succeeded in %.2f s (the execution started %.2f s after the JVM). Rows per table:%n",
                    elapsedSeconds(result), startupSeconds(result));
            for (Map.Entry<String, Long> table : pipeline.tableCounts().entrySet()) {
                out.printf("  %-16s %12d%n", table.getKey(), table.getValue());
            }
            return 0;
        }
    }

    private static void printStep(StepReport report, PrintWriter out) {
        StepTable.row(report, out);
        out.flush();
    }

    private static double elapsedSeconds(ExecutionResult result) {
        var history = result.history();
        return history.isEmpty() ? 0 : java.time.Duration.between(history.get(0).timestamp(),
                history.get(history.size() - 1).timestamp()).toNanos() / 1e9;
    }

    /** From the JVM's start to the execution's first event: what a user waits before anything runs. */
    private static double startupSeconds(ExecutionResult result) {
        long jvmStarted = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        return result.history().isEmpty() ? 0
                : (result.history().get(0).timestamp().toEpochMilli() - jvmStarted) / 1e3;
    }
}
