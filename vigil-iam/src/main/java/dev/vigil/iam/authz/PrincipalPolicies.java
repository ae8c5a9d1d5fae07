package dev.vigil.iam.authz;

import dev.vigil.iam.policy.AttachedPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The policies IAM holds for a principal, as the authorizer needs them. Implementations are thread-safe. */
public interface PrincipalPolicies {

    /**
     * An IAM user's or role's identity policies (attached managed policies, inline policies and, for users,
     * those of their groups), permissions boundary and tags.
     */
    record PolicySet(List<AttachedPolicy> identity, AttachedPolicy boundary, Map<String, String> tags) {
        public PolicySet {
            identity = List.copyOf(identity);
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }
    }

    /** Empty when the user no longer exists (its keys then fail authentication anyway). */
    Optional<PolicySet> user(String accountId, String userName);

    Optional<PolicySet> role(String accountId, String roleName);

    /**
     * The trust policy of the role an ARN names (path included; the name matched regardless of case, as IAM names
     * are), labelled with the role's ARN, as a resource-based policy of kind TRUST. Empty when there is no such role.
     */
    Optional<AttachedPolicy> trustPolicy(String roleArn);

    /**
     * The default version of a managed policy as the account sees it (AWS's, or the account's own), parsed as a
     * session policy and labelled with its ARN. Empty when the policy does not exist (any more).
     */
    Optional<AttachedPolicy> sessionPolicy(String accountId, String policyArn);
}
