package com.sparkify.dwh.run;

import java.util.Objects;

/**
 * Where the data is and where manifests go.
 *
 * @param dataBucket bucket with the song and log prefixes (read-only to the pipeline)
 * @param workBucket bucket the pipeline owns; manifests go under {@code workPrefix}
 */
public record PlannerSettings(String dataBucket, String songPrefix, String logPrefix, String workBucket,
                              String workPrefix) {

    public PlannerSettings {
        Objects.requireNonNull(dataBucket, "dataBucket");
        Objects.requireNonNull(songPrefix, "songPrefix");
        Objects.requireNonNull(logPrefix, "logPrefix");
        Objects.requireNonNull(workBucket, "workBucket");
        Objects.requireNonNull(workPrefix, "workPrefix");
    }
}
