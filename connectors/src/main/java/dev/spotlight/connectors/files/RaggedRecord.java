package dev.spotlight.connectors.files;

/**
 * A CSV record left out of the read because its number of fields differs from the header's.
 *
 * @param row its data record number (what {@code origin_row} would have been)
 * @param line the physical line it starts on
 */
public record RaggedRecord(long row, long line, int expected, int found) {}
