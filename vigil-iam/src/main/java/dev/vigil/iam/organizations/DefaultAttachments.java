package dev.vigil.iam.organizations;

/**
 * While SCPs are enabled in the root, every root, OU and account has at least one SCP, and a new OU or account
 * starts with FullAWSAccess ("Creating an organizational unit": "it inherits ... and FullAWSAccess is attached").
 * Thread-safe (stateless over thread-safe stores).
 */
final class DefaultAttachments {
    private final OrgStores s;

    DefaultAttachments(OrgStores stores) { this.s = stores; }

    void onboard(Organization o, String targetId) {
        if (s.orgs().enabledPolicyTypes(o.orgId()).contains(OrgPolicies.SCP)) {
            s.policies().attach(o.orgId(), targetId, OrgPolicies.FULL_AWS_ACCESS_ID, OrgPolicies.SCP);
        }
    }

    /** A target leaving the organization takes nothing with it. */
    void offboard(Organization o, String targetId) {
        s.policies().detachTarget(o.orgId(), targetId);
        s.policies().deleteTags(targetId);
    }
}
