package dev.vigil.iam.policy;

/**
 * What a policy document is for, which decides what the validator accepts (IAM JSON policy grammar;
 * "AWS JSON policy elements: Principal"): identity-based policies, permissions boundaries and session
 * policies must not name a principal; resource-based policies and role trust policies must; trust
 * policies have no Resource; SCPs name no principal. Immutable.
 */
public enum PolicyKind {
    /** Inline or managed policy attached to a user, group or role. */
    IDENTITY,
    /** A resource-based policy: bucket, queue, topic, log destination, event bus policy. */
    RESOURCE,
    /** An IAM role trust policy (the role's resource-based policy for sts:AssumeRole*). */
    TRUST,
    /** An AWS Organizations service control policy. */
    SCP,
    /** A managed policy used as a permissions boundary: an identity-based policy. */
    BOUNDARY,
    /** A session policy passed to AssumeRole, AssumeRoleWithSAML, AssumeRoleWithWebIdentity or GetFederationToken: an identity-based policy. */
    SESSION;

    boolean principalForbidden() { return this == IDENTITY || this == BOUNDARY || this == SESSION || this == SCP; }

    boolean principalRequired() { return this == RESOURCE || this == TRUST; }

    boolean resourceRequired() { return this == IDENTITY || this == BOUNDARY || this == SESSION || this == SCP; }

    boolean resourceForbidden() { return this == TRUST; }
}
