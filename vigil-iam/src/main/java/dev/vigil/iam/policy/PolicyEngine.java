package dev.vigil.iam.policy;

import dev.vigil.core.PrincipalType;
import dev.vigil.iam.policy.Decision.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * AWS's policy evaluation logic ("Policy evaluation logic", "Determining whether a request is allowed or
 * denied within an account", "Cross-account policy evaluation logic"), as a pure function of an
 * {@link AuthorizationRequest}:
 * <ol>
 * <li>An explicit deny in any applicable policy wins: SCPs, the resource-based policy, identity-based
 *     policies, the permissions boundary, session policies.</li>
 * <li>SCPs need an Allow at every level from the root to the account. They apply to every principal of
 *     a member account, its root user included, except service-linked roles; principals of the management
 *     account are not affected.</li>
 * <li>Service principals, anonymous callers and identity providers have no identity: only a resource-based
 *     policy can allow them.</li>
 * <li>Cross-account: the principal's account must allow (identity-based policy, then boundary and session
 *     policies), and the resource's policy must allow the principal.</li>
 * <li>Same account: the root user is allowed. A resource-based policy that names the user, the session, or
 *     {@code *} allows on its own, whatever the other policy types say. One that names the role behind a
 *     session (or the IAM user behind a federated user) counts as identity-based permission, still limited by
 *     the boundary and session policies. Otherwise an identity-based policy must allow, then the boundary,
 *     then the session policies (a role session without session policies passes; a federated user session
 *     without one does not). Role trust policies must allow in any case.</li>
 * </ol>
 * Stateless and thread-safe; one instance can serve every request.
 */
public final class PolicyEngine {

    public Decision evaluate(AuthorizationRequest r) {
        return new Evaluation(r).decide();
    }

    /** Per-policy-type tallies of the statements that applied. */
    private static final class Tally {
        boolean allow;
        boolean deny;
        boolean allowDirect;  // resource-based policy named the principal itself (or *)
        boolean allowEntity;  // resource-based policy named the role/user behind the session
    }

    /** One request's evaluation; holds the matched-statement list. Not thread-safe, never shared. */
    private static final class Evaluation {
        private final AuthorizationRequest r;
        private final RequestPrincipal p;
        private final ConditionContext ctx;
        private List<MatchedStatement> matched;

        Evaluation(AuthorizationRequest r) {
            this.r = r;
            this.p = r.principal();
            this.ctx = r.context();
        }

        Decision decide() {
            boolean external = p.isExternal();
            boolean hasIdentity = !external && !p.isRoot();
            boolean scpApplies = !external && !p.serviceLinkedRole() && !p.managementAccount() && !r.scpLevels().isEmpty();

            boolean scpDeny = false;
            boolean scpMissingAllow = false;
            if (scpApplies) {
                for (ScpLevel level : r.scpLevels()) {
                    Tally t = tally(level.policies(), PolicyType.SCP);
                    scpDeny |= t.deny;
                    scpMissingAllow |= !t.allow;
                }
            }
            PolicyType rbpType = r.resourcePolicy() != null && r.resourcePolicy().policy().kind() == PolicyKind.TRUST
                    ? PolicyType.ROLE_TRUST : PolicyType.RESOURCE;
            Tally rbp = tally(r.resourcePolicy(), rbpType, new Tally());
            Tally identity = hasIdentity ? tally(r.identityPolicies(), PolicyType.IDENTITY) : new Tally();
            Tally boundary = hasIdentity && r.permissionsBoundary() != null
                    ? tally(r.permissionsBoundary(), PolicyType.BOUNDARY, new Tally()) : null;
            Tally session = hasIdentity && p.isSession() && !r.sessionPolicies().isEmpty()
                    ? tally(r.sessionPolicies(), PolicyType.SESSION) : null;

            // 1. Deny evaluation: an explicit deny in any policy is final.
            if (scpDeny) return deny(Outcome.EXPLICIT_DENY, PolicyType.SCP);
            if (rbp.deny) return deny(Outcome.EXPLICIT_DENY, rbpType);
            if (identity.deny) return deny(Outcome.EXPLICIT_DENY, PolicyType.IDENTITY);
            if (boundary != null && boundary.deny) return deny(Outcome.EXPLICIT_DENY, PolicyType.BOUNDARY);
            if (session != null && session.deny) return deny(Outcome.EXPLICIT_DENY, PolicyType.SESSION);

            // 2. Organizations SCPs: an Allow is needed at every level.
            if (scpMissingAllow) return deny(Outcome.IMPLICIT_DENY, PolicyType.SCP);

            // 3. Principals without identity-based policies.
            if (external) return rbp.allow ? allow() : deny(Outcome.IMPLICIT_DENY, rbpType);

            // 4. Cross-account: both accounts must allow.
            if (r.crossAccount()) {
                if (!p.isRoot()) {
                    PolicyType missing = identitySide(identity.allow, boundary, session);
                    if (missing != null) return deny(Outcome.IMPLICIT_DENY, missing);
                }
                return rbp.allow ? allow() : deny(Outcome.IMPLICIT_DENY, rbpType);
            }

            // 5. Same account.
            if (p.isRoot()) return allow();
            if (rbp.allowDirect) return allow();
            if (rbpType == PolicyType.ROLE_TRUST && !rbp.allow) return deny(Outcome.IMPLICIT_DENY, rbpType);
            PolicyType missing = identitySide(identity.allow || rbp.allowEntity, boundary, session);
            return missing == null ? allow() : deny(Outcome.IMPLICIT_DENY, missing);
        }

