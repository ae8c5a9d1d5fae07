package dev.vigil.cloudwatch;

/** A point on its way into a series. Immutable. */
public record Sample(MetricKey key, Point point) {}
