package dev.vigil.iam.policy;

import dev.vigil.core.Arn;
import dev.vigil.core.Caller;
import dev.vigil.core.PrincipalType;
import java.util.Map;

/**
 * Who is asking, as the policy engine needs it.
 *
 * @param arn              the principal's ARN: user ARN, assumed-role session ARN
 *                         ({@code arn:aws:sts::A:assumed-role/R/S}), federated-user ARN, {@code arn:aws:iam::A:root},
 *                         or the service principal name ({@code sns.amazonaws.com}) for AWS_SERVICE
 * @param accountId        the principal's account (null for service and anonymous principals)
 * @param type             principal kind
 * @param userName         IAM user name (only users have aws:username), else the session name or null
 * @param userId           the aws:userid value: AIDA... for users, AROA...:session for role sessions, the account for root
 * @param issuerArn        for a role session the role ARN (with path); for a federated user the IAM user ARN
 * @param tags             principal tags (user/role tags and session tags): aws:PrincipalTag/*
 * @param serviceLinkedRole the session belongs to a service-linked role (SCPs don't apply)
 * @param managementAccount the principal is in the organization's management account (SCPs don't apply)
 * @param federatedProvider for AssumeRoleWithWebIdentity/SAML trust evaluation: the IdP ({@code accounts.google.com}
 *                         or a saml-provider/oidc-provider ARN), matched by {@code "Principal": {"Federated": ...}}
 * @param canonicalUserId  the S3 canonical user id of the account, matched by {@code {"CanonicalUser": ...}}, or null
 * Immutable, thread-safe.
 */
public record RequestPrincipal(String arn, String accountId, PrincipalType type, String userName, String userId,
                               String issuerArn, Map<String, String> tags, boolean serviceLinkedRole,
                               boolean managementAccount, String federatedProvider, String canonicalUserId) {

    public RequestPrincipal {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public static RequestPrincipal root(String accountId) {
        return new RequestPrincipal(Arn.of("iam", "", accountId, "root").toString(), accountId, PrincipalType.ROOT,
                null, accountId, null, Map.of(), false, false, null, null);
    }

    /** @param path the user's path, "/" for none */
    public static RequestPrincipal user(String accountId, String path, String name, String userId, Map<String, String> tags) {
        String arn = Arn.of("iam", "", accountId, "user" + normalizePath(path) + name).toString();
        return new RequestPrincipal(arn, accountId, PrincipalType.IAM_USER, name, userId, null, tags, false, false,
                null, null);
    }

    /** A role session ({@code AssumeRole*}); roleArn carries the role's path, the session ARN does not. */
    public static RequestPrincipal roleSession(String roleArn, String roleId, String sessionName, Map<String, String> tags) {
        Arn role = Arn.parse(roleArn);
        String roleName = role.resource().substring(role.resource().lastIndexOf('/') + 1);
        String arn = Arn.of("sts", "", role.accountId(), "assumed-role/" + roleName + "/" + sessionName).toString();
        return new RequestPrincipal(arn, role.accountId(), PrincipalType.ASSUMED_ROLE, sessionName,
                roleId + ":" + sessionName, roleArn, tags, false, false, null, null);
    }

    /** A federated user session from {@code GetFederationToken} called by the IAM user {@code userArn}. */
    public static RequestPrincipal federatedUser(String userArn, String federatedName) {
        String account = Arn.parse(userArn).accountId();
        String arn = Arn.of("sts", "", account, "federated-user/" + federatedName).toString();
        return new RequestPrincipal(arn, account, PrincipalType.FEDERATED_USER, federatedName,
                account + ":" + federatedName, userArn, Map.of(), false, false, null, null);
    }

    public static RequestPrincipal service(String servicePrincipal) {
        return new RequestPrincipal(servicePrincipal, null, PrincipalType.AWS_SERVICE, null, null, null, Map.of(),
                false, false, null, null);
    }

    public static RequestPrincipal anonymous() {
        return new RequestPrincipal("*", null, PrincipalType.ANONYMOUS, null, "anonymous", null, Map.of(), false,
                false, null, null);
    }

    /** The identity provider of an AssumeRoleWithWebIdentity/SAML call, for evaluating the role's trust policy. */
    public static RequestPrincipal identityProvider(String provider) {
        return new RequestPrincipal(provider, null, PrincipalType.ANONYMOUS, null, null, null, Map.of(), false, false,
                provider, null);
    }

    /** From an authenticated caller; tags and the two SCP exemptions come from IAM and Organizations. */
    public static RequestPrincipal from(Caller caller, Map<String, String> tags, boolean serviceLinkedRole,
                                        boolean managementAccount) {
        String userId = caller.type() == PrincipalType.ROOT ? caller.accountId() : caller.principalId();
        return new RequestPrincipal(caller.arn(), caller.accountId(), caller.type(), caller.userName(), userId,
                caller.sessionIssuerArn(), tags, serviceLinkedRole, managementAccount, null, null);
    }

    public RequestPrincipal withTags(Map<String, String> newTags) {
        return new RequestPrincipal(arn, accountId, type, userName, userId, issuerArn, newTags, serviceLinkedRole,
                managementAccount, federatedProvider, canonicalUserId);
    }

    public RequestPrincipal withServiceLinkedRole(boolean slr) {
        return new RequestPrincipal(arn, accountId, type, userName, userId, issuerArn, tags, slr, managementAccount,
                federatedProvider, canonicalUserId);
    }

    public RequestPrincipal withManagementAccount(boolean mgmt) {
        return new RequestPrincipal(arn, accountId, type, userName, userId, issuerArn, tags, serviceLinkedRole, mgmt,
                federatedProvider, canonicalUserId);
    }

    public RequestPrincipal withCanonicalUserId(String id) {
        return new RequestPrincipal(arn, accountId, type, userName, userId, issuerArn, tags, serviceLinkedRole,
                managementAccount, federatedProvider, id);
    }

    public boolean isRoot() { return type == PrincipalType.ROOT; }

    /** Role sessions and federated user sessions: the principals session policies apply to. */
    public boolean isSession() { return type == PrincipalType.ASSUMED_ROLE || type == PrincipalType.FEDERATED_USER; }

    /** Principals outside any account's IAM: services, anonymous callers, identity providers. They have no
     * identity-based policies, so only a resource-based policy can allow them. */
    public boolean isExternal() {
        return type == PrincipalType.AWS_SERVICE || type == PrincipalType.ANONYMOUS || type == PrincipalType.AWS_ACCOUNT
                || accountId == null;
    }

    /** aws:PrincipalArn: the role ARN (not the session ARN) for role sessions, as AWS documents. */
    String principalArnKey() {
        return type == PrincipalType.ASSUMED_ROLE && issuerArn != null ? issuerArn : arn;
    }

    /** aws:PrincipalType values from "Principal key values". */
    String contextType() {
        return switch (type) {
            case ROOT -> "Account";
            case IAM_USER -> "User";
            case ASSUMED_ROLE -> "AssumedRole";
            case FEDERATED_USER -> "FederatedUser";
            case ANONYMOUS -> "Anonymous";
            case AWS_SERVICE, AWS_ACCOUNT -> null;
        };
    }

    private static String normalizePath(String path) {
        if (path == null || path.isEmpty()) return "/";
        String p = path.startsWith("/") ? path : "/" + path;
        return p.endsWith("/") ? p : p + "/";
    }
}
