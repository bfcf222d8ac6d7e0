package com.sparkify.dwh.store;

/** A listed object: its key, size in bytes and entity tag (content hash or version marker). */
public record ObjectSummary(String key, long size, String eTag) {
}
