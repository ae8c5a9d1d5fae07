package dev.vigil.logs;

/** A stored resource policy: scopeArn is "" for account-wide policies, else the log group's ARN. Immutable. */
public record ResourcePolicyDef(String accountId, String region, String scopeArn, String name, String document,
                                long lastUpdated, String revisionId) {}
