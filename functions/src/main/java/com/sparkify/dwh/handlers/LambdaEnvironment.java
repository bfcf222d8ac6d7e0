package com.sparkify.dwh.handlers;

import com.sparkify.dwh.aws.AwsClients;
import com.sparkify.dwh.aws.RedshiftDataWarehouse;
import com.sparkify.dwh.aws.S3ObjectStore;
import com.sparkify.dwh.pipeline.PipelineSteps;
import com.sparkify.dwh.run.RunPlanner;
import com.sparkify.dwh.sql.SqlCatalog;
import com.sparkify.dwh.warehouse.Warehouse;
import java.util.function.UnaryOperator;

/**
 * What the handlers' no-argument constructors use on Lambda, built once per execution environment
 * (and so captured in the SnapStart snapshot): settings, clients, ports. Each piece is created on
 * first use, so a function builds only the clients it calls.
 */
final class LambdaEnvironment {

    private LambdaEnvironment() {
    }

    private static final class Settings {
        static final HandlerSettings VALUE = HandlerSettings.fromEnvironment(System.getenv());
    }

    private static final class Sql {
        static final SqlCatalog CATALOG = SqlCatalog.fromClasspath();
    }

    private static final class RedshiftData {
        static final Warehouse WAREHOUSE = new RedshiftDataWarehouse(AwsClients.redshiftData(), Settings.VALUE.target());
    }

    private static final class Metrics {
        static final PipelineMetrics VALUE = new PowertoolsMetrics();
    }

    static Warehouse warehouse() {
        return RedshiftData.WAREHOUSE;
    }

    static PipelineSteps steps() {
        return new PipelineSteps(RedshiftData.WAREHOUSE, Sql.CATALOG, Settings.VALUE.copy());
    }

    static RunPlanner planner() {
        var settings = Settings.VALUE.planner();
        return new RunPlanner(new S3ObjectStore(AwsClients.s3(), settings.dataBucket()),
                new S3ObjectStore(AwsClients.s3(), settings.workBucket()), settings, JsonHandler.MAPPER);
    }

    /** Run id to its ledger file, without the planner's bucket clients. */
    static UnaryOperator<String> ledgerFile() {
        var settings = Settings.VALUE.planner();
        return runId -> RunPlanner.ledgerFile(settings, runId);
    }

    static PipelineMetrics metrics() {
        return Metrics.VALUE;
    }
}
