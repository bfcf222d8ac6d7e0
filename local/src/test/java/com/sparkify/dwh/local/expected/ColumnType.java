package com.sparkify.dwh.local.expected;

/** The Java type a star-schema column is expected as: see {@link ExpectedStarSchema#columns(String)}. */
public enum ColumnType {
  /** {@link String}. */
  TEXT,
  /** {@link Long} (SMALLINT, INTEGER and BIGINT columns alike). */
  INTEGER,
  /** {@link Double}. */
  DOUBLE,
  /** {@link java.time.LocalDateTime}, UTC, milliseconds kept. */
  TIMESTAMP
}
