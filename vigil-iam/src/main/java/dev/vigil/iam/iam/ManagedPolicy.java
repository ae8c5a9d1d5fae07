package dev.vigil.iam.iam;

import java.time.Instant;

/**
 * A managed policy: customer managed (stored per account) or AWS managed (shipped, shared by every account).
 * Immutable.
 */
public record ManagedPolicy(String arn, String policyId, String policyName, String path, String description,
                            String defaultVersionId, Instant createDate, Instant updateDate, boolean awsManaged) {}
