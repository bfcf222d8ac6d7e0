package com.sparkify.dwh.local.copy;

/** Redshift's load error codes (STL_LOAD_ERRORS.err_code) for the errors the local COPY detects. */
final class LoadErrorCodes {
    /** Value out of the type's range; also "String length exceeds DDL length". */
    static final int OUT_OF_RANGE = 1204;
    static final int DATE_FORMAT = 1205;
    static final int TIMESTAMP_FORMAT = 1206;
    static final int INVALID_DIGIT = 1207;
    static final int FLOAT_FORMAT = 1208;
    static final int DECIMAL_FORMAT = 1209;
    static final int BOOLEAN_FORMAT = 1210;
    static final int NOT_NULL = 1213;
    /** Redshift has no documented code for malformed JSON; "Input line is not valid" is the closest. */
    static final int INVALID_INPUT = 1216;

    private LoadErrorCodes() {
    }
}
