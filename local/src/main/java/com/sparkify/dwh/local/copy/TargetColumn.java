package com.sparkify.dwh.local.copy;

import java.util.Locale;

/**
 * A column COPY loads into, as the local warehouse declared it.
 *
 * @param maxBytes for text, the UTF-8 byte length Redshift would enforce; 0 for other types
 */
public record TargetColumn(String name, Type type, int maxBytes, boolean notNull, int precision, int scale) {

    /** The column types COPY can load locally. */
    public enum Type {
        TEXT("varchar", "Text"),
        SMALLINT("int2", "Short"),
        INTEGER("int4", "Integer"),
        BIGINT("int8", "Long"),
        REAL("float4", "Float"),
        DOUBLE("float8", "Double"),
        DECIMAL("numeric", "Decimal"),
        BOOLEAN("bool", "Boolean"),
        DATE("date", "Date"),
        TIMESTAMP("timestamp", "Timestamp"),
        TIMESTAMPTZ("timestamptz", "Timestamptz");

        /** Redshift's short name, as STL_LOAD_ERRORS.type shows it. */
        final String redshiftName;
        /** The name Redshift's error reasons use, e.g. "Invalid digit, ..., Type: Integer". */
        final String reasonName;

        Type(String redshiftName, String reasonName) {
            this.redshiftName = redshiftName;
            this.reasonName = reasonName;
        }
    }

    /** Maps a DuckDB type name from duckdb_columns() to a loadable type; null when COPY cannot load it. */
    public static Type typeOf(String duckDbType) {
        String type = duckDbType.toUpperCase(Locale.ROOT);
        if (type.startsWith("DECIMAL")) {
            return Type.DECIMAL;
        }
        return switch (type) {
            case "VARCHAR" -> Type.TEXT;
            case "SMALLINT" -> Type.SMALLINT;
            case "INTEGER" -> Type.INTEGER;
            case "BIGINT" -> Type.BIGINT;
            case "FLOAT" -> Type.REAL;
            case "DOUBLE" -> Type.DOUBLE;
            case "BOOLEAN" -> Type.BOOLEAN;
            case "DATE" -> Type.DATE;
            case "TIMESTAMP" -> Type.TIMESTAMP;
            case "TIMESTAMP WITH TIME ZONE" -> Type.TIMESTAMPTZ;
            default -> null;
        };
    }

    public String redshiftTypeName() {
        return type.redshiftName;
    }
}
