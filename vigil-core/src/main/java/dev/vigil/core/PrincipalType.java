package dev.vigil.core;

/** The principal kinds of CloudTrail's userIdentity.type. */
public enum PrincipalType {
    ROOT("Root"), IAM_USER("IAMUser"), ASSUMED_ROLE("AssumedRole"), FEDERATED_USER("FederatedUser"),
    AWS_SERVICE("AWSService"), AWS_ACCOUNT("AWSAccount"), ANONYMOUS("Anonymous");

    private final String cloudTrailName;

    PrincipalType(String cloudTrailName) { this.cloudTrailName = cloudTrailName; }

    public String cloudTrailName() { return cloudTrailName; }
}
