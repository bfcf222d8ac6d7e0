package com.sparkify.dwh.pipeline;

import java.util.Objects;

/**
 * How the stage steps COPY.
 *
 * @param iamRole        ARN of the role Redshift assumes to read the data and the manifests
 * @param region         region of the data bucket (COPY's REGION)
 * @param logJsonFormat  'auto ignorecase', or the s3:// URI of a jsonpaths file for the logs
 * @param maxErrors      rows each COPY may reject (and record) before it fails: Redshift's MAXERROR
 */
public record CopySettings(String iamRole, String region, String logJsonFormat, int maxErrors) {

    public static final String AUTO_IGNORECASE = "auto ignorecase";

    public CopySettings {
        Objects.requireNonNull(iamRole, "iamRole");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(logJsonFormat, "logJsonFormat");
        if (maxErrors < 0 || maxErrors > 100_000) {
            throw new IllegalArgumentException("maxErrors must be 0 to 100000 (Redshift's MAXERROR limit), was " + maxErrors);
        }
    }
}
