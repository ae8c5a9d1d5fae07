package dev.vigil.logs;

/** A stored log stream and its statistics (null timestamps until the first event). Immutable. */
public record LogStream(long id, long groupId, String name, long creationTime, Long firstEvent, Long lastEvent,
                        Long lastIngestion, long storedBytes) {}
