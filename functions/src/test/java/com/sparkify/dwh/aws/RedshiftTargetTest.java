package com.sparkify.dwh.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedshiftTargetTest {

    private static final String SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:redshift-AbCdEf";
    private static final String WORKGROUP = "arn:aws:redshift-serverless:us-east-1:123456789012:workgroup/0f1e2d3c";

    /** What the template sets: every variable present, '' for the unused ones. */
    private static Map<String, String> env(String cluster, String workgroup, String database, String secret, String user) {
        Map<String, String> env = new HashMap<>();
        env.put("REDSHIFT_CLUSTER_ID", cluster);
        env.put("REDSHIFT_WORKGROUP", workgroup);
        env.put("REDSHIFT_DATABASE", database);
        env.put("REDSHIFT_SECRET_ARN", secret);
        env.put("REDSHIFT_DB_USER", user);
        env.put("UNRELATED", "x");
        return env;
    }

    @Test
    void aClusterWithASecretFromTheEnvironment() {
        RedshiftTarget target = RedshiftTarget.fromEnvironment(env("sparkify", "", "dev", SECRET, ""));
        assertThat(target).isEqualTo(new RedshiftTarget("sparkify", null, "dev", SECRET, null));
        assertThat(target.isServerless()).isFalse();
    }

    @Test
    void aClusterWithADatabaseUserFromTheEnvironment() {
        RedshiftTarget target = RedshiftTarget.fromEnvironment(env("sparkify", "", "dev", "", "etl"));
        assertThat(target).isEqualTo(RedshiftTarget.cluster("sparkify", "dev", null, "etl"));
    }

    @Test
    void aClusterAsTheCallersIamIdentity() {
        assertThat(RedshiftTarget.fromEnvironment(env("sparkify", "", "dev", "", "")))
                .isEqualTo(new RedshiftTarget("sparkify", null, "dev", null, null));
    }

    @Test
    void aWorkgroupFromTheEnvironment() {
        RedshiftTarget target = RedshiftTarget.fromEnvironment(env("", WORKGROUP, "dev", "", ""));
        assertThat(target).isEqualTo(RedshiftTarget.workgroup(WORKGROUP, "dev", null));
        assertThat(target.isServerless()).isTrue();
    }

    @Test
    void missingVariablesCountAsAbsent() {
        Map<String, String> env = Map.of("REDSHIFT_WORKGROUP", "sparkify", "REDSHIFT_DATABASE", "dev");
        assertThat(RedshiftTarget.fromEnvironment(env)).isEqualTo(RedshiftTarget.workgroup("sparkify", "dev", null));
    }

    @Test
    void blankValuesCountAsAbsentAndValuesAreTrimmed() {
        assertThat(new RedshiftTarget(" sparkify ", "  ", "dev\n", " ", ""))
                .isEqualTo(new RedshiftTarget("sparkify", null, "dev", null, null));
    }

    @Test
    void needsAClusterOrAWorkgroup() {
        assertThatThrownBy(() -> RedshiftTarget.fromEnvironment(env("", "", "dev", "", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("REDSHIFT_CLUSTER_ID").hasMessageContaining("REDSHIFT_WORKGROUP");
    }

    @Test
    void refusesBothAClusterAndAWorkgroup() {
        assertThatThrownBy(() -> RedshiftTarget.fromEnvironment(env("sparkify", WORKGROUP, "dev", "", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only one of REDSHIFT_CLUSTER_ID").hasMessageContaining("REDSHIFT_WORKGROUP");
    }

    @Test
    void needsADatabase() {
        assertThatThrownBy(() -> RedshiftTarget.fromEnvironment(env("sparkify", "", "", SECRET, "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("REDSHIFT_DATABASE is required");
    }

    @Test
    void aDatabaseUserNeedsACluster() {
        assertThatThrownBy(() -> RedshiftTarget.fromEnvironment(env("", WORKGROUP, "dev", "", "etl")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("REDSHIFT_DB_USER works only with a cluster (REDSHIFT_CLUSTER_ID)");
    }

    @Test
    void refusesBothASecretAndADatabaseUser() {
        assertThatThrownBy(() -> RedshiftTarget.fromEnvironment(env("sparkify", "", "dev", SECRET, "etl")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("REDSHIFT_SECRET_ARN").hasMessageContaining("REDSHIFT_DB_USER");
    }
}
