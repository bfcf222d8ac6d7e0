package com.sparkify.dwh.local.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sparkify.dwh.local.LocalPipeline;
import com.sparkify.dwh.pipeline.StatementFailedException;
import com.sparkify.dwh.sql.SqlLexer;
import com.sparkify.dwh.warehouse.QueryResult;
import com.sparkify.dwh.warehouse.StatementDescription;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./sparkify query "SQL"}: Redshift SQL on the local database, printed as a table or JSON. */
@Command(name = "query", description = "Runs SQL (Redshift dialect) on the local database and prints the result.")
public final class QueryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "FILE", defaultValue = "sparkify.duckdb",
            description = "DuckDB file written by ./sparkify run. Default: ${DEFAULT-VALUE}.")
    Path database;

    @Option(names = "--json", description = "Print the rows as a JSON array of objects.")
    boolean json;

    @Parameters(paramLabel = "SQL", description = "The statement(s); several run as one transaction and the"
            + " last one's rows are printed.")
    String sql;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.exists(database)) {
            err.println("sparkify query: no database at " + database.toAbsolutePath() + "; run ./sparkify run first");
            return 2;
        }
        List<String> statements = SqlLexer.splitStatements(sql);
        if (statements.isEmpty()) {
            err.println("sparkify query: no SQL statement given");
            return 2;
        }
        try (LocalPipeline pipeline = LocalPipeline.open(database, database.toAbsolutePath().getParent(),
                LocalPipeline.copySettings(null, 0))) {
            var warehouse = pipeline.warehouse();
            String id = warehouse.batchExecuteStatement(statements);
            StatementDescription done;
            try {
                done = pipeline.waiter().awaitFinished(id, "query");
            } catch (StatementFailedException e) {
                err.println("sparkify query: " + SparkifyCli.oneLine(e));
                return 1;
            }
            StatementDescription last = done.subStatement(statements.size());
            if (!last.hasResultSet()) {
                out.println(last.resultRows() < 0 ? "OK" : "OK, " + last.resultRows() + " rows");
                return 0;
            }
            QueryResult result = warehouse.getStatementResult(last.id());
            if (json) {
                printJson(result, out);
            } else {
                TablePrinter.print(result, out);
            }
            return 0;
        }
    }

    static void printJson(QueryResult result, PrintWriter out) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode rows = mapper.createArrayNode();
        for (List<Object> row : result.rows()) {
            ObjectNode object = rows.addObject();
            for (int i = 0; i < result.columns().size(); i++) {
                object.putPOJO(result.columns().get(i), row.get(i));
            }
        }
        out.println(mapper.writeValueAsString(rows));
        out.flush();
    }
}
