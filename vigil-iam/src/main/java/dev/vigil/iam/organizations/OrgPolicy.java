package dev.vigil.iam.organizations;

import java.time.Instant;

/**
 * A policy of an organization (or AWS's, like FullAWSAccess, which every organization sees).
 *
 * @param type the Organizations policy type, e.g. SERVICE_CONTROL_POLICY
 * Immutable.
 */
record OrgPolicy(String policyId, String orgId, String name, String description, String type, String content,
                 Instant updatedAt) {
    boolean awsManaged() { return OrgPolicies.isAwsManaged(policyId); }
}
