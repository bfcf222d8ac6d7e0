package com.sparkify.dwh.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.sparkify.dwh.run.RunInputParser;
import com.sparkify.dwh.run.RunPlan;
import com.sparkify.dwh.run.RunPlanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plan: turns the execution's input (a schedule event, an S3 Object Created event or a manual input)
 * into the objects the run loads, written as COPY manifests.
 */
public final class PlanRunHandler extends JsonHandler<PlanRunHandler.Request, RunPlan> {

    /** @param runId the execution's name; @param input the execution's input */
    public record Request(String runId, JsonNode input) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(PlanRunHandler.class);

    private final RunPlanner planner;
    private final RunInputParser parser = new RunInputParser(MAPPER);

    public PlanRunHandler() {
        this(LambdaEnvironment.planner(), LambdaEnvironment.metrics());
    }

    public PlanRunHandler(RunPlanner planner, PipelineMetrics metrics) {
        super(Request.class, metrics);
        this.planner = planner;
    }

    @Override
    protected RunPlan handle(Request request, Context context) {
        RunPlan plan = planner.plan(parser.parse(request.input()), request.runId());
        LOG.info("planned run {} ({}): {} song objects, {} log objects{}", plan.runId(), plan.trigger(),
                plan.songs().objects(), plan.events().objects(), plan.reset() ? ", reset" : "");
        metrics().count("SongObjectsPlanned", plan.songs().objects());
        metrics().count("LogObjectsPlanned", plan.events().objects());
        return plan;
    }
}
