package com.sparkify.dwh.local.expected;

/**
 * An input row the load must reject, as Redshift would record it in its load-error table.
 *
 * @param key the object key relative to the bucket root, with '/' separators
 *     ({@code log_data/2018/11/2018-11-02-events.json})
 * @param line the 1-based line of the file where the rejected JSON object starts
 * @param column the staging column whose value was refused (lower case), or null when the object
 *     itself is malformed
 * @param reason a human-readable reason
 */
public record Rejected(String key, int line, String column, String reason) {}
