package dev.spotlight.connectors;

/** A documented connector option. */
public record ConnectorOption(String name, boolean required, String description) {}
