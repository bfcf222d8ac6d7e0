package com.sparkify.dwh.run;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What one run loads of one dataset: the manifest listing the objects (an s3:// URI), how many and
 * how many bytes. No objects: no manifest, and the stage step only empties the staging table.
 */
public record DatasetPlan(String manifest, long objects, long bytes) {

    public static final DatasetPlan NOTHING = new DatasetPlan(null, 0, 0);

    /** Derived, so not part of the JSON the Plan step hands on (Jackson would write it as "empty"). */
    @JsonIgnore
    public boolean isEmpty() {
        return objects == 0;
    }
}
