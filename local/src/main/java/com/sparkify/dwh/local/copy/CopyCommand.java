package com.sparkify.dwh.local.copy;

import com.sparkify.dwh.store.S3Uri;
import java.util.List;

/**
 * A parsed Redshift COPY from S3 in JSON format, with the options the local warehouse supports.
 *
 * @param columns        the column list, or empty for every column of the table in order
 * @param manifest       true when {@code source} is a manifest listing the objects, false for a key prefix
 * @param jsonPaths      the jsonpaths file, or null for {@code 'auto'} / {@code 'auto ignorecase'}
 * @param ignoreCase     {@code 'auto ignorecase'}: JSON keys match columns whatever their case
 * @param maxErrors      rows that may be rejected before the COPY fails (Redshift's MAXERROR)
 */
public record CopyCommand(
        String table,
        List<String> columns,
        S3Uri source,
        boolean manifest,
        S3Uri jsonPaths,
        boolean ignoreCase,
        TimeFormat timeFormat,
        int maxErrors,
        boolean emptyAsNull,
        boolean blanksAsNull,
        boolean truncateColumns) {

    /** Redshift's limit for MAXERROR. */
    public static final int MAXERROR_LIMIT = 100_000;

    public CopyCommand {
        columns = List.copyOf(columns);
    }

    /** How text is read into TIMESTAMP columns. */
    public enum TimeFormat {
        /** No TIMEFORMAT: 'YYYY-MM-DD HH:MI:SS' with optional fractional seconds. */
        DEFAULT,
        /** 'auto': the default and ISO 8601 forms ('T' separator, 'Z' or offset). */
        AUTO,
        EPOCHSECS,
        EPOCHMILLISECS
    }
}
