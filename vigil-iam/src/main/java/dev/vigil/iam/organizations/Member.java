package dev.vigil.iam.organizations;

import java.time.Instant;

/**
 * An account in an organization, where it sits, and how it came.
 *
 * @param joinedMethod CREATED or INVITED
 * Immutable.
 */
record Member(String accountId, String orgId, String parentId, String joinedMethod, Instant joinedAt) {}
