package com.sparkify.dwh.local.cli;

import com.sparkify.dwh.aws.RedshiftTarget;
import com.sparkify.dwh.local.LocalPipeline;
import com.sparkify.dwh.local.redshift.RedshiftConnection;
import com.sparkify.dwh.pipeline.CopySettings;
import com.sparkify.dwh.run.PlannerSettings;
import java.net.URI;
import picocli.CommandLine.Option;

/** The options of {@code run --warehouse redshift}: the cluster or workgroup, and the buckets COPY reads. */
final class RedshiftOptions {

    @Option(names = "--cluster", paramLabel = "ID", description = "Redshift: provisioned cluster identifier.")
    String cluster;

    @Option(names = "--workgroup", paramLabel = "NAME", description = "Redshift: Serverless workgroup name or ARN.")
    String workgroup;

    @Option(names = "--database", paramLabel = "NAME", defaultValue = "dev",
            description = "Redshift: database. Default: ${DEFAULT-VALUE}.")
    String database;

    @Option(names = "--secret-arn", paramLabel = "ARN", description = "Redshift: Secrets Manager secret to sign in with.")
    String secretArn;

    @Option(names = "--db-user", paramLabel = "USER", description = "Redshift cluster: database user for temporary credentials.")
    String dbUser;

    @Option(names = "--region", paramLabel = "REGION", description = "Redshift: AWS Region of the warehouse and buckets.")
    String region;

    @Option(names = "--bucket", paramLabel = "NAME", description = "Redshift: the data bucket (e.g. a copy of udacity-dend).")
    String bucket;

    @Option(names = "--song-prefix", paramLabel = "PREFIX", defaultValue = "song_data/",
            description = "Redshift: song key prefix. Default: ${DEFAULT-VALUE}.")
    String songPrefix;

    @Option(names = "--log-prefix", paramLabel = "PREFIX", defaultValue = "log_data/",
            description = "Redshift: log key prefix. Default: ${DEFAULT-VALUE}.")
    String logPrefix;

    @Option(names = "--work-bucket", paramLabel = "NAME",
            description = "Redshift: a bucket you may write, for the run's COPY manifests (the COPY role must read it).")
    String workBucket;

    @Option(names = "--work-prefix", paramLabel = "PREFIX", defaultValue = "manifests/",
            description = "Redshift: key prefix of the manifests. Default: ${DEFAULT-VALUE}.")
    String workPrefix;

    @Option(names = "--iam-role", paramLabel = "ARN", description = "Redshift: the role COPY assumes to read the buckets.")
    String iamRole;

    @Option(names = "--log-json-format", paramLabel = "FORMAT",
            description = "Redshift: 'auto ignorecase' (default) or the s3:// URI of a jsonpaths file for the logs.")
    String logJsonFormat;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Redshift: send Data API and S3 calls to this endpoint (a stub or an emulator).")
    URI endpoint;

    /** What is missing or contradictory, or null when these options can open a pipeline. */
    String problem() {
        return problem(true);
    }

    /** As {@link #problem()}, for commands that only run statements: no bucket or role needed. */
    String warehouseProblem() {
        return problem(false);
    }

    private String problem(boolean withBuckets) {
        if ((cluster == null) == (workgroup == null)) {
            return "--warehouse redshift needs exactly one of --cluster and --workgroup";
        }
        if (workgroup != null && dbUser != null) {
            return "--db-user is for a provisioned cluster (--cluster); Serverless signs in with --secret-arn or IAM";
        }
        if (dbUser != null && secretArn != null) {
            return "give either --secret-arn or --db-user: they are two ways to sign in";
        }
        String[][] required = withBuckets
                ? new String[][] {{"--region", region}, {"--bucket", bucket}, {"--work-bucket", workBucket},
                        {"--iam-role", iamRole}}
                : new String[][] {{"--region", region}};
        for (String[] option : required) {
            if (option[1] == null || option[1].isBlank()) {
                return "--warehouse redshift needs " + option[0];
            }
        }
        try {
            target();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return null;
    }

    /** The Data API alone, as the pipeline's warehouse: for commands that only run statements. */
    LocalPipeline openWarehouse() {
        return RedshiftConnection.openWarehouse(target(), region, endpoint);
    }

    LocalPipeline open(String logJsonPathsKey, int maxErrors) {
        String format = logJsonFormat != null ? logJsonFormat
                : logJsonPathsKey != null ? "s3://" + bucket + "/" + logJsonPathsKey : CopySettings.AUTO_IGNORECASE;
        return RedshiftConnection.open(new RedshiftConnection.Options(target(), region,
                new PlannerSettings(bucket, songPrefix, logPrefix, workBucket, workPrefix),
                new CopySettings(iamRole, region, format, maxErrors), endpoint));
    }

    String dataDescription() {
        return "s3://" + bucket + "/{" + songPrefix + "," + logPrefix + "}";
    }

    String warehouseDescription() {
        return (cluster != null ? "cluster " + cluster : "workgroup " + workgroup) + " database " + database;
    }

    /** The cluster or workgroup, database and sign-in; also used alone, by commands that only run statements. */
    RedshiftTarget target() {
        return cluster != null ? RedshiftTarget.cluster(cluster, database, secretArn, dbUser)
                : RedshiftTarget.workgroup(workgroup, database, secretArn);
    }
}
