package com.sparkify.dwh.local.cli;

import com.sparkify.dwh.local.LocalPipeline;
import com.sparkify.dwh.pipeline.PipelineFailedException;
import com.sparkify.dwh.pipeline.RunListener;
import com.sparkify.dwh.pipeline.RunReport;
import com.sparkify.dwh.pipeline.StepReport;
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

/** {@code ./sparkify run}: the whole pipeline on a folder laid out like the bucket. */
@Command(name = "run", description = "Runs the pipeline on a data folder into a local DuckDB file and reports"
        + " what each step did.")
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data/sample",
            description = "Folder laid out like the bucket (song_data/, log_data/). Default: ${DEFAULT-VALUE}.")
    Path data;

    @Option(names = "--db", paramLabel = "FILE", defaultValue = "sparkify.duckdb",
            description = "DuckDB file standing in for Redshift; created if missing. Default: ${DEFAULT-VALUE}.")
    Path database;

    @Option(names = "--log-jsonpaths", paramLabel = "KEY",
            description = "Map log keys with this jsonpaths file of the data folder (e.g. log_json_path.json)"
                    + " instead of JSON 'auto ignorecase'.")
    String logJsonPaths;

    @Option(names = "--max-errors", paramLabel = "N", defaultValue = "0",
            description = "Bad rows each COPY may reject (recorded in stl_load_errors) before the run fails;"
                    + " Redshift's MAXERROR. Default: ${DEFAULT-VALUE}.")
    int maxErrors;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(data)) {
            err.println("sparkify run: no data folder " + data.toAbsolutePath()
                    + " (give --data DIR, or generate one with ./sparkify generate --out DIR)");
            return 2;
        }
        out.printf("Running the pipeline on %s into %s%n", data, database);
        out.printf("  %-16s %12s %10s %9s%n", "step", "rows", "rejected", "seconds");
        out.flush();
        RunListener printer = new RunListener() {
            @Override
            public void stepFinished(StepReport report) {
                out.printf(Locale.ROOT, "  %-16s %12s %10s %9.2f%n", report.name(), figure(report.rows()),
                        figure(report.rejected()), report.elapsed().toNanos() / 1e9);
                out.flush();
            }
        };
        try (LocalPipeline pipeline = LocalPipeline.open(database, data, LocalPipeline.copySettings(logJsonPaths, maxErrors))) {
            RunReport report = pipeline.runFullLoad(printer);
            out.printf(Locale.ROOT, "Finished in %.2f s. Rows per table:%n", report.elapsed().toNanos() / 1e9);
            for (Map.Entry<String, Long> table : report.tableCounts().entrySet()) {
                out.printf("  %-16s %12d%n", table.getKey(), table.getValue());
            }
            return 0;
        } catch (PipelineFailedException e) {
            err.println("sparkify run failed: " + SparkifyCli.oneLine(e));
            return 1;
        }
    }

    private static String figure(long value) {
        return value < 0 ? "-" : Long.toString(value);
    }
}
