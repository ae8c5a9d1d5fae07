package dev.vigil.iam.policy;

import dev.vigil.core.AwsException;

/**
 * Policy size quotas ("IAM and AWS STS quotas"; AWS Organizations quotas). IAM counts characters without
 * white space ("IAM does not count white space when calculating the size of a policy"); inline limits apply
 * to the sum of all inline policies of one user, group or role, so {@link #check} takes every document.
 * Organizations counts the document as stored, white space included. Stateless, thread-safe.
 */
public enum PolicySizeLimit {
    /** Aggregate of a user's inline policies. */
    USER_INLINE(2048, "user"),
    /** Aggregate of a role's inline policies. */
    ROLE_INLINE(10240, "role"),
    /** Aggregate of a group's inline policies. */
    GROUP_INLINE(5120, "group"),
    /** One customer managed policy (also used as a permissions boundary). */
    MANAGED(6144, null),
    /** A role trust policy (default quota; adjustable to 4096 on AWS). */
    TRUST(2048, null),
    /** A service control policy. */
    SCP(5120, null);

    private final int limit;
    private final String entityType;

    PolicySizeLimit(int limit, String entityType) {
        this.limit = limit;
        this.entityType = entityType;
    }

    public int limit() { return limit; }

    /** The size AWS compares with the limit. */
    public int size(String... documents) {
        int n = 0;
        for (String d : documents) {
            if (this == SCP) {
                n += d.length();
                continue;
            }
            for (int i = 0; i < d.length(); i++) if (!Character.isWhitespace(d.charAt(i))) n++;
        }
        return n;
    }

    /**
     * @param entityName the user, group or role whose inline policies are summed (ignored otherwise)
     * @throws AwsException LimitExceeded (409) as IAM answers; ConstraintViolationException for SCPs
     */
    public void check(String entityName, String... documents) {
        if (size(documents) <= limit) return;
        throw switch (this) {
            case USER_INLINE, ROLE_INLINE, GROUP_INLINE -> new AwsException("LimitExceeded", 409,
                    "Maximum policy size of " + limit + " bytes exceeded for " + entityType + " " + entityName);
            case MANAGED -> new AwsException("LimitExceeded", 409, "Cannot exceed quota for PolicySize: " + limit);
            case TRUST -> new AwsException("LimitExceeded", 409, "Cannot exceed quota for ACLSizePerRole: " + limit);
            case SCP -> new AwsException("ConstraintViolationException", 400, "You have exceeded the maximum policy size.");
        };
    }
}
