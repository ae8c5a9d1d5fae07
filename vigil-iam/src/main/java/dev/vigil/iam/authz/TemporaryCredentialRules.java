package dev.vigil.iam.authz;

import dev.vigil.core.AwsException;
import dev.vigil.core.Caller;
import dev.vigil.core.PrincipalType;

/**
 * What AWS refuses temporary credentials whatever the policies say: GetSessionToken credentials reach IAM only
 * with MFA ("Permissions for GetSessionToken"), federated users never ("Permissions for GetFederationToken").
 * IAM answers such a request as it answers an unknown token. Stateless.
 */
final class TemporaryCredentialRules {
    private TemporaryCredentialRules() {}

    static void check(Caller caller, String action) {
        if (caller.sessionCreated() == null || !action.startsWith("iam:")) return;
        boolean sessionToken = caller.type() == PrincipalType.IAM_USER || caller.type() == PrincipalType.ROOT;
        if ((sessionToken && !caller.mfaAuthenticated()) || caller.type() == PrincipalType.FEDERATED_USER) {
            throw new AwsException("InvalidClientTokenId", 403, "The security token included in the request is invalid.");
        }
    }
}
