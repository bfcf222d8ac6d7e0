package com.sparkify.dwh.pipeline;

import com.sparkify.dwh.store.S3Uri;
import java.util.Objects;

/**
 * What one run loads and how.
 *
 * @param songData       prefix of the song files, e.g. s3://udacity-dend/song_data/
 * @param logData        prefix of the log files, e.g. s3://udacity-dend/log_data/
 * @param logJsonFormat  'auto ignorecase', or the s3:// URI of a jsonpaths file for the logs
 * @param iamRole        ARN of the role Redshift assumes to read the bucket
 * @param region         region of the bucket
 * @param maxErrors      rows each COPY may reject (and record) before it fails: Redshift's MAXERROR
 */
public record PipelineConfig(
        S3Uri songData,
        S3Uri logData,
        String logJsonFormat,
        String iamRole,
        String region,
        int maxErrors) {

    public static final String AUTO_IGNORECASE = "auto ignorecase";

    public PipelineConfig {
        Objects.requireNonNull(songData, "songData");
        Objects.requireNonNull(logData, "logData");
        Objects.requireNonNull(logJsonFormat, "logJsonFormat");
        Objects.requireNonNull(iamRole, "iamRole");
        Objects.requireNonNull(region, "region");
        if (maxErrors < 0) {
            throw new IllegalArgumentException("maxErrors must be 0 or more, was " + maxErrors);
        }
    }

    public PipelineConfig withMaxErrors(int errors) {
        return new PipelineConfig(songData, logData, logJsonFormat, iamRole, region, errors);
    }
}
