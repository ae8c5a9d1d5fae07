package dev.vigil.iam.organizations;

import java.time.Instant;

/** An organizational unit under the root or another OU. Immutable. */
record OrgUnit(String ouId, String orgId, String parentId, String name, Instant createdAt) {}
