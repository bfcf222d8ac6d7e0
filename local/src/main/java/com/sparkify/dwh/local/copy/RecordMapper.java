package com.sparkify.dwh.local.copy;

/**
 * Maps one root-level JSON record to the values of the target columns, or rejects it. One mapper per
 * COPY: JSON 'auto' / 'auto ignorecase' ({@link AutoRecordMapper}) or a jsonpaths file
 * ({@link JsonPathsRecordMapper}).
 */
public interface RecordMapper {

    /** The values in column order; NULL-ness of NOT NULL columns is checked here too. */
    Object[] map(JsonRecordSplitter.Record record) throws RowRejectedException;

    /** Rejects a row whose NOT NULL column got no value (Redshift error 1213). */
    static void checkNotNull(Object[] values, TargetColumn[] columns) throws RowRejectedException {
        for (int i = 0; i < columns.length; i++) {
            if (values[i] == null && columns[i].notNull()) {
                throw new RowRejectedException(columns[i].name(), columns[i].redshiftTypeName(), "",
                        LoadErrorCodes.NOT_NULL, "Missing data for not-null field");
            }
        }
    }
}
