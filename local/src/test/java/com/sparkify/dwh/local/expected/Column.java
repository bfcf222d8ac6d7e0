package com.sparkify.dwh.local.expected;

/** One column of a star-schema table, as the expected rows list it. */
public record Column(String name, ColumnType type) {}
