package dev.spotlight.common.store;

/** One column of a canonical table: its name, type and whether a row must have it. */
public record CanonicalColumn(String name, ColumnType type, boolean required) {}
