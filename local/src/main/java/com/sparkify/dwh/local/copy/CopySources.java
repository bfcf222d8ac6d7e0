package com.sparkify.dwh.local.copy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sparkify.dwh.store.ObjectNotFoundException;
import com.sparkify.dwh.store.ObjectStore;
import com.sparkify.dwh.store.ObjectSummary;
import com.sparkify.dwh.store.S3Uri;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The objects a COPY reads: every key starting with the FROM prefix, or the entries of a manifest.
 * Follows Redshift: a prefix that matches nothing fails ("The specified S3 prefix ... does not exist");
 * a missing mandatory manifest entry fails, a missing optional one is skipped; no object at all fails.
 */
final class CopySources {

    private final Function<String, ObjectStore> buckets;
    private final ObjectMapper mapper;

    CopySources(Function<String, ObjectStore> buckets, ObjectMapper mapper) {
        this.buckets = buckets;
        this.mapper = mapper;
    }

    List<S3Uri> resolve(CopyCommand command) {
        return command.manifest() ? fromManifest(command.source()) : fromPrefix(command.source());
    }

    private List<S3Uri> fromPrefix(S3Uri prefix) {
        List<S3Uri> objects = new ArrayList<>();
        for (ObjectSummary object : buckets.apply(prefix.bucket()).list(prefix.key())) {
            if (!object.key().endsWith("/")) { // console "folder" markers hold no data
                objects.add(S3Uri.of(prefix.bucket(), object.key()));
            }
        }
        if (objects.isEmpty()) {
            throw new CopyException("The specified S3 prefix '" + prefix.key() + "' does not exist (" + prefix + ")");
        }
        return objects;
    }

    private List<S3Uri> fromManifest(S3Uri manifest) {
        JsonNode root;
        try (InputStream in = open(manifest)) {
            root = mapper.readTree(in);
        } catch (ObjectNotFoundException e) {
            throw new CopyException("Problem reading manifest file " + manifest + ": the object does not exist");
        } catch (IOException e) {
            throw new CopyException("Problem reading manifest file " + manifest + ": not valid JSON: " + e.getMessage());
        }
        JsonNode entries = root == null ? null : root.get("entries");
        if (entries == null || !entries.isArray()) {
            throw new CopyException("Manifest " + manifest + " has no \"entries\" array");
        }
        List<S3Uri> objects = new ArrayList<>();
        for (JsonNode entry : entries) {
            JsonNode url = entry.get("url");
            if (url == null || !url.isTextual() || !url.textValue().startsWith("s3://")) {
                throw new CopyException("Manifest " + manifest + " has an entry without an s3:// url: " + entry);
            }
            S3Uri object = S3Uri.parse(url.textValue());
            boolean mandatory = entry.path("mandatory").asBoolean(false);
            if (exists(object)) {
                objects.add(object);
            } else if (mandatory) {
                throw new CopyException("Mandatory url is not present in manifest file " + manifest + ": " + object);
            }
        }
        if (objects.isEmpty()) {
            throw new CopyException("Manifest " + manifest + " lists no object that exists; nothing to load");
        }
        return objects;
    }

    private boolean exists(S3Uri object) {
        if (object.key().isEmpty() || object.key().endsWith("/")) {
            throw new CopyException("COPY with MANIFEST parameter requires full path of an S3 object: " + object);
        }
        return buckets.apply(object.bucket()).exists(object.key());
    }

    /** The local files of the objects when every bucket is a folder, else null (a store with no files). */
    java.util.List<java.nio.file.Path> localFiles(List<S3Uri> objects) {
        java.util.List<java.nio.file.Path> files = new ArrayList<>();
        for (S3Uri object : objects) {
            ObjectStore store = buckets.apply(object.bucket());
            if (!(store instanceof com.sparkify.dwh.local.store.FolderObjectStore folder)) {
                return null;
            }
            files.add(folder.fileOf(object.key()));
        }
        return files;
    }

    InputStream open(S3Uri object) {
        return buckets.apply(object.bucket()).read(object.key());
    }
}
