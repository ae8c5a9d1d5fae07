package dev.vigil.logs;

/** A stored log group. Immutable. */
public record LogGroup(long id, String accountId, String region, String name, long creationTime,
                       Integer retentionDays, String logGroupClass, String kmsKeyId, boolean deletionProtection) {}
