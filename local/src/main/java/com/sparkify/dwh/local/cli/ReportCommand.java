package com.sparkify.dwh.local.cli;

import com.sparkify.dwh.local.LocalPipeline;
import com.sparkify.dwh.local.report.ReportData;
import com.sparkify.dwh.local.report.ReportPage;
import com.sparkify.dwh.local.report.ReportQueries;
import com.sparkify.dwh.pipeline.StatementFailedException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./sparkify report}: the star schema as charts in one self-contained HTML file, from the local
 * DuckDB file or from Redshift through the Data API; the same queries (sql/report_*.sql) either way.
 */
@Command(name = "report", description = "Writes an analyst report of the star schema as one HTML file that opens"
        + " offline: plays per day, hour and weekday; top songs and artists; free vs paid; upgrades and downgrades;"
        + " plays per session; plays that found no song; row counts and the load history.")
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "FILE", defaultValue = "sparkify.duckdb",
            description = "DuckDB file written by ./sparkify run. Default: ${DEFAULT-VALUE}.")
    Path database;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "report.html",
            description = "The HTML file to write (replaced if it exists). Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--top", paramLabel = "N", defaultValue = "" + ReportQueries.DEFAULT_TOP,
            description = "How many songs and artists the top lists show. Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(names = "--warehouse", paramLabel = "duckdb|redshift", defaultValue = "duckdb",
            description = "Where the queries run: the DuckDB file (--db), or Redshift through the Data API (--cluster or"
                    + " --workgroup, --region, and --database, --secret-arn or --db-user as needed; the bucket and"
                    + " COPY options are not used). Default: ${DEFAULT-VALUE}.")
    String warehouseKind;

    @Mixin
    RedshiftOptions redshift = new RedshiftOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean onRedshift = warehouseKind.equals("redshift");
        if (!onRedshift && !warehouseKind.equals("duckdb")) {
            err.println("sparkify report: --warehouse is duckdb or redshift, not " + warehouseKind);
            return 2;
        }
        if (top < 1) {
            err.println("sparkify report: --top must be at least 1, not " + top);
            return 2;
        }
        String problem = onRedshift ? redshift.warehouseProblem() : null;
        if (problem != null) {
            err.println("sparkify report: " + problem);
            return 2;
        }
        if (!onRedshift && !Files.exists(database)) {
            err.println("sparkify report: no database at " + database.toAbsolutePath() + "; run ./sparkify run first");
            return 2;
        }
        String source = onRedshift ? "Redshift " + redshift.warehouseDescription() : "DuckDB file " + database;
        String generatedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        ReportData data;
        try (LocalPipeline pipeline = onRedshift ? redshift.openWarehouse()
                : LocalPipeline.open(database, database.toAbsolutePath().getParent(), LocalPipeline.copySettings(null, 0))) {
            data = new ReportQueries(pipeline.warehouse(), pipeline.catalog(), pipeline.waiter())
                    .query(top, source, generatedAt);
        } catch (StatementFailedException e) {
            String message = SparkifyCli.oneLine(e);
            err.println("sparkify report: " + message
                    + (message.contains("songplays") || message.toLowerCase().contains("does not exist")
                    ? " (has ./sparkify run created the star schema?)" : ""));
            return 1;
        }
        String html = ReportPage.render(data);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(out, html, StandardCharsets.UTF_8);
        ReportData.Summary summary = data.summary();
        stdout.printf("Wrote %s (%d KB): %d charts; %,d plays by %,d users%s.%n", out, (Files.size(out) + 1023) / 1024,
                ReportPage.charts(data).size(), summary.plays(), summary.users(),
                data.loadHistory().ledgerExists() ? "" : "; no load history yet (no ledger)");
        stdout.flush();
        return 0;
    }
}
