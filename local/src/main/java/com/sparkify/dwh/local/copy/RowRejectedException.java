package com.sparkify.dwh.local.copy;

/**
 * One row that COPY rejects: which column, the raw value, and Redshift's error code and reason. Thrown
 * per bad row, so it carries no stack trace.
 */
public final class RowRejectedException extends Exception {

    private final String column;
    private final String columnType;
    private final String rawValue;
    private final int errorCode;

    public RowRejectedException(String column, String columnType, String rawValue, int errorCode, String reason) {
        super(reason, null, false, false);
        this.column = column;
        this.columnType = columnType;
        this.rawValue = rawValue;
        this.errorCode = errorCode;
    }

    public String column() {
        return column;
    }

    public String columnType() {
        return columnType;
    }

    public String rawValue() {
        return rawValue;
    }

    public int errorCode() {
        return errorCode;
    }

    public String reason() {
        return getMessage();
    }
}
