package dev.vigil.iam.policy;

import dev.vigil.core.AwsException;

/**
 * The {@code MalformedPolicyDocument} answers, worded as AWS words them. Three services validate policies
 * and word errors differently: IAM and STS (identity, boundary, session and trust policies), the services
 * that hold resource-based policies (S3's wording, the one most documented), and Organizations, which answers
 * every malformed SCP with one sentence. Stateless, thread-safe.
 */
final class PolicyErrors {
    static final String CODE = "MalformedPolicyDocument";

    static final String SYNTAX = "Syntax errors in policy.";
    static final String LEGACY = "The policy failed legacy parsing";
    static final String NO_PRINCIPAL_ALLOWED = "Policy document should not specify a principal.";
    static final String TRUST_NO_PRINCIPAL = "Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException:"
            + " The passed in policy has a statement with no principals!";
    static final String VENDOR = "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.";
    static final String ONE_COLON = "Actions/Condition can contain only one colon.";
    static final String VENDOR_WILDCARD = "Action vendors (e.g., aws, ec2, etc.) must not contain wildcards";
    static final String NEED_ACTIONS = "Policy statement must contain actions.";
    static final String NEED_RESOURCES = "Policy statement must contain resources.";
    static final String SID_CHARS = "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the"
            + " regular expression [0-9A-Za-z]*";
    static final String SID_UNIQUE = "Statement IDs (SID) in a single policy must be unique.";
    static final String ORGANIZATIONS = "The provided policy document does not meet the requirements of the specified"
            + " policy type.";
    static final String NOT_JSON = "Policies must be valid JSON and the first byte must be '{'";

    private PolicyErrors() {}

    private static AwsException error(PolicyKind kind, String iam, String resource) {
        String message = kind == PolicyKind.SCP ? ORGANIZATIONS : kind == PolicyKind.RESOURCE ? resource : iam;
        return new AwsException(CODE, 400, message);
    }

    static AwsException syntax(PolicyKind k) { return error(k, SYNTAX, SYNTAX); }

    static AwsException notJson(PolicyKind k) { return error(k, SYNTAX, NOT_JSON); }

    static AwsException unknownField(PolicyKind k, String name) { return error(k, SYNTAX, "Unknown field " + name); }

    static AwsException missingField(PolicyKind k, String name) {
        return error(k, "Missing required field " + name, "Missing required field " + name);
    }

    static AwsException invalidVersion(PolicyKind k) { return error(k, LEGACY, "Invalid policy version"); }

    static AwsException invalidEffect(PolicyKind k, String value) { return error(k, LEGACY, "Invalid effect: " + value); }

    static AwsException principalForbidden(PolicyKind k) { return error(k, NO_PRINCIPAL_ALLOWED, NO_PRINCIPAL_ALLOWED); }

    static AwsException principalMissing(PolicyKind k) {
        return error(k, TRUST_NO_PRINCIPAL, "Missing required field Principal");
    }

    static AwsException invalidPrincipal(PolicyKind k, String type, String value) {
        return error(k, "Invalid principal in policy: \"" + type + "\":\"" + value + "\"", "Invalid principal in policy");
    }

    static AwsException missingAction(PolicyKind k) { return error(k, NEED_ACTIONS, "Missing required field Action"); }

    static AwsException actionVendor(PolicyKind k) { return error(k, VENDOR, "Policy has invalid action"); }

    static AwsException actionColons(PolicyKind k) { return error(k, ONE_COLON, "Policy has invalid action"); }

    static AwsException actionVendorWildcard(PolicyKind k) { return error(k, VENDOR_WILDCARD, "Policy has invalid action"); }

    static AwsException missingResource(PolicyKind k) { return error(k, NEED_RESOURCES, "Missing required field Resource"); }

    static AwsException prohibited(PolicyKind k, String field) {
        return error(k, "Has prohibited field " + field, "Has prohibited field " + field);
    }

    static AwsException invalidResource(PolicyKind k, String value) {
        return error(k, "Resource " + value + " must be in ARN format or \"*\".", "Policy has invalid resource");
    }

    static AwsException conditionVendor(PolicyKind k) { return error(k, VENDOR, "Policy has an invalid condition key"); }

    static AwsException invalidSid(PolicyKind k) { return error(k, SID_CHARS, SID_CHARS); }

    static AwsException duplicateSid(PolicyKind k) { return error(k, SID_UNIQUE, SID_UNIQUE); }
}
