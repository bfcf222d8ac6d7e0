package com.sparkify.dwh.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.dwh.aws.RedshiftTarget;
import com.sparkify.dwh.pipeline.CopySettings;
import com.sparkify.dwh.run.PlannerSettings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The environment template.yaml gives every function (see research/issue3-contract.md). */
class HandlerSettingsTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/sparkify-copy";

    /** Every variable, as the template sets them for a provisioned cluster. */
    private static Map<String, String> everyVariable() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "us-east-1");
        env.put("REDSHIFT_CLUSTER_ID", "sparkify-cluster");
        env.put("REDSHIFT_WORKGROUP", "");
        env.put("REDSHIFT_DATABASE", "dev");
        env.put("REDSHIFT_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:sparkify-AbCdEf");
        env.put("REDSHIFT_DB_USER", "");
        env.put("COPY_IAM_ROLE_ARN", ROLE);
        env.put("DATA_BUCKET", "udacity-dend");
        env.put("SONG_PREFIX", "song-data/");
        env.put("LOG_PREFIX", "log-data/");
        env.put("LOG_JSON_FORMAT", "s3://udacity-dend/log_json_path.json");
        env.put("DATA_REGION", "us-west-2");
        env.put("MAX_ERRORS", "10");
        env.put("WORK_BUCKET", "sparkify-dwh-work-123456789012");
        env.put("WORK_PREFIX", "etl/manifests/");
        env.put("POWERTOOLS_SERVICE_NAME", "sparkify-dwh");
        return env;
    }

    /** Only what has no default, for a Serverless workgroup. */
    private static Map<String, String> requiredOnly() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "eu-central-1");
        env.put("REDSHIFT_WORKGROUP", "arn:aws:redshift-serverless:eu-central-1:123456789012:workgroup/abc");
        env.put("REDSHIFT_DATABASE", "dev");
        env.put("COPY_IAM_ROLE_ARN", ROLE);
        env.put("DATA_BUCKET", "sparkify-data");
        env.put("WORK_BUCKET", "sparkify-work");
        return env;
    }

    @Test
    void readsEveryVariable() {
        HandlerSettings settings = HandlerSettings.fromEnvironment(everyVariable());

        assertThat(settings.target()).isEqualTo(RedshiftTarget.cluster("sparkify-cluster", "dev",
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:sparkify-AbCdEf", null));
        assertThat(settings.copy()).isEqualTo(new CopySettings(ROLE, "us-west-2", "s3://udacity-dend/log_json_path.json", 10));
        assertThat(settings.planner()).isEqualTo(new PlannerSettings("udacity-dend", "song-data/", "log-data/",
                "sparkify-dwh-work-123456789012", "etl/manifests/"));
    }

    @Test
    void defaults() {
        HandlerSettings settings = HandlerSettings.fromEnvironment(requiredOnly());

        assertThat(settings.target().isServerless()).isTrue();
        assertThat(settings.target().workgroupName())
                .isEqualTo("arn:aws:redshift-serverless:eu-central-1:123456789012:workgroup/abc");
        assertThat(settings.copy()).isEqualTo(new CopySettings(ROLE, "eu-central-1", "auto ignorecase", 0));
        assertThat(settings.planner()).isEqualTo(new PlannerSettings("sparkify-data", "song_data/", "log_data/",
                "sparkify-work", "manifests/"));
    }

    @Test
    void blankValuesAsTheTemplatePassesThemMeanDefaults() {
        Map<String, String> env = requiredOnly();
        env.put("SONG_PREFIX", "");
        env.put("LOG_PREFIX", " ");
        env.put("LOG_JSON_FORMAT", "");
        env.put("MAX_ERRORS", "");
        env.put("WORK_PREFIX", "");

        HandlerSettings settings = HandlerSettings.fromEnvironment(env);

        assertThat(settings.copy()).isEqualTo(new CopySettings(ROLE, "eu-central-1", "auto ignorecase", 0));
        assertThat(settings.planner()).isEqualTo(new PlannerSettings("sparkify-data", "song_data/", "log_data/",
                "sparkify-work", "manifests/"));
    }

    @Test
    void valuesAreStripped() {
        Map<String, String> env = requiredOnly();
        env.put("MAX_ERRORS", " 7 ");
        env.put("DATA_BUCKET", " sparkify-data\n");

        HandlerSettings settings = HandlerSettings.fromEnvironment(env);

        assertThat(settings.copy().maxErrors()).isEqualTo(7);
        assertThat(settings.planner().dataBucket()).isEqualTo("sparkify-data");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void dataRegionFallsBackToTheFunctionsRegion(String dataRegion) {
        Map<String, String> env = requiredOnly();
        env.put("DATA_REGION", dataRegion);

        assertThat(HandlerSettings.fromEnvironment(env).copy().region()).isEqualTo("eu-central-1");
        env.remove("DATA_REGION");
        assertThat(HandlerSettings.fromEnvironment(env).copy().region()).isEqualTo("eu-central-1");
    }

    @Test
    void dataRegionWinsOverTheFunctionsRegion() {
        Map<String, String> env = requiredOnly();
        env.put("DATA_REGION", "us-west-2");

        assertThat(HandlerSettings.fromEnvironment(env).copy().region()).isEqualTo("us-west-2");
    }

    @Test
    void dataRegionAloneIsEnough() {
        Map<String, String> env = requiredOnly();
        env.remove("AWS_REGION");
        env.put("DATA_REGION", "us-west-2");

        assertThat(HandlerSettings.fromEnvironment(env).copy().region()).isEqualTo("us-west-2");
    }

    @Test
    void noRegionAtAllIsAnError() {
        Map<String, String> env = requiredOnly();
        env.remove("AWS_REGION");

        assertThatThrownBy(() -> HandlerSettings.fromEnvironment(env))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AWS_REGION");
    }

    @ParameterizedTest
    @ValueSource(strings = {"COPY_IAM_ROLE_ARN", "DATA_BUCKET", "WORK_BUCKET"})
    void missingRequiredVariableIsNamed(String variable) {
        Map<String, String> env = requiredOnly();
        env.remove(variable);

        assertThatThrownBy(() -> HandlerSettings.fromEnvironment(env))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("environment variable " + variable + " is not set (see template.yaml)");

        env.put(variable, "   ");
        assertThatThrownBy(() -> HandlerSettings.fromEnvironment(env))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(variable);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ten", "1.5", "0x10", "1e3"})
    void maxErrorsThatIsNotAWholeNumberIsNamed(String value) {
        Map<String, String> env = requiredOnly();
        env.put("MAX_ERRORS", value);

        assertThatThrownBy(() -> HandlerSettings.fromEnvironment(env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MAX_ERRORS must be a whole number, was \"" + value + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "100001"})
    void maxErrorsOutOfRedshiftsRangeIsNamed(String value) {
        Map<String, String> env = requiredOnly();
        env.put("MAX_ERRORS", value);

        assertThatThrownBy(() -> HandlerSettings.fromEnvironment(env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MAX_ERRORS")
                .hasMessageContaining(value)
                .hasMessageContaining("0 to 100000");
    }

    @Test
    void maxErrorsAtRedshiftsLimit() {
        Map<String, String> env = requiredOnly();
        env.put("MAX_ERRORS", "100000");

        assertThat(HandlerSettings.fromEnvironment(env).copy().maxErrors()).isEqualTo(100_000);
    }

    @Test
    void redshiftTargetErrorsComeThrough() {
        Map<String, String> env = requiredOnly();
        env.remove("REDSHIFT_WORKGROUP");

        assertThatThrownBy(() -> HandlerSettings.fromEnvironment(env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("REDSHIFT_CLUSTER_ID")
                .hasMessageContaining("REDSHIFT_WORKGROUP");
    }
}
