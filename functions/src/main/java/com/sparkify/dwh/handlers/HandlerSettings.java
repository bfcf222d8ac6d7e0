package com.sparkify.dwh.handlers;

import com.sparkify.dwh.aws.RedshiftTarget;
import com.sparkify.dwh.pipeline.CopySettings;
import com.sparkify.dwh.run.PlannerSettings;
import java.util.Map;

/** The handlers' configuration, from the environment variables template.yaml sets. */
public record HandlerSettings(RedshiftTarget target, CopySettings copy, PlannerSettings planner) {

    public static HandlerSettings fromEnvironment(Map<String, String> env) {
        String region = value(env, "DATA_REGION");
        if (region == null) {
            region = required(env, "AWS_REGION"); // the data sits in the pipeline's own region
        }
        String iamRole = required(env, "COPY_IAM_ROLE_ARN");
        String maxErrors = value(env, "MAX_ERRORS");
        int maxErrorsValue;
        try {
            maxErrorsValue = maxErrors == null ? 0 : Integer.parseInt(maxErrors);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("MAX_ERRORS must be a whole number, was \"" + maxErrors + "\"");
        }
        CopySettings copy;
        try {
            copy = new CopySettings(iamRole, region, valueOr(env, "LOG_JSON_FORMAT", CopySettings.AUTO_IGNORECASE),
                    maxErrorsValue);
        } catch (IllegalArgumentException e) { // out of Redshift's MAXERROR range: name the variable to fix
            throw new IllegalArgumentException("MAX_ERRORS is out of range: " + e.getMessage(), e);
        }
        PlannerSettings planner = new PlannerSettings(required(env, "DATA_BUCKET"),
                valueOr(env, "SONG_PREFIX", "song_data/"), valueOr(env, "LOG_PREFIX", "log_data/"),
                required(env, "WORK_BUCKET"), valueOr(env, "WORK_PREFIX", "manifests/"));
        return new HandlerSettings(RedshiftTarget.fromEnvironment(env), copy, planner);
    }

    private static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String valueOr(Map<String, String> env, String name, String fallback) {
        String value = value(env, name);
        return value == null ? fallback : value;
    }

    private static String required(Map<String, String> env, String name) {
        String value = value(env, name);
        if (value == null) {
            throw new IllegalStateException("environment variable " + name + " is not set (see template.yaml)");
        }
        return value;
    }
}
