package com.sparkify.dwh.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.sparkify.dwh.pipeline.PipelineSteps;
import com.sparkify.dwh.warehouse.QueryResult;
import com.sparkify.dwh.warehouse.StatementDescription;
import com.sparkify.dwh.warehouse.Warehouse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Run the data-quality checks. Called twice by the state machine: without a statement id it submits
 * check_quality.sql; with the id of that finished statement it reads the counts and fails the run
 * (DataQualityCheckFailedException) when any check found violating rows.
 */
public final class QualityChecksHandler extends JsonHandler<QualityChecksHandler.Request, Object> {

    /** @param statementId absent to submit the checks, present to evaluate their result */
    public record Request(StepRequest step, String statementId) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(QualityChecksHandler.class);

    private final Warehouse warehouse;
    private final PipelineSteps steps;

    public QualityChecksHandler() {
        this(LambdaEnvironment.warehouse(), LambdaEnvironment.steps(), LambdaEnvironment.metrics());
    }

    public QualityChecksHandler(Warehouse warehouse, PipelineSteps steps, PipelineMetrics metrics) {
        super(Request.class, metrics);
        this.warehouse = warehouse;
        this.steps = steps;
    }

    @Override
    protected Object handle(Request request, Context context) {
        if (request.statementId() == null) {
            StepRequest step = request.step() == null ? new StepRequest(null, null, null, null, null) : request.step();
            String id = steps.qualityChecks(ClientTokens.of(step.runId(), "check_quality", step.attempt()));
            LOG.info("run {}: quality checks submitted as {}", step.runId(), id);
            return new StatementSubmitted(id);
        }
        return evaluate(request.statementId());
    }

    private QualityReport evaluate(String statementId) {
        StatementDescription statement = warehouse.describeStatement(statementId);
        List<StatementDescription> subs = statement.subStatements();
        String resultId = subs.isEmpty() ? statement.id() : subs.get(subs.size() - 1).id();
        QueryResult result = warehouse.getStatementResult(resultId);
        List<String> failed = PipelineSteps.failedChecks(result);
        Map<String, Long> checks = new LinkedHashMap<>();
        for (int row = 0; row < result.rows().size(); row++) {
            checks.put(result.getString(row, "check_name"), result.getLong(row, "violations"));
        }
        metrics().count("QualityChecksFailed", failed.size());
        if (!failed.isEmpty()) {
            LOG.error("data-quality checks failed: {}", failed);
            throw new DataQualityCheckFailedException("data-quality checks failed: " + String.join(", ", failed));
        }
        LOG.info("all {} data-quality checks passed", checks.size());
        return new QualityReport(true, checks);
    }
}
