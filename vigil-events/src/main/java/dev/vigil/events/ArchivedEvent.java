package dev.vigil.events;

import java.time.Instant;

/** One event as an archive keeps it: the delivered JSON, its own time, its size. Immutable. */
public record ArchivedEvent(long id, String accountId, String region, String archiveName, Instant eventTime,
                            Instant archivedAt, int sizeBytes, String body) {}
