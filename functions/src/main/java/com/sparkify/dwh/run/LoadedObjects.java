package com.sparkify.dwh.run;

import java.util.HashSet;
import java.util.Set;

/** The objects the ledger holds, by URI and ETag: a changed object (new ETag) counts as new. */
public final class LoadedObjects {

    /** No object loaded yet; cannot be added to. */
    public static final LoadedObjects NONE = new LoadedObjects(Set.of());

    private final Set<String> keys;

    public LoadedObjects() {
        this(new HashSet<>());
    }

    private LoadedObjects(Set<String> keys) {
        this.keys = keys;
    }

    public LoadedObjects add(String objectUri, String eTag) {
        keys.add(key(objectUri, eTag));
        return this;
    }

    public boolean contains(String objectUri, String eTag) {
        return keys.contains(key(objectUri, eTag));
    }

    public int size() {
        return keys.size();
    }

    private static String key(String objectUri, String eTag) {
        return objectUri + '\n' + (eTag == null ? "" : eTag);
    }
}
