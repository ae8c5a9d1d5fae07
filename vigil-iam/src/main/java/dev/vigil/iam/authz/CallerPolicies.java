package dev.vigil.iam.authz;

import dev.vigil.core.Arn;
import dev.vigil.core.Caller;
import dev.vigil.core.PrincipalType;
import dev.vigil.iam.authz.PrincipalPolicies.PolicySet;
import dev.vigil.iam.authz.SessionGrants.SessionGrant;
import dev.vigil.iam.policy.AttachedPolicy;
import dev.vigil.iam.policy.PolicyKind;
import dev.vigil.iam.policy.RequestPrincipal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the engine evaluates for a signed caller, gathered from IAM and STS: the principal (with its tags),
 * identity policies and boundary (the user's, or the role's behind a role session, or the issuing user's behind a
 * federated user), session policies, and the session's source identity. Immutable.
 */
record CallerPolicies(RequestPrincipal principal, List<AttachedPolicy> identity, AttachedPolicy boundary,
                      List<AttachedPolicy> sessionPolicies, String sourceIdentity) {

    /**
     * A federated user issued by the account's root user holds root's permissions cut down by its session policies
     * ("Permissions for GetFederationToken"); root has no policies to read them from, so this stands for them.
     */
    private static final AttachedPolicy ROOT_PERMISSIONS = AttachedPolicy.of("root",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
            PolicyKind.IDENTITY);
    /**
     * Stands for session policies that were passed but no longer exist (deleted managed policies): they allow
     * nothing, and a session created with session policies must not fall back to its role's full permissions.
     */
    private static final AttachedPolicy NO_PERMISSIONS = AttachedPolicy.of("deleted-session-policies",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"NotAction\":\"*\",\"Resource\":\"*\"}]}",
            PolicyKind.SESSION);
    static final String INLINE_SESSION_POLICY = "session-policy";

    /** For IAM users, role sessions and federated users (the principals with identity-based policies). */
    static CallerPolicies of(Caller caller, PrincipalPolicies policies, SessionGrants sessions) {
        Optional<SessionGrant> grant = caller.sessionCreated() == null || caller.accessKeyId() == null
                ? Optional.empty() : sessions.grant(caller.accessKeyId());
        Map<String, String> sessionTags = grant.map(SessionGrant::tags).orElse(Map.of());
        String account = caller.accountId();
        Optional<PolicySet> set;
        RequestPrincipal principal;
        switch (caller.type()) {
            case IAM_USER -> {
                set = policies.user(account, caller.userName());
                principal = user(caller, merge(set, sessionTags));
            }
            case ASSUMED_ROLE -> {
                String roleArn = caller.sessionIssuerArn();
                set = roleArn == null ? Optional.empty() : policies.role(account, lastSegment(roleArn));
                principal = roleArn == null ? RequestPrincipal.from(caller, sessionTags, false, false)
                        : RequestPrincipal.roleSession(roleArn, before(caller.principalId(), ':'), caller.userName(),
                                merge(set, sessionTags));
            }
            case FEDERATED_USER -> {
                String issuer = caller.sessionIssuerArn();
                boolean byRoot = issuer == null || issuer.endsWith(":root");
                set = byRoot ? Optional.of(new PolicySet(List.of(ROOT_PERMISSIONS), null, Map.of()))
                        : policies.user(account, lastSegment(issuer));
                principal = RequestPrincipal.federatedUser(issuer == null ? Arn.of("iam", "", account, "root").toString()
                        : issuer, caller.userName()).withTags(merge(set, sessionTags));
            }
            default -> throw new IllegalArgumentException("no identity-based policies for " + caller.type());
        }
        List<AttachedPolicy> identity = set.map(PolicySet::identity).orElse(List.of());
        AttachedPolicy boundary = set.map(PolicySet::boundary).orElse(null);
        return new CallerPolicies(principal, identity, boundary,
                grant.map(g -> sessionPolicies(account, g, policies)).orElse(List.of()),
                grant.map(SessionGrant::sourceIdentity).orElse(null));
    }

    private static List<AttachedPolicy> sessionPolicies(String account, SessionGrant g, PrincipalPolicies policies) {
        List<AttachedPolicy> out = new ArrayList<>();
        if (g.inlinePolicy() != null) {
            out.add(AttachedPolicy.of(INLINE_SESSION_POLICY, g.inlinePolicy(), PolicyKind.SESSION));
        }
        for (String arn : g.policyArns()) policies.sessionPolicy(account, arn).ifPresent(out::add);
        if (out.isEmpty() && g.hasSessionPolicies()) out.add(NO_PERMISSIONS);
        return out;
    }

    private static RequestPrincipal user(Caller caller, Map<String, String> tags) {
        String resource = Arn.parse(caller.arn()).resource(); // user/<path>name
        String pathAndName = resource.substring("user".length());
        String path = pathAndName.substring(0, pathAndName.lastIndexOf('/') + 1);
        return RequestPrincipal.user(caller.accountId(), path, caller.userName(), caller.principalId(), tags);
    }

    /** The entity's tags overridden by session tags of the same key, in any case ("Passing session tags in STS"). */
    private static Map<String, String> merge(Optional<PolicySet> set, Map<String, String> sessionTags) {
        Map<String, String> out = new LinkedHashMap<>(set.map(PolicySet::tags).orElse(Map.of()));
        sessionTags.forEach((k, v) -> {
            out.keySet().removeIf(existing -> existing.equalsIgnoreCase(k));
            out.put(k, v);
        });
        return out;
    }

    private static String lastSegment(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    private static String before(String s, char c) {
        int i = s.indexOf(c);
        return i < 0 ? s : s.substring(0, i);
    }
}
