package dev.vigil.logs;

/** An accepted event on its way into the store. Immutable. */
public record NewEvent(long timestamp, String message) {}
