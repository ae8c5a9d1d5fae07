package dev.vigil.iam.organizations;

import java.time.Instant;

/**
 * An organization: its management account (fixed for its life), its one root and feature set. Immutable.
 *
 * @param featureSet ALL or CONSOLIDATED_BILLING
 */
record Organization(String orgId, String managementAccount, String rootId, String featureSet, Instant createdAt) {
    boolean allFeatures() { return "ALL".equals(featureSet); }
}
