package dev.vigil.iam.policy;

/**
 * The policy types of "Policy evaluation logic", as named in AWS's access-denied messages
 * ("Troubleshoot access denied error messages"). Immutable.
 */
public enum PolicyType {
    IDENTITY("identity-based policy", "an identity-based policy"),
    RESOURCE("resource-based policy", "a resource-based policy"),
    /** A role trust policy: the resource-based policy evaluated for sts:AssumeRole*. */
    ROLE_TRUST("role trust policy", "the role trust policy"),
    BOUNDARY("permissions boundary", "a permissions boundary"),
    SESSION("session policy", "a session policy"),
    SCP("service control policy", "a service control policy");

    private final String noun;
    private final String withArticle;

    PolicyType(String noun, String withArticle) {
        this.noun = noun;
        this.withArticle = withArticle;
    }

    /** "identity-based policy", as in "because no identity-based policy allows ...". */
    public String noun() { return noun; }

    /** "an identity-based policy", as in "with an explicit deny in an identity-based policy". */
    public String withArticle() { return withArticle; }
}
