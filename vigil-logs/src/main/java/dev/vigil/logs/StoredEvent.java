package dev.vigil.logs;

/** One stored log event. Immutable. */
public record StoredEvent(long id, long groupId, long streamId, long timestamp, long ingestionTime, String message) {}
