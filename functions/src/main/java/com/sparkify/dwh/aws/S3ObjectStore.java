package com.sparkify.dwh.aws;

import com.sparkify.dwh.store.ObjectNotFoundException;
import com.sparkify.dwh.store.ObjectStore;
import com.sparkify.dwh.store.ObjectSummary;
import com.sparkify.dwh.store.S3Uri;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** One S3 bucket behind the object store port. Other S3 errors reach the caller as the SDK's exceptions. */
public final class S3ObjectStore implements ObjectStore {

    private static final String JSON = "application/json";
    private static final String BINARY = "application/octet-stream";

    private final S3Client s3;
    private final String bucket;

    public S3ObjectStore(S3Client s3, String bucket) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("no bucket name");
        }
        this.bucket = bucket;
    }

    public String bucket() {
        return bucket;
    }

    /** S3 lists keys in UTF-8 binary order, page after page; we keep that order. */
    @Override
    public List<ObjectSummary> list(String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix == null || prefix.isEmpty() ? null : prefix))
                .contents().stream()
                .map(S3ObjectStore::summary)
                .toList();
    }

    @Override
    public InputStream read(String key) {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw new ObjectNotFoundException("no object " + S3Uri.of(bucket, key));
        }
    }

    @Override
    public void write(String key, byte[] content) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType(key)), RequestBody.fromBytes(content));
    }

    /** COPY manifests (.manifest) are JSON too; a browser or the console then shows them as text. */
    static String contentType(String key) {
        return key.endsWith(".json") || key.endsWith(".manifest") ? JSON : BINARY;
    }

    private static ObjectSummary summary(S3Object object) {
        return new ObjectSummary(object.key(), object.size() == null ? 0 : object.size(), unquote(object.eTag()));
    }

    /** S3 sends the ETag quoted ("\"9b2c...\""); the port's eTag is the bare value. */
    private static String unquote(String eTag) {
        if (eTag != null && eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")) {
            return eTag.substring(1, eTag.length() - 1);
        }
        return eTag;
    }
}
