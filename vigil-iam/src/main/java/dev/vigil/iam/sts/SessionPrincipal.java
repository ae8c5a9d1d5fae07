package dev.vigil.iam.sts;

import dev.vigil.core.Caller;
import dev.vigil.core.PrincipalType;
import java.time.Instant;

/**
 * Who an STS session acts as. Immutable.
 *
 * @param type        ASSUMED_ROLE (AssumeRole), FEDERATED_USER (GetFederationToken), IAM_USER or ROOT (GetSessionToken)
 * @param arn         the session's principal ARN: {@code arn:aws:sts::A:assumed-role/R/S},
 *                    {@code arn:aws:sts::A:federated-user/N}, or the user's or root's own ARN
 * @param principalId {@code AROA...:S}, {@code A:N}, the user's AIDA... id, or the account for root
 * @param userName    the role session name, federated user name or IAM user name; null for root
 * @param issuerArn   the role (with its path) or the IAM user (or root) behind the session; null for GetSessionToken
 */
public record SessionPrincipal(String accountId, PrincipalType type, String arn, String principalId, String userName,
                               String issuerArn) {

    /** The principal the gateway authenticates a request signed with the session's key as. */
    Caller caller(String accessKeyId, Instant created, boolean mfaAuthenticated) {
        return new Caller(accountId, arn, type, principalId, accessKeyId, userName, issuerArn, created, mfaAuthenticated);
    }
}
