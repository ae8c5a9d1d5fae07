package dev.vigil.iam.authz;

import dev.vigil.iam.policy.ScpLevel;
import java.util.List;
import java.util.Optional;

/**
 * Where an account sits in AWS Organizations, as the authorizer needs it (owned by Organizations): the SCPs from the
 * root through each OU to the account, whether it is the management account (exempt from SCPs), and the values of
 * {@code aws:PrincipalOrgID} and {@code aws:PrincipalOrgPaths}. Implementations are thread-safe.
 */
@FunctionalInterface
public interface OrganizationChains {
    /** For deployments without Organizations: no account is in an organization. */
    OrganizationChains NONE = accountId -> Optional.empty();

    /**
     * @param scps     root first, the account last; empty when SCPs are not enabled in the organization
     * @param orgPath  {@code o-x/r-x/ou-a/ou-b/}: the path of the account's parent, as aws:PrincipalOrgPaths holds it
     */
    record Chain(String orgId, boolean managementAccount, List<ScpLevel> scps, String orgPath) {
        public Chain {
            scps = List.copyOf(scps);
        }

        /** The SCPs that limit the account's principals: none for the management account. */
        public List<ScpLevel> limiting() { return managementAccount ? List.of() : scps; }
    }

    /** Empty for an account in no organization. */
    Optional<Chain> chain(String accountId);
}
