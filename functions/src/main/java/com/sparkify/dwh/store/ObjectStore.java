package com.sparkify.dwh.store;

import java.io.InputStream;
import java.util.List;

/** One bucket: S3 in Lambda, a folder locally. Keys use '/' whatever the platform. */
public interface ObjectStore {

    /** Every object whose key starts with the prefix (a string prefix, not a folder), in key order. */
    List<ObjectSummary> list(String prefix);

    /** Whether an object has exactly this key; stores that can tell without listing say so faster. */
    default boolean exists(String key) {
        for (ObjectSummary object : list(key)) {
            if (object.key().equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** Opens an object for reading; {@link ObjectNotFoundException} when there is none. */
    InputStream read(String key);

    /** Creates or replaces an object. */
    void write(String key, byte[] content);
}
