package dev.vigil.iam.authz;

import dev.vigil.core.AwsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The actions decided against a role's trust policy (the role's resource-based policy) as well as the caller's
 * own policies. Passing session tags also needs {@code sts:TagSession} and setting (or carrying on) a source
 * identity {@code sts:SetSourceIdentity}, both allowed by both sides ("Passing session tags in AWS STS",
 * "Monitor and control actions taken with assumed roles"). STS words every such denial without a reason, and the
 * same for a role that does not exist, which it does not reveal. Stateless.
 */
final class RoleTrust {
    static final String ASSUME_ROLE = "sts:AssumeRole";

    private RoleTrust() {}

    static boolean governs(String action) { return action.equals(ASSUME_ROLE); }

    /** The actions one AssumeRole request needs, given its condition keys. */
    static List<String> actions(String action, Map<String, List<String>> keys) {
        List<String> out = new ArrayList<>(3);
        out.add(action);
        List<String> tagKeys = keys.get("aws:TagKeys");
        if (tagKeys != null && !tagKeys.isEmpty()) out.add("sts:TagSession");
        if (keys.containsKey("sts:SourceIdentity")) out.add("sts:SetSourceIdentity");
        return out;
    }

    static AwsException denied(String principalArn, String action, String resource) {
        return new AwsException("AccessDenied", 403,
                "User: " + principalArn + " is not authorized to perform: " + action + " on resource: " + resource);
    }
}
