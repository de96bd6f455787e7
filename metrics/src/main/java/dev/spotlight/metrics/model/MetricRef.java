package dev.spotlight.metrics.model;

import dev.spotlight.common.error.Location;
import dev.spotlight.metrics.expr.Expr;

/** A reference to another metric, optionally narrowed by an extra filter ({@code {metric: id, where: ...}}). */
public record MetricRef(String metricId, Expr where, Location location) {}
