package com.sparkify.dwh.aws;

import java.util.Map;

/**
 * Where the Data API runs statements and as whom: a provisioned cluster or a Serverless workgroup, the
 * database, and either a Secrets Manager secret or (cluster only) a database user for temporary
 * credentials. With neither, the Data API signs in as the caller's IAM identity. Null means absent.
 */
public record RedshiftTarget(
        String clusterIdentifier,
        String workgroupName,
        String database,
        String secretArn,
        String dbUser) {

    public static final String CLUSTER_ID_VAR = "REDSHIFT_CLUSTER_ID";
    public static final String WORKGROUP_VAR = "REDSHIFT_WORKGROUP";
    public static final String DATABASE_VAR = "REDSHIFT_DATABASE";
    public static final String SECRET_ARN_VAR = "REDSHIFT_SECRET_ARN";
    public static final String DB_USER_VAR = "REDSHIFT_DB_USER";

    public RedshiftTarget {
        // The template passes '' for an unused parameter: treat blank as absent everywhere.
        clusterIdentifier = absentIfBlank(clusterIdentifier);
        workgroupName = absentIfBlank(workgroupName);
        database = absentIfBlank(database);
        secretArn = absentIfBlank(secretArn);
        dbUser = absentIfBlank(dbUser);
        if (clusterIdentifier == null && workgroupName == null) {
            throw new IllegalArgumentException("no Redshift target: set " + CLUSTER_ID_VAR
                    + " (a provisioned cluster) or " + WORKGROUP_VAR + " (a Serverless workgroup)");
        }
        if (clusterIdentifier != null && workgroupName != null) {
            throw new IllegalArgumentException("set only one of " + CLUSTER_ID_VAR + " (a provisioned cluster) and "
                    + WORKGROUP_VAR + " (a Serverless workgroup), not both");
        }
        if (database == null) {
            throw new IllegalArgumentException(DATABASE_VAR + " is required (the database to run statements in, e.g. dev)");
        }
        if (dbUser != null && clusterIdentifier == null) {
            throw new IllegalArgumentException(DB_USER_VAR + " works only with a cluster (" + CLUSTER_ID_VAR
                    + "); a Serverless workgroup uses the caller's IAM identity or " + SECRET_ARN_VAR);
        }
        if (dbUser != null && secretArn != null) {
            throw new IllegalArgumentException("set only one of " + SECRET_ARN_VAR + " and " + DB_USER_VAR
                    + ": they are two different ways to sign in");
        }
    }

    public static RedshiftTarget cluster(String clusterIdentifier, String database, String secretArn, String dbUser) {
        return new RedshiftTarget(clusterIdentifier, null, database, secretArn, dbUser);
    }

    public static RedshiftTarget workgroup(String workgroupName, String database, String secretArn) {
        return new RedshiftTarget(null, workgroupName, database, secretArn, null);
    }

    /** Reads the REDSHIFT_* variables every function gets; an empty value means absent. */
    public static RedshiftTarget fromEnvironment(Map<String, String> env) {
        return new RedshiftTarget(env.get(CLUSTER_ID_VAR), env.get(WORKGROUP_VAR), env.get(DATABASE_VAR),
                env.get(SECRET_ARN_VAR), env.get(DB_USER_VAR));
    }

    public boolean isServerless() {
        return workgroupName != null;
    }

    private static String absentIfBlank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
