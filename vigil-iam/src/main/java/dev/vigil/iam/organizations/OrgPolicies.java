package dev.vigil.iam.organizations;

import java.time.Instant;
import java.util.Optional;

/**
 * The policies AWS provides to every organization: FullAWSAccess, attached to the root, every OU and every account
 * while SCPs are enabled ("Managing service control policies": "AWS Organizations attaches an AWS managed SCP
 * named FullAWSAccess to every root, OU and account"). Stateless.
 */
final class OrgPolicies {
    static final String SCP = "SERVICE_CONTROL_POLICY";
    static final String TAG = "TAG_POLICY";
    static final String FULL_AWS_ACCESS_ID = "p-FullAWSAccess";
    static final OrgPolicy FULL_AWS_ACCESS = new OrgPolicy(FULL_AWS_ACCESS_ID, null, "FullAWSAccess",
            "Allows access to every operation", SCP,
            "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n"
                    + "      \"Action\": \"*\",\n      \"Resource\": \"*\"\n    }\n  ]\n}",
            Instant.EPOCH);

    private OrgPolicies() {}

    static boolean isAwsManaged(String policyId) { return FULL_AWS_ACCESS_ID.equals(policyId); }

    static Optional<OrgPolicy> awsManaged(String policyId) {
        return isAwsManaged(policyId) ? Optional.of(FULL_AWS_ACCESS) : Optional.empty();
    }
}
