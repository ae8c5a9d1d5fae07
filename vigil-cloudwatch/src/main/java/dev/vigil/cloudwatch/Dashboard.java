package dev.vigil.cloudwatch;

import java.time.Instant;

/** A stored dashboard; {@code body} is null in listings, which need only its size. Immutable. */
public record Dashboard(String accountId, String name, String body, long size, Instant lastModified) {}
