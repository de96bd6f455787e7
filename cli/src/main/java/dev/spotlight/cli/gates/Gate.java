package dev.spotlight.cli.gates;

/**
 * One {@code --fail-on} gate as the user wrote it: a kind and an optional limit. Without a limit a
 * gate fails on the first instance (any skipped row, any suppressed cell...).
 */
public record Gate(String text, GateKind kind, Limit limit) {}
