package dev.vigil.core;

import java.time.Instant;

/**
 * Who made a request, as established by signature verification. Immutable.
 *
 * @param accountId      the 12-digit account the principal belongs to
 * @param arn            principal ARN (root: arn:aws:iam::ACCOUNT:root)
 * @param type           principal kind
 * @param principalId    AWS's unique id (account id for root, AIDA... for users, AROA...:session for roles)
 * @param accessKeyId    the key that signed the request, or null for service principals
 * @param userName       IAM user name, role session name, or null
 * @param sessionIssuerArn for assumed roles and federated users, the role or user that issued the session
 * @param sessionCreated when the session's credentials were issued, or null
 * @param mfaAuthenticated whether the session was created with MFA
 */
public record Caller(String accountId, String arn, PrincipalType type, String principalId, String accessKeyId,
                     String userName, String sessionIssuerArn, Instant sessionCreated, boolean mfaAuthenticated) {

    public static Caller root(String accountId, String accessKeyId) {
        return new Caller(accountId, Arn.of("iam", "", accountId, "root").toString(), PrincipalType.ROOT,
                accountId, accessKeyId, null, null, null, false);
    }

    public static Caller service(String servicePrincipal, String accountId) {
        return new Caller(accountId, servicePrincipal, PrincipalType.AWS_SERVICE, servicePrincipal, null,
                null, null, null, false);
    }
}
