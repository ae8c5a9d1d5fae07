package dev.vigil.iam.organizations;

import dev.vigil.core.Arn;
import java.util.Locale;

/**
 * Organizations' ARNs ("Resource types defined by AWS Organizations"): everything lives under the management
 * account, the organization id in the path. AWS's own policies live under account "aws". Stateless.
 */
final class OrgArns {
    private OrgArns() {}

    static String organization(Organization o) { return arn(o.managementAccount(), "organization/" + o.orgId()); }

    static String root(Organization o) { return arn(o.managementAccount(), "root/" + o.orgId() + "/" + o.rootId()); }

    static String ou(Organization o, String ouId) { return arn(o.managementAccount(), "ou/" + o.orgId() + "/" + ouId); }

    static String account(Organization o, String accountId) {
        return arn(o.managementAccount(), "account/" + o.orgId() + "/" + accountId);
    }

    static String policy(Organization o, String type, String policyId) {
        if (OrgPolicies.isAwsManaged(policyId)) return arn("aws", "policy/" + typePath(type) + "/" + policyId);
        return arn(o.managementAccount(), "policy/" + o.orgId() + "/" + typePath(type) + "/" + policyId);
    }

    static String handshake(Organization o, String action, String handshakeId) {
        String a = action.toLowerCase(Locale.ROOT).replace("_", "");
        return arn(o.managementAccount(), "handshake/" + o.orgId() + "/" + a + "/" + handshakeId);
    }

    /** The ARN of a root, OU, account or policy by its id, for authorization and CloudTrail resources. */
    static String target(Organization o, String id) {
        return switch (OrgIds.kind(id)) {
            case ROOT -> root(o);
            case OU -> ou(o, id);
            case ACCOUNT -> account(o, id);
            case NONE -> "*";
        };
    }

    private static String typePath(String type) { return type.toLowerCase(Locale.ROOT); }

    private static String arn(String account, String resource) { return Arn.of("organizations", "", account, resource).toString(); }
}
