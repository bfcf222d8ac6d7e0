package com.sparkify.dwh.local.copy;

import java.time.LocalDateTime;

/**
 * One rejected row, shaped like a row of Redshift's STL_LOAD_ERRORS.
 *
 * @param lineNumber for JSON, the last line of the object, as Redshift records it
 */
public record LoadError(
        long query,
        long tableId,
        LocalDateTime startTime,
        String fileName,
        long lineNumber,
        String columnName,
        String columnType,
        String columnLength,
        int position,
        String rawLine,
        String rawFieldValue,
        int errorCode,
        String reason) {

    /** "s3://b/k line 7, column ts: reason (error 1213)", for messages. */
    public String describe() {
        return fileName + " line " + lineNumber + (columnName.isEmpty() ? "" : ", column " + columnName)
                + ": " + reason + " (error " + errorCode + ")";
    }
}
