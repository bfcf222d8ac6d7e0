package com.sparkify.dwh.local.cli;

import com.sparkify.dwh.local.LocalPipeline;
import com.sparkify.dwh.pipeline.StatementFailedException;
import com.sparkify.dwh.warehouse.QueryResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./sparkify ledger}: what was loaded when, by which run, with how many rows rejected. */
@Command(name = "ledger", description = "Shows the ledger of loaded objects: per run and dataset, or every object.")
public final class LedgerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "FILE", defaultValue = "sparkify.duckdb",
            description = "DuckDB file written by ./sparkify run. Default: ${DEFAULT-VALUE}.")
    Path database;

    @Option(names = "--objects", description = "List every object instead of one line per run and dataset.")
    boolean objects;

    @Option(names = "--json", description = "Print the rows as a JSON array of objects.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.exists(database)) {
            err.println("sparkify ledger: no database at " + database.toAbsolutePath() + "; run ./sparkify run first");
            return 2;
        }
        try (LocalPipeline pipeline = LocalPipeline.open(database, database.toAbsolutePath().getParent(),
                LocalPipeline.copySettings(null, 0))) {
            String sql = pipeline.catalog().render(objects ? "ledger_objects" : "ledger_report").get(0);
            String id = pipeline.warehouse().executeStatement(sql);
            try {
                pipeline.waiter().awaitFinished(id, "ledger");
            } catch (StatementFailedException e) {
                err.println("sparkify ledger: " + SparkifyCli.oneLine(e)
                        + (String.valueOf(e.getMessage()).contains("load_ledger") ? " (no run has recorded a ledger yet)" : ""));
                return 1;
            }
            QueryResult result = pipeline.warehouse().getStatementResult(id);
            if (json) {
                QueryCommand.printJson(result, out);
            } else {
                TablePrinter.print(result, out);
            }
            return 0;
        }
    }
}
