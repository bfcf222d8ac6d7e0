package com.sparkify.dwh.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.sparkify.dwh.run.LoadedObjects;
import com.sparkify.dwh.run.RunInputParser;
import com.sparkify.dwh.run.RunPlan;
import com.sparkify.dwh.run.RunPlanner;
import com.sparkify.dwh.warehouse.QueryResult;
import com.sparkify.dwh.warehouse.StatementDescription;
import com.sparkify.dwh.warehouse.Warehouse;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plan: turns the execution's input (a schedule event, an S3 Object Created event or a manual input)
 * into the objects the run loads, written as COPY manifests.
 */
public final class PlanRunHandler extends JsonHandler<PlanRunHandler.Request, RunPlan> {

    /**
     * @param runId             the execution's name
     * @param input             the execution's input
     * @param ledgerStatementId the finished read-ledger statement, whose rows are the objects already
     *                          loaded; null plans as if nothing were
     */
    public record Request(String runId, JsonNode input, String ledgerStatementId) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(PlanRunHandler.class);

    private final RunPlanner planner;
    private final Warehouse warehouse;
    private final RunInputParser parser = new RunInputParser(MAPPER);

    public PlanRunHandler() {
        this(LambdaEnvironment.planner(), LambdaEnvironment.warehouse(), LambdaEnvironment.metrics());
    }

    public PlanRunHandler(RunPlanner planner, Warehouse warehouse, PipelineMetrics metrics) {
        super(Request.class, metrics);
        this.planner = planner;
        this.warehouse = warehouse;
    }

    @Override
    protected RunPlan handle(Request request, Context context) {
        LoadedObjects loaded = loaded(request.ledgerStatementId());
        RunPlan plan = planner.plan(parser.parse(request.input()), request.runId(), loaded);
        LOG.info("planned run {} ({}): {} song objects, {} log objects{}", plan.runId(), plan.trigger(),
                plan.songs().objects(), plan.events().objects(), plan.reset() ? ", reset" : "");
        metrics().count("SongObjectsPlanned", plan.songs().objects());
        metrics().count("LogObjectsPlanned", plan.events().objects());
        return plan;
    }

    /** The ledger's rows, from the read-ledger statement the state machine ran before this step. */
    private LoadedObjects loaded(String statementId) {
        LoadedObjects loaded = new LoadedObjects();
        if (statementId == null) {
            return loaded;
        }
        // read_ledger.sql lists the objects in its first statement (a batch's sub-statements are id:1, id:2).
        StatementDescription statement = warehouse.describeStatement(statementId);
        List<StatementDescription> subs = statement.subStatements();
        QueryResult rows = warehouse.getStatementResult(subs.isEmpty() ? statement.id() : subs.get(0).id());
        for (int row = 0; row < rows.rows().size(); row++) {
            loaded.add(rows.getString(row, "object_uri"), rows.getString(row, "etag"));
        }
        LOG.info("the ledger holds {} objects", loaded.size());
        return loaded;
    }
}