        /** Identity-based permission, cut down by the boundary and the session policies; null when allowed. */
        private PolicyType identitySide(boolean identityAllows, Tally boundary, Tally session) {
            if (!identityAllows) return PolicyType.IDENTITY;
            if (boundary != null && !boundary.allow) return PolicyType.BOUNDARY;
            if (session != null) return session.allow ? null : PolicyType.SESSION;
            // "If there is no session policy ... if the principal is a role session, the request is allowed.
            // Otherwise the request is implicitly denied": a federated user session needs a session policy.
            return p.type() == PrincipalType.FEDERATED_USER ? PolicyType.SESSION : null;
        }

        private Tally tally(List<AttachedPolicy> policies, PolicyType type) {
            Tally t = new Tally();
            for (int i = 0; i < policies.size(); i++) tally(policies.get(i), type, t);
            return t;
        }

        /** Adds one policy's applicable statements to the tally; indexed loops keep evaluation allocation-free. */
        private Tally tally(AttachedPolicy ap, PolicyType type, Tally t) {
            if (ap == null) return t;
            String action = r.action();
            String resource = r.resource();
            List<Statement> statements = ap.policy().statements();
            for (int j = 0; j < statements.size(); j++) {
                Statement s = statements.get(j);
                if (!s.matchesAction(action)) continue;
                PrincipalSpec.Match how = s.principalMatch(p);
                if (how == PrincipalSpec.Match.NONE) continue;
                if (!s.matchesResource(resource, ctx) || !s.conditionsHold(ctx)) continue;
                record(new MatchedStatement(type, ap.id(), s.index(), s.sid(), s.effect()));
                if (s.effect() == Effect.DENY) {
                    t.deny = true;
                    continue;
                }
                t.allow = true;
                if (how == PrincipalSpec.Match.DIRECT && s.hasPrincipal()) t.allowDirect = true;
                if (how == PrincipalSpec.Match.ENTITY) t.allowEntity = true;
            }
            return t;
        }

        private void record(MatchedStatement m) {
            if (matched == null) matched = new ArrayList<>(4);
            matched.add(m);
        }

        private List<MatchedStatement> matchedList() {
            return matched == null ? List.of() : Collections.unmodifiableList(matched);
        }

        private Decision allow() { return new Decision(Outcome.ALLOWED, null, matchedList()); }

        private Decision deny(Outcome outcome, PolicyType type) { return new Decision(outcome, type, matchedList()); }
    }
}
