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
}
